import type { Block, Inline, Table } from '../../document/tree.ts';
import { placeCells } from '../../document/tree.ts';
import { displayText, japaneseTextWidth, listIndent } from '../displayText.ts';

/**
 * How tall Word will set a table, estimated from its text, in twips: enough to tell a table that fits on a page
 * from one that does not (writeDocx.ts keeps the first on one page). Word measures with its own fonts and breaks
 * lines its own way, so the estimate errs on the tall side: every line of a cell counts as broken at the last
 * character that fits, and a line is given the height the caller names (a little more than Word sets).
 */

export interface CellMetrics {
  /** One em of cell text, in twips. */
  em: number;
  /** One line of cell text, in twips. */
  line: number;
  /** Left plus right padding of a cell, in twips. */
  padding: number;
  /** Top plus bottom padding (and the border) of a row, in twips. */
  rowPadding: number;
}

/** Lines of text `width` twips wide, each broken at the last character that fits (text of `m.em` per em). */
export function textLines(children: readonly Inline[], width: number, m: Pick<CellMetrics, 'em'>): number {
  const text = children.map((c) => (c.type === 'text' ? displayText(c.text) : c.type === 'br' ? '\n' : '')).join('');
  const perLine = Math.max(1, width / m.em);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(japaneseTextWidth(line) / perLine)), 0);
}

/** Lines of cell content `width` twips wide. */
function blockLines(blocks: readonly Block[], width: number, m: CellMetrics): number {
  let lines = 0;
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        lines += textLines(block.children, width - block.left * m.em, m);
        break;
      case 'heading':
        lines += textLines(block.children, width, m);
        break;
      case 'list': {
        const hanging = listIndent(block.style, block.items.length) * m.em;
        for (const item of block.items) lines += Math.max(1, blockLines(item, width - hanging, m));
        break;
      }
      case 'table':
        lines += Math.ceil(tableHeight(block, width, m) / m.line);
        break;
      case 'pagebreak':
        break;
    }
  }
  return lines;
}

/** The estimated height of `table` set `width` twips wide. */
export function tableHeight(table: Table, width: number, m: CellMetrics, columnWidths?: readonly number[]): number {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const widths = columnWidths ?? table.widths.map((w) => (w / total) * width);
  const heights = placeCells(table).map((row) =>
    Math.max(
      m.line + m.rowPadding,
      ...row
        .filter((p) => p.cell.rowspan === 1)
        .map((p) => blockLines(p.cell.children, widths.slice(p.col, p.col + p.span).reduce((a, b) => a + b, 0) - m.padding, m) * m.line + m.rowPadding),
    ),
  );
  return heights.reduce((a, b) => a + b, 0);
}
