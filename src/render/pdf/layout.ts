import { type PDFPage, rgb } from 'pdf-lib';
import type { Block, Inline, List, Paragraph, Table } from '../../document/tree.ts';
import { listMarker, placeCells } from '../../document/tree.ts';
import type { PdfFont } from './cidFont.ts';
import type { PageWriter } from './drawOps.ts';
import { type FontRole, metricsFor } from './fonts.ts';
import { type Line, breakLines } from './lineBreak.ts';
import { STYLE } from './pageStyle.ts';

/**
 * Layout: the document tree as boxes (a line of text, a table row) that know their height and how to draw
 * themselves. The page flow (pageFlow.ts) decides where they go.
 */

export type Fonts = Record<FontRole, PdfFont | undefined>;

export interface Box {
  height: number;
  /** Keep on the same page as the box that follows (headings). */
  keepWithNext?: boolean;
  draw(page: PDFPage, x: number, top: number): void;
}

export const BLACK = rgb(0, 0, 0);
const MARK_COLORS = { missing: rgb(0.8, 0, 0), review: rgb(0.7, 0.4, 0) } as const;

export class Renderer {
  constructor(
    private readonly fonts: Fonts,
    readonly ops: PageWriter,
  ) {}

  private font(role: FontRole): PdfFont {
    return this.fonts[role] ?? this.fonts.regular!;
  }

  /** Draws one laid-out line. Justified lines spread their characters with Tc (character spacing). */
  drawLine(page: PDFPage, line: Line, x: number, baseline: number, size: number, width: number, align: Paragraph['align']) {
    const used = line.width * size;
    const glyphs = line.pieces.reduce((n, p) => n + p.glyphs, 0);
    let spacing = 0;
    let left = x;
    if (align === 'center') left = x + (width - used) / 2;
    else if (align === 'right') left = x + width - used;
    else if (align === 'justify' && !line.last && glyphs > 1 && used < width) spacing = (width - used) / (glyphs - 1);
    let cursor = left;
    for (const piece of line.pieces) {
      const color = piece.style.mark ? MARK_COLORS[piece.style.mark] : BLACK;
      const advance = piece.width * size + spacing * piece.glyphs;
      this.ops.text(page, piece.text, { x: cursor, y: baseline, size, font: this.font(piece.role), color, spacing });
      if (piece.style.underline || piece.style.mark) {
        const y = baseline - size * 0.15;
        this.ops.line(page, cursor, y, cursor + advance - spacing, y, 0.5, color);
      }
      cursor += advance;
    }
  }

  textBoxes(
    children: readonly Inline[],
    width: number,
    opts: { size: number; leading: number; align: Paragraph['align']; indent?: number; after?: number; keepWithNext?: boolean },
  ): Box[] {
    const { size, leading, align } = opts;
    const indent = (opts.indent ?? 0) * size;
    const lines = breakLines(children, width / size, indent / size);
    return lines.map((line, i) => {
      const first = i === 0;
      const height = leading * size + (i === lines.length - 1 ? (opts.after ?? 0) : 0);
      return {
        height,
        keepWithNext: opts.keepWithNext,
        draw: (page, x, top) => {
          const baseline = top - (leading * size - size) / 2 - size * 0.88;
          const dx = first ? indent : 0;
          this.drawLine(page, line, x + dx, baseline, size, width - dx, align);
        },
      };
    });
  }

  paragraphBoxes(p: Paragraph, width: number, inCell = false): Box[] {
    const size = inCell ? STYLE.cellSize : p.size === 'small' ? STYLE.smallSize : STYLE.bodySize;
    const left = p.left * size;
    const boxes = this.textBoxes(p.children, width - left, {
      size,
      leading: inCell ? STYLE.cellLeading : STYLE.bodyLeading,
      align: p.align,
      indent: p.indent,
      after: inCell ? 0 : STYLE.paragraphAfter,
    });
    return left ? boxes.map((b) => ({ ...b, draw: (page, x, top) => b.draw(page, x + left, top) })) : boxes;
  }

  listBoxes(list: List, width: number, inCell: boolean): Box[] {
    const size = inCell ? STYLE.cellSize : STYLE.bodySize;
    const out: Box[] = [];
    list.items.forEach((item, i) => {
      const marker = listMarker(list.style, i + 1);
      const markerWidth = [...marker].reduce((w, c) => w + metricsFor('regular').width(c), 0) * size;
      const inner = this.blockBoxes(item, width - markerWidth, inCell);
      inner.forEach((box, j) => {
        out.push({
          height: box.height,
          draw: (page, x, top) => {
            if (j === 0) {
              const baseline = top - ((inCell ? STYLE.cellLeading : STYLE.bodyLeading) * size - size) / 2 - size * 0.88;
              this.ops.text(page, marker, { x, y: baseline, size, font: this.font('regular'), color: BLACK });
            }
            box.draw(page, x + markerWidth, top);
          },
        });
      });
    });
    return out;
  }

  blockBoxes(blocks: readonly Block[], width: number, inCell = false): Box[] {
    const out: Box[] = [];
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
          out.push(...this.paragraphBoxes(block, width, inCell));
          break;
        case 'heading': {
          const h = STYLE.headings[block.level];
          if (!inCell) out.push({ height: h.before, keepWithNext: true, draw: () => {} });
          const bold = block.children.map((c) => (c.type === 'text' ? { ...c, style: { ...c.style, bold: true } } : c));
          out.push(
            ...this.textBoxes(bold, width, {
              size: h.size,
              leading: h.leading,
              align: block.align,
              after: h.after,
              keepWithNext: true,
            }),
          );
          break;
        }
        case 'list':
          out.push(...this.listBoxes(block, width, inCell));
          break;
        case 'table': {
          // a table inside a cell is drawn whole
          const rows = this.tableRows(block, width);
          const height = rows.reduce((h, r) => h + r.height, 0);
          out.push({ height, draw: (page, x, top) => rows.reduce((t, r) => (r.draw(page, x, t), t - r.height), top) });
          break;
        }
        case 'pagebreak':
          break;
      }
    }
    return out;
  }

  /** Table rows as boxes, with header rows marked; rows linked by rowspan come as one box. */
  tableRows(table: Table, width: number): (Box & { header: boolean; cells?: LaidCell[] })[] {
    const total = table.widths.reduce((a, b) => a + b, 0);
    const colX: number[] = [0];
    for (const w of table.widths) colX.push(colX.at(-1)! + (w / total) * width);

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

    return groups.map(({ from, to }) => {
      const cells = byRow
        .slice(from, to + 1)
        .flat()
        .map((p) => {
          const top = heights.slice(from, p.row).reduce((a, b) => a + b, 0);
          const height = heights.slice(p.row, lastRowOf(p) + 1).reduce((a, b) => a + b, 0);
          return { x: colX[p.col]!, offset: top, width: p.cellWidth, height, header: p.cell.header, align: p.cell.align, boxes: p.boxes };
        });
      const height = heights.slice(from, to + 1).reduce((a, b) => a + b, 0);
      return {
        height,
        header: table.rows[from]!.header,
        cells: from === to ? cells : undefined,
        draw: (page: PDFPage, x: number, top: number) => drawCells(this.ops, page, cells, x, top),
      };
    });
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

export function drawCells(ops: PageWriter, page: PDFPage, cells: readonly LaidCell[], x: number, top: number) {
  for (const c of cells) {
    const y = top - c.offset - c.height;
    ops.box(page, x + c.x, y, c.width, c.height, { border: BLACK, borderWidth: STYLE.border, fill: c.header ? STYLE.headerFill : undefined });
    let t = top - c.offset - STYLE.cellPadY;
    for (const box of c.boxes) {
      box.draw(page, x + c.x + STYLE.cellPadX, t);
      t -= box.height;
    }
  }
}

/** Splits a single-row box whose cells hold more lines than fit in `available`: returns the part that fits and the rest. */
export function splitRow(cells: readonly LaidCell[], available: number): [LaidCell[], LaidCell[]] | null {
  const room = available - 2 * STYLE.cellPadY;
  const head: LaidCell[] = [];
  const tail: LaidCell[] = [];
  let anyFits = false;
  for (const c of cells) {
    let used = 0;
    let n = 0;
    while (n < c.boxes.length && used + c.boxes[n]!.height <= room) used += c.boxes[n++]!.height;
    if (n > 0) anyFits = true;
    head.push({ ...c, boxes: c.boxes.slice(0, n) });
    tail.push({ ...c, boxes: c.boxes.slice(n) });
  }
  if (!anyFits) return null;
  const tailContent = Math.max(0, ...tail.map((c) => c.boxes.reduce((h, b) => h + b.height, 0)));
  return [
    head.map((c) => ({ ...c, height: available })),
    tail.map((c) => ({ ...c, height: tailContent + 2 * STYLE.cellPadY })),
  ];
}

