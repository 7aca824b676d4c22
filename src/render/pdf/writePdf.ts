import { PDFDocument, beginMarkedContent, endMarkedContent } from 'pdf-lib';
import type { Block, DocumentTree, Inline } from '../../document/tree.ts';
import { displayText } from '../displayText.ts';
import { PageWriter } from './drawOps.ts';
import { type FontRole, fontBytes, fontkitForPdfLib, metricsFor } from './fonts.ts';
import { layoutDocument } from './layoutDocument.ts';
import { sanitize } from './lineBreak.ts';
import { useNativeDeflate } from './nativeDeflate.ts';
import { addOutline } from './outline.ts';
import { type Fonts, paintDraftMark, paintMarks } from './paint.ts';
import { finishPdfA } from './pdfa.ts';

/** The PDF writer: embeds the fonts the document needs, lays the tree out on A4 pages and saves. */

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
  const laidOut = layoutDocument(tree);
  laidOut.pages.forEach((laid) => {
    const page = doc.addPage([laidOut.geometry.width, laidOut.geometry.height]);
    paintMarks(ops, page, laid.marks.slice(0, laid.bodyMarks), fonts);
    // the running header, the footer and the draft mark are not body text (readers of the visible text skip them)
    page.pushOperators(beginMarkedContent('Artifact'));
    paintMarks(ops, page, laid.marks.slice(laid.bodyMarks), fonts);
    if (tree.draft) paintDraftMark(page, fonts.regular!, laidOut.geometry);
    page.pushOperators(endMarkedContent());
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
  await finishPdfA(doc, tree);
  return doc.save({ useObjectStreams: false });
}
