import { rgb } from 'pdf-lib';
import type { Block, Heading, Inline, List, Paragraph, Table } from '../../document/tree.ts';
import { inlineText, listMarker, placeCells } from '../../document/tree.ts';
import { type ColumnMeasure, columnWidths } from '../columnWidths.ts';
import { displayText, listIndent } from '../displayText.ts';
import { isTableNote, keepsWithNext } from '../keepWithNext.ts';
import type { Canvas } from './canvas.ts';
import { metricsFor } from './fonts.ts';
import { type Line, breakLines } from './lineBreak.ts';
import { STYLE } from './pageStyle.ts';

/**
 * Layout: the document tree as boxes (a line of text, a table row) that know their height, whether a page may
 * break before them, and how to draw themselves. The page flow (pageFlow.ts) decides where they go. The rules
 * that keep a page presentable live here, as break permissions:
 * - a paragraph leaves at least two lines on each side of a page break (no widow, no orphan);
 * - a heading (or a bold caption) stays with what follows it: two lines of a paragraph, or a table;
 * - a table that fits on a page (with the heading or caption it is kept with) is kept on one page;
 * - a table taller than that breaks only between body rows, leaving at least two on each side (see tableBreaks);
 * - a table row is drawn whole on one page unless it is taller than a page; then it splits and the table's
 *   header rows are drawn again above the rest, as they are above every row that starts a page.
 */

export type BoxTag =
  /** `caption`: of the block below; `note`: under the table above. */
  | { kind: 'line'; block: number; line: number; lines: number; caption?: true; note?: true }
  | { kind: 'heading'; block: number; level: 1 | 2 | 3; line: number; lines: number; title: string }
  /** `height`: of the whole row, also on the parts of a row split over pages. */
  | { kind: 'row'; table: number; row: number; header: boolean; part: 'whole' | 'head' | 'rest'; height: number }
  | { kind: 'space' }
  | { kind: 'pagebreak' }
  | { kind: 'table' };

export interface Box {
  height: number;
  /** May a page break come before this box? */
  breakBefore: boolean;
  tag: BoxTag;
  draw(canvas: Canvas, x: number, top: number): void;
  /** The header rows of the box's table, drawn again when a page starts with this box. */
  repeat?: readonly Box[];
  /** A box taller than a page splits into the part that fills `room` and the rest (null if nothing fits). */
  split?(room: number): [Box, Box] | null;
}

export const BLACK = rgb(0, 0, 0);
const MARK_COLORS = { missing: rgb(0.8, 0, 0), review: rgb(0.7, 0.4, 0) } as const;
/** Justifying wider than this per character looks like letter-spaced text: such a line is left ragged instead. */
const MAX_JUSTIFY_SPACING = 0.5;

/** A page may break before line i of a paragraph of n lines only if that leaves two lines on each side. */
export function mayBreakBeforeLine(i: number, n: number): boolean {
  return i === 0 || (i >= 2 && n - i >= 2);
}

const space = (height: number, breakBefore = true): Box => ({ height, breakBefore, tag: { kind: 'space' }, draw: () => {} });

/** Measures cell text with the PDF's fonts, for column widths. */
const CELL_MEASURE: ColumnMeasure = {
  text: (text, bold) => [...text].reduce((w, c) => w + metricsFor(bold ? 'bold' : 'regular').width(c), 0) * STYLE.cellSize,
  em: STYLE.cellSize,
  padding: 2 * STYLE.cellPadX,
};

interface TextOptions {
  size: number;
  leading: number;
  align: Paragraph['align'];
  /** First-line indent in em. */
  indent?: number;
  keepWords: boolean;
  tag: (line: number, lines: number) => BoxTag;
}

export class Layout {
  private blockCount = 0;
  private tableCount = 0;

  /** Draws one laid-out line. A justified line spreads its characters with character spacing scoped to its own runs. */
  drawLine(canvas: Canvas, line: Line, x: number, baseline: number, size: number, width: number, align: Paragraph['align']) {
    const used = line.width * size;
    const glyphs = line.pieces.reduce((n, p) => n + p.glyphs, 0);
    let spacing = 0;
    let left = x;
    if (align === 'center') left = x + (width - used) / 2;
    else if (align === 'right') left = x + width - used;
    else if (align === 'justify' && !line.last && glyphs > 1 && used < width) {
      spacing = (width - used) / (glyphs - 1);
      if (spacing > MAX_JUSTIFY_SPACING * size) spacing = 0;
    }
    let cursor = left;
    for (const piece of line.pieces) {
      const color = piece.style.mark ? MARK_COLORS[piece.style.mark] : BLACK;
      const advance = piece.width * size + spacing * piece.glyphs;
      canvas.text({ x: cursor, y: baseline, size, role: piece.role, text: piece.text, color, spacing, width: advance });
      if (piece.style.underline || piece.style.mark) {
        const y = baseline - size * 0.15;
        canvas.line({ x1: cursor, y1: y, x2: cursor + advance - spacing, y2: y, width: 0.5, color });
      }
      cursor += advance;
    }
  }

  textBoxes(children: readonly Inline[], width: number, opts: TextOptions): Box[] {
    const { size, leading, align } = opts;
    const indent = (opts.indent ?? 0) * size;
    const lines = breakLines(children, width / size, indent / size, opts.keepWords);
    return lines.map((line, i) => ({
      height: leading * size,
      breakBefore: mayBreakBeforeLine(i, lines.length),
      tag: opts.tag(i, lines.length),
      draw: (canvas, x, top) => {
        const baseline = top - (leading * size - size) / 2 - size * 0.88;
        const dx = i === 0 ? indent : 0;
        this.drawLine(canvas, line, x + dx, baseline, size, width - dx, align);
      },
    }));
  }

  private lineTag() {
    const block = this.blockCount++;
    return (line: number, lines: number): BoxTag => ({ kind: 'line', block, line, lines });
  }

  paragraphBoxes(p: Paragraph, width: number, inCell: boolean): Box[] {
    const size = p.size === 'small' ? STYLE.smallSize : inCell ? STYLE.cellSize : STYLE.bodySize;
    const left = p.left * size;
    const boxes = this.textBoxes(p.children, width - left, {
      size,
      leading: inCell ? STYLE.cellLeading : STYLE.bodyLeading,
      align: p.align,
      indent: p.indent,
      keepWords: inCell,
      tag: this.lineTag(),
    });
    const shifted = left ? boxes.map((b) => ({ ...b, draw: (c: Canvas, x: number, top: number) => b.draw(c, x + left, top) })) : boxes;
    return inCell ? shifted : [...shifted, space(STYLE.paragraphAfter)];
  }

  headingBoxes(h: Heading, width: number, inCell: boolean): Box[] {
    const style = STYLE.headings[h.level];
    const bold = h.children.map((c) => (c.type === 'text' ? { ...c, style: { ...c.style, bold: true } } : c));
    const block = this.blockCount++;
    const title = displayText(inlineText(h.children).replace(/\n/g, ''));
    const lines = this.textBoxes(bold, width, {
      size: inCell ? STYLE.cellSize : style.size,
      leading: style.leading,
      align: h.align,
      keepWords: true,
      tag: (line, count) => (inCell ? { kind: 'line', block, line, lines: count } : { kind: 'heading', block, level: h.level, line, lines: count, title }),
    });
    if (inCell) return lines;
    // a heading is one unit, kept with what follows (see bodyBoxes)
    return [space(style.before), ...lines.map((l) => ({ ...l, breakBefore: false })), space(style.after, false)];
  }

  listBoxes(list: List, width: number, inCell: boolean): Box[] {
    const size = inCell ? STYLE.cellSize : STYLE.bodySize;
    const leading = inCell ? STYLE.cellLeading : STYLE.bodyLeading;
    const hanging = listIndent(list.style, list.items.length) * size;
    const out: Box[] = [];
    list.items.forEach((item, i) => {
      const marker = listMarker(list.style, i + 1);
      this.blockBoxes(item, width - hanging, inCell).forEach((box, j) => {
        out.push({
          ...box,
          draw: (canvas, x, top) => {
            if (j === 0) {
              const baseline = top - (leading * size - size) / 2 - size * 0.88;
              const markerWidth = [...marker].reduce((w, c) => w + metricsFor('regular').width(c), 0) * size;
              canvas.text({ x, y: baseline, size, role: 'regular', text: marker, color: BLACK, spacing: 0, width: markerWidth, artifact: true });
            }
            box.draw(canvas, x + hanging, top);
          },
        });
      });
    });
    return out;
  }

  /** Blocks inside a list item or a table cell, or the body (see bodyBoxes). A table here is drawn whole. */
  blockBoxes(blocks: readonly Block[], width: number, inCell: boolean): Box[] {
    const out: Box[] = [];
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
          out.push(...this.paragraphBoxes(block, width, inCell));
          break;
        case 'heading':
          out.push(...this.headingBoxes(block, width, inCell));
          break;
        case 'list':
          out.push(...this.listBoxes(block, width, inCell));
          break;
        case 'table': {
          const rows = this.tableBoxes(block, width);
          const height = rows.reduce((h, r) => h + r.height, 0);
          out.push({
            height,
            breakBefore: true,
            tag: { kind: 'table' },
            draw: (canvas, x, top) => rows.reduce((t, r) => (r.draw(canvas, x, t), t - r.height), top),
          });
          if (!inCell) out.push(space(STYLE.tableAfter));
          break;
        }
        case 'pagebreak':
          break;
      }
    }
    return out;
  }

  /**
   * The body: blocks in order, a heading (or a caption) kept with the block after it, page breaks as boxes.
   * `pageHeight` (of the content area) decides which tables are kept on one page.
   */
  bodyBoxes(blocks: readonly Block[], width: number, pageHeight: number): Box[] {
    const out: Box[] = [];
    const tableStarts: number[] = [];
    let afterHeading = false;
    blocks.forEach((block, index) => {
      const start = out.length;
      if (block.type === 'pagebreak') out.push({ height: 0, breakBefore: true, tag: { kind: 'pagebreak' }, draw: () => {} });
      else if (block.type === 'table') out.push(...this.tableBoxes(block, width), space(STYLE.tableAfter));
      else out.push(...this.blockBoxes([block], width, false));
      if (afterHeading) {
        // no break between the heading and the first real box of this block
        for (let i = start; i < out.length; i++) {
          out[i] = { ...out[i]!, breakBefore: false };
          if (out[i]!.tag.kind !== 'space') break;
        }
      }
      if (block.type === 'table') tableStarts.push(start);
      // a note under a table goes with the table's last row: no break before it, nor before the space above it
      if (isTableNote(blocks, index)) {
        for (let i = start - 1; i >= 0 && out[i]!.tag.kind === 'space'; i--) out[i] = { ...out[i]!, breakBefore: false };
        out[start] = { ...out[start]!, breakBefore: false };
        for (let i = start; i < out.length; i++) {
          const tag = out[i]!.tag;
          if (tag.kind === 'line') out[i] = { ...out[i]!, tag: { ...tag, note: true } };
        }
      }
      afterHeading = keepsWithNext(block);
      if (afterHeading && block.type === 'paragraph')
        for (let i = start; i < out.length; i++) {
          const tag = out[i]!.tag;
          if (tag.kind === 'line') out[i] = { ...out[i]!, tag: { ...tag, caption: true } };
        }
      // nor between it and its own space below
      for (let i = out.length - 1; afterHeading && i >= start && out[i]!.tag.kind === 'space'; i--) out[i] = { ...out[i]!, breakBefore: false };
    });
    // once every keep is known: what a table is kept with reaches back to its heading and on to its notes
    for (const start of tableStarts) tableBreaks(out, start, pageHeight);
    return out;
  }

  /** Table rows as boxes; rows linked by rowspan come as one box. */
  tableBoxes(table: Table, width: number): Box[] {
    const id = this.tableCount++;
    const widths = columnWidths(table, width, CELL_MEASURE);
    const colX: number[] = [0];
    for (const w of widths) colX.push(colX.at(-1)! + w);

    // laid out per row, so that nothing below scans the whole table per row (10,000-row tables happen)
    const byRow = placeCells(table).map((row) =>
      row.map((p) => {
        const cellWidth = colX[p.col + p.span]! - colX[p.col]!;
        const boxes = this.blockBoxes(p.cell.children, cellWidth - 2 * STYLE.cellPadX, true);
        return { ...p, boxes, cellWidth, content: boxes.reduce((h, b) => h + b.height, 0) };
      }),
    );
    const rowCount = table.rows.length;
    const lastRowOf = (p: { row: number; cell: { rowspan: number } }) => Math.min(p.row + p.cell.rowspan, rowCount) - 1;

    // row heights: single-row cells first, then stretch the last row of a span if the span needs more
    const minimum = STYLE.cellLeading * STYLE.cellSize + 2 * STYLE.cellPadY;
    const heights = byRow.map((row) => Math.max(minimum, ...row.filter((p) => p.cell.rowspan === 1).map((p) => p.content + 2 * STYLE.cellPadY)));
    for (const p of byRow.flat().filter((q) => q.cell.rowspan > 1)) {
      const last = lastRowOf(p);
      const have = heights.slice(p.row, last + 1).reduce((x, y) => x + y, 0);
      const need = p.content + 2 * STYLE.cellPadY;
      if (need > have) heights[last]! += need - have;
    }

    // group rows joined by rowspans
    const groups: { from: number; to: number }[] = [];
    for (let r = 0; r < rowCount; ) {
      let to = r;
      for (let k = r; k <= to; k++) for (const p of byRow[k]!) to = Math.max(to, lastRowOf(p));
      groups.push({ from: r, to });
      r = to + 1;
    }

    let firstBody = 0;
    while (firstBody < rowCount && table.rows[firstBody]!.header) firstBody++;
    const headers: Box[] = [];
    return groups.map(({ from, to }) => {
      const cells: LaidCell[] = byRow
        .slice(from, to + 1)
        .flat()
        .map((p) => ({
          x: colX[p.col]!,
          offset: heights.slice(from, p.row).reduce((a, b) => a + b, 0),
          width: p.cellWidth,
          height: heights.slice(p.row, lastRowOf(p) + 1).reduce((a, b) => a + b, 0),
          header: p.cell.header,
          boxes: p.boxes,
        }));
      const header = from < firstBody;
      const height = heights.slice(from, to + 1).reduce((a, b) => a + b, 0);
      const box: Box = {
        ...rowBox(cells, height, { kind: 'row', table: id, row: from, header, part: 'whole', height }),
        // a table starts where it may; the body decides where it may break inside (tableBreaks)
        breakBefore: from === 0 || from > firstBody,
        repeat: header ? undefined : headers,
      };
      if (from !== to) delete box.split; // rows joined by a rowspan are drawn whole
      if (header) headers.push(box);
      return box;
    });
  }
}

/**
 * Where a page may break inside the body table whose row boxes start at `start` (and run to the next box that is
 * not a row). A table that fits on a page together with what it is kept with (the heading or caption above it,
 * the notes below it) breaks nowhere inside: the whole of it goes to the next page. A longer one breaks only
 * before a body row that leaves two body rows (rows joined by a rowspan count as one) on each side; its header
 * rows stay with the first, its notes with the last. The Word writer asks the same of Word (writeDocx.ts).
 */
export function tableBreaks(out: Box[], start: number, pageHeight: number): void {
  let end = start;
  while (end < out.length && out[end]!.tag.kind === 'row') end++;
  // what the table is kept with: back to the box before which a page may break (a space there is dropped), and
  // on to the box before which one may
  let from = start;
  while (from > 0 && !out[from]!.breakBefore) from--;
  while (from < start && out[from]!.tag.kind === 'space') from++;
  let to = end;
  while (to < out.length && !out[to]!.breakBefore) to++;
  while (to > end && out[to - 1]!.tag.kind === 'space') to--;
  const chain = out.slice(from, to).reduce((h, b) => h + b.height, 0);
  const fits = chain <= pageHeight + 1e-6;
  const body = out.slice(start, end).filter((b) => b.tag.kind === 'row' && !b.tag.header).length;
  let j = 0; // body rows before this box
  for (let i = start; i < end; i++) {
    const box = out[i]!;
    const header = box.tag.kind === 'row' && box.tag.header;
    if (i > start) out[i] = { ...box, breakBefore: !fits && !header && j >= 2 && body - j >= 2 };
    if (!header) j++;
  }
}

export interface LaidCell {
  x: number;
  offset: number;
  width: number;
  height: number;
  header: boolean;
  boxes: Box[];
}

function rowBox(cells: readonly LaidCell[], height: number, tag: Extract<BoxTag, { kind: 'row' }>): Box {
  return {
    height,
    breakBefore: true,
    tag,
    draw: (canvas, x, top) => drawCells(canvas, cells, x, top),
    split: (room) => {
      const parts = splitRow(cells, room);
      if (!parts) return null;
      const [head, rest] = parts;
      const restBox = rowBox(rest, rest[0]!.height, { ...tag, part: 'rest' });
      return [{ ...rowBox(head, room, { ...tag, part: 'head' }), split: undefined }, { ...restBox, breakBefore: true }];
    },
  };
}

export function drawCells(canvas: Canvas, cells: readonly LaidCell[], x: number, top: number) {
  for (const c of cells) {
    const rect = { x: x + c.x, y: top - c.offset - c.height, width: c.width, height: c.height };
    canvas.rect({ ...rect, border: BLACK, borderWidth: STYLE.border, fill: c.header ? STYLE.headerFill : undefined });
    canvas.inCell(rect, () => {
      let t = top - c.offset - STYLE.cellPadY;
      for (const box of c.boxes) {
        box.draw(canvas, rect.x + STYLE.cellPadX, t);
        t -= box.height;
      }
    });
  }
}

/** Splits a row whose cells hold more lines than fit in `available`: the part that fits and the rest. */
export function splitRow(cells: readonly LaidCell[], available: number): [LaidCell[], LaidCell[]] | null {
  const room = available - 2 * STYLE.cellPadY;
  const head: LaidCell[] = [];
  const rest: LaidCell[] = [];
  let anyFits = false;
  for (const c of cells) {
    let used = 0;
    let n = 0;
    while (n < c.boxes.length && used + c.boxes[n]!.height <= room) used += c.boxes[n++]!.height;
    if (n > 0) anyFits = true;
    head.push({ ...c, boxes: c.boxes.slice(0, n) });
    rest.push({ ...c, boxes: c.boxes.slice(n) });
  }
  if (!anyFits) return null;
  const restContent = Math.max(0, ...rest.map((c) => c.boxes.reduce((h, b) => h + b.height, 0)));
  return [head.map((c) => ({ ...c, height: available })), rest.map((c) => ({ ...c, height: restContent + 2 * STYLE.cellPadY }))];
}
