import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  LevelSuffix,
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
import { TextWatermark } from 'docx/watermarks';
import { strToU8 } from 'fflate';
import type { Align, Block, DocumentTree, Inline, List, ListStyle, Paragraph, Table } from '../../document/tree.ts';
import { LIST_STYLES, placeCells } from '../../document/tree.ts';
import { xmlSafe } from '../../util/xmlSafe.ts';
import { type ColumnMeasure, columnWidths } from '../columnWidths.ts';
import { displayText, japaneseTextWidth, japaneseWidth, listIndent } from '../displayText.ts';
import { fitOnOneLine } from '../fitLine.ts';
import { isTableNote, keepsWithNext } from '../keepWithNext.ts';
import { DEFAULT_DOCX_FONT } from './docxFont.ts';
import { memoCellProperties, memoElement, memoProperties } from './memoProperties.ts';
import { packDeterministic, zipDeterministic } from './packDeterministic.ts';
import { withParagraphDefaults } from './paragraphDefaults.ts';
import { type CellMetrics, tableHeight, textLines } from './tableHeight.ts';

/**
 * The Word writer: the same tree as the PDF, in the same order, as WordprocessingML, with Word's own means for
 * what the PDF writer does by layout: keep-with-next on headings and captions, widow control, rows that do not
 * split, repeated header rows, a first page without the running header, numbering definitions, heading styles
 * (the navigation pane) and a watermark on drafts.
 */

export interface DocxOptions {
  /** The Mincho font Word should use; the name must exist on the reader's machine (Windows has ＭＳ 明朝). */
  font: string;
}

export { DEFAULT_DOCX_FONT };

// A4 and margins in twips (1/20 pt); A4 is hard-coded because mm→twip conversion truncates (tech-notes §4.2)
const PAGE = { width: 11906, height: 16838, top: 1417, bottom: 1247, left: 1417, right: 1134, header: 567, footer: 624 };
const SIZES = { body: 21, small: 18, cell: 19, headings: { 1: 30, 2: 25, 3: 22 } } as const; // half-points
const STYLE_IDS = { cell: 'TfCell', small: 'TfSmall' } as const;
const MARK_COLORS = { missing: 'CC0000', review: 'B36600' } as const;
/** One em in twips at a size in half-points. */
const em = (halfPoints: number) => halfPoints * 10;
/** Running header and footer lines, as the PDF sets them (leading 1.45). */
const RUNNING_LEADING = 1.45;

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const HEADING_LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** Numbering definitions, one per list style: the number format and its text (1, （1）, ア, （ア）, ・). */
const NUMBERING: Record<ListStyle, { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string }> = {
  bullet: { format: LevelFormat.BULLET, text: '・' },
  decimal: { format: LevelFormat.DECIMAL, text: '%1' },
  paren: { format: LevelFormat.DECIMAL, text: '（%1）' },
  katakana: { format: LevelFormat.AIUEO_FULL_WIDTH, text: '%1' },
  'paren-katakana': { format: LevelFormat.AIUEO_FULL_WIDTH, text: '（%1）' },
};
const numberingReference = (style: ListStyle) => `tf-${style}`;

/** Cell text as Word sets it in a Mincho font, for column widths. */
const CELL_MEASURE: ColumnMeasure = {
  text: (text) => japaneseTextWidth(text) * em(SIZES.cell),
  em: em(SIZES.cell),
  padding: 120,
};

type TextRunOptions = { text: string; size?: number; bold?: boolean; underline?: object; color?: string };
/** A run of text, whose tree is the one made before for the same text and style (memoProperties.ts). */
const textRun = (options: TextRunOptions) => memoElement(new TextRun(options), JSON.stringify(options));

function runs(children: readonly Inline[], size?: number): TextRun[] {
  return children.map((c) => {
    switch (c.type) {
      case 'br':
        return new TextRun({ break: 1, size });
      case 'page':
        return new TextRun({ children: [PageNumber.CURRENT], size });
      case 'pages':
        return new TextRun({ children: [PageNumber.TOTAL_PAGES], size });
      case 'text':
        // only what differs from the paragraph style is written, to keep document.xml small
        return textRun({
          text: displayText(xmlSafe(c.text)).replace(/\t/g, ' '),
          size,
          bold: c.style.bold || undefined,
          underline: c.style.underline || c.style.mark ? {} : undefined,
          color: c.style.mark ? MARK_COLORS[c.style.mark] : undefined,
        });
    }
  });
}

interface Context {
  inCell: boolean;
  /** Left indent in twips (lists inside lists). */
  left: number;
  /** Keep every paragraph with the next (the cells of header rows). */
  keepAll: boolean;
}

const BODY: Context = { inCell: false, left: 0, keepAll: false };

/** Cell text as tableHeight.ts estimates it: the TfCell line (280 twips at most for the 9.5 pt Mincho) and padding. */
const CELL_METRICS: CellMetrics = { em: em(SIZES.cell), line: 280, padding: 120, rowPadding: 100 };
/** What a heading or caption kept with a table takes above it, at most (spacing and one line), in twips. */
const CAPTION_HEIGHT = 800;
/** The empty paragraph after a body table (line 200), and a line of a TfSmall note (9 pt at line 360) with its space after, at most. */
const SPACER_HEIGHT = 240;
const NOTE_LINE = 340;
const NOTE_AFTER = 80;

/** How tall Word sets the notes under a table (blocks from `from` on that are table notes), at most, in twips. */
function notesHeight(list: readonly Block[], from: number, width: number): number {
  let height = 0;
  for (let i = from; i < list.length && isTableNote(list, i); i++) {
    const note = list[i] as Paragraph;
    height += textLines(note.children, width - note.left * em(SIZES.small), { em: em(SIZES.small) }) * NOTE_LINE + NOTE_AFTER;
  }
  return height ? SPACER_HEIGHT + height : 0;
}

/**
 * Where Word may break a table: nowhere inside one that fits on a page with its caption; else only between body
 * rows that leave two on each side, never inside rows joined by a rowspan, and never after a header row (the
 * PDF writer's rule, layout.ts tableBreaks). Word knows only "keep with next" on the paragraphs of a row:
 * true for row r means no page break between row r and row r + 1.
 */
export function keepRowWithNext(t: Table, fits: boolean): boolean[] {
  const rows = placeCells(t);
  // the last row of the group of rows joined by rowspans that each row belongs to
  const groupEnd: number[] = [];
  for (let r = 0; r < rows.length; ) {
    let to = r;
    for (let k = r; k <= to; k++) for (const p of rows[k]!) to = Math.max(to, Math.min(k + p.cell.rowspan, rows.length) - 1);
    for (let k = r; k <= to; k++) groupEnd[k] = to;
    r = to + 1;
  }
  const groupStarts = rows.map((_, r) => r === 0 || groupEnd[r - 1] === r - 1);
  const body = rows.filter((_, r) => groupStarts[r] && !t.rows[r]!.header).length;
  let j = 0; // body groups up to and including row r's
  return rows.map((_, r) => {
    if (groupStarts[r] && !t.rows[r]!.header) j++;
    if (r === rows.length - 1) return false;
    if (groupEnd[r] !== r || fits || t.rows[r]!.header) return true;
    // a break after row r comes before body group j (0-based): allowed when two groups are on each side
    return !(j >= 2 && body - j >= 2);
  });
}

type ParagraphProperties = Omit<ConstructorParameters<typeof DocxParagraph>[0] & object, 'children' | 'numbering'>;

/** A paragraph whose properties, made from the same options before, take the same XML tree (memoProperties.ts). */
const paragraphOf = (properties: ParagraphProperties, children: TextRun[]) =>
  memoProperties(new DocxParagraph({ ...properties, children }), 'w:pPr', JSON.stringify(properties));

/** State carried through the body: a counter so that every list numbers from 1. */
class Writer {
  private lists = 0;

  /** `pageHeight`: of the body, in twips, for the tables that are kept on one page. */
  constructor(private readonly pageHeight: number) {}

  paragraph(p: Paragraph, { inCell, left }: Context, keepNext: boolean): DocxParagraph {
    const size = p.size === 'small' ? SIZES.small : inCell ? SIZES.cell : SIZES.body;
    const indentLeft = left + p.left * em(size);
    const properties = {
      style: p.size === 'small' && !inCell ? STYLE_IDS.small : inCell ? STYLE_IDS.cell : undefined,
      alignment: p.align === 'left' ? undefined : ALIGN[p.align], // left is Word's default: leave it out
      indent: indentLeft || p.indent ? { left: indentLeft, firstLine: p.indent * em(size) } : undefined,
      keepNext: keepNext || undefined,
    };
    return paragraphOf(properties, runs(p.children, inCell && p.size === 'small' ? size : undefined));
  }

  list(list: List, width: number, ctx: Context): (DocxParagraph | DocxTable)[] {
    const { inCell, left } = ctx;
    const size = inCell ? SIZES.cell : SIZES.body;
    const hanging = listIndent(list.style, list.items.length) * em(size);
    const instance = ++this.lists;
    const out: (DocxParagraph | DocxTable)[] = [];
    for (const item of list.items) {
      item.forEach((child, j) => {
        if (j > 0 || child.type !== 'paragraph') {
          out.push(...this.blocks([child], width - hanging, { ...ctx, left: left + hanging }));
          return;
        }
        out.push(
          new DocxParagraph({
            style: inCell ? STYLE_IDS.cell : undefined,
            alignment: child.align === 'left' ? undefined : ALIGN[child.align],
            numbering: { reference: numberingReference(list.style), level: 0, instance, custom: true },
            indent: { left: left + hanging + child.left * em(size), hanging },
            keepNext: ctx.keepAll || undefined,
            children: runs(child.children),
          }),
        );
      });
    }
    return out;
  }

  blocks(list: readonly Block[], width: number, ctx: Context = BODY): (DocxParagraph | DocxTable)[] {
    const { inCell, left } = ctx;
    const out: (DocxParagraph | DocxTable)[] = [];
    list.forEach((block, i) => {
      // a note under a table stays with the table's last row (and with the note before it)
      const noteFollows = !inCell && i < list.length - 1 && isTableNote(list, i + 1);
      const keepNext = ctx.keepAll || noteFollows || (!inCell && keepsWithNext(block) && i < list.length - 1);
      switch (block.type) {
        case 'paragraph':
          out.push(this.paragraph(block, ctx, keepNext));
          break;
        case 'heading':
          out.push(paragraphOf({ heading: HEADING_LEVELS[block.level], alignment: block.align === 'left' ? undefined : ALIGN[block.align] }, runs(block.children)));
          break;
        case 'list':
          out.push(...this.list(block, width, ctx));
          break;
        case 'table':
          // a heading or caption stays with the table (its own keep-with-next), the table with itself (keepRowWithNext)
          out.push(
            this.table(block, width - left, left, {
              captioned: i > 0 && !inCell && keepsWithNext(list[i - 1]!),
              inCell,
              noted: noteFollows ? notesHeight(list, i + 1, width) : 0,
              keepAll: ctx.keepAll,
            }),
          );
          // two tables in a row would merge into one in Word
          if (!inCell) out.push(paragraphOf({ spacing: { after: 0, line: 200 }, keepNext: noteFollows || undefined }, []));
          break;
        case 'pagebreak':
          out.push(paragraphOf({ pageBreakBefore: true, spacing: { after: 0 } }, []));
          break;
      }
    });
    return out;
  }

  /**
   * `captioned`: under a heading or caption; `noted`: the height of the notes under it (0 if none), which its
   * last row keeps with; `inCell` with `keepAll`: in a row of a table that is kept with its next row, so every
   * row of it keeps too.
   */
  table(t: Table, width: number, left: number, how: { captioned?: boolean; inCell?: boolean; noted?: number; keepAll?: boolean } = {}): DocxTable {
    const { captioned = false, inCell = false, noted = 0, keepAll: inKeptRow = false } = how;
    const columnWidths_ = columnWidths(t, width, CELL_MEASURE).map(Math.floor);
    // a table in a cell goes with its row (its header rows with its first body row); a body table is kept on one
    // page if it fits there with its caption and its notes
    const fits = tableHeight(t, width, CELL_METRICS, columnWidths_) + (captioned ? CAPTION_HEIGHT : 0) + noted <= this.pageHeight;
    const keep = inCell ? t.rows.map((row, r) => inKeptRow || (row.header && r < t.rows.length - 1)) : keepRowWithNext(t, fits).map((k, r) => k || (noted > 0 && r === t.rows.length - 1));
    const rows = placeCells(t).map((placed, r) => {
      const keepAll = keep[r]!;
      const cells = placed.map(({ cell, col, span }) => {
        const cellWidth = columnWidths_.slice(col, col + span).reduce((a, b) => a + b, 0);
        const content = this.blocks(cell.children, cellWidth - CELL_MEASURE.padding, { inCell: true, left: 0, keepAll });
        const cellProperties = {
          columnSpan: span > 1 ? span : undefined,
          rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
          shading: cell.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E0E0E0' } : undefined,
        };
        const children = content.length ? content : [paragraphOf({ style: STYLE_IDS.cell, keepNext: keepAll || undefined }, [])];
        return memoCellProperties(new TableCell({ ...cellProperties, children }), JSON.stringify(cellProperties));
      });
      // a row is never split inside a cell (Word still splits a row taller than a page)
      const rowProperties = { tableHeader: t.rows[r]!.header || undefined, cantSplit: true };
      return memoProperties(new TableRow({ ...rowProperties, children: cells }), 'w:trPr', JSON.stringify(rowProperties));
    });
    const tableProperties = {
      width: { size: columnWidths_.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      indent: left ? { size: left, type: WidthType.DXA } : undefined,
      layout: TableLayoutType.FIXED,
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
    };
    return memoProperties(new DocxTable({ rows, columnWidths: columnWidths_, ...tableProperties }), 'w:tblPr', JSON.stringify(tableProperties));
  }
}

/** One line per paragraph, fitted to the width (Word cannot be asked to truncate); lines beyond the band are left out. */
function runningParagraphs(paragraphs: readonly Paragraph[], width: number, band: number, extra: TextRun[] = []): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  let used = 0;
  for (const p of paragraphs) {
    const size = p.size === 'small' ? SIZES.small : SIZES.body;
    const indent = p.left * em(size);
    const fitted = fitOnOneLine(p.children, width - indent, (char) => japaneseWidth(char) * em(size));
    const setSize = Math.floor(size * fitted.scale);
    used += setSize * 10 * RUNNING_LEADING;
    if (used > band) break;
    out.push(
      new DocxParagraph({
        style: STYLE_IDS.cell,
        alignment: p.align === 'left' ? undefined : ALIGN[p.align],
        indent: indent ? { left: indent } : undefined,
        children: [...(out.length === 0 ? extra : []), ...runs(fitted.children, setSize)],
      }),
    );
  }
  if (!out.length) out.push(new DocxParagraph({ style: STYLE_IDS.cell, children: extra }));
  return out;
}

export async function writeDocx(tree: DocumentTree, options: DocxOptions = { font: DEFAULT_DOCX_FONT }): Promise<Uint8Array> {
  const landscape = tree.orientation === 'landscape';
  const contentWidth = (landscape ? PAGE.height : PAGE.width) - PAGE.left - PAGE.right;
  const font = { ascii: options.font, hAnsi: options.font, eastAsia: options.font, cs: options.font };
  const watermark = () => (tree.draft ? [new TextWatermark({ text: '下書き', font: options.font, color: 'F0A0A0', opacity: 0.35 })] : []);
  const footer = () => new Footer({ children: runningParagraphs(tree.footer, contentWidth, PAGE.bottom - PAGE.footer) });
  const heading = (level: 1 | 2 | 3, before: number, after: number) => ({
    run: { size: SIZES.headings[level], bold: true, color: '000000' },
    paragraph: { keepNext: true, keepLines: true, outlineLevel: level - 1, spacing: { before, after, line: 320 } },
  });
  const doc = new Document({
    creator: displayText(tree.author),
    lastModifiedBy: displayText(tree.author),
    title: displayText(tree.title),
    revision: 1,
    styles: {
      default: {
        document: {
          run: { font, size: SIZES.body, language: { value: 'en-US', eastAsia: 'ja-JP' } },
          paragraph: { spacing: { after: 80, line: 360 } },
        },
        heading1: heading(1, 200, 240),
        heading2: heading(2, 240, 120),
        heading3: heading(3, 240, 120),
      },
      paragraphStyles: [
        { id: STYLE_IDS.cell, name: 'TOS Filing Cell', basedOn: 'Normal', run: { size: SIZES.cell }, paragraph: { spacing: { before: 0, after: 0, line: 280 } } },
        { id: STYLE_IDS.small, name: 'TOS Filing Small', basedOn: 'Normal', run: { size: SIZES.small } },
      ],
    },
    numbering: {
      config: LIST_STYLES.map((style) => ({
        reference: numberingReference(style),
        levels: [{ level: 0, ...NUMBERING[style], alignment: AlignmentType.START, suffix: LevelSuffix.TAB, style: { paragraph: { indent: { left: 420, hanging: 420 } } } }],
      })),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: PAGE.header, footer: PAGE.footer },
          },
          // the first page is the cover: no running header
          titlePage: true,
        },
        headers: {
          first: new Header({ children: [new DocxParagraph({ style: STYLE_IDS.cell, children: watermark() })] }),
          default: new Header({ children: runningParagraphs(tree.header, contentWidth, PAGE.top - PAGE.header, watermark()) }),
        },
        footers: { first: footer(), default: footer() },
        children: new Writer((landscape ? PAGE.width : PAGE.height) - PAGE.top - PAGE.bottom).blocks(tree.body, contentWidth),
      },
    ],
  });
  return pack(doc, tree.date, tree.attachments);
}

/** The package's parts by path, as docx's Packer has them before it zips them (a string is a part's XML). */
type CompiledParts = Map<string, string | Uint8Array | ArrayBuffer>;
interface DocxCompiler {
  compile(doc: Document, prettify?: string, overrides?: readonly unknown[]): CompiledParts;
}

/**
 * docx's Packer compiles the parts and zips them; the zip is made deterministic from the parts here, so the
 * parts are taken from Packer's compiler before it zips (its own zip, unzipped again, cost a third of the .docx).
 * The compiler is docx's own (`Packer.compiler`, not in its types); without one, Packer's zip is unzipped.
 */
const compiler = Reflect.get(Packer, 'compiler') as DocxCompiler | undefined;

const bytesOf = (data: string | Uint8Array | ArrayBuffer): Uint8Array =>
  typeof data === 'string' ? strToU8(data) : data instanceof Uint8Array ? data : new Uint8Array(data);

/** Packs the parts docx compiles, made deterministic (fixed dates, order and ids), with our parts added. */
async function pack(doc: Document, isoDate: string, attachments: DocumentTree['attachments']): Promise<Uint8Array> {
  if (typeof compiler?.compile === 'function') {
    const parts: Record<string, Uint8Array> = {};
    for (const [path, data] of compiler.compile(doc, undefined, [])) parts[path] = bytesOf(data);
    return zipDeterministic(withParagraphDefaults(parts), isoDate, attachments);
  }
  // an ArrayBuffer, not a Node Buffer: the same code packs in the offline page's Worker
  return packDeterministic(new Uint8Array(await Packer.toArrayBuffer(doc)), isoDate, withParagraphDefaults, attachments);
}
