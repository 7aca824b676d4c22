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

/** The text as shown, and whether it is all bold, all plain or mixed (then the boldness of each UTF-16 unit). */
function styledText(children: readonly Inline[], forceBold: boolean): { text: string; bold: boolean | boolean[] } {
  const pieces = children.map((c) => (c.type === 'text' ? displayText(c.text) : c.type === 'br' ? '\n' : ''));
  const text = pieces.join('');
  // a line feed is never measured: which way it counts does not matter
  const boldness = children.map((c, i) => (pieces[i]!.length === 0 || c.type !== 'text' ? undefined : c.style.bold)).filter((b) => b !== undefined);
  if (forceBold || boldness.every((b) => b)) return { text, bold: true };
  if (boldness.every((b) => !b)) return { text, bold: false };
  const bold: boolean[] = [];
  children.forEach((c, i) => {
    for (let k = 0; k < pieces[i]!.length; k++) bold.push(c.type === 'text' && c.style.bold);
  });
  return { text, bold };
}

/** What a measure has measured, plain ([0]) and bold ([1]): each character, and each text all of one weight. */
interface Measured {
  chars: [Map<string, number>, Map<string, number>];
  texts: [Map<string, ContentWidth>, Map<string, ContentWidth>];
}

// the measures are pure, and every character of every cell is measured twice (its narrowest and its widest);
// the same cell texts come again in a filing and across a batch (cleared when large)
const MEASURED_LIMIT = 50_000;
const measuredBy = new WeakMap<ColumnMeasure, Measured>();

function measuredOf(m: ColumnMeasure): Measured {
  let measured = measuredBy.get(m);
  if (!measured) {
    measured = { chars: [new Map(), new Map()], texts: [new Map(), new Map()] };
    measuredBy.set(m, measured);
  }
  return measured;
}

function inlineWidth(children: readonly Inline[], m: ColumnMeasure, forceBold: boolean): ContentWidth {
  const { text, bold } = styledText(children, forceBold);
  const measured = measuredOf(m);
  if (typeof bold === 'boolean') {
    const texts = measured.texts[bold ? 1 : 0];
    let width = texts.get(text);
    if (!width) {
      if (texts.size >= MEASURED_LIMIT) texts.clear();
      width = textWidth(text, () => bold, m, measured);
      texts.set(text, width);
    }
    return width;
  }
  return textWidth(text, (i) => bold[i]!, m, measured);
}

function textWidth(text: string, boldAt: (i: number) => boolean, m: ColumnMeasure, measured: Measured): ContentWidth {
  const widthOf = (from: number, piece: string) => {
    let w = 0;
    for (let i = 0; i < piece.length; ) {
      const code = piece.codePointAt(i)!;
      const char = code > 0xffff ? piece.slice(i, i + 2) : piece[i]!;
      const isBold = boldAt(from + i);
      const widths = measured.chars[isBold ? 1 : 0];
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
