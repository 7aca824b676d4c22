import { strToU8, zipSync } from 'fflate';
import { japaneseWidth } from '../displayText.ts';

/**
 * A small SpreadsheetML (.xlsx) writer for tables: one header row per sheet, kept in view (frozen) with a filter
 * on it, text and numbers in cells, column widths, and nothing merged. Written by hand rather than with a
 * spreadsheet library: what a review table needs is a few hundred lines of XML, and writing it ourselves makes
 * the bytes the same on every run and in every time zone (fixed dates, fixed zip entry order and times).
 * Every sheet prints landscape, one page wide, with its header row on every page; text wraps in its cell and
 * each row is as tall as its longest cell needs (spreadsheet software does not fit heights when it opens a file).
 */

export type CellValue = string | number | null;

export interface SheetColumn {
  header: string;
  /** Width in characters (a full-width character counts two). */
  width: number;
  /** Centre the column's values (marks). */
  center?: boolean;
  /** Wrap long text within the cell. */
  wrap?: boolean;
}

export interface SheetTable {
  name: string;
  columns: SheetColumn[];
  rows: CellValue[][];
  /** Columns kept in view on the left, besides the header row. */
  frozenColumns?: number;
}

export interface Workbook {
  title: string;
  /** YYYY-MM-DD, for the document properties (never the clock). */
  date: string;
  sheets: SheetTable[];
}

const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const esc = (s: string) => s.replace(XML_ILLEGAL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A1-style column letters: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

// cellXfs: 0 the sheet's default (no border), 1 header, 2 wrapped text, 3 centred, 4 plain (wrapped as well, so that no text runs over a border)
const STYLE = { header: 1, wrap: 2, center: 3, plain: 4 } as const;

const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2"><font><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/></font>' +
  '<font><b/><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFE0E0E0"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function cellXml(ref: string, value: CellValue, style: number): string {
  if (value === null || value === '') return `<c r="${ref}" s="${style}"/>`;
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${esc(String(value))}</t></is></c>`;
}

/** Points per wrapped line of 11 pt text as Excel sets 游ゴシック (LibreOffice's fallback fonts set lines closer). */
const LINE_HEIGHT = 15;
/** Column-width units per em of 11 pt text (a unit is a digit's width; Excel's 游ゴシック sets a kanji at about 1.8), erring wide. */
const UNITS_PER_EM = 1.9;

/** How many lines a value takes in a wrapped cell of the given width (in characters), breaking at any character. */
export function wrappedLines(value: CellValue, width: number): number {
  if (value === null || value === '') return 1;
  const room = Math.max(1, width - 1); // the cell's padding
  let lines = 0;
  for (const paragraph of String(value).split('\n')) {
    let line = 0;
    lines++;
    for (const char of paragraph) {
      const w = japaneseWidth(char) * UNITS_PER_EM;
      if (line + w > room && line > 0) {
        lines++;
        line = 0;
      }
      line += w;
    }
  }
  return lines;
}

/** The height (points) of a row whose cells wrap within their columns: its longest cell's lines, and a margin. */
export function rowHeight(values: readonly CellValue[], columns: readonly SheetColumn[]): number {
  const lines = Math.max(1, ...columns.map((c, i) => (c.center ? 1 : wrappedLines(values[i] ?? null, c.width))));
  return Math.round((lines * LINE_HEIGHT + 4.5) * 4) / 4;
}

function sheetXml(sheet: SheetTable): string {
  const last = columnName(sheet.columns.length - 1);
  const lastRow = sheet.rows.length + 1;
  const frozen = sheet.frozenColumns ?? 0;
  const topLeft = `${columnName(frozen)}2`;
  const pane = frozen
    ? `<pane xSplit="${frozen}" ySplit="1" topLeftCell="${topLeft}" activePane="bottomRight" state="frozen"/><selection pane="topRight"/><selection pane="bottomLeft"/><selection pane="bottomRight" activeCell="${topLeft}" sqref="${topLeft}"/>`
    : `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>`;
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  const height = (values: readonly CellValue[], wrapAll: boolean) => rowHeight(values, wrapAll ? sheet.columns.map((c) => ({ ...c, center: false })) : sheet.columns);
  const header = `<row r="1" ht="${height(sheet.columns.map((c) => c.header), true)}" customHeight="1">${sheet.columns.map((c, i) => cellXml(`${columnName(i)}1`, c.header, STYLE.header)).join('')}</row>`;
  const styleOf = (c: SheetColumn) => (c.center ? STYLE.center : c.wrap ? STYLE.wrap : STYLE.plain);
  const body = sheet.rows
    .map((row, r) => `<row r="${r + 2}" ht="${height(row, false)}" customHeight="1">${sheet.columns.map((c, i) => cellXml(`${columnName(i)}${r + 2}`, row[i] ?? null, styleOf(c))).join('')}</row>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}${lastRow}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="18"/>' +
    `<cols>${cols}</cols>` +
    `<sheetData>${header}${body}</sheetData>` +
    `<autoFilter ref="A1:${last}${lastRow}"/>` +
    '<printOptions horizontalCentered="1"/>' +
    '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    // A4 landscape, one page wide and as many pages long as it takes
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    `<headerFooter><oddHeader>&amp;L${esc(sheet.name)}</oddHeader><oddFooter>&amp;C&amp;P／&amp;N</oddFooter></headerFooter>` +
    '</worksheet>'
  );
}

function workbookXml(book: Workbook): string {
  const sheets = book.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const filters = book.sheets
    .map((s, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${esc(s.name).replace(/'/g, "''")}'!$A$1:$${columnName(s.columns.length - 1)}$${s.rows.length + 1}</definedName>`)
    .join('');
  // the header row repeated at the top of every printed page
  const titles = book.sheets.map((s, i) => `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${esc(s.name).replace(/'/g, "''")}'!$1:$1</definedName>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets}</sheets><definedNames>${filters}${titles}</definedNames></workbook>`
  );
}

export function writeXlsx(book: Workbook): Uint8Array {
  const stamp = `${book.date}T00:00:00Z`;
  const n = book.sheets.length;
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      book.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>',
    'docProps/core.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${esc(book.title)}</dc:title><dc:creator>tos-filing</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
    'docProps/app.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>tos-filing</Application></Properties>',
    'xl/workbook.xml': workbookXml(book),
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': STYLES_XML,
  };
  book.sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(s)));
  // fflate writes DOS times from local getters: a date from local components keeps the bytes the same in every time zone
  const [y, m, d] = book.date.split('-').map(Number) as [number, number, number];
  const mtime = new Date(Math.max(y, 1980), m - 1, d);
  const names = Object.keys(files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return zipSync(Object.fromEntries(names.map((name) => [name, [strToU8(files[name]!), { mtime, level: 6 }]])));
}
