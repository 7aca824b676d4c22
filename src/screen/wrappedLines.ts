import type { TextBlock } from '../readers/plan/textBlock.ts';
import { foldText, leadingLabel } from './normalize.ts';

/** A block, or several lines of a PDF that are one paragraph, with the indexes of the blocks it is made of. */
export type JoinedBlock = TextBlock & { indexes: number[] };

/** A line that ends a sentence or an item: the next line starts something new. */
const ENDS = /[。．.！？!?:：」』）)]$/;
/** A line that starts something new: a bullet (also a Symbol-font bullet), a number, 【label】. */
const STARTS_ANEW = /^[\uF000-\uF8FF・●○■□◆◇▪•◎※【［\[]/;
/** How long a line must be to have been wrapped (a short line ends where its writer ended it). */
const WRAPPED_LENGTH = 18;

/**
 * The lines of a PDF's paragraph, joined again: a PDF's text layer knows lines, not paragraphs, and a reader
 * may give a paragraph's lines as blocks of their own (「…セキュ」「リティ対策を…」). Only blocks with a page
 * (PDF) are joined: a line that is long, does not end a sentence, and is followed on the same or the next page
 * by a line of the same kind (or a paragraph line: the rest of a list item or of a table cell) that does not
 * start an item. A table cell is never joined to what follows it as a cell.
 */
export function joinWrappedLines(blocks: readonly TextBlock[]): JoinedBlock[] {
  const out: JoinedBlock[] = [];
  for (const b of blocks) {
    const last = out.at(-1);
    const text = b.text.trim();
    if (
      last &&
      b.page !== undefined &&
      last.page !== undefined &&
      b.page - last.page <= 1 &&
      b.kind !== 'table-cell' &&
      (last.kind === b.kind || (last.kind !== 'heading' && b.kind === 'paragraph')) &&
      foldText(last.text.split('\n').at(-1)!).length >= WRAPPED_LENGTH &&
      !ENDS.test(last.text.trim()) &&
      !STARTS_ANEW.test(text) &&
      // the reader saw a number or bullet of its own in front of it (set apart by a tab): a new item
      !b.label &&
      !leadingLabel(text)
    ) {
      last.text = `${last.text.trimEnd()}${text}`;
      last.indexes.push(b.index);
      continue;
    }
    out.push({ ...b, indexes: [b.index] });
  }
  return out;
}
