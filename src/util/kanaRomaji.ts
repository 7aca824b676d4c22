/**
 * Kana → romaji (Hepburn, without long-vowel marks: おお/おう → o, うう → u), so that a port name typed in kana
 * (かまいし, カマイシ) can be compared with the registry's romanised names. Characters that are not kana are kept.
 */

const BASE: Record<string, string> = {
  あ: 'a', い: 'i', う: 'u', え: 'e', お: 'o',
  か: 'ka', き: 'ki', く: 'ku', け: 'ke', こ: 'ko',
  さ: 'sa', し: 'shi', す: 'su', せ: 'se', そ: 'so',
  た: 'ta', ち: 'chi', つ: 'tsu', て: 'te', と: 'to',
  な: 'na', に: 'ni', ぬ: 'nu', ね: 'ne', の: 'no',
  は: 'ha', ひ: 'hi', ふ: 'fu', へ: 'he', ほ: 'ho',
  ま: 'ma', み: 'mi', む: 'mu', め: 'me', も: 'mo',
  や: 'ya', ゆ: 'yu', よ: 'yo',
  ら: 'ra', り: 'ri', る: 'ru', れ: 're', ろ: 'ro',
  わ: 'wa', ゐ: 'i', ゑ: 'e', を: 'o', ん: 'n',
  が: 'ga', ぎ: 'gi', ぐ: 'gu', げ: 'ge', ご: 'go',
  ざ: 'za', じ: 'ji', ず: 'zu', ぜ: 'ze', ぞ: 'zo',
  だ: 'da', ぢ: 'ji', づ: 'zu', で: 'de', ど: 'do',
  ば: 'ba', び: 'bi', ぶ: 'bu', べ: 'be', ぼ: 'bo',
  ぱ: 'pa', ぴ: 'pi', ぷ: 'pu', ぺ: 'pe', ぽ: 'po',
  ぁ: 'a', ぃ: 'i', ぅ: 'u', ぇ: 'e', ぉ: 'o', ゔ: 'vu',
};
const SMALL_Y: Record<string, string> = { ゃ: 'a', ゅ: 'u', ょ: 'o' };

/** カタカナ → ひらがな (NFKC has already made half-width katakana full width). */
const toHiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCodePoint(c.codePointAt(0)! - 0x60));

export const hasKana = (s: string) => /[\u3041-\u3096\u30a1-\u30fa]/u.test(s);

export function kanaToRomaji(raw: string): string {
  const chars = [...toHiragana(raw.normalize('NFKC'))];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    if (c === 'っ') {
      const following = next ? BASE[next] : undefined;
      if (following) out += following.startsWith('ch') ? 't' : following[0];
      continue;
    }
    if (c === 'ー') continue;
    const base = BASE[c];
    if (base === undefined) {
      out += c;
      continue;
    }
    if (next && SMALL_Y[next] && base.endsWith('i') && base.length > 1) {
      const stem = base.slice(0, -1);
      out += (stem === 'sh' || stem === 'ch' || stem === 'j' ? stem : `${stem}y`) + SMALL_Y[next];
      i++;
      continue;
    }
    out += base;
  }
  return out.replace(/ou|oo/g, 'o').replace(/uu/g, 'u');
}
