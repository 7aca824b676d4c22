/**
 * Japanese as clerks type it, folded so that one spelling of a term finds the others: full-width and
 * half-width forms (NFKC), blanks (PDF text layers put spaces between characters), the katakana long vowel
 * at a word's end (サーバー／サーバ), 送り仮名 variants (行なう／行う, 取り扱い／取扱い) and a few
 * spellings of the same word (ウィルス／ウイルス, ぜい弱性／脆弱性).
 *
 * Two forms: `foldText` for a document's text (also lower-cased, blanks removed) and `foldTerm` for a term
 * of the terms table, which is a regular-expression fragment and must keep its syntax (no lower-casing, no
 * removal of `\s`).
 */

/** Spellings of one word, the first being the one kept. Applied after NFKC, in this order. */
const VARIANTS: readonly (readonly [RegExp, string])[] = [
  [/行な(?=[わいうえおっ])/g, '行'],
  [/取り?扱い?/g, '取扱'],
  [/取り?組み?/g, '取組'],
  [/切り?離/g, '切離'],
  [/切り?替え?/g, '切替'],
  [/取り?替え?/g, '取替'],
  [/入れ?替え?/g, '入替'],
  [/書き?換え?/g, '書換'],
  [/割り?当て?/g, '割当'],
  [/申し?込み?/g, '申込'],
  [/打ち?合わ?せ/g, '打合せ'],
  [/受け?付け?/g, '受付'],
  [/立ち?上げ/g, '立上げ'],
  [/組み?込み?/g, '組込'],
  [/見直し/g, '見直'],
  [/ウィルス/g, 'ウイルス'],
  [/ぜい弱/g, '脆弱'],
  [/漏洩/g, '漏えい'],
  [/埠頭/g, 'ふ頭'],
  [/ファイヤ/g, 'ファイア'],
  [/e-?ラーニング|イーラーニング/gi, 'eラーニング'],
  [/シーサート/g, 'CSIRT'],
  [/ヴァ/g, 'バ'],
  [/ヴ/g, 'ブ'],
];

/** The katakana long vowel at a word's end: サーバー → サーバ, ルーター → ルータ (not データ, not パスワード). */
const TRAILING_LONG_VOWEL = /([\u30A1-\u30FA])ー(?![\u30A1-\u30FCー])/g;

function foldCommon(s: string): string {
  let out = s
    // full stops and commas typed as ．，: sentence marks, except between digits (１．２)
    .replace(/(?<![0-9０-９])．|．(?![0-9０-９])/g, '。')
    .replace(/，/g, '、')
    .normalize('NFKC')
    // NFKC keeps the ideographic comma/full stop; it maps the half-width katakana ｰ to ー
    .replace(/[‐‑‒–—―−ｰ]/g, (c) => (c === 'ｰ' ? 'ー' : '-'));
  out = out.replace(TRAILING_LONG_VOWEL, '$1');
  for (const [pattern, replacement] of VARIANTS) out = out.replace(pattern, replacement);
  return out;
}

/** A document's text, for matching: NFKC, variants folded, lower case, no blanks. */
export function foldText(s: string): string {
  return foldCommon(s).toLowerCase().replace(/[\s\u3000]+/g, '');
}

/** A term (a regular-expression fragment) folded like the text it is matched against. */
export function foldTerm(s: string): string {
  return foldCommon(s).replace(/ +/g, '');
}

/**
 * The numbering a clerk puts in front of an item: 第1, 1., 1-2, (1), （１）, ①, ア., (ア), a), ・, ●, ■ …
 * Returns the label and its depth guess (1 = top), or undefined when the text starts without one.
 */
export function leadingLabel(raw: string): { label: string; depth: number; rest: string } | undefined {
  // ①–⑳ first: NFKC would make them plain digits
  const circled = /^[\s\u3000]*([①-⑳])[\s\u3000]*/.exec(raw);
  if (circled && circled[0].length < raw.length) return { label: circled[1]!, depth: 3, rest: raw.slice(circled[0].length).normalize('NFKC') };
  const s = raw.normalize('NFKC').replace(/^[\s\u3000]+/, '');
  const patterns: readonly [RegExp, number][] = [
    [/^第[0-9一二三四五六七八九十]+[章節条項部]?[\s.、:：]*/, 1],
    [/^[0-9]+(?:[.\-][0-9]+){2,}\.?[\s、:：]*/, 3],
    [/^[0-9]+[.\-][0-9]+\.?[\s、:：]*/, 2],
    [/^[0-9]+[.、)](?![0-9])[\s]*/, 1],
    [/^[0-9]+\s+/, 1],
    [/^\([0-9]+\)[\s]*/, 2],
    [/^[①-⑳][\s]*/, 3],
    [/^\([ア-ン]\)[\s]*|^[ア-ン][.、)][\s]*|^[ア-ン]\s+/, 4],
    [/^\([a-z]\)[\s]*|^[a-z][.)][\s]*/, 4],
    [/^[一二三四五六七八九十]+[、.][\s]*/, 1],
    [/^[\uF000-\uF8FF・●○■□◆◇▪▫•◎\-*※]\s*/, 5],
  ];
  for (const [pattern, depth] of patterns) {
    const m = pattern.exec(s);
    if (m && m[0].length < s.length) return { label: m[0].trim(), depth, rest: s.slice(m[0].length) };
  }
  return undefined;
}

/** Sentences of a folded text: split after 。 and at line ends; empty pieces dropped. */
export function sentences(folded: string): string[] {
  return folded
    .split(/(?<=。)|\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
