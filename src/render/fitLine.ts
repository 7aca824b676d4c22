import type { Inline, TextStyle } from '../document/tree.ts';
import { displayText } from './displayText.ts';

/**
 * A running header or footer line must stay on its one line, above (or below) the body: content too wide is set
 * a little smaller, and if it still does not fit, its middle gives way to an ellipsis, so that both the start
 * (the applicant) and the end (what the document is) stay readable. Both writers use it, each with its own measure.
 */

export const ELLIPSIS = '…';
/** Page-number fields are measured as this many digits. */
const FIELD_TEXT = '999';

type Unit = { inline: Inline; char: string; style: TextStyle | null };

export interface FittedLine {
  children: Inline[];
  /** Font-size factor (≤ 1) the line is set at. */
  scale: number;
  truncated: boolean;
}

export function fitOnOneLine(
  children: readonly Inline[],
  width: number,
  measure: (char: string, style: TextStyle | null) => number,
  minScale = 0.85,
): FittedLine {
  const units: Unit[] = [];
  for (const c of children) {
    if (c.type === 'text') for (const char of displayText(c.text)) units.push({ inline: c, char, style: c.style });
    else if (c.type === 'br') units.push({ inline: c, char: '\u3000', style: null }); // one line: a break becomes a space
    else units.push({ inline: c, char: FIELD_TEXT, style: null });
  }
  const widthOf = (u: Unit) => [...u.char].reduce((w, ch) => w + measure(ch, u.style), 0);
  const widths = units.map(widthOf);
  const total = widths.reduce((a, b) => a + b, 0);
  if (total <= width) return { children: rebuild(units), scale: 1, truncated: false };
  if (total * minScale <= width) return { children: rebuild(units), scale: width / total, truncated: false };

  const lastStyle = [...units].reverse().find((u) => u.style)?.style ?? null;
  const budget = width / minScale - measure(ELLIPSIS, lastStyle);
  let head = 0;
  let used = 0;
  while (head < units.length && used + widths[head]! <= budget / 2) used += widths[head++]!;
  let tail = units.length;
  while (tail > head && used + widths[tail - 1]! <= budget) used += widths[--tail]!;
  const style = units[Math.max(0, head - 1)]?.style ?? lastStyle ?? { bold: false, underline: false, mark: null };
  const ellipsis: Unit = { inline: { type: 'text', text: ELLIPSIS, style }, char: ELLIPSIS, style };
  return { children: rebuild([...units.slice(0, head), ellipsis, ...units.slice(tail)]), scale: minScale, truncated: true };
}

function rebuild(units: readonly Unit[]): Inline[] {
  const out: Inline[] = [];
  for (const u of units) {
    if (u.inline.type !== 'text') {
      out.push(u.inline.type === 'br' ? { type: 'text', text: u.char, style: { bold: false, underline: false, mark: null } } : u.inline);
      continue;
    }
    const last = out.at(-1);
    if (last?.type === 'text' && last.style === u.style) last.text += u.char;
    else out.push({ type: 'text', text: u.char, style: u.style! });
  }
  return out;
}
