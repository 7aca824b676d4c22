import type { Inline, TextStyle } from '../../document/tree.ts';
import { PLAIN } from '../../document/tree.ts';
import { displayText } from '../displayText.ts';
import { type BreakOpportunity, breakOpportunities } from '../textSegments.ts';
import { type FontRole, metricsFor } from './fonts.ts';
import { glyphUnits } from './variationSelectors.ts';

/**
 * Japanese line breaking for the PDF: the break opportunities of textSegments.ts, filled greedily with
 * cached advance widths. A segment wider than the line (a long URL) is split per character.
 */

export interface Piece {
  text: string;
  role: FontRole;
  style: TextStyle;
  /** Width at size 1. */
  width: number;
  /** Code points drawn, for character spacing when justifying. */
  glyphs: number;
}

export interface Line {
  pieces: Piece[];
  /** Width at size 1. */
  width: number;
  /** The line ends the paragraph or a forced break: it is not justified. */
  last: boolean;
}

/** Shown instead of a character that no embedded font can draw (〓 is the customary stand-in). */
export const REPLACEMENT = '〓';

// Invisible or formatting characters that would otherwise draw as .notdef boxes.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

export function sanitize(text: string): string {
  return text.replace(/\t/g, ' ').replace(INVISIBLE, '');
}

function roleFor(char: string, style: TextStyle): { role: FontRole; char: string } {
  const primary: FontRole = style.bold ? 'bold' : 'regular';
  if (metricsFor(primary).has(char)) return { role: primary, char };
  if (metricsFor('emoji').has(char)) return { role: 'emoji', char };
  return { role: primary, char: REPLACEMENT };
}

interface StyledChar {
  char: string;
  role: FontRole;
  style: TextStyle;
  width: number;
}

function styledChars(children: readonly Inline[]): { text: string; chars: StyledChar[]; offsets: number[] } {
  let text = '';
  const chars: StyledChar[] = [];
  const offsets: number[] = [];
  for (const child of children) {
    if (child.type === 'br') {
      offsets.push(text.length);
      text += '\n';
      chars.push({ char: '\n', role: 'regular', style: PLAIN, width: 0 });
      continue;
    }
    if (child.type !== 'text') continue;
    for (const raw of glyphUnits(displayText(sanitize(child.text)))) {
      const { role, char } = roleFor(raw, child.style);
      offsets.push(text.length);
      text += char;
      chars.push({ char, role, style: child.style, width: metricsFor(role).width(char) });
    }
  }
  return { text, chars, offsets };
}

const sameStyle = (a: TextStyle, b: TextStyle) =>
  a === b || (a.bold === b.bold && a.underline === b.underline && a.mark === b.mark);

function toPieces(chars: readonly StyledChar[]): Piece[] {
  const pieces: Piece[] = [];
  for (const c of chars) {
    const last = pieces.at(-1);
    if (last && last.role === c.role && sameStyle(last.style, c.style)) {
      last.text += c.char;
      last.width += c.width;
      last.glyphs += 1;
    } else pieces.push({ text: c.char, role: c.role, style: c.style, width: c.width, glyphs: 1 });
  }
  return pieces;
}

const isSpace = (c: StyledChar) => c.char === ' ' || c.char === '\u3000';
const sum = (chars: readonly StyledChar[]) => chars.reduce((w, c) => w + c.width, 0);

/**
 * Breaks inline content into lines no wider than `maxWidth` (in size-1 units, i.e. width / font size).
 * `keepWords`: keep katakana words whole where they fit (table cells, headings).
 */
export function breakLines(children: readonly Inline[], maxWidth: number, firstIndent = 0, keepWords = false): Line[] {
  const { text, chars, offsets } = styledChars(children);
  const indexAt = new Map(offsets.map((o, i) => [o, i]));
  const lines: Line[] = [];
  let current: StyledChar[] = [];
  let width = 0;
  const limit = () => (lines.length === 0 ? maxWidth - firstIndent : maxWidth);

  const endLine = (last: boolean) => {
    while (current.length && isSpace(current.at(-1)!)) current.pop();
    lines.push({ pieces: toPieces(current), width: sum(current), last });
    current = [];
    width = 0;
  };

  const visibleWidth = (segment: readonly StyledChar[]) => {
    let trimmed = segment.length;
    while (trimmed > 0 && isSpace(segment[trimmed - 1]!)) trimmed--;
    return sum(segment.slice(0, trimmed));
  };
  const add = (segment: readonly StyledChar[]) => {
    const visible = visibleWidth(segment);
    if (width + visible > limit() && current.length) endLine(false);
    if (visible > limit()) {
      for (const c of segment) {
        if (width + c.width > limit() && current.length && !isSpace(c)) endLine(false);
        if (!(current.length === 0 && isSpace(c))) {
          current.push(c);
          width += c.width;
        }
      }
    } else {
      current.push(...segment);
      width += sum(segment);
    }
  };
  const slice = (from: number, to: number) => chars.slice(indexAt.get(from) ?? chars.length, indexAt.get(to) ?? chars.length);

  // a word kept whole that is wider than a line breaks where UAX #14 lets it, not anywhere
  let strict: readonly BreakOpportunity[] | undefined; // looked up only for such a word
  let next = 0;
  let start = 0;
  for (const brk of breakOpportunities(text, keepWords)) {
    let end = brk.position;
    const hard = text[end - 1] === '\n';
    if (hard) end--;
    const segment = slice(start, end);
    if (keepWords && visibleWidth(segment) > maxWidth) {
      strict ??= breakOpportunities(text);
      while (next < strict.length && strict[next]!.position <= start) next++;
      let from = start;
      for (; next < strict.length && strict[next]!.position < end; next++) {
        add(slice(from, strict[next]!.position));
        from = strict[next]!.position;
      }
      add(slice(from, end));
    } else add(segment);
    start = brk.position;
    if (hard) endLine(true);
  }
  if (current.length || lines.length === 0 || lines.at(-1)!.last === false) endLine(true);
  else lines.at(-1)!.last = true;
  return lines;
}
