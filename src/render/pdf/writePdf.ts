import { PDFDocument, rgb } from 'pdf-lib';
import type { DocumentTree, Inline, Paragraph } from '../../document/tree.ts';
import { PdfFont } from './cidFont.ts';
import { PageWriter } from './drawOps.ts';
import { type Fonts, Renderer } from './layout.ts';
import { PageFlow } from './pageFlow.ts';
import { pageGeometry } from './pageStyle.ts';

/** The PDF writer: embeds the fonts the document needs, lays the tree out on A4 pages and saves. */

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
}

export async function writePdf(tree: DocumentTree, options: PdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  // a font is opened, and embedded, only if some text is drawn with it
  const subset = options.subsetFonts ?? true;
  const fonts: Fonts = { regular: new PdfFont('regular', subset), bold: new PdfFont('bold', subset), emoji: new PdfFont('emoji', subset) };
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
      ops.watermark(page, '下書き', {
        x: PAGE.width / 2 - 150,
        y: PAGE.height / 2 - 110,
        size: 110,
        font: fonts.regular!,
        color: rgb(0.85, 0.2, 0.2),
        opacity: 0.12,
        degrees: 40,
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
  ops.finish(doc);
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
