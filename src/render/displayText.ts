import type { ListStyle } from '../document/tree.ts';
import { listMarker } from '../document/tree.ts';

/**
 * Text as both writers show it. Digits and Latin letters are shown half-width throughout a document: user text
 * holds IP addresses, model numbers, versions, telephone numbers and e-mail addresses, which read (and copy) only
 * half-width, and era dates come half-width from Intl. Full-width ones (０-９, Ａ-Ｚ, ａ-ｚ) are shown half-width.
 * Only the display changes; the filing keeps what the user typed.
 */
export function displayText(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Advance width of a character in em as a Japanese Mincho sets it, erring wide: ＭＳ 明朝 sets every half-width
 * character at ½ em, but proportional Minchos (游明朝, IPAex明朝) set capitals and m/w wider. For the Word writer,
 * which cannot measure with the font the reader's Word will use.
 */
export function japaneseWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (code === 0x4d || code === 0x57 || code === 0x6d || code === 0x77 || code === 0x40 || code === 0x25) return 0.9; // M W m w @ %
  if ((code >= 0x41 && code <= 0x5a) || code === 0x26) return 0.7; // A-Z &
  if (code < 0x0370) return 0.55; // the rest of ASCII and Latin
  if (code >= 0xff61 && code <= 0xffdc) return 0.5; // half-width katakana and Hangul
  if (code >= 0x2000 && code <= 0x200f) return 0.5; // spaces
  return 1;
}

export function japaneseTextWidth(text: string): number {
  let width = 0;
  for (const char of text) width += japaneseWidth(char);
  return width;
}

/** The hanging indent (in em) that holds every marker of a list of `count` items, in half-em steps. */
export function listIndent(style: ListStyle, count: number): number {
  const widest = japaneseTextWidth(listMarker(style, Math.max(1, count))); // the last marker has the most digits
  return Math.ceil((widest + 0.5) * 2) / 2;
}
