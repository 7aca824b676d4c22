import { PDFDocument, type PDFFont, type PDFPage, degrees, rgb } from 'pdf-lib';
import { PageWriter } from './drawOps.ts';
import { useNativeDeflate } from './nativeDeflate.ts';
import type { Block, Cell, DocumentTree, Inline, List, Paragraph, Table } from '../../document/tree.ts';
import { listMarker } from '../../document/tree.ts';
import { type FontRole, fontBytes, fontkitForPdfLib } from './fonts.ts';
import { type Line, breakLines, sanitize } from './lineBreak.ts';
import { metricsFor } from './fonts.ts';
import { type PageGeometry, STYLE, pageGeometry } from './pageStyle.ts';

/**
 * The PDF writer: lays the document tree out on A4 pages and draws it with pdf-lib.
 * Content is turned into boxes (a line of text, a table row) that know their height and how to draw
 * themselves; the page flow places boxes and starts a new page when one does not fit.
 */

type Fonts = Record<FontRole, PDFFont | undefined>;

interface Box {
  height: number;
  /** Keep on the same page as the box that follows (headings). */
  keepWithNext?: boolean;
  draw(page: PDFPage, x: number, top: number): void;
}

const BLACK = rgb(0, 0, 0);
const MARK_COLORS = { missing: rgb(0.8, 0, 0), review: rgb(0.7, 0.4, 0) } as const;

class Renderer {
  constructor(
    private readonly fonts: Fonts,
    readonly ops: PageWriter,
  ) {}

  private font(role: FontRole): PDFFont {
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

    // place cells on the grid, skipping slots taken by rowspans from above
    const taken: boolean[][] = table.rows.map(() => []);
    const placed: { cell: Cell; row: number; col: number; boxes: Box[]; content: number; cellWidth: number }[] = [];
    table.rows.forEach((row, r) => {
      let col = 0;
      for (const cell of row.cells) {
        while (taken[r]![col]) col++;
        const span = Math.min(cell.colspan, table.widths.length - col);
        for (let dr = 0; dr < cell.rowspan && r + dr < table.rows.length; dr++)
          for (let dc = 0; dc < span; dc++) taken[r + dr]![col + dc] = true;
        const cellWidth = colX[col + span]! - colX[col]!;
        const boxes = this.blockBoxes(cell.children, cellWidth - 2 * STYLE.cellPadX, true);
        const content = boxes.reduce((h, b) => h + b.height, 0);
        placed.push({ cell, row: r, col, boxes, content, cellWidth });
        col += span;
      }
    });

    // row heights: single-row cells first, then stretch the last row of a span if the span needs more
    const heights = table.rows.map((_, r) =>
      Math.max(STYLE.cellLeading * STYLE.cellSize + 2 * STYLE.cellPadY, ...placed.filter((p) => p.row === r && p.cell.rowspan === 1).map((p) => p.content + 2 * STYLE.cellPadY)),
    );
    for (const p of placed.filter((q) => q.cell.rowspan > 1)) {
      const last = Math.min(p.row + p.cell.rowspan, table.rows.length) - 1;
      const have = heights.slice(p.row, last + 1).reduce((a, b) => a + b, 0);
      const need = p.content + 2 * STYLE.cellPadY;
      if (need > have) heights[last]! += need - have;
    }

    // group rows joined by rowspans
    const groups: { from: number; to: number }[] = [];
    for (let r = 0; r < table.rows.length; ) {
      let to = r;
      for (let k = r; k <= to; k++)
        for (const p of placed.filter((q) => q.row === k)) to = Math.max(to, Math.min(p.row + p.cell.rowspan, table.rows.length) - 1);
      groups.push({ from: r, to });
      r = to + 1;
    }

    return groups.map(({ from, to }) => {
      const cells = placed
        .filter((p) => p.row >= from && p.row <= to)
        .map((p) => {
          const top = heights.slice(from, p.row).reduce((a, b) => a + b, 0);
          const span = Math.min(p.row + p.cell.rowspan, table.rows.length);
          const height = heights.slice(p.row, span).reduce((a, b) => a + b, 0);
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

interface LaidCell {
  x: number;
  offset: number;
  width: number;
  height: number;
  header: boolean;
  boxes: Box[];
}

function drawCells(ops: PageWriter, page: PDFPage, cells: readonly LaidCell[], x: number, top: number) {
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
function splitRow(cells: readonly LaidCell[], available: number): [LaidCell[], LaidCell[]] | null {
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

class PageFlow {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly geo: PageGeometry,
    private readonly ops: PageWriter,
  ) {
    this.newPage();
  }

  newPage() {
    this.page = this.doc.addPage([this.geo.width, this.geo.height]);
    this.pages.push(this.page);
    this.y = this.geo.height - this.geo.top;
  }

  get remaining() {
    return this.y - this.geo.bottom;
  }

  get atTop() {
    return this.y === this.geo.height - this.geo.top;
  }

  place(box: Box) {
    if (box.height > this.remaining && !this.atTop) this.newPage();
    box.draw(this.page, this.geo.left, this.y);
    this.y -= box.height;
  }

  /** Places boxes, keeping a heading with what follows it (`following`: the height that must come along after the last box). */
  placeAll(boxes: readonly Box[], following = 0) {
    for (let i = 0; i < boxes.length; i++) {
      const box = boxes[i]!;
      if (box.keepWithNext) {
        let need = 0;
        let j = i;
        while (j < boxes.length && boxes[j]!.keepWithNext) need += boxes[j++]!.height;
        need += boxes[j]?.height ?? following;
        if (need > this.remaining && !this.atTop && need <= this.geo.contentHeight) this.newPage();
      }
      this.place(box);
    }
  }

  placeTable(rows: ReturnType<Renderer['tableRows']>) {
    const headers = [];
    let i = 0;
    while (i < rows.length && rows[i]!.header) headers.push(rows[i++]!);
    const headerHeight = headers.reduce((h, r) => h + r.height, 0);
    const minBody = rows[i] ? Math.min(rows[i]!.height, STYLE.cellLeading * STYLE.cellSize * 2 + 2 * STYLE.cellPadY) : 0;
    if (headerHeight + minBody > this.remaining && !this.atTop) this.newPage();
    headers.forEach((h) => this.place(h));
    for (; i < rows.length; i++) {
      let row = rows[i]!;
      for (;;) {
        if (row.height <= this.remaining) {
          this.place(row);
          break;
        }
        const fitsFresh = row.height <= this.geo.contentHeight - headerHeight;
        if (fitsFresh || !row.cells) {
          if (!this.atTop) this.restartTable(headers);
          else {
            this.place(row); // taller than a page and cannot be split: let it run over
            break;
          }
          if (row.height <= this.remaining || !row.cells) {
            this.place(row);
            break;
          }
        }
        const split = splitRow(row.cells, this.remaining);
        if (!split) {
          this.restartTable(headers);
          continue;
        }
        const [head, tail] = split;
        this.place({ height: this.remaining, draw: (page, x, top) => drawCells(this.ops, page, head, x, top) });
        this.restartTable(headers);
        const tailHeight = tail[0]!.height;
        row = { ...row, height: tailHeight, cells: tail, draw: (page, x, top) => drawCells(this.ops, page, tail, x, top) };
      }
    }
    this.y -= STYLE.tableAfter;
  }

  private restartTable(headers: readonly Box[]) {
    this.newPage();
    headers.forEach((h) => this.place(h));
  }
}

/** Collects every character of the document, and whether anything is bold, to embed only the fonts it needs. */
function textOf(tree: DocumentTree): { text: string; bold: boolean } {
  const parts: string[] = [];
  let bold = false;
  const fromInline = (children: readonly Inline[]) =>
    children.forEach((c) => {
      if (c.type !== 'text') return;
      parts.push(c.text);
      bold ||= c.style.bold;
    });
  const fromBlocks = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'heading') bold = true;
      if (b.type === 'paragraph' || b.type === 'heading') fromInline(b.children);
      else if (b.type === 'list') b.items.forEach(fromBlocks);
      else if (b.type === 'table') b.rows.forEach((r) => r.cells.forEach((c) => fromBlocks(c.children)));
    }
  };
  fromBlocks([...tree.header, ...tree.footer, ...tree.body]);
  return { text: sanitize(parts.join('')), bold };
}

function needsEmoji(text: string): boolean {
  const regular = metricsFor('regular');
  const emoji = metricsFor('emoji');
  for (const ch of text) if (!regular.has(ch) && emoji.has(ch)) return true;
  return false;
}

const SUBSET_NAMES: Record<FontRole, string> = {
  regular: 'TOSFAA+NotoSerifJP-Regular',
  bold: 'TOSFAB+NotoSerifJP-Bold',
  emoji: 'TOSFAC+NotoEmoji-Regular',
};


function substitutePageNumbers(children: readonly Inline[], page: number, pages: number): Inline[] {
  return children.map((c) =>
    c.type === 'page' || c.type === 'pages'
      ? { type: 'text', text: String(c.type === 'page' ? page : pages), style: { bold: false, italic: false, underline: false, mark: null } }
      : c,
  );
}

export interface PdfOptions {
  /** false embeds whole fonts: several MB, but a reference rendering for checking subsets. */
  subsetFonts?: boolean;
  /** The fontkit pdf-lib uses; only checks that prove a broken subset is caught pass another one. */
  fontkit?: unknown;
}

export async function writePdf(tree: DocumentTree, options: PdfOptions = {}): Promise<Uint8Array> {
  useNativeDeflate();
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit((options.fontkit ?? fontkitForPdfLib) as never);
  const { text, bold } = textOf(tree);
  const subset = options.subsetFonts ?? true;
  const embed = (role: FontRole) =>
    doc.embedFont(fontBytes(role), { subset, customName: subset ? SUBSET_NAMES[role] : SUBSET_NAMES[role].slice(7) });
  const fonts: Fonts = {
    regular: await embed('regular'),
    bold: bold ? await embed('bold') : undefined,
    emoji: needsEmoji(text) ? await embed('emoji') : undefined,
  };
  const ops = new PageWriter();
  const renderer = new Renderer(fonts, ops);
  const PAGE = pageGeometry(tree.orientation);
  const flow = new PageFlow(doc, PAGE, ops);

  // lay out every block first, so that a heading can be kept with the start of the block after it
  const laid = tree.body.map((block) =>
    block.type === 'table'
      ? { kind: 'table' as const, rows: renderer.tableRows(block, PAGE.contentWidth) }
      : block.type === 'pagebreak'
        ? { kind: 'pagebreak' as const }
        : { kind: 'boxes' as const, boxes: renderer.blockBoxes([block], PAGE.contentWidth) },
  );
  const leadHeight = (next: (typeof laid)[number] | undefined): number => {
    if (!next || next.kind === 'pagebreak') return 0;
    if (next.kind === 'boxes') return next.boxes[0]?.height ?? 0;
    let h = 0;
    for (const row of next.rows) {
      h += row.height;
      if (!row.header) break;
    }
    return Math.min(h, PAGE.contentHeight / 3);
  };
  laid.forEach((item, i) => {
    if (item.kind === 'pagebreak') {
      if (!flow.atTop) flow.newPage();
    } else if (item.kind === 'table') flow.placeTable(item.rows);
    else flow.placeAll(item.boxes, leadHeight(laid[i + 1]));
  });

  const pages = flow.pages;
  pages.forEach((page, i) => {
    const number = (p: Paragraph): Paragraph => ({ ...p, children: substitutePageNumbers(p.children, i + 1, pages.length) });
    let top = PAGE.height - PAGE.headerTop;
    for (const box of renderer.blockBoxes(tree.header.map(number), PAGE.contentWidth, true)) {
      box.draw(page, PAGE.left, top);
      top -= box.height;
    }
    top = PAGE.footerTop;
    for (const box of renderer.blockBoxes(tree.footer.map(number), PAGE.contentWidth, true)) {
      box.draw(page, PAGE.left, top);
      top -= box.height;
    }
    if (tree.draft) {
      page.drawText('下書き', {
        x: PAGE.width / 2 - 150,
        y: PAGE.height / 2 - 110,
        size: 110,
        font: fonts.regular!,
        color: rgb(0.85, 0.2, 0.2),
        opacity: 0.12,
        rotate: degrees(40),
      });
    }
  });

  const date = new Date(`${tree.date}T00:00:00Z`);
  doc.setTitle(tree.title, { showInWindowTitleBar: true });
  doc.setLanguage('ja-JP');
  doc.setCreator('tos-filing');
  doc.setProducer('tos-filing (pdf-lib)');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return doc.save({ useObjectStreams: false });
}
