import type { TextBlock } from '../readers/plan/textBlock.ts';
import { isFormWithGuidance, withoutExampleColumns, withoutFormGuidanceIn } from './formGuidance.ts';
import { withAbbreviationsSpelledOut } from './glossary.ts';
import { foldText, leadingLabel } from './normalize.ts';
import { OPENS_POINTING_BACK } from './pointsBack.ts';
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
  /** A table row's other cells (備考, 補足): they may say what is planned (今後検討). */
  remarks?: string;
  /** The same cells one by one (担当 | 頻度・時期 | 記録: a matrix row's other columns). */
  otherCells?: string[];
  /** The notes a table row points to (備考 ※7 → 「※7　ただし、ＴＯＳサーバは対象外とする。…」), which may qualify it. */
  footnotes?: string[];
}

/** A note below a table, 「※7　…」「注2　…」「*3 …」, and a row's mark that points to one (※7, 注2). */
const NOTE_DEFINITION = /^(※|注|\*)\s*([0-9]{1,2})(?![0-9])[)）.、:：\s]?/;
const NOTE_MARK = /(※|注|\*)\s*([0-9]{1,2})(?![0-9])/g;

/** Each table row with the notes it points to, the notes being the passages that open with their mark. */
function withFootnotes(units: Unit[]): Unit[] {
  const notes = new Map<string, string>();
  for (const u of units) {
    if (u.itemLabels !== undefined) continue;
    const m = NOTE_DEFINITION.exec(u.text.normalize('NFKC').trim());
    if (m && !notes.has(`${m[1]}${m[2]}`)) notes.set(`${m[1]}${m[2]}`, u.text.normalize('NFKC').trim().slice(m[0].length));
  }
  if (notes.size === 0) return units;
  return units.map((u) => {
    if (u.itemLabels === undefined) return u;
    const said = [u.text, u.statusCell ?? '', u.remarks ?? '', ...u.itemLabels].join('\n').normalize('NFKC');
    const pointed = [...new Set([...said.matchAll(NOTE_MARK)].map((m) => `${m[1]}${m[2]}`))].map((key) => notes.get(key)).filter((n): n is string => !!n);
    return pointed.length ? { ...u, footnotes: pointed } : u;
  });
}

const HEADER_WORDS = /^(確認(事項|項目)|回答|質問|設問|チェック項目|点検項目|要求事項|求められる|当社の(状況|対応|回答)|項目|内容|区分|対策|措置|実施状況|状況|備考|要件|取組|対応|no\.?|番号|事項|記載事項|具体的|概要|分類|措置の内容|対策の内容|実施内容|現状|対象|実施予定|状態|ガイドライン)/;
const CONTENT_HEADER = /内容|措置|対策|取組|具体|概要|記載|現状|実施事項|方法/;
const ITEM_HEADER = /^(取組|取り組み|対策|措置|項目|区分|施策|対策項目|取組項目|対策区分|措置区分|対策分類|分類|分野)(名|事項)?$/;
/** The column of the text as it was (変更前 | 変更後): no statement of what is done now, nor the item's name. */
const BEFORE_HEADER = /^(変更前|改定前|改正前|見直し前|現行|旧|変更前の(内容|対策|措置))$/;
/** A 変更後 cell that leaves the text as it was: 「（略）」「同左」「変更なし」. */
const UNCHANGED = /^[(（]?(略|同左|変更なし|変更無し|現行どおり|現行のとおり)[)）]?[。.]?$/;
const AFTER_HEADER = /^(変更後|改定後|改正後|見直し後|更新後|新(計画|対策)?|今後(の対策)?|対策後|実施後|変更後の(内容|対策|措置))$/;
/** The column of what is to be done (現状 | 課題 | 今後の対応): the row's plan, read with what is done now. */
const PLAN_HEADER = /^(今後(の)?(対応|予定|取組|方針|計画|対策|の進め方)?|対応(予定|方針|計画)|改善(計画|予定|策|内容)|予定|実施予定(時期)?|是正(計画|予定)?|これから)$/;
const STATUS_HEADER = /状況|状態|実施(の)?有無|実施済|可否|結果$|^(回答|判定|評価|チェック(欄)?|はい|yes|○|✓|○×|○・×|実施|対応|決裁|裁定)$/i;
/**
 * A column about another system or given for reference only (TOS | 事務系ネットワーク（参考）): what it says of the
 * office network, the head office or mail is no measure of the terminal's system, and the row is read without it.
 */
/** The office's systems by the names plans give them (事務系, OA系, 社内LAN): shared with the matcher's sections. */
export const OFFICE_SYSTEM_WORDS = '事務系|情報系|事務用|oa系|社内lan';
const OTHER_SYSTEM_HEADER = new RegExp(`${OFFICE_SYSTEM_WORDS}|^oa|本社|参考|会計|メール|社内ネットワーク`);
/** Words that name the terminal's own system or its work. */
export const TOS_WORDS = /tos|基幹|ターミナル|荷役|cts|ヤード|ゲート/;
const TOS_HEADER = TOS_WORDS;
const aboutAnotherSystem = (header: string) => OTHER_SYSTEM_HEADER.test(foldText(header)) && !TOS_HEADER.test(foldText(header));
/** A cell that starts with its answer: 「いいえ（来年度から実施予定）」「はい、年１回」. */
const ANSWER_FIRST = /^(○|◯|〇|◎|●|△|×|✕|✗|はい|いいえ)([(（、。:：,]|$)/;
/** A cell that is only an answer mark: ○ × △ 済 未 はい いいえ. */
const ANSWER_MARK = /^(○|◯|〇|◎|●|△|▲|×|✕|✗|✓|✔|未|済|有|無|はい|いいえ|yes|no|-|ー)$/i;
/** 「具体的に：…」「理由：…」 under a form's question: the detail of the line above. */
const DETAIL_OF_ABOVE = /^(具体的(に|な内容|には)?|内容|詳細|補足|理由|説明|状況|現状|回答|答え)[:：]/;
const INTRO = /[:：]$|(次|以下|下記)の(とおり|通り|措置|対策|事項|内容)|次のように/;

const otherCellsOf = (texts: string[]) => (texts.length ? { remarks: texts.join('\n'), otherCells: texts } : {});
/**
 * A column that names the requirement a row is about (要件 | 当社の状況): its cells paraphrase the guideline, and
 * the row's answer is the other column, however it is headed.
 */
const REQUIREMENT_HEADER = /(要件|項目|確認(事項|項目)|要求事項|求められる(事項|対策|措置|こと)|ガイドライン(の)?(項目|要件|事項|記載)?|質問|設問|求める事項)(の)?(名|名称|概要)?$/;
/** A cell that answers in words of its own (a sentence, 「該当なし（外部接続なし）」), not a mark (○, 済, 未). */
/** A cell that is only a status word: 「未対応」「実施済み」「検討中」. */
const STATUS_WORD = /^(未(実施|対応|着手|導入|整備|策定|設置|定)|(実施|対応|導入|整備|策定)(済み?|中|なし|無し)?|済み?|完了|一部(実施)?|予定|検討中|なし|無し)[。.]?$/;
const answersInWords = (folded: string) => !ANSWER_MARK.test(folded) && !STATUS_WORD.test(folded);
/** A cell that names a measure, as a requirement's paraphrase does: a short noun phrase, no sentence. */
const readsLikeRequirement = (folded: string) =>
  folded.length >= 4 && folded.length <= 40 && !/[。]/.test(folded) && !/(ます|です|ている|ていない|した|ない|ある|いる|った|れる)$/.test(folded);
/** A cell that is a sentence: it ends as one (。, 〜ます, 〜ていない). */
const readsLikeSentence = (folded: string) => folded.endsWith('。') || /(ます|です|ている|ていない|ません|ない|した)$/.test(folded);

/**
 * What a row's marks say together (ＴＯＳ本体 ◯, ゲート端末 ×): done where one says done, else partly, else planned,
 * else not done; undefined when the row has no marks.
 */
function marksSay(marks: readonly string[]): string | undefined {
  const folded = marks.map(foldText).filter(Boolean);
  if (folded.length === 0) return undefined;
  return (
    folded.find((m) => /^(○|◯|〇|◎|●|✓|✔|済|有|はい|yes)$/.test(m)) ??
    folded.find((m) => m === '△') ??
    folded.find((m) => m === '▲') ??
    folded.find((m) => /^(×|✕|✗|未|無|いいえ|no)$/.test(m)) ??
    folded[0]
  );
}

/** An item cell that says 「the same as above」: 同, 同上, 〃. */
const DITTO = /^(同上?|〃|″|")(?![じ様種一時])/;

/** A table's first row names its columns when every cell is short and one of them is a usual column name. */
function isHeaderRow(texts: readonly string[]): boolean {
  // (「実施状況（済・一部・未・予定）」: a column's name with its legend in brackets)
  const folded = texts.map((t) => foldText(t).replace(/[(（][^()（）]*[)）]/g, ''));
  return folded.length >= 2 && folded.every((t) => t.length <= 14 && !t.includes('。')) && folded.some((t) => HEADER_WORDS.test(t) || CONTENT_HEADER.test(t) || AFTER_HEADER.test(t));
}

/** 「問３　不正侵入が起きたら、どうしますか。」「Q. …？」: a question that the next paragraph answers. */
const QUESTION = /^(問|質問|q)[0-9]*[.:：、\s]?.*(か[。？?]?|[？?])$/;
/** 「行政書士：訓練はされていますか。」「行政書士：選ぶときの基準のようなものは。」: a question in a transcript. */
const SPOKEN_QUESTION = /^[^:：。、]{1,15}[:：].*(か[。？?]?|[？?]|(もの|こと|ところ|の)は[。]?|は[？?])$/;

/** A line quoted from a message being answered (＞ in an e-mail reply). */
const QUOTED = /^(>|＞|≫|》)/;

function isHeadingLike(block: TextBlock): boolean {
  if (block.kind === 'heading') return true;
  // a numbered item of a section's own level (（１） 1. 第１, not ① or a bullet) may be a heading: a PDF reader or
  // Word's numbering gives 「（１）外部との接続」 as an item
  const numbered = block.kind === 'list-item' && !!block.label && (leadingLabel(`${block.label} x`)?.depth ?? 5) <= 2;
  if (block.kind !== 'paragraph' && !numbered) return false;
  // a sub-bullet typed with a hyphen (「　- 来年度に対応する予定」) details the line above it
  if (/^[\s\u3000]*[-‐－]\s/.test(block.text)) return false;
  const folded = foldText(block.text);
  if ((QUESTION.test(folded) || SPOKEN_QUESTION.test(folded)) && folded.length <= 80) return true;
  // 「＞ 外からの接続はどうなってますか？」「バックアップは？」: the other party's words quoted, or a question, is what
  // the next paragraph answers, no statement of the plan's own
  // (one sentence: a PDF may run an answer and the next question into one line)
  if ((QUOTED.test(folded) || /[？?]$/.test(folded)) && folded.length <= 120 && !/[。．]/.test(folded)) return true;
  if (folded.length === 0 || folded.length > 40) return false;
  // 「1.4 同要領の演習：年１回」「構成：台帳／全体図」: a note of label and value, not a heading
  if (/[:：][^:：]{2,}/.test(folded) || /[、／/＝=]/.test(folded)) return false;
  if (/[。]/.test(folded.replace(/。$/, '')) || folded.endsWith('。') || folded.endsWith('、')) return false;
  // a short line that ends like a sentence (〜している, 〜する) is a statement, not a heading
  if (/(して|てい|ており|する|した|ない|ある|なる|れる|られる|いる|ます|です|った|いた)$/.test(folded)) return false;
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
  // a question stands under the section it is asked in, over its answer only
  const folded = foldText(block.text);
  if (block.kind !== 'heading' && (SPOKEN_QUESTION.test(folded) || /[？?]$/.test(folded))) return 3;
  return block.kind === 'heading' ? 1 : 2;
}

interface TableRow {
  table: number;
  row: number;
  cells: TextBlock[];
}

/** The units of a document, in reading order. */
export function unitsOf(blocks: readonly TextBlock[]): Unit[] {
  const sorted = [...blocks].sort((a, b) => a.index - b.index);
  // a form's own guidance (記入要領, 記入例) is no text of the plan's
  // (a column of examples is dropped in any table, as the cover's reader drops it: its header says what it is)
  const examplesOut = withoutExampleColumns(sorted);
  const read = isFormWithGuidance(sorted.map((b) => b.text)) ? withoutFormGuidanceIn(examplesOut, (b) => b.kind === 'heading' || (b.kind !== 'table-cell' && isHeadingLike(b) && (leadingLabel(b.text)?.depth ?? 1) <= 2)) : examplesOut;
  // (a plan written in abbreviations is read with its glossary's meanings)
  const ordered = joinWrappedLines(withAbbreviationsSpelledOut(read));
  const units: Unit[] = [];
  const headings: { depth: number; text: string }[] = [];
  let intro: string | undefined;
  const headerOf = new Map<number, { content: number[]; status?: number; labels: number[]; requirement?: number; before?: number; ignored: number[]; marks: number[] }>();

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
  /** Per table, the row of one cell that heads the rows under it (a group of items). */
  const groupOf = new Map<number, string>();
  /** Per table, the cells of the last row up to its first cell that is not merged down (for the rows below). */
  const leadingCells = new Map<number, Map<number, TextBlock>>();
  const firstRowOf = (table: number) => Math.min(...[...rows.values()].filter((r) => r.table === table).map((r) => r.row));
  /** A table's rows under its first (the header's place). */
  const bodyRowsOf = (table: number) => [...rows.values()].filter((r) => r.table === table && r.row !== firstRowOf(table));
  /** Of the header's positions, the one whose column holds the longest cells on average (three columns or more). */
  const longestColumn = (table: number, positions: readonly number[], columnAt: (i: number) => number): number | undefined => {
    if (positions.length < 3) return undefined;
    const body = bodyRowsOf(table);
    const average = (i: number) => {
      const cells = body.map((r) => r.cells.find((c) => c.cell!.column === columnAt(i))).filter((c): c is TextBlock => !!c);
      return cells.length ? cells.reduce((sum, c) => sum + foldText(c.text).length, 0) / cells.length : 0;
    };
    return positions.reduce((best, i) => (average(i) > average(best) ? i : best));
  };
  /**
   * The columns of a matrix that answer with marks only (対策 | ＴＯＳ本体 | ゲート端末 with ◯ × ▲ －): each row's
   * answer is what its marks say together. Columns already read as the passage, the status or another system's are left out.
   */
  const markColumns = (table: number, taken: readonly number[]) => {
    const body = bodyRowsOf(table);
    const columns = [...new Set(body.flatMap((r) => r.cells.map((c) => c.cell!.column)))].filter((col) => !taken.includes(col));
    return columns.filter((col) => {
      const cells = body.map((r) => r.cells.find((c) => c.cell!.column === col)).filter((c): c is TextBlock => !!c && c.text.trim().length > 0);
      return cells.length >= 3 && cells.filter((c) => ANSWER_MARK.test(foldText(c.text))).length >= cells.length * 0.8;
    });
  };

  /**
   * A header row a PDF ran together (「項目（当社の理解）   状況」 in one cell, the body's status in a column of its own
   * with no header): the last column name of the cell goes over the body's column it stands above.
   */
  const splitRunTogetherHeader = (row: TableRow) => {
    const body = bodyRowsOf(row.table);
    const split: TextBlock[] = [];
    row.cells.forEach((c, k) => {
      const m = /^(.+?)[\s\u3000]+(\S{2,10})$/.exec(c.text.trim());
      const nextColumn = row.cells[k + 1]?.cell!.column ?? Infinity;
      const headerless = [...new Set(body.flatMap((r) => r.cells.map((x) => x.cell!.column)))].filter((col) => col > c.cell!.column && col < nextColumn);
      if (!m || headerless.length === 0 || !(HEADER_WORDS.test(foldText(m[2]!)) || STATUS_HEADER.test(m[2]!))) {
        split.push(c);
        return;
      }
      const filled = (col: number) => body.filter((r) => r.cells.some((x) => x.cell!.column === col && x.text.trim())).length;
      const under = headerless.reduce((best, col) => (filled(col) > filled(best) ? col : best));
      if (filled(under) * 2 < body.length) {
        split.push(c);
        return;
      }
      split.push({ ...c, text: m[1]! }, { ...c, text: m[2]!, cell: { ...c.cell!, column: under } });
    });
    row.cells = split;
  };

  for (const b of ordered) {
    if (b.kind === 'table-cell' && b.cell) {
      const key = `${b.cell.table}:${b.cell.row}`;
      if (emittedRows.has(key)) continue;
      emittedRows.add(key);
      const row = rows.get(key)!;
      if (!headerOf.has(row.table) && row.row === firstRowOf(row.table)) splitRunTogetherHeader(row);
      const texts = row.cells.map((c) => c.text.trim());
      const header = headerOf.get(row.table);
      // the first row of a table, when every cell is a column name (項目 | 内容 | 実施状況)
      if (!header && row.row === firstRowOf(row.table) && isHeaderRow(texts)) {
        // (the columns about another system are left out before the columns are told apart)
        const ignoredAt = texts.map((t, i) => (aboutAnotherSystem(t) && texts.some((o) => TOS_HEADER.test(foldText(o))) ? i : -1)).filter((i) => i >= 0);
        const kept = (i: number) => !ignoredAt.includes(i);
        // a table of changes (対策 | 変更前 | 変更後): what is done from now on is the passage, whatever the other columns are called
        const after = texts.map((t, i) => (AFTER_HEADER.test(foldText(t)) ? i : -1)).filter((i) => i >= 0 && kept(i));
        const named = texts.map((t, i) => (CONTENT_HEADER.test(t) && !STATUS_HEADER.test(t) ? i : -1)).filter((i) => i >= 0 && kept(i));
        // 取組 | 実施内容: a column that names the measure stands before the column of what is done, as its item
        const described = named.filter((i) => !ITEM_HEADER.test(foldText(texts[i]!)));
        const planned = texts.map((t, i) => (PLAN_HEADER.test(foldText(t)) ? i : -1)).filter((i) => i >= 0 && kept(i));
        const current = after.length ? after : described.length ? described : named;
        const content = current.length && planned.length ? [...new Set([...current, ...planned])].sort((a, b) => a - b) : current;
        const status = texts.findIndex((t, i) => STATUS_HEADER.test(t) && kept(i));
        const lastNotStatus = texts.map((_, i) => i).filter((i) => i !== status && kept(i)).at(-1) ?? texts.length - 1;
        // (no column named as the passage, 対象 | 方式・頻度 | 保存先 | 世代: the column that says most is the passage, the
        // columns before it name the item and those after it give details)
        const fallbackContent = content.length ? content : [longestColumn(row.table, texts.map((_, i) => i).filter((i) => i !== status && kept(i)), (i) => row.cells[i]!.cell!.column) ?? lastNotStatus];
        // positions in the header row, kept as its cells' columns (a blank header cell has no block)
        const column = (i: number) => row.cells[i]!.cell!.column;
        // 要件 | 当社の状況: the requirement's column names what the answer is about (see below, row by row)
        const requirement = !content.length && status >= 0 ? texts.findIndex((t, i) => i !== status && REQUIREMENT_HEADER.test(foldText(t))) : -1;
        const before = after.length ? texts.findIndex((t) => BEFORE_HEADER.test(foldText(t))) : -1;
        headerOf.set(row.table, {
          ...(requirement >= 0 ? { requirement: column(requirement) } : {}),
          ...(before >= 0 ? { before: column(before) } : {}),
          content: fallbackContent.map(column),
          status: status >= 0 ? column(status) : undefined,
          labels: texts.map((_, i) => i).filter((i) => i < Math.min(...fallbackContent) && i !== status && i !== before && kept(i)).map(column),
          ignored: ignoredAt.map(column),
          marks: markColumns(row.table, [...fallbackContent, ...(status >= 0 ? [status] : []), ...ignoredAt].map(column)),
        });
        continue;
      }
      // a cell by its column: a row whose first cells are merged with the row above (区分 spanning rows) or left
      // blank has no block for them, and the columns after them must still be read as what their header says
      const cellAt = new Map(row.cells.filter((c) => !header?.ignored.includes(c.cell!.column)).map((c) => [c.cell!.column, c]));
      // the leading cells of a row merged down from the row above (区分 | 項目 | 内容, 区分 spanning three rows)
      // are those of the row above, as the reader of the page sees them
      const firstColumn = row.cells[0]!.cell!.column;
      const above = leadingCells.get(row.table);
      // (No. | 対策区分 | 内容 with 対策区分 merged down: the item cells between the row's number and its passage too)
      const passageAt = header ? Math.min(...header.content.filter((col) => cellAt.has(col))) : -1;
      if (above) for (const [col, c] of above) if (!cellAt.has(col) && (col < firstColumn || (Number.isFinite(passageAt) && col < passageAt))) cellAt.set(col, c);
      // only a short cell (a name, not a passage) is taken as merged down
      const leading = (col: number) => col <= firstColumn || (!!header && col < Math.max(...header.content));
      leadingCells.set(row.table, new Map([...cellAt].filter(([col, c]) => leading(col) && foldText(c.text).length <= 40)));
      const cells = [...cellAt.entries()].sort(([a], [b]) => a - b).map(([, c]) => c);
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
        labelCols = labelCols.filter((i) => !header.marks.includes(i));
        // (a row left blank from the item on, 「4 | ログイン失敗時のアカウントロック | | |」, says nothing)
        if (contentCols.length === 0 && header.content.every((i) => i > cells.at(-1)!.cell!.column) && statusCol === undefined) {
          // (a row of one short cell, 「（３）外部接続（VPN装置・FW）」 across the table, heads the rows under it)
          if (cells.length === 1 && foldText(cells[0]!.text).length <= 30) groupOf.set(row.table, cells[0]!.text.trim());
          continue;
        }
        if (contentCols.length === 0) contentCols = [cells.at(-1)!.cell!.column].filter((i) => i !== statusCol);
        // 変更前 | 変更後 with 「（略）」 after: the text as it was stands unchanged
        if (header.before !== undefined && cellAt.has(header.before) && contentCols.every((i) => UNCHANGED.test(foldText(cellAt.get(i)!.text)))) contentCols = [header.before];
        // 要件 | 当社の状況 with the answer written out: the answer is the passage, the requirement's paraphrase only
        // says which requirement it answers (it is no statement of the plan's own)
        if (header.requirement !== undefined && statusCol !== undefined && cellAt.has(header.requirement) && answersInWords(foldText(cellAt.get(statusCol)!.text))) {
          contentCols = [statusCol];
          labelCols = [...new Set([...labelCols.filter((i) => i !== header.requirement && i < statusCol!), header.requirement])].sort((a, b) => a - b);
        }
      } else if (cells.length === 2 && readsLikeRequirement(foldText(cells[0]!.text)) && readsLikeSentence(foldText(cells[1]!.text))) {
        // no header, a requirement's name and the answer as a sentence (独立した者による監査 | 行っていません。):
        // the answer is the passage, however short
        contentCols = [cells[1]!.cell!.column];
        labelCols = [cells[0]!.cell!.column];
      } else {
        // no header row: the longest cell is the passage, the short cells before it name the item
        const lengths = cells.map((c) => foldText(c.text).length);
        const longest = cells[lengths.indexOf(Math.max(...lengths))]!.cell!.column;
        contentCols = [longest];
        labelCols = cells.filter((c, i) => c.cell!.column < longest && lengths[i]! <= 40).map((c) => c.cell!.column);
        // a check table's answer after the item (…している | ×): the row's status
        // (or a status word: a table a PDF continues on the next page without its header, 管理者の多要素認証 | 未対応)
        const answer = cells.find((c) => c.cell!.column > longest && [ANSWER_MARK, ANSWER_FIRST, STATUS_WORD].some((p) => p.test(foldText(c.text))));
        if (answer) statusCol = answer.cell!.column;
      }
      const content = contentCols.map((i) => cellAt.get(i)!).filter((c) => c.text.trim().length > 0);
      if (content.length === 0) continue;
      let labels = labelCols.map((i) => cellAt.get(i)!.text.trim()).filter(Boolean);
      // 「同 訓練」「〃」: an item cell that repeats the item of the row above by a ditto
      const rowAbove = units.at(-1);
      if (labels.length && DITTO.test(foldText(labels[0]!)) && rowAbove?.itemLabels?.length) labels = [...rowAbove.itemLabels, ...labels];
      // 「上記手順に沿った訓練」 in a row: the row before is what it speaks of
      const rowBefore = units.at(-1);
      const rowRefersBack = OPENS_POINTING_BACK.test(foldText(content[0]!.text)) && rowBefore && !rowBefore.headingLike ? [rowBefore.text] : [];
      units.push({
        blocks: content.map((c) => c.index),
        text: content.map((c) => c.text).join('\n'),
        context: [...contextNow(groupOf.get(row.table), ...labels), ...rowRefersBack],
        section: sectionNow(),
        itemLabels: labels,
        page: content[0]!.page,
        headingLike: false,
        statusCell: statusCol !== undefined ? cellAt.get(statusCol)!.text : marksSay(header?.marks.map((i) => cellAt.get(i)?.text ?? '') ?? []),
        ...otherCellsOf(cells.filter((c) => !contentCols.includes(c.cell!.column) && !labelCols.includes(c.cell!.column) && c.cell!.column !== statusCol && !header?.marks.includes(c.cell!.column)).map((c) => c.text)),
      });
      continue;
    }

    if (!b.text.trim()) continue;
    if (isHeadingLike(b)) {
      const depth = headingDepth(b);
      while (headings.length && headings.at(-1)!.depth >= depth) headings.pop();
      // 「前項の手順の訓練」: a heading that points back stands with the heading before it
      const headingBefore = [...units].reverse().find((u) => u.headingLike)?.text;
      const pointsBack = !!headingBefore && OPENS_POINTING_BACK.test(foldText(b.text).replace(/^[0-9０-９一二三四五六七八九十()（）.、\s]+/, ''));
      headings.push({ depth, text: pointsBack ? `${headingBefore}／${b.text}` : b.text });
      if (b.kind === 'heading') title ??= b.text;
      intro = undefined;
      units.push({ blocks: b.indexes, text: b.text, context: pointsBack ? [headingBefore!] : [], section: sectionNow(), page: b.page, headingLike: true });
      continue;
    }
    const isItem = b.kind === 'list-item' || (!!leadingLabel(b.text) && leadingLabel(b.text)!.depth >= 3);
    if (!isItem) intro = undefined;
    // 「上記の要領に基づき…」「前項の計画に沿って…」: the passage before is what it speaks of
    const previous = units.at(-1);
    const refersBack = (OPENS_POINTING_BACK.test(foldText(b.text)) || DETAIL_OF_ABOVE.test(foldText(b.text))) && previous && !previous.headingLike ? [previous.text] : [];
    units.push({ blocks: b.indexes, text: b.text, context: [...contextNow(), ...refersBack], section: sectionNow(), page: b.page, headingLike: false });
    if (!isItem && INTRO.test(foldText(b.text))) intro = b.text;
  }
  return withFootnotes(units);
}
