import type { TextBlock } from '../readers/plan/textBlock.ts';
import { foldText, leadingLabel } from './normalize.ts';
import { joinWrappedLines } from './wrappedLines.ts';

/**
 * A passage that may describe a measure, with what stands over it: the heading it is under, the 項目 cell of
 * its table row, the line that introduces its list. Built from a plan's blocks in reading order.
 */
export interface Unit {
  /** TextBlock.index of the blocks the passage is made of. */
  blocks: number[];
  /** The passage as written (blocks joined with a line break). */
  text: string;
  /** What stands over it, as written: nearest heading, item cell, list introduction. */
  context: string[];
  /** Every heading it is under, outermost first: what the section is about. */
  section: string[];
  /** A table row's item cells (項目), which name what the passage is about. */
  itemLabels?: string[];
  page?: number;
  /** A heading-like line: a passage only when nothing below it says more. */
  headingLike: boolean;
  /** The text of a table row's status cell (実施状況), when the table has one. */
  statusCell?: string;
}

const HEADER_WORDS = /^(項目|内容|区分|対策|措置|実施状況|状況|備考|要件|取組|対応|no\.?|番号|事項|記載事項|具体的|概要|分類|措置の内容|対策の内容|実施内容|現状|対象|実施予定|状態|ガイドライン)/;
const CONTENT_HEADER = /内容|措置|対策|取組|具体|概要|記載|現状|実施事項|方法/;
const STATUS_HEADER = /状況|状態|実施(の)?有無|実施済|可否/;
const REFERS_BACK = /^(\S{0,6}[)）.、]?)?(上記|前記|前項|前条|前述|同(計画|要領|手順|マニュアル)|この(計画|要領|手順|マニュアル|bcp|規程)|当該|これら?の?|その(とき|時|際|場合))/;
const INTRO = /[:：]$|(次|以下|下記)の(とおり|通り|措置|対策|事項|内容)|次のように/;

/** A table's first row names its columns when every cell is short and one of them is a usual column name. */
function isHeaderRow(texts: readonly string[]): boolean {
  const folded = texts.map(foldText);
  return folded.length >= 2 && folded.every((t) => t.length <= 14 && !t.includes('。')) && folded.some((t) => HEADER_WORDS.test(t) || CONTENT_HEADER.test(t));
}

/** 「問３　不正侵入が起きたら、どうしますか。」「Q. …？」: a question that the next paragraph answers. */
const QUESTION = /^(問|質問|q)[0-9]*[.:：、\s]?.*(か[。？?]?|[？?])$/;

function isHeadingLike(block: TextBlock): boolean {
  if (block.kind === 'heading') return true;
  if (block.kind !== 'paragraph') return false;
  const folded = foldText(block.text);
  if (QUESTION.test(folded) && folded.length <= 80) return true;
  if (folded.length === 0 || folded.length > 40) return false;
  // 「1.4 同要領の演習：年１回」「構成：台帳／全体図」: a note of label and value, not a heading
  if (/[:：][^:：]{2,}/.test(folded) || /[、／/＝=]/.test(folded)) return false;
  if (/[。]/.test(folded.replace(/。$/, '')) || folded.endsWith('。') || folded.endsWith('、')) return false;
  // a short line that ends like a sentence (〜している, 〜する) is a statement, not a heading
  if (/(して|てい|ており|する|した|ない|ある|なる|れる|られる)$/.test(folded)) return false;
  return true;
}

/**
 * How deep a heading stands. A number typed or put by Word in front of it (２． → 1, （１） → 2, ① → 3) says it
 * best: a PDF reader guesses levels from font sizes, and a clerk's numbering is the same in every format.
 */
function headingDepth(block: TextBlock): number {
  const label = block.label ? leadingLabel(`${block.label} x`) : leadingLabel(block.text);
  if (label && label.depth < 5) return label.depth;
  if (block.kind === 'heading' && block.level) return block.level;
  return block.kind === 'heading' ? 1 : 2;
}

interface TableRow {
  table: number;
  row: number;
  cells: TextBlock[];
}

/** The units of a document, in reading order. */
export function unitsOf(blocks: readonly TextBlock[]): Unit[] {
  const ordered = joinWrappedLines([...blocks].sort((a, b) => a.index - b.index));
  const units: Unit[] = [];
  const headings: { depth: number; text: string }[] = [];
  let intro: string | undefined;
  const headerOf = new Map<number, { content: number[]; status?: number; labels: number[] }>();

  const nearestHeading = () => headings.at(-1)?.text;
  // the document's title (its first heading) stands over every section, whatever depth a reader gave it
  let title: string | undefined;
  const sectionNow = () => [...new Set([title, ...headings.map((h) => h.text)].filter((t): t is string => !!t))];
  const contextNow = (...extra: (string | undefined)[]) => [nearestHeading(), intro, ...extra].filter((s): s is string => !!s && s.trim().length > 0);

  // group table cells into rows first (a reader gives them in reading order, row by row)
  const rows = new Map<string, TableRow>();
  for (const b of ordered) {
    if (b.kind !== 'table-cell' || !b.cell) continue;
    const key = `${b.cell.table}:${b.cell.row}`;
    const row = rows.get(key) ?? { table: b.cell.table, row: b.cell.row, cells: [] };
    row.cells.push(b);
    rows.set(key, row);
  }
  for (const row of rows.values()) row.cells.sort((a, b) => a.cell!.column - b.cell!.column);
  const emittedRows = new Set<string>();
  const firstRowOf = (table: number) => Math.min(...[...rows.values()].filter((r) => r.table === table).map((r) => r.row));

  for (const b of ordered) {
    if (b.kind === 'table-cell' && b.cell) {
      const key = `${b.cell.table}:${b.cell.row}`;
      if (emittedRows.has(key)) continue;
      emittedRows.add(key);
      const row = rows.get(key)!;
      const texts = row.cells.map((c) => c.text.trim());
      const header = headerOf.get(row.table);
      // the first row of a table, when every cell is a column name (項目 | 内容 | 実施状況)
      if (!header && row.row === firstRowOf(row.table) && isHeaderRow(texts)) {
        const content = texts.map((t, i) => (CONTENT_HEADER.test(t) && !STATUS_HEADER.test(t) ? i : -1)).filter((i) => i >= 0);
        const status = texts.findIndex((t) => STATUS_HEADER.test(t));
        const fallbackContent = content.length ? content : [texts.length - 1];
        headerOf.set(row.table, {
          content: fallbackContent,
          status: status >= 0 ? status : undefined,
          labels: texts.map((_, i) => i).filter((i) => i < Math.min(...fallbackContent) && i !== status),
        });
        continue;
      }
      // a cell by its column: a row whose first cells are merged with the row above (区分 spanning rows) or left
      // blank has no block for them, and the columns after them must still be read as what their header says
      const cellAt = new Map(row.cells.map((c) => [c.cell!.column, c]));
      const cells = row.cells;
      if (cells.length === 1 && !header) {
        units.push({ blocks: [cells[0]!.index], text: cells[0]!.text, context: contextNow(), section: sectionNow(), page: cells[0]!.page, headingLike: false });
        continue;
      }
      let contentCols: number[];
      let labelCols: number[];
      let statusCol: number | undefined;
      if (header) {
        contentCols = header.content.filter((i) => cellAt.has(i));
        labelCols = header.labels.filter((i) => cellAt.has(i));
        statusCol = header.status !== undefined && cellAt.has(header.status) ? header.status : undefined;
        if (contentCols.length === 0) contentCols = [cells.at(-1)!.cell!.column].filter((i) => i !== statusCol);
      } else {
        // no header row: the longest cell is the passage, the short cells before it name the item
        const lengths = cells.map((c) => foldText(c.text).length);
        const longest = cells[lengths.indexOf(Math.max(...lengths))]!.cell!.column;
        contentCols = [longest];
        labelCols = cells.filter((c, i) => c.cell!.column < longest && lengths[i]! <= 40).map((c) => c.cell!.column);
      }
      const content = contentCols.map((i) => cellAt.get(i)!).filter((c) => c.text.trim().length > 0);
      if (content.length === 0) continue;
      const labels = labelCols.map((i) => cellAt.get(i)!.text.trim()).filter(Boolean);
      // 「上記手順に沿った訓練」 in a row: the row before is what it speaks of
      const rowBefore = units.at(-1);
      const rowRefersBack = REFERS_BACK.test(foldText(content[0]!.text)) && rowBefore && !rowBefore.headingLike ? [rowBefore.text] : [];
      units.push({
        blocks: content.map((c) => c.index),
        text: content.map((c) => c.text).join('\n'),
        context: [...contextNow(...labels), ...rowRefersBack],
        section: sectionNow(),
        itemLabels: labels,
        page: content[0]!.page,
        headingLike: false,
        statusCell: statusCol !== undefined ? cellAt.get(statusCol)!.text : undefined,
      });
      continue;
    }

    if (!b.text.trim()) continue;
    if (isHeadingLike(b)) {
      const depth = headingDepth(b);
      while (headings.length && headings.at(-1)!.depth >= depth) headings.pop();
      headings.push({ depth, text: b.text });
      if (b.kind === 'heading') title ??= b.text;
      intro = undefined;
      units.push({ blocks: b.indexes, text: b.text, context: [], section: sectionNow(), page: b.page, headingLike: true });
      continue;
    }
    const isItem = b.kind === 'list-item' || (!!leadingLabel(b.text) && leadingLabel(b.text)!.depth >= 3);
    if (!isItem) intro = undefined;
    // 「上記の要領に基づき…」「前項の計画に沿って…」: the passage before is what it speaks of
    const previous = units.at(-1);
    const refersBack = REFERS_BACK.test(foldText(b.text)) && previous && !previous.headingLike ? [previous.text] : [];
    units.push({ blocks: b.indexes, text: b.text, context: [...contextNow(), ...refersBack], section: sectionNow(), page: b.page, headingLike: false });
    if (!isItem && INTRO.test(foldText(b.text))) intro = b.text;
  }
  return units;
}
