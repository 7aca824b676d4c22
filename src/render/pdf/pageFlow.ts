import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { PageWriter } from './drawOps.ts';
import { type Box, type Renderer, drawCells, splitRow } from './layout.ts';
import { type PageGeometry, STYLE } from './pageStyle.ts';

/** The page flow: places boxes top to bottom and starts a new page when one does not fit. */
export class PageFlow {
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
