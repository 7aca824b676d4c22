import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph as DocxParagraph,
  ShadingType,
  Table as DocxTable,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Align, Block, DocumentTree, Inline, Paragraph, Table } from '../../document/tree.ts';
import { listMarker, placeCells } from '../../document/tree.ts';
import { strToU8 } from 'fflate';
import { packDeterministic, zipDeterministic } from './packDeterministic.ts';
import { xmlSafe } from '../../util/xmlSafe.ts';

/**
 * The Word writer: the same tree as the PDF, in the same order, as WordprocessingML. Numbering is written
 * as text (the tree decides it), so Word, LibreOffice and the PDF show the same numbers.
 */

export interface DocxOptions {
  /** The Mincho font Word should use; the name must exist on the reader's machine (Windows has ＭＳ 明朝). */
  font: string;
}

export const DEFAULT_DOCX_FONT = 'ＭＳ 明朝';

// A4 and margins in twips (1/20 pt); A4 is hard-coded because mm→twip conversion truncates (tech-notes §4.2)
const PAGE = { width: 11906, height: 16838, top: 1417, bottom: 1247, left: 1417, right: 1134, header: 567, footer: 624 };
const SIZES = { body: 21, small: 18, cell: 19, headings: { 1: 30, 2: 25, 3: 22 } } as const; // half-points
const STYLE_IDS = { cell: 'TfCell', small: 'TfSmall' } as const;
const MARK_COLORS = { missing: 'CC0000', review: 'B36600' } as const;

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;


function runs(children: readonly Inline[], size?: number, forceBold = false): TextRun[] {
  return children.map((c) => {
    switch (c.type) {
      case 'br':
        return new TextRun({ break: 1 });
      case 'page':
        return new TextRun({ children: [PageNumber.CURRENT], size });
      case 'pages':
        return new TextRun({ children: [PageNumber.TOTAL_PAGES], size });
      case 'text':
        // only what differs from the paragraph style is written, to keep document.xml small
        return new TextRun({
          text: xmlSafe(c.text).replace(/\t/g, ' '),
          size,
          bold: forceBold || c.style.bold || undefined,
          underline: c.style.underline || c.style.mark ? {} : undefined,
          color: c.style.mark ? MARK_COLORS[c.style.mark] : undefined,
        });
    }
  });
}

function paragraph(p: Paragraph, inCell: boolean): DocxParagraph {
  const size = inCell ? SIZES.cell : p.size === 'small' ? SIZES.small : SIZES.body;
  const em = size * 10; // one character in twips
  return new DocxParagraph({
    style: inCell ? STYLE_IDS.cell : p.size === 'small' ? STYLE_IDS.small : undefined,
    alignment: p.align === 'left' ? undefined : ALIGN[p.align], // left is Word's default: leave it out
    indent: p.left || p.indent ? { left: p.left * em, firstLine: p.indent * em } : undefined,
    children: runs(p.children),
  });
}

function blocks(list: readonly Block[], width: number, inCell = false): (DocxParagraph | DocxTable)[] {
  const out: (DocxParagraph | DocxTable)[] = [];
  for (const block of list) {
    switch (block.type) {
      case 'paragraph':
        out.push(paragraph(block, inCell));
        break;
      case 'heading': {
        const size = SIZES.headings[block.level];
        out.push(
          new DocxParagraph({
            alignment: ALIGN[block.align],
            keepNext: true,
            keepLines: true,
            spacing: { before: block.level === 1 ? 200 : 240, after: block.level === 1 ? 240 : 120, line: 320 },
            children: runs(block.children, size, true),
          }),
        );
        break;
      }
      case 'list': {
        const size = inCell ? SIZES.cell : SIZES.body;
        block.items.forEach((item, i) => {
          const marker = listMarker(block.style, i + 1);
          const hanging = [...marker].length * size * 10;
          item.forEach((child, j) => {
            if (child.type !== 'paragraph') {
              out.push(...blocks([child], width - hanging, inCell));
              return;
            }
            const prefix = j === 0 ? [new TextRun({ text: marker })] : [];
            out.push(
              new DocxParagraph({
                alignment: child.align === 'left' ? undefined : ALIGN[child.align],
                indent: { left: hanging, hanging: j === 0 ? hanging : 0 },
                style: inCell ? STYLE_IDS.cell : undefined,
                children: [...prefix, ...runs(child.children)],
              }),
            );
          });
        });
        break;
      }
      case 'table':
        out.push(table(block, width));
        if (!inCell) out.push(new DocxParagraph({ spacing: { after: 0, line: 200 }, children: [] }));
        break;
      case 'pagebreak':
        out.push(new DocxParagraph({ pageBreakBefore: true, spacing: { after: 0 }, children: [] }));
        break;
    }
  }
  return out;
}

function table(t: Table, width: number): DocxTable {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const columnWidths = t.widths.map((w) => Math.floor((w / total) * width));
  const rows = placeCells(t).map((placed, r) => {
    const cells = placed.map(({ cell, col, span }) => {
      const cellWidth = columnWidths.slice(col, col + span).reduce((a, b) => a + b, 0);
      const content = blocks(cell.children, cellWidth - 120, true);
      return new TableCell({
        columnSpan: span > 1 ? span : undefined,
        rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
        shading: cell.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E0E0E0' } : undefined,
        children: content.length ? content : [new DocxParagraph({ children: [] })],
      });
    });
    return new TableRow({ tableHeader: t.rows[r]!.header || undefined, children: cells });
  });
  return new DocxTable({
    rows,
    columnWidths,
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
  });
}

export async function writeDocx(tree: DocumentTree, options: DocxOptions = { font: DEFAULT_DOCX_FONT }): Promise<Uint8Array> {
  const landscape = tree.orientation === 'landscape';
  const contentWidth = (landscape ? PAGE.height : PAGE.width) - PAGE.left - PAGE.right;
  const font = { ascii: options.font, hAnsi: options.font, eastAsia: options.font, cs: options.font };
  const doc = new Document({
    creator: 'tos-filing',
    lastModifiedBy: 'tos-filing',
    title: tree.title,
    revision: 1,
    styles: {
      default: {
        document: {
          run: { font, size: SIZES.body, language: { value: 'en-US', eastAsia: 'ja-JP' } },
          paragraph: { spacing: { after: 80, line: 360 } },
        },
      },
      paragraphStyles: [
        { id: STYLE_IDS.cell, name: 'TOS Filing Cell', basedOn: 'Normal', run: { size: SIZES.cell }, paragraph: { spacing: { before: 0, after: 0, line: 280 } } },
        { id: STYLE_IDS.small, name: 'TOS Filing Small', basedOn: 'Normal', run: { size: SIZES.small } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: PAGE.header, footer: PAGE.footer },
          },
        },
        headers: { default: new Header({ children: blocks(tree.header, contentWidth, true) }) },
        footers: { default: new Footer({ children: blocks(tree.footer, contentWidth, true) }) },
        children: blocks(tree.body, contentWidth),
      },
    ],
  });
  return pack(doc, tree.date);
}

type PartCompiler = { compile(file: Document, prettify: undefined): Map<string, string | Uint8Array> };

/**
 * Packs deterministically. docx 9 keeps its part compiler on Packer; using it directly skips zipping,
 * unzipping and zipping again (about 15 ms a document). Any other docx version goes the long way round.
 */
function pack(doc: Document, isoDate: string): Uint8Array | Promise<Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: PartCompiler }).compiler;
  if (!compiler || typeof compiler.compile !== 'function') return Packer.toBuffer(doc).then((b) => packDeterministic(b, isoDate));
  const parts: Record<string, Uint8Array> = {};
  for (const [path, data] of compiler.compile(doc, undefined)) parts[path] = typeof data === 'string' ? strToU8(data) : data;
  return zipDeterministic(parts, isoDate);
}
