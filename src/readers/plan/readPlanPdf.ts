import { host } from '../../platform/host.ts';
import type { PdfJs, PdfJsDocument } from '../../platform/host.ts';
import { latin1Text } from '../../util/bytes.ts';
import { READ_LIMITS } from '../limits.ts';
import { PdfFile, PdfLimitError } from '../pdf/pdfObjects.ts';
import { pdfBodyText } from '../pdf/pdfText.ts';
import type { PlanRead, TextBlock } from './textBlock.ts';
import { type PageBlock, type PositionedText, groupPageText, joinLines } from './pdfLayout.ts';

/**
 * Reads the text layer of any PDF (a plan typed in Word and saved as PDF, or printed to PDF) with Mozilla's
 * PDF.js, and groups its text into lines and paragraphs by position (pdfLayout.ts), each with its page.
 * tos-filing does no OCR: a scanned PDF without text is refused with a message saying so. Before PDF.js runs,
 * our own PDF reader decodes the content streams within the reading bounds (limits.ts), so a stream bomb stops
 * there; PDF.js then reads at most READ_LIMITS.pdfPages pages.
 */

const MESSAGES = {
  'no-text-layer':
    'このPDFには文字の情報（テキスト）がありません。紙をスキャンしたPDFと思われます。tos-filing は文字認識（OCR）を行わないため読めません。Word などの元の文書か、文字を含むPDFを指定してください',
  encrypted: 'このPDFは暗号化（パスワード保護）されているため読めません。保護を解除したファイルを指定してください',
  damaged: 'PDFとして読めません（ファイルが壊れているか、PDFではありません）',
  'too-large': 'PDFの内容が大きすぎるため読むのをやめました',
  'no-reader': 'この環境では tos-filing が作成していないPDFを読めません（Word文書（.docx）を指定してください）',
} as const;

const fail = (problem: Exclude<keyof typeof MESSAGES, 'no-reader'>, message: string = MESSAGES[problem]): PlanRead => ({ ok: false, problem, message });

/** What our own parser says of the file before PDF.js reads it: beyond a bound, encrypted, or fine to go on. */
function precheck(bytes: Uint8Array): 'too-large' | 'encrypted' | null {
  try {
    const pdf = new PdfFile(latin1Text(bytes));
    if (pdf.encrypted) return 'encrypted';
    pdfBodyText(pdf);
  } catch (err) {
    if (err instanceof PdfLimitError) return 'too-large';
    // a file our parser cannot follow (object streams it does not read, hostile nesting) is left to PDF.js
  }
  return null;
}

/** Two tables' columns start at the same places (within a third of an em of 12 pt). */
const sameColumns = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, k) => Math.abs(x - b[k]!) < 4);

/**
 * The blocks of all pages, less running headers and footers: a block in the top or bottom margin whose text
 * (numbers aside) stands in the margin of another page too. A PDF keeps no mark of what was a header.
 * A table that ends a page and one that starts the next with the same columns are one table, its rows going on;
 * a first row on the next page that repeats the table's first row (the header row repeated) is left out, and one
 * without a cell in a column every row of the table so far has filled is the rest of the row the page broke.
 */
function withoutRunningHeads(pages: readonly PageBlock[][]): TextBlock[] {
  const key = (b: PageBlock) => b.text.replace(/[0-9０-９]+/g, '#');
  const seen = new Map<string, Set<number>>();
  pages.forEach((blocks, i) => blocks.filter((b) => b.inMargin).forEach((b) => seen.set(key(b), (seen.get(key(b)) ?? new Set()).add(i))));
  const out: TextBlock[] = [];
  // a table's cells come with table 0: each table gets its number in the document
  let tables = 0;
  /** the table the last block belonged to, if it was a cell: its columns, its first row's texts, its rows so far */
  let open: { columns: readonly number[]; header: string[]; rows: number; lastRow: Map<number, TextBlock>; rowCount: number; filled: Map<number, number> } | null = null;
  pages.forEach((blocks, i) => {
    const kept = blocks.filter((b) => !(b.inMargin && (seen.get(key(b))?.size ?? 0) > 1));
    let lastRow: number | null = null;
    let offset = 0;
    let skipRow: number | null = null;
    let restOfRow: number | null = null;
    for (const [k, { inMargin, columns, ...block }] of kept.entries()) {
      if (block.cell) {
        const startsTable = lastRow === null || block.cell.row < lastRow;
        if (startsTable) {
          const goesOn = k === 0 && open !== null && columns !== undefined && sameColumns(open.columns, columns);
          if (goesOn) {
            offset = open!.rows;
            const firstRow = kept.filter((b) => b.cell?.row === block.cell!.row).map((b) => b.text.trim());
            if (firstRow.join('\n') === open!.header.join('\n')) skipRow = block.cell.row;
            else {
              const here = new Set(kept.filter((b) => b.cell?.row === block.cell!.row).map((b) => b.cell!.column));
              const always = [...open!.filled].filter(([, n]) => n === open!.rowCount).map(([column]) => column);
              if (always.some((column) => !here.has(column))) restOfRow = block.cell.row;
            }
          } else {
            tables++;
            offset = 0;
            skipRow = null;
            restOfRow = null;
            open = { columns: columns ?? [], header: kept.filter((b, n) => n >= k && b.cell?.row === block.cell!.row).map((b) => b.text.trim()), rows: 0, lastRow: new Map(), rowCount: 0, filled: new Map() };
          }
        }
        const newRow = block.cell.row !== lastRow;
        lastRow = block.cell.row;
        if (block.cell.row === skipRow) continue;
        const table = open!;
        const broken = block.cell.row === restOfRow;
        if (broken) {
          const head = table.lastRow.get(block.cell.column);
          if (head) {
            head.text = joinLines(head.text, block.text);
            continue;
          }
        }
        const row = block.cell.row + offset - (skipRow !== null && block.cell.row > skipRow ? 1 : 0) - (restOfRow !== null && block.cell.row >= restOfRow ? 1 : 0);
        block.cell = { ...block.cell, table: tables, row };
        if (newRow && !broken) {
          table.lastRow = new Map();
          table.rowCount++;
        }
        if (!broken) table.filled.set(block.cell.column, (table.filled.get(block.cell.column) ?? 0) + 1);
        table.rows = Math.max(table.rows, row + 1);
        const cell: TextBlock = { ...block, page: i + 1, index: out.length + 1 };
        table.lastRow.set(block.cell.column, cell);
        out.push(cell);
        continue;
      } else {
        lastRow = null;
        open = null;
      }
      out.push({ ...block, page: i + 1, index: out.length + 1 });
    }
  });
  return out;
}

export async function readPlanPdf(bytes: Uint8Array): Promise<PlanRead> {
  if (bytes.length > READ_LIMITS.fileBytes) return fail('too-large');
  const early = precheck(bytes);
  if (early) return fail(early);
  const load = host().pdfjs;
  if (!load) return fail('damaged', MESSAGES['no-reader']);
  let pdfjs: PdfJs;
  try {
    pdfjs = await load();
  } catch {
    return fail('damaged', MESSAGES['no-reader']);
  }
  // PDF.js may keep (detach) the buffer it is given, and wants a plain Uint8Array: it gets a copy
  let task: ReturnType<PdfJs['getDocument']> | undefined;
  let doc: PdfJsDocument;
  try {
    task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
    doc = await task.promise;
  } catch (err) {
    await task?.destroy().catch(() => undefined);
    const name = (err as { name?: string } | null)?.name;
    return fail(name === 'PasswordException' ? 'encrypted' : 'damaged');
  }
  try {
    if (doc.numPages > READ_LIMITS.pdfPages) return fail('too-large');
    const pages: PageBlock[][] = [];
    let items = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const texts: PositionedText[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        if (++items > READ_LIMITS.pdfContentTokens) return fail('too-large');
        const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
        const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
        texts.push({ text: item.str, x, y, width: item.width, size, eol: Boolean(item.hasEOL) });
      }
      const [x0 = 0, y0 = 0, x1 = 595, y1 = 842] = page.view;
      // a table that ends the page before may go on at the top of this one, in the same columns
      const above = pages.at(-1)?.filter((b) => !b.inMargin).at(-1)?.columns;
      pages.push(groupPageText(texts, { left: Math.min(x0, x1), bottom: Math.min(y0, y1), right: Math.max(x0, x1), top: Math.max(y0, y1) }, above));
      page.cleanup();
    }
    const blocks = withoutRunningHeads(pages);
    if (!blocks.some((b) => /[\p{L}\p{N}]/u.test(b.text))) return fail('no-text-layer');
    return { ok: true, format: 'pdf', pages: doc.numPages, blocks };
  } catch (err) {
    if (err instanceof RangeError) return fail('damaged');
    return fail('damaged');
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
