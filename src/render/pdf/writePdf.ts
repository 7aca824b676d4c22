import { PDFDocument } from 'pdf-lib';
import type { DocumentTree } from '../../document/tree.ts';
import { displayText } from '../displayText.ts';
import { PdfFont } from './cidFont.ts';
import { PageWriter } from './drawOps.ts';
import { layoutDocument } from './layoutDocument.ts';
import { addOutline } from './outline.ts';
import { type Fonts, paintDraftMark, paintMarks } from './paint.ts';
import { finishPdfA } from './pdfa.ts';

/** The PDF writer: lays the tree out on A4 pages, paints it, embeds the fonts it used and saves. */

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
  const laidOut = layoutDocument(tree);
  laidOut.pages.forEach((laid) => {
    const page = doc.addPage([laidOut.geometry.width, laidOut.geometry.height]);
    paintMarks(ops, page, laid.marks.slice(0, laid.bodyMarks), fonts);
    // the running header, the footer and the draft mark are not body text (readers of the visible text skip them)
    ops.beginArtifact(page);
    paintMarks(ops, page, laid.marks.slice(laid.bodyMarks), fonts);
    if (tree.draft) paintDraftMark(ops, page, fonts.regular, laidOut.geometry);
    ops.endArtifact(page);
  });
  addOutline(doc, laidOut.outline);

  const date = new Date(`${tree.date}T00:00:00Z`);
  doc.setTitle(displayText(tree.title), { showInWindowTitleBar: true });
  if (tree.author) doc.setAuthor(displayText(tree.author));
  doc.setLanguage('ja-JP');
  doc.setCreator('tos-filing');
  doc.setProducer('tos-filing (pdf-lib)');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  ops.finish(doc);
  await finishPdfA(doc, tree);
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
