import { PDFDocument, beginMarkedContent, degrees, endMarkedContent, rgb } from 'pdf-lib';
import type { Block, DocumentTree, Inline, Paragraph } from '../../document/tree.ts';
import { PageWriter } from './drawOps.ts';
import { type FontRole, fontBytes, fontkitForPdfLib, metricsFor } from './fonts.ts';
import { type Fonts, Renderer } from './layout.ts';
import { sanitize } from './lineBreak.ts';
import { useNativeDeflate } from './nativeDeflate.ts';
import { PageFlow } from './pageFlow.ts';
import { finishPdfA } from './pdfa.ts';
import { pageGeometry } from './pageStyle.ts';

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
    page.pushOperators(beginMarkedContent('Artifact')); // running header, footer and draft mark are not body text
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
    page.pushOperators(endMarkedContent());
  });

  const date = new Date(`${tree.date}T00:00:00Z`);
  doc.setTitle(tree.title, { showInWindowTitleBar: true });
  doc.setLanguage('ja-JP');
  doc.setCreator('tos-filing');
  doc.setProducer('tos-filing (pdf-lib)');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  await finishPdfA(doc, tree);
  return doc.save({ useObjectStreams: false });
}
