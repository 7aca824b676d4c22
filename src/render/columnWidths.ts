import type { Block, Inline, Table } from '../document/tree.ts';
import { placeCells } from '../document/tree.ts';
import { displayText, listIndent } from './displayText.ts';
import { unbreakableSegments } from './textSegments.ts';

/**
 * Column widths from content, for both writers. The template's relative widths are kept unless a column's
 * longest unbreakable piece (ファイアウォール, a model number) does not fit: then that column widens, taking
 * first the room other columns do not use even unwrapped, then the room they have above their own narrowest.
 */

export interface ColumnMeasure {
  /** Width of text set in a cell (in the writer's unit), bold or not. */
  text(text: string, bold: boolean): number;
  /** One em of cell text, in the same unit (for indents and list markers). */
  em: number;
  /** Left plus right padding of a cell. */
  padding: number;
}

/** Measured widths are exact; a hair more keeps rounding from breaking a word that just fits. */
const SLACK_EM = 0.05;

export interface ContentWidth {
  /** The narrowest the content can be set without breaking a word. */
  min: number;
  /** The width it takes set on one line (per forced line). */
  max: number;
}

function styledText(children: readonly Inline[]): { text: string; bold: boolean[] } {
  let text = '';
  const bold: boolean[] = [];
  for (const c of children) {
    const piece = c.type === 'text' ? displayText(c.text) : c.type === 'br' ? '\n' : '';
    for (let i = 0; i < piece.length; i++) bold.push(c.type === 'text' && c.style.bold);
    text += piece;
  }
  return { text, bold };
}

// a measure's width of each character, plain and bold: the measures are pure, and called for every character of
// every cell (twice: its narrowest and its widest)
const charWidths = new WeakMap<ColumnMeasure, [Map<string, number>, Map<string, number>]>();

function charWidthsOf(m: ColumnMeasure): [Map<string, number>, Map<string, number>] {
  let widths = charWidths.get(m);
  if (!widths) {
    widths = [new Map(), new Map()];
    charWidths.set(m, widths);
  }
  return widths;
}

function inlineWidth(children: readonly Inline[], m: ColumnMeasure, forceBold: boolean): ContentWidth {
  const { text, bold } = styledText(children);
  const [plainWidths, boldWidths] = charWidthsOf(m);
  const widthOf = (from: number, piece: string) => {
    let w = 0;
    for (let i = 0; i < piece.length; ) {
      const code = piece.codePointAt(i)!;
      const char = code > 0xffff ? piece.slice(i, i + 2) : piece[i]!;
      const isBold = forceBold || bold[from + i]!;
      const widths = isBold ? boldWidths : plainWidths;
      let charWidth = widths.get(char);
      if (charWidth === undefined) {
        charWidth = m.text(char, isBold);
        widths.set(char, charWidth);
      }
      w += charWidth;
      i += char.length;
    }
    return w;
  };
  let min = 0;
  let at = 0;
  for (const segment of unbreakableSegments(text)) {
    at = text.indexOf(segment, at);
    min = Math.max(min, widthOf(at, segment));
    at += segment.length;
  }
  let max = 0;
  let from = 0;
  for (const line of text.split('\n')) {
    max = Math.max(max, widthOf(from, line));
    from += line.length + 1;
  }
  return { min, max };
}

/** The content widths of blocks in a cell (without the cell's padding). */
export function contentWidth(blocks: readonly Block[], m: ColumnMeasure): ContentWidth {
  let min = 0;
  let max = 0;
  const take = (w: ContentWidth, extra = 0) => {
    min = Math.max(min, w.min + extra);
    max = Math.max(max, w.max + extra);
  };
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading': {
        const w = inlineWidth(block.children, m, block.type === 'heading');
        const left = block.type === 'paragraph' ? block.left * m.em : 0;
        const indent = block.type === 'paragraph' ? block.indent * m.em : 0;
        take({ min: w.min, max: w.max + indent }, left);
        break;
      }
      case 'list': {
        const hanging = listIndent(block.style, block.items.length) * m.em;
        for (const item of block.items) take(contentWidth(item, m), hanging);
        break;
      }
      case 'table': {
        const columns = tableContentWidths(block, m);
        take({ min: columns.reduce((s, c) => s + c.min, 0), max: columns.reduce((s, c) => s + c.max, 0) });
        break;
      }
      case 'pagebreak':
        break;
    }
  }
  return { min, max };
}

/** Per column, from the cells that span only it (with padding). */
export function tableContentWidths(table: Table, m: ColumnMeasure): ContentWidth[] {
  const columns = table.widths.map(() => ({ min: m.padding, max: m.padding }));
  for (const row of placeCells(table))
    for (const { cell, col, span } of row) {
      if (span !== 1) continue;
      const w = contentWidth(cell.children, m);
      const column = columns[col]!;
      column.min = Math.max(column.min, w.min + m.padding + SLACK_EM * m.em);
      column.max = Math.max(column.max, w.max + m.padding + SLACK_EM * m.em);
    }
  return columns;
}

/** Widths that add up to `total`: the template's shares, widened where a column's narrowest content does not fit. */
export function fitColumns(shares: readonly number[], total: number, content: readonly ContentWidth[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => (s / sum) * total);
  // a piece wider than this breaks anyway (a long URL); it must not squeeze every other column
  const cap = total * 0.4;
  const need = content.map((c, i) => Math.min(c.min, cap) - widths[i]!);
  const deficit = need.reduce((d, n) => d + Math.max(0, n), 0);
  if (deficit < 1e-6) return widths;

  const narrowest = content.map((c, i) => (need[i]! > 0 ? widths[i]! : Math.min(c.min, widths[i]!)));
  // room a column never uses, then room it would give up by wrapping more
  const unused = widths.map((w, i) => (need[i]! > 0 ? 0 : Math.max(0, w - Math.max(content[i]!.max, narrowest[i]!))));
  const wrapping = widths.map((w, i) => (need[i]! > 0 ? 0 : Math.max(0, w - narrowest[i]! - unused[i]!)));
  // when not every column can have its narrowest, satisfy the smallest needs first: fewer words break
  let room = [...unused, ...wrapping].reduce((a, b) => a + b, 0);
  let granted = 0;
  const order = need.map((n, i) => [n, i] as const).filter(([n]) => n > 0).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [n, i] of order) {
    const give = Math.min(n, room);
    widths[i]! += give;
    room -= give;
    granted += give;
  }
  for (const pool of [unused, wrapping]) {
    const available = pool.reduce((a, b) => a + b, 0);
    const take = Math.min(granted, available);
    if (take <= 0) continue;
    pool.forEach((r, i) => (widths[i]! -= (r / available) * take));
    granted -= take;
  }
  return widths;
}

export function columnWidths(table: Table, total: number, m: ColumnMeasure): number[] {
  return fitColumns(table.widths, total, tableContentWidths(table, m));
}
