/**
 * A form handed out by an association or a 行政書士 carries its own guidance (「（記入要領）…を記入してください。」
 * 「（記入例：多要素認証を導入している）」「※該当する場合のみ記入」). A clerk who fills it in often leaves that text
 * where it was; it names measures, but it is the form speaking, not the operator. This takes it out of a block's
 * text and keeps what the clerk wrote (after 【記入欄】, under the example).
 */

/** The start of a bracketed note of the form's: （記入例：…）, （記入要領）…, （例）…. */
const GUIDANCE_OPENING = /^[(（【\[〔](記入例|記入要領|記入上の注意|記入方法|記載例|記載要領|記載上の注意)[)）】\]〕:：\s]/;

/** A sentence of the form's own: it tells how to fill it in or speaks of its parts. */
const GUIDANCE_SENTENCE = /記入(例|要領|欄|票|上の注意|方法)|記載(例|要領|上の注意)|(記入|記載|ご記入|お書き|記述)(して)?(ください|下さい|願います|すること|のこと)/;

/** 「※該当する場合のみ記入」「※特定の港は必須」: a marginal instruction of the form. */
const MARGINAL_NOTE = /※[^。\n]{0,30}?(記入|記載)(してください|すること|のこと)?|※(特定の港|必須|任意)(の事業者は必ず記入)?/g;

/** The form's mark for the space to write in. */
const ANSWER_SPACE = /[【\[〔]記入欄[】\]〕][:：]?\s*/g;

const OPEN = new Set(['(', '（', '【', '[', '〔']);
const CLOSE = new Set([')', '）', '】', ']', '〕']);

/** Takes out the bracketed notes that open with 記入例・記入要領 (with what they bracket, nested brackets included). */
function withoutGuidanceNotes(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i).normalize('NFKC');
    if (OPEN.has(text[i]!) && GUIDANCE_OPENING.test(rest.replace(/^\s+/, ''))) {
      // 【記入上の注意】 and （記入要領） close at once and govern what follows them, up to the space to write in;
      // （記入例：…） brackets its text
      const closesAtOnce = /^[(（【\[〔][^()（）【】\[\]〔〕]{1,8}[)）】\]〕]/.exec(text.slice(i));
      if (closesAtOnce && !/[:：]/.test(closesAtOnce[0])) {
        const space = text.slice(i).search(ANSWER_SPACE_AT);
        i = space < 0 ? text.length : i + space;
        continue;
      }
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (OPEN.has(text[j]!)) depth++;
        else if (CLOSE.has(text[j]!) && --depth === 0) break;
      }
      i = j + 1;
      continue;
    }
    out += text[i];
    i++;
  }
  return out;
}

/** The marks of a form that carries guidance: only in such a document is guidance taken out. */
const MARKS_OF_A_FORM = /記入例|記入要領|記入欄|記入上の注意|記載例|記載要領/;
export const isFormWithGuidance = (texts: readonly string[]) => texts.filter((t) => MARKS_OF_A_FORM.test(t)).length >= 2;

/** A block that opens with the form's guidance: what follows it up to the space to write in is guidance too. */
const OPENS_GUIDANCE = /^\s*[(（【\[〔](記入例|記入要領|記入上の注意|記入方法|記載例|記載要領|記載上の注意)/;

/**
 * A form's blocks without its guidance: each block's text without the notes, and the blocks between a guidance note
 * (（記入要領）…) and the next 【記入欄】 or heading left out (the items a note lists, 「①接続元の制限　②認証の方法」).
 */
export function withoutFormGuidanceIn<B extends { text: string }>(blocks: readonly B[], isHeading: (block: B) => boolean): B[] {
  const kept: B[] = [];
  let inGuidance = false;
  for (const block of blocks) {
    if (ANSWER_SPACE_AT.test(block.text) || isHeading(block)) inGuidance = false;
    else if (OPENS_GUIDANCE.test(block.text.normalize('NFKC'))) inGuidance = true;
    else if (inGuidance) continue;
    const text = withoutFormGuidance(block.text);
    if (text.length > 0) kept.push({ ...block, text });
  }
  return kept;
}
const ANSWER_SPACE_AT = /[【\[〔]記入欄[】\]〕]/;
const SPACE_COLUMN = /^(貴社|自社|当社|申請者)?(ご)?(記入|記載)欄$/;

/** A block's text without the form's guidance; empty when the block is guidance only. */
export function withoutFormGuidance(text: string): string {
  // (the column's name of the space itself, 項目 | 貴社記入欄, is the table's header, not guidance)
  if (SPACE_COLUMN.test(text.normalize('NFKC').trim())) return text.trim();
  const kept = withoutGuidanceNotes(text)
    .replace(MARGINAL_NOTE, '')
    .replace(ANSWER_SPACE, '')
    .split('\n')
    .map((line) =>
      line
        .split(/(?<=。)/)
        .filter((sentence) => !GUIDANCE_SENTENCE.test(sentence))
        .join(''),
    )
    .filter((line) => line.trim().length > 0)
    .join('\n');
  return kept.trim();
}

/** A form's column of examples (項目 | 記入例 | 貴社記入欄): a made-up company's answers, not the applicant's. */
const EXAMPLE_COLUMN = /^(記入例|記載例|記入見本|記載見本|例|例示|参考例|見本|サンプル|回答例)$/;

/**
 * The blocks without the column a form headed as its examples (項目 | 記入例 | 貴社記入欄), when the table has a column
 * besides it to write in; a row left with its item alone (the space to write in empty) goes too. The header is a table's
 * first row, or a line of column names over the tables under it (a PDF's reader gives the header of a table whose
 * answer column is empty as a line of its own, 「項目 記入例 貴社記入欄」, and each group of rows as a table).
 */
export function withoutExampleColumns<B extends { text: string; kind: string; cell?: { table: number; row: number; column: number } }>(blocks: readonly B[]): B[] {
  const plain = (text: string) => text.normalize('NFKC').replace(/[(（][^()（）]*[)）]/g, '').replace(/\s/g, '');
  const exampleAt = (names: readonly string[]) => (names.length > 2 ? names.findIndex((n) => EXAMPLE_COLUMN.test(plain(n))) : -1);
  const rowsOf = new Map<string, B[]>();
  for (const b of blocks) if (b.cell) rowsOf.set(`${b.cell.table}:${b.cell.row}`, [...(rowsOf.get(`${b.cell.table}:${b.cell.row}`) ?? []), b]);
  const dropped = new Set<B>();
  const exampleOf = new Map<number, number>();
  let overTables = -1;
  for (const b of blocks) {
    if (!b.cell) {
      if (b.kind === 'heading') overTables = -1;
      // (a line of short column names, one of them the examples')
      const names = b.text.trim().split(/[\s\u3000]+/);
      if (names.every((n) => n.length <= 8)) {
        const at = exampleAt(names);
        if (at >= 0) overTables = at;
      }
      continue;
    }
    const { table, row } = b.cell;
    if (!exampleOf.has(table)) {
      const first = rowsOf.get(`${table}:${row}`)!;
      const at = exampleAt(first.map((c) => c.text));
      exampleOf.set(table, at >= 0 ? first[at]!.cell!.column : overTables);
    }
    const column = exampleOf.get(table)!;
    if (column < 0) continue;
    const cells = rowsOf.get(`${table}:${row}`)!;
    const example = cells.find((c) => c.cell!.column === column);
    if (!example) continue;
    dropped.add(example);
    if (cells.every((c) => c === example || c.cell!.column < column)) for (const c of cells) dropped.add(c);
  }
  return blocks.filter((b) => !dropped.has(b));
}
