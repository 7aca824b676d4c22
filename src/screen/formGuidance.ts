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

/** A block's text without the form's guidance; empty when the block is guidance only. */
export function withoutFormGuidance(text: string): string {
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
