import { NOT_APPLICABLE_TERMS, PREMISE_PRESENT_TERMS, REQUIREMENT_TERMS, type RequirementTerms, type TermGroup } from '../catalog/requirementTerms.ts';
import { REQUIREMENT_IDS, requirementById, type RequirementId } from '../catalog/requirements.ts';
import type { TextBlock } from '../readers/plan/textBlock.ts';
import { foldTerm, foldText } from './normalize.ts';
import { clausesOf, reachOf } from './clauses.ts';
import { POINTS_BACK } from './pointsBack.ts';
import { DECIDED_AGAINST, NO_PLAN_EITHER, NO_PLAN_EITHER_ALL, endsDenying, saysNotDone, saysPlanned } from './negation.ts';
import { readStatus, type ReadStatus } from './status.ts';
import { OFFICE_SYSTEM_WORDS, TOS_WORDS, type Unit, unitsOf } from './units.ts';

/** A requirement a plan's text describes, with the passage that describes it. */
export interface RequirementMatch {
  requirement: RequirementId;
  /** TextBlock.index of the blocks of the passage. */
  blocks: number[];
  /** The document's own words: the passage's blocks joined with a line break. */
  passage: string;
  page?: number;
  /** The measure's status as the words state it (src/model/enums.ts measureStatus); absent when they do not say. */
  status?: ReadStatus;
  /** The words that told the status (folded): 「実施している」「予定」「検討中」. */
  statusWords?: string;
  /** 検討中: filed as 実施予定 but only being considered. */
  considering?: boolean;
  /** 0–1: how much of the requirement's terms the passage itself says (the rest from its heading or item). */
  score: number;
}

interface CompiledGroup {
  concept: string;
  pattern: RegExp;
}
interface CompiledTerms {
  routes: CompiledGroup[][];
  domain?: RegExp;
  mask?: RegExp;
  none: { pattern: RegExp; unless?: RegExp }[];
}

/**
 * Short Latin terms that are also pieces of other words (os in tos, it in edit, pc in jpcert, sla in slack)
 * stand as words of their own. Other acronyms may touch a neighbour once blanks are gone (SSLVPN, UNITED TOS).
 */
const PIECES_OF_WORDS = new Set(['os', 'it', 'id', 'ip', 'pc', 'db', 'sla', 'ups', 'ir', 'dr', 'nas', 'av', 'ai', 'web', 'pw']);
const asWord = (term: string) => (PIECES_OF_WORDS.has(term.toLowerCase()) ? `(?<![a-z])${term}(?![a-z])` : term);
const alternation = (terms: readonly string[]) => new RegExp(terms.map(foldTerm).map(asWord).join('|'), 'iu');

function compile(terms: RequirementTerms): CompiledTerms {
  return {
    routes: terms.routes.map((route) => route.map((group: TermGroup) => ({ concept: group.concept, pattern: alternation(group.terms) }))),
    domain: terms.domain ? alternation(terms.domain.terms) : undefined,
    mask: terms.mask?.length ? new RegExp(terms.mask.map(foldTerm).map(asWord).join('|'), 'giu') : undefined,
    none: (terms.none ?? []).map((v) => ({ pattern: alternation(v.terms), unless: v.unless?.length ? alternation(v.unless) : undefined })),
  };
}

// the terms are compiled into patterns the first time a text is screened, not when the module loads (a build,
// which loads it with the other commands' modules, never screens)
let compiled: Map<RequirementId, CompiledTerms> | undefined;
const compiledTerms = () => (compiled ??= new Map(REQUIREMENT_IDS.map((id) => [id, compile(REQUIREMENT_TERMS[id])])));

/** Each requirement's short names, each matching a whole list item. */
let names: { id: RequirementId; pattern: RegExp }[] | undefined;
const requirementNames = () =>
  (names ??= REQUIREMENT_IDS.map((id) => ({ id, pattern: new RegExp(`(?:^|[のはをにが])(?:${(REQUIREMENT_TERMS[id].names ?? []).map(foldTerm).map(asWord).join('|')})$`, 'iu') })).filter(
    (n) => (REQUIREMENT_TERMS[n.id].names ?? []).length > 0,
  ));

/**
 * The requirements a sentence lists by name (「（外部接続の制限、多要素認証、アカウントロック、ログ等）を実施」):
 * three or more items of a list, each one of the requirements' names; with the list's items as written.
 * Undefined when the sentence lists none.
 */
function namedInList(sentence: string): { ids: Set<RequirementId>; items: string[] } | undefined {
  const lists = [...sentence.matchAll(/[(（]([^()（）]+)[)）]/g)].map((m) => m[1]!);
  lists.push(sentence);
  for (const list of lists) {
    const raw = listItems(list);
    const items = raw
      .map((item) =>
        item
          .replace(/[(（][^()（）]*[)）]/g, '')
          .replace(/(等|など)(の)?(対策|措置)?(は|を|が|に)?.*$/, '')
          .replace(/[はをがに]$/, '')
          .replace(/^.*[:：]/, '')
          .replace(/(の)?(導入|実施|設定|整備|適用|徹底|強化)$/, '')
          .trim(),
      )
      .filter(Boolean);
    const named = items.map((item) => requirementNames().filter((n) => n.pattern.test(item)).map((n) => n.id));
    if (named.filter((ids) => ids.length > 0).length >= 3) return { ids: new Set(named.flat()), items: raw };
  }
  return undefined;
}

/** The items of a list: the pieces between 、 that stand outside parentheses. */
function listItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '(' || c === '（') depth++;
    if (c === ')' || c === '）') depth = Math.max(0, depth - 1);
    if ((c === '、' || c === ',') && depth === 0) {
      items.push(current);
      current = '';
    } else current += c;
  }
  items.push(current);
  return items.map((i) => i.trim()).filter(Boolean);
}

/** 「同機器」「当該装置」「この機器」: a sentence that names its thing by pointing at the sentence before. */
const REFERS_TO_THING = /(同|当該|この|その|これらの?|それらの?)(機器|装置|機械|ルータ|サーバ|システム|ソフト|端末|製品)|(同|当該)(要領|手順書?|計画|マニュアル|規程)(で|に|は)/;

/** An item of a list of nouns ends in one (漢字, katakana, a Latin word, a closing parenthesis), not in a particle. */
const ENDS_IN_NOUN = /[\p{Script=Han}\p{Script=Katakana}a-z0-9ー)）]$/u;

/** Adverbs a writer sets between a verb's object and the verb (folded text). */
const ADVERBS = /(自動的に|自動で|直ちに|速やかに|すぐに|必ず|確実に|適切に|一時的に|強制的に|事前に|あらかじめ|すべて|全て|常に|併せて|改めて|一律に|原則として)(?=[^、。]{1,12})/g;
export const withoutAdverbs = (folded: string) => folded.replace(ADVERBS, '');

/** A unit's text split into sentences (after 。, at line ends, at ／ but in a name: ＪＰＣＥＲＴ／ＣＣ), each folded. */
function foldedSentences(raw: string): string[] {
  return raw
    .split(/(?<=[。．；])|\r?\n|(?<![A-Za-zＡ-Ｚａ-ｚ])／|／(?![A-Za-zＡ-Ｚａ-ｚ])|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー)）」])\.(?=\s|$)|(?<=ます|です|ました|でした|ません|ている|てる|してある|済み?|予定|しない|ない|した)[ \u3000]+(?=\S)|[ \u3000]+(?=・)/u)
    .map(foldText)
    .filter((s) => s.length > 0);
}

interface UnitHit {
  unit: number;
  score: number;
  sentence: number;
}

/**
 * 「【削除】…」「（廃止）…」, a 新旧対照表's 「（削る）」, 「勉強会の廃止：…」, a heading 「…の情報共有（廃止）」: a change
 * notice's line for a measure no longer taken.
 */
const WITHDRAWN = /^[【\[(（<〈《]?(削除|削る|廃止|取りやめ|取止め|取り止め|中止)[】\])）>〉》:：]|^[^。:：]{2,30}の(廃止|取りやめ|取止め|取り止め|中止)[:：]|[(（](削除|廃止|取りやめ|中止)[)）]$/;

/** A cell of a matrix's other columns that says there is nothing: 「－」「なし」「予定なし」「未定」. */
const NOTHING_CELL = /^(-|ー|―|－|なし|無し|予定なし|未定|未実施|×|✕)?[。.]?$/;

/** 対策 | 担当 | 頻度・時期 | 記録 with 「－ | 予定なし | －」: a measure listed in the matrix and not taken. */
const nothingInItsColumns = (u: Unit) => (u.otherCells?.length ?? 0) >= 2 && u.otherCells!.every((c) => NOTHING_CELL.test(foldText(c)));

/**
 * A unit's sentences; a matrix row whose measure is a short phrase (脆弱性情報の収集 | システム課 | 毎営業日 |
 * 確認表) is read as one sentence with its other columns, which say how often, by whom and with what record.
 */
function sentencesWithDetails(u: Unit): string[] {
  const sentences = foldedSentences(u.text);
  const others = u.otherCells?.length ?? 0;
  // (one other column, 備考, when the measure is a name: 保守ＶＰＮ 接続元しぼり | 固定ＩＰのみ許可)
  if (others === 0 || (others === 1 && (sentences[0]?.length ?? 0) > 30) || sentences.length !== 1 || sentences[0]!.length > 80) return sentences;
  return [`${sentences[0]}（${u.otherCells!.map(foldText).join('、')}）`];
}

/**
 * A row's note that takes back what the row says (「※7 ただし、ＴＯＳサーバは対象外とする。…入れておらず」「※13 品質の
 *内部監査である。情報セキュリティは監査の項目に含まれていない」): it denies or leaves the terminal's system out, says
 * nothing done and nothing planned. A note that also says what is done (「新入社員研修の中で１時間行っている」) qualifies
 * the row without taking it back.
 */
const LEAVES_OUT_THE_SYSTEM = /(tos|ターミナル|基幹)[^。]{0,12}(は|を)?(対象外|除く|除外|含まない|含めない|含んでいない|含まれていない|含めていない)/;
const SAYS_DONE = /(して|行って|実施して|導入して|設けて|定めて|取り?決めて|設定して|取得して|締結して)(いる|います|おります)(?!のは)|(設定|実施|導入|策定|締結)済(?!み?の)/;
function footnoteDenies(note: string): boolean {
  const sentences = foldedSentences(note);
  const denies = sentences.some((s) => saysNotDone(s) || LEAVES_OUT_THE_SYSTEM.test(s));
  const affirms = sentences.some((s) => !saysNotDone(s) && !LEAVES_OUT_THE_SYSTEM.test(s) && SAYS_DONE.test(s));
  return denies && !affirms && !sentences.some(saysPlanned);
}

/** 「この手順は当社の事業継続計画の一部としている」: a sentence that says what the one before it is part of. */
const SAYS_WHAT_IT_IS = /^(この|本|同|上記の?|これらの?)(手順|計画|マニュアル|要領|規程|仕組み|取組)(書)?(は|を)[^。]*(一部|として|位置づけ|位置付け)/;

/** A sentence that puts a measure forward (「…を保管する案。」「…の導入を提案」), and a decision against it. */
const PROPOSAL = /(案|提案(する|した|があった|された)?|議案|について)[。]?$/;
const REJECTED = /否決|不採用|採用(しない|しなかった|せず)|承認(されなかった|しない)/;

/** An answer set on the line under its question: 「→ 確認中です」「A. …」「回答：…」. */
const ANSWER_LEAD = /^(→|⇒|➡|➔|a[0-9]*[.:：]|回答[:：]|答え?[:：])/i;

const answeredNoBelow = (sentences: readonly string[], i: number) =>
  i + 1 < sentences.length && ANSWER_LEAD.test(sentences[i + 1]!) && (deniedAt(sentences, i + 1) || BARE_NO.test(sentences[i + 1]!.replace(ANSWER_LEAD, ''))) && !saysPlanned(sentences[i + 1]!);

/**
 * What an item names, with its answer: a table row's item cells and content, a one-line entry 「訓練：未定」, and a
 * checklist's item with the sub-bullets under it (「[ ] アカウントロック」「- 来年度のルータ更新で対応する予定」).
 */
function entryOf(u: Unit): { item: string; answer: string } | undefined {
  if (u.itemLabels?.length) return { item: foldText(u.itemLabels.join('／')), answer: foldText(u.text) };
  if (SUB_BULLET.test(u.text) && u.context[0] && isChecklistItem(u.context[0])) return { item: foldText(withoutBox(u.context[0])), answer: foldText(u.text.replace(SUB_BULLET, '')) };
  const lines = u.text.trim().split('\n');
  if (isChecklistItem(u.text) && lines.length > 1) return { item: foldText(withoutBox(lines[0]!)), answer: foldText(lines.slice(1).map((l) => l.replace(SUB_BULLET, '')).join('、')) };
  return !u.headingLike && !u.text.includes('\n') ? keyValueOf(foldText(u.text)) : undefined;
}

/** A line under a checklist's item that details it: 「　- 今のルータは非対応」. */
const SUB_BULLET = /^[\s\u3000]*[-‐・－]\s*/;

/** A checklist item ticked, and one left empty. */
const TICKED = /^([■☑☒✅✓✔]|\[[x✓✔]\])/i;
/** (「[-] 対象外」: a Markdown checklist's item left out) */
const UNTICKED = /^([□☐]|\[ ?\]|\[-\])/;
const isChecklistItem = (text: string) => TICKED.test(text.trim()) || UNTICKED.test(text.trim());
const withoutBox = (text: string) => text.trim().replace(TICKED, '').replace(UNTICKED, '');

/** The answer to a question, or the passage under a heading, that is a plain no: 「いいえ。」「A. いいえ、まだです」「×」. */
const BARE_NO = /^(a[0-9]*[.:：]?|回答[:：]?|答え?[:：]?)?(いいえ|no|×|✕|未|なし|無し|していない|実施していない|未実施|未対応|対応なし|対応無し|対応していない)([。、,.(（]|$)/i;

/** A form's question with its answer marked: 「はい・【いいえ】」「はい・（いいえ）」「□はい　■いいえ」. */
const MARKED_NO = /(はい|yes)[・/／、,]*(【|\(|\[|〔|《|<)(いいえ|no)(】|\)|\]|〕|》|>)|[■●☑◉✓✔](いいえ|no)(?![a-z])/i;

/** A checklist item answered no: 「…している。 → いいえ」「□…：いいえ」. */
const ANSWERED_NO = /(→|⇒|:|：|…)(いいえ|no|×|未実施|未対応|実施していない|していない)(?![a-z])/i;
/** 「IR訓練：未」「CSIRT：未設置」「管理者MFA：なし」: an item whose whole answer after the colon is a no. */
const ANSWERED_NO_AT_END = /(:|：)(未|未(実施|対応|設置|整備|導入|策定|作成|定|着手)|なし|無し|無|×|✕|✗|-|ー|しない|していない|やっていない|まだ|(規定|定め|規程|ルール|取決め)(は)?(なし|無し|ない|ありません))[。.]?($|(?=[^。]{0,40}(ない|なし)[。.]?$))/;
/**
 * 「外部監査：対象外」「訓練：未定」「管理者MFA：対象外（特定の港ではないため）」: an item answered only that it is out
 * of the plan's scope or not decided says no measure — unless the reason given is that the measure's premise is
 * absent (「対象外（外部接続なし）」), which is 該当なし.
 */
const ANSWERED_OUT_OF_SCOPE = /(:|：)(対象外|未定|未決定|なし)([(（]([^()（）]*)[)）])?[。.]?$/;
const PREMISE_ABSENT = /(接続|委託|使用|利用|保有)(は)?(なし|無し|しない|していない|ない)|該当(し)?ない|該当なし/;
const answeredOutOfScope = (folded: string) => {
  const m = ANSWERED_OUT_OF_SCOPE.exec(folded);
  return !!m && !PREMISE_ABSENT.test(m[5] ?? '');
};

/**
 * 「3. 事故対応手順：策定済み（R6.4）」: a one-line entry of an item's short name and its answer. Undefined for a
 * line that is no such entry (a sentence with a colon in it).
 */
const KEY_VALUE = /^(?:[0-9]{1,3}[.)．）]|[(（][0-9]{1,3}[)）]|[①-⑳]|[・●○■□-])?([^:：。、]{2,24})[:：]([^:：]{1,80})$/;
function keyValueOf(folded: string): { item: string; answer: string } | undefined {
  const m = KEY_VALUE.exec(folded);
  return m ? { item: m[1]!, answer: m[2]! } : undefined;
}

/**
 * An answer cell of a check table that says no: 「×」「未」「いいえ」, with the row's number a PDF may put in the
 * same cell, or the marks of two rows a PDF ran together (「○ ×」: one of them says no).
 */
const NO_MARK_CELL = /^[0-9]*(○|◯|〇|済|[×✕✗未]|いいえ|なし|無)*([×✕✗未]|いいえ)(○|◯|〇|済|[×✕✗未]|いいえ|なし|無)*$/;

/** A status column's word for not done: 「未実施」「未対応」「実施していない」 (the whole cell). */
const NOT_DONE_STATUS = /^(未(実施|対応|着手|導入|整備|策定|設置)|(実施|対応|導入)(なし|無し|していない|せず)|否認|却下|不承認|非承認|否決|不採用|見送り|保留)[。.]?$/;

/** A cell that says nothing was done or written: 「－」「なし」「未実施」, also with a note after it (「―（パスワードのみ）」) that plans nothing. */
const EMPTY_CONTENT = /^(-|ー|―|－|なし|無し|特になし|未実施|未対応|未定|×|x|\/|該当なし)?[。.]?$/;
const emptyContent = (folded: string) => {
  const bare = folded.replace(/[(（][^()（）]*[)）][。.]?$/, '');
  // (「未実施（R9年度検討）」: the note says what is planned, and the cell is no empty one)
  return EMPTY_CONTENT.test(folded) || (bare.length > 0 && bare !== folded && EMPTY_CONTENT.test(bare) && !saysPlanned(folded.slice(bare.length)));
};

/** 「（実施していない。新任者へのＴＯＳ操作研修のみ）」: after a negation, what is done instead is only that. */
const ONLY_THAT = /(のみ|だけ)(である|です|だ)?[)）」]*[。.]?$/;
/** A sentence of a passage that says no measure: a negation, or the 「…のみ」 that qualifies the one before it. */
const deniedAt = (sentences: readonly string[], k: number) => saysNotDone(sentences[k]!) || (k > 0 && saysNotDone(sentences[k - 1]!) && ONLY_THAT.test(sentences[k]!));

/**
 * 「…ことが求められています」「…も挙げられています」「ガイドラインは…を求めている」: what the guideline asks of operators in
 * general, as a study handout or a summary puts it, is no measure of the plan's own (unless the sentence says what the
 * company itself does: 当社は…).
 */
const STATES_THE_RULE =
  /(求められ|挙げられ|推奨され|義務(付|づ)けられ)(て)?(いる|います|る|ます|ました|おり)|(ガイドライン|国|国土交通省|省令|法令?|規則)(は|では|が|で)[^。]*求めて(いる|います)|(され|し|行わ|講じ|努め|努められ|参加され|確認され|保管され|取得され|報告され|提出され)たい[。)）]*$|(されます|して|行って|講じて)よう(お願い|お願いいた)|(ご|御)(協力|対応|報告|提出)(を)?(お願い|願い|ください)/;
const FIRST_PERSON = /当社|弊社|当ターミナル|我が社|わが社|私ども|当方|自社|当組合|本社では/;
const statesTheRule = (sentence: string) => STATES_THE_RULE.test(sentence.replace(/[(（][^()（）]*[)）][。]?$/, '')) && !FIRST_PERSON.test(sentence);

/** An answer that says something was done or is planned: not empty, not a no, not out of scope. */
const saysSomething = (answer: string) =>
  answer.length >= 2 && !emptyContent(answer) && !BARE_NO.test(answer) && !answeredOutOfScope(`：${answer}`) && (!saysNotDone(answer) || saysPlanned(answer));

/**
 * How well a text says a requirement by one of its routes: 1 when it says every group, else the score the
 * topic found elsewhere gives (`topicElsewhere`: 0 when it is nowhere fitting).
 */
function routeScore(terms: CompiledTerms, text: string, topicElsewhere: (topic: CompiledGroup) => number): number {
  let best = 0;
  for (const route of terms.routes) {
    const [topic, ...rest] = route;
    if (!topic || !rest.every((group) => group.pattern.test(text))) continue;
    const score = topic.pattern.test(text) ? 1 : rest.length === 0 ? 0 : topicElsewhere(topic);
    best = Math.max(best, score);
  }
  return best;
}

/** A heading that is the name of a sheet or form: 「…自己点検シート」「…チェックリスト」「…記入票」. */
const NAMES_A_DOCUMENT = /(シート|チェックリスト|記入票|点検票|調査票|回答票)$/;

function scoreUnit(
  documentInDomain: boolean,
  id: RequirementId,
  terms: CompiledTerms,
  sentences: string[],
  context: string[],
  section: string[],
  itemLabels: string[] = [],
  entry?: { item: string; answer: string },
): { score: number; sentence: number } {
  const mask = (s: string) => (terms.mask ? s.replace(terms.mask, '〓') : s);
  // a sentence is also read without the adverbs set between a measure's object and its verb
  // (「接続を自動的に停止させる」 as 「接続を停止させる」), for the terms that name the two together
  const masked = sentences.map((s) => {
    const plain = withoutAdverbs(s);
    return plain === s ? mask(s) : `${mask(s)}／${mask(plain)}`;
  });
  // (the name of the document over it, 「ＴＯＳ情報セキュリティ自己点検シート」, lends no topic to what the sheet says)
  const ownContext = context.filter((c) => !NAMES_A_DOCUMENT.test(foldText(c).trim()));
  const contextText = mask(ownContext.map(foldText).join('／'));
  let best = { score: 0, sentence: -1 };
  if (terms.domain && !documentInDomain && !terms.domain.test(masked.join('')) && !terms.domain.test(contextText) && !terms.domain.test(mask(section.map(foldText).join('／')))) {
    return best;
  }
  const vetoed = (text: string) => terms.none.some((v) => v.pattern.test(text) && !(v.unless && v.unless.test(text)));
  const label = itemLabels.map(foldText).join('／');
  // 「未整備である。９月までに作成する。」: a passage that goes on to plan the measure describes it (as planned)
  const unitPlans = sentences.some(saysPlanned);
  // …the plan stands right after the negation (in the sentence itself or the next two), not in another line of a
  // long passage about other measures
  const plannedNear = (i: number) => sentences.slice(i, i + 3).some(saysPlanned);
  // 「ログを別のサーバに集める案。→ 今年度は導入しないことと決定。」: a proposal the passage decides against
  const unitRejects = sentences.some((s) => DECIDED_AGAINST.test(s) || REJECTED.test(s));
  masked.forEach((sentence, i) => {
    // a sentence that lists measures by name says the named ones, and only those (the words of two items of
    // the list, 多要素認証 and サーバの管理者パスワード, do not make a third requirement)
    const listed = namedInList(sentences[i]!);
    if (listed) {
      // 「接続元の制限、ワンタイムパスワード、アカウントロックは、いずれも実施していない」: a list the negation reaches
      // all through names measures not taken
      if (!unitPlans && reachOf(clausesOf(sentences[i]!)).every(saysNotDone)) return;
      if (listed.ids.has(id) && best.score < 0.5) best = { score: 0.5, sentence: i };
      // the other requirements: each item of the list on its own (「ログの取得と別環境での保管」)
      // (the topic may stand over the list: サーバ | 初期パスワードの変更、ウイルス対策ソフトの導入、OSの月次更新)
      else if (listed.items.map(mask).some((item) => !vetoed(item) && terms.routes.some((route) => route.every((group, k) => group.pattern.test(item) || (k === 0 && route.length > 1 && group.pattern.test(contextText)))))) {
        if (best.score < 0.5) best = { score: 0.5, sentence: i };
      }
      return;
    }
    // a veto reads the sentence as written (what a mask hides, ウイルス対策ソフト, still says what it is
    // about), with the table row's item cell that names what the sentence speaks of
    // …and with the sentence before when it speaks of 「同機器」「当該装置」: the thing it names is there
    const referent = i > 0 && REFERS_TO_THING.test(sentences[i]!) ? sentences[i - 1]! : '';
    // …and with the sentence after it that points back at it and says what it is (「この手順は事業継続計画の一部としている」)
    const said = sentences.slice(i + 1, i + 3).find((s) => SAYS_WHAT_IT_IS.test(s)) ?? '';
    const vetoedHere = (text: string) => vetoed(text) || (!!label && vetoed(`${label}／${text}`)) || (!!referent && vetoed(`${referent}／${text}`)) || (!!said && vetoed(`${text}／${said}`));
    // the topic borrowed from an earlier sentence or from what stands over the passage: that text must not be
    // about something else either (「上記の計画に沿った訓練」 under a BCP is no incident drill), nor deny the measure
    // (「多要素認証は実施しません。管理操作は室内の端末からのみとする」: what follows is what is done instead)
    const topicBefore = (topic: CompiledGroup) => {
      const earlier = masked.slice(0, i).findLastIndex((e) => topic.pattern.test(e));
      return earlier >= 0 && !vetoed(sentences[earlier]!) && !endsDenying(sentences[earlier]!);
    };
    const topicAbove = (topic: CompiledGroup) => topic.pattern.test(contextText) && !vetoed(ownContext.map(foldText).join('／'));
    if (unitRejects && PROPOSAL.test(sentences[i]!)) return;
    if (statesTheRule(sentences[i]!) || (i > 0 && saysNotDone(sentences[i - 1]!) && ONLY_THAT.test(sentences[i]!))) return;
    // 「ネットワークの図、機器の一覧」 over 「→ 確認中です。」: a question whose answer on the next line says no
    if (answeredNoBelow(sentences, i)) return;
    if (!vetoedHere(sentences[i]!) && !(saysNotDone(sentences[i]!) && (!plannedNear(i) || DECIDED_AGAINST.test(sentences[i]!) || NO_PLAN_EITHER.test(sentences[i]!)))) {
      const score = routeScore(terms, sentence, (topic) => (topicBefore(topic) ? 0.9 : topicAbove(topic) ? 0.8 : 0));
      if (score > best.score) best = { score, sentence: i };
      return;
    }
    // one sentence that chains several measures: a clause the veto or the negation does not reach says its
    // measure on its own (the topic from an earlier clause, sentence or what stands over it)
    // (a sentence that lists measures as nouns, 「初期パスワードの変更、ウイルス対策ソフトの導入、OSの月次更新」: its items)
    const chained = clausesOf(sentences[i]!);
    const nouns = listItems(sentences[i]!);
    const nounList = nouns.length >= 3 && nouns.every((n) => n.length <= 25) && nouns.slice(0, -1).every((n) => ENDS_IN_NOUN.test(n));
    const clauses = chained.length >= 2 ? chained : nounList ? nouns : chained;
    if (clauses.length < 2) return;
    const reach = reachOf(clauses);
    // (in a sentence that opens on something else, 「新しく入った作業員には安全教育を行い、…」, a clause the veto does not
    // reach borrows no topic from the heading or the sentences before)
    const sentenceVetoed = vetoedHere(sentences[i]!) && vetoedHere(clauses[0]!);
    clauses.forEach((clause, k) => {
      if (vetoedHere(clause) || saysNotDone(reach[k]!)) return;
      const topicInClauseBefore = (topic: CompiledGroup) => clauses.slice(0, k).some((c) => topic.pattern.test(mask(c)) && !vetoedHere(c));
      const score = routeScore(terms, mask(clause), (topic) => (sentenceVetoed ? 0 : topicInClauseBefore(topic) || topicBefore(topic) ? 0.9 : topicAbove(topic) ? 0.8 : 0));
      if (score > best.score) best = { score, sentence: i };
    });
  });
  // a sentence under a heading (or item, or list introduction) that names part of the measure: 「（７）サーバ・端末
  // のパッチ」 over 「月1回、まとめて適用している。」 says the measure together, each group said by one of them, as
  // long as the sentence itself says a group that what stands over it does not (a heading alone is no passage)
  if (best.score === 0 && contextText) {
    const plainContext = ownContext.map(foldText).join('／');
    masked.forEach((sentence, i) => {
      const referent = i > 0 && REFERS_TO_THING.test(sentences[i]!) ? `${sentences[i - 1]!}／` : '';
      if (best.score > 0 || namedInList(sentences[i]!) || vetoed(`${referent}${sentences[i]!}`) || vetoed(`${plainContext}／${sentences[i]!}`) || (saysNotDone(sentences[i]!) && (!plannedNear(i) || DECIDED_AGAINST.test(sentences[i]!)))) return;
      const together = terms.routes.some(
        (route) =>
          route.length > 1 &&
          route.some((group) => !group.pattern.test(sentence)) &&
          route.some((group) => group.pattern.test(sentence) && !group.pattern.test(contextText)) &&
          route.every((group) => group.pattern.test(sentence) || group.pattern.test(contextText)),
      );
      if (together) best = { score: 0.6, sentence: i };
    });
  }
  // a table row whose item cell names the whole requirement (BCP訓練 | 本船荷役部門のみ実施。): the row says it,
  // as long as its content cell says something was done or planned
  const maskedLabel = mask(label);
  const content = sentences.join('');
  // (a row whose content says what is not done and then what will be: 「把握していない。｜令和９年１月から報告を受ける。」
  // says it by the sentences the negation does not reach)
  const affirmed = masked.filter((_, k) => !deniedAt(sentences, k) && !statesTheRule(sentences[k]!));
  if (best.score === 0 && maskedLabel && !emptyContent(content) && content.length >= 3 && !vetoed(label) && affirmed.length > 0 && (!saysNotDone(content) || unitPlans || affirmed.length < masked.length)) {
    if (terms.routes.some((route) => route.every((group) => group.pattern.test(maskedLabel))) && (!saysNotDone(content) || unitPlans)) best = { score: 0.6, sentence: 0 };
    // the item cell and the content cell together (サーバのWindows Update | 月1回まとめて当てる, 困った時に相談
    // できる先 | 府警のサイバー犯罪の窓口): each group said by one of them, the content saying one the item does not
    else {
      const maskedContent = affirmed.join('／');
      const together = terms.routes.some(
        (route) =>
          route.length > 1 &&
          route.some((group) => group.pattern.test(maskedContent) && !group.pattern.test(maskedLabel)) &&
          route.every((group) => group.pattern.test(maskedLabel) || group.pattern.test(maskedContent)),
      );
      if (together && !vetoed(`${label}／${content}`)) best = { score: 0.5, sentence: 0 };
    }
  }
  // 「3. 事故対応手順：策定済み（R6.4）」, a row 世代管理・切り離し保管 | 検討中: an item that is one of the
  // requirement's short names, in a plan about information security as a whole, answered with something done or
  // planned (the item's own words may be too short for the routes: 事故 without サイバー)
  if (best.score === 0 && documentInDomain && entry && saysSomething(entry.answer) && !vetoed(`${entry.item}／${entry.answer}`)) {
    const name = requirementNames().find((n) => n.id === id);
    if (name && entry.item.split(/[・／/]|及び|および|と(?=[^、]{2,})/).some((part) => name.pattern.test(part.trim()) || name.pattern.test(entry.item))) best = { score: 0.5, sentence: 0 };
  }
  return best;
}

/**
 * The requirements a plan's text describes, each with its passage: for every one of the 25 requirements the
 * best passage that says it (in the document's own words, with its blocks and page) and its status as the
 * words state it. One passage may serve two requirements when it says both. Requirements not found are not
 * listed; a document that is no plan gives an empty list.
 */
export function matchRequirements(blocks: readonly TextBlock[], options: { writtenOn?: string } = {}): RequirementMatch[] {
  // a checklist's item answered いいえ, or a row whose answer cell is × or 未, describes nothing (unless it says
  // what is planned instead)
  const answeredNo = (u: Unit) =>
    ANSWERED_NO.test(foldText(u.text)) || MARKED_NO.test(foldText(u.text)) || ANSWERED_NO_AT_END.test(foldText(u.text)) || answeredOutOfScope(foldText(u.text)) || [u.statusCell ?? '', ...(u.itemLabels ?? [])].some((cell) => NO_MARK_CELL.test(foldText(cell))) ||
    NOT_DONE_STATUS.test(foldText(u.statusCell ?? '')) ||
    NOT_ASKED_AT_THIS_PORT.test(foldText(u.text)) ||
    // a row's answer that opens with a plain no (確認項目 | 「対応なし。現行のサーバでは…ため。」): the rest gives the reason
    (!!u.itemLabels?.length && BARE_NO.test(foldText(u.text))) ||
    // a table row answered 「対象外」「未定」 in its status or content cell, as a one-line entry is
    (!!u.itemLabels?.length && answeredOutOfScope(`：${foldText(u.text)}`)) ||
    (u.statusCell !== undefined && answeredOutOfScope(`：${foldText(u.statusCell)}`));
  const allUnits = unitsOf(blocks);
  // a checklist that ticks its items (■ ☑) leaves the others empty (□ ☐): an empty box is a no, where the same
  // document ticks some; where it has no ticked box, □ is only a bullet
  // (■ over a section is a heading's mark, not a tick)
  const ticks = allUnits.some((u) => !u.headingLike && TICKED.test(u.text.trim()));
  const unticked = (u: Unit) => ticks && UNTICKED.test(u.text.trim());
  // a checklist item's sub-bullets (「- 2027年度のルータ更新で対応する予定」) say what the item's box does not
  const indexOf = new Map(allUnits.map((u, i) => [u, i]));
  const subBulletsOf = (u: Unit) => {
    const lines: string[] = [];
    for (const next of allUnits.slice(indexOf.get(u)! + 1)) {
      if (!SUB_BULLET.test(next.text)) break;
      lines.push(next.text);
    }
    return lines.join('\n');
  };
  const keeps = (u: Unit) => {
    if (WITHDRAWN.test(foldText(u.text)) || nothingInItsColumns(u) || labelledForAnotherSystem(foldText(u.text)) || aboutOfficeWork(foldText(u.text))) return false;
    // 「ＵＳＢメモリの使用：なし」 answers that a premise is absent: 該当なし, no measure denied
    if (saysPremiseAbsent(foldText(u.text))) return true;
    const notes = (u.footnotes ?? []).join('\n');
    if (notes && footnoteDenies(notes)) return false;
    const said = `${u.text}\n${u.statusCell ?? ''}\n${u.remarks ?? ''}\n${notes}${unticked(u) ? `\n${subBulletsOf(u)}` : ''}`;
    // (「未：…当面予定なし」 says no plan, whatever word it uses for one)
    return !(answeredNo(u) || unticked(u)) || /予定|検討|計画/.test(foldText(said).replace(NO_PLAN_EITHER_ALL, '〓')) || saysPlanned(foldText(said));
  };
  // a heading whose passage says the measure is not taken (「（３）インシデント対応訓練」 over 「実施しておらず、予定
  // もない。」 or a × answer) describes nothing: only the heading names it
  const deniedBelow = new Set(
    allUnits
      .filter((u, i) => {
        const below = allUnits[i + 1];
        // (a question answered on the next line after an arrow, 「ネットワークの図、機器の一覧」「→ 確認中です。」, as a heading)
        if (!below || below.headingLike || !(u.headingLike || ANSWER_LEAD.test(below.text.trim()))) return false;
        // (the next item of a checklist is no passage of this one)
        if (isChecklistItem(below.text)) return false;
        const answer = foldText(below.text);
        return !keeps(below) || ((saysNotDone(answer) || BARE_NO.test(answer)) && !saysPlanned(answer)) || foldedSentences(below.text).every(statesTheRule);
      })
      .map((u) => u.blocks.join(',')),
  );
  // the plan of a terminal's system names the terminal, its system or its work somewhere: a company's general
  // rules for office PCs and personal data (パスワード, ウイルス対策, 委託契約 throughout) describe none of its measures
  // (a whole document: a passage or two, as a form's field gives them, is read as it stands)
  if (allUnits.length >= WHOLE_DOCUMENT_UNITS && !allUnits.some((u) => ABOUT_A_TERMINAL.test(foldText(u.text)))) return [];
  // 「当社はＴＯＳを使用していない」: an operator without a terminal's system has none of its measures to describe
  if (allUnits.some((u) => NO_TOS.test(foldText(u.text)) || TOS_OUT_OF_SCOPE.test(foldText(u.text)))) return [];
  // (said near the top, in the letter that sends it)
  if (allUnits.slice(0, 12).some((u) => ANOTHER_COMPANYS_PLAN.test(foldText(u.text)))) return [];
  // a specification that tells a vendor what to build (「受注者は…機能を有すること」) or a vendor's brochure of its
  // product describes what a system could do, not the measures an operator takes
  if (allUnits.length >= WHOLE_DOCUMENT_UNITS && (aSpecification(allUnits) || aBrochure(allUnits) || aLecture(allUnits) || anIncidentReport(allUnits))) return [];
  const units = allUnits.filter((u) => keeps(u) && !u.section.some(headsAnotherSystem));
  const sentencesOf = units.map(sentencesWithDetails);
  const inDomain = documentAboutSecurity(sentencesOf);
  const entriesOf = units.map(entryOf);
  // the month the plan was written in (its cover's date), against which a passage's month is still to come
  const writtenIn = options.writtenOn ? Number(options.writtenOn.slice(0, 4)) * 12 + Number(options.writtenOn.slice(5, 7)) : undefined;
  const hitsOf = new Map<RequirementId, UnitHit[]>();
  for (const id of REQUIREMENT_IDS) {
    const terms = compiledTerms().get(id)!;
    const hits: UnitHit[] = [];
    units.forEach((unit, i) => {
      const { score, sentence } = scoreUnit(inDomain, id, terms, sentencesOf[i]!, unit.context, unit.section, unit.itemLabels, entriesOf[i]);
      // a heading alone counts for less than a passage that says the same
      if (score > 0 && !(unit.headingLike && deniedBelow.has(unit.blocks.join(',')))) hits.push({ unit: i, score: unit.headingLike ? score * 0.5 : score, sentence });
    });
    hitsOf.set(id, hits);
  }
  const matches: RequirementMatch[] = [];
  for (const id of REQUIREMENT_IDS) {
    const hits = withoutBorrowedTopic(id, hitsOf, sentencesOf);
    if (hits.length === 0) {
      const absent = notApplicableIn(units, sentencesOf, requirementById(id)!.notApplicableWhen);
      if (absent) matches.push({ requirement: id, ...absent });
      continue;
    }
    // (of passages that say it equally well, the one under an item or heading that names the requirement: the row
    // 社員教育 rather than the row on choosing vendors that asks them to train their staff)
    const name = requirementNames().find((n) => n.id === id);
    const named = (h: UnitHit) => {
      const over = [...(units[h.unit]!.itemLabels ?? []), ...units[h.unit]!.context.slice(0, 1)].map((t) => foldText(t).replace(/^[^\p{L}]+/u, ''));
      return !!name && over.some((t) => name.pattern.test(t) || t.split(/[・／/]/).some((part) => name.pattern.test(part)));
    };
    const best = hits.reduce((a, b) => (b.score > a.score || (b.score === a.score && named(b) && !named(a)) ? b : a));
    const picked = passageAround(units, best.unit, new Set(hits.map((h) => h.unit)));
    const passageText = picked.map((u) => u.text).join('\n');
    const requirement = requirementById(id)!;
    const statusText = picked.find((u) => u.statusCell)?.statusCell;
    const mayNotApply = !!requirement.notApplicableWhen;
    // a passage of several sentences about several measures: the status is what the sentence that says this one
    // (and the one after it, 「未整備である。９月までに作成する。」) says, not another sentence's 「今後」
    const own = sentencesOf[best.unit]!;
    const ownSentences = picked.length === 1 && !units[best.unit]!.remarks && own.length >= 3 && best.sentence >= 0 ? own.slice(best.sentence, best.sentence + 2).join('。') : '';
    const reading =
      (statusText ? readStatus(statusText, { mayNotApply, writtenIn }) : undefined) ??
      (ownSentences ? readStatus(ownSentences, { mayNotApply, writtenIn }) : undefined) ??
      readStatus(picked.filter((u) => !u.headingLike).map((u) => (u.remarks ? `${u.text}\n${u.remarks}` : u.text)).join('\n') || passageText, { mayNotApply, writtenIn });
    matches.push({
      requirement: id,
      blocks: picked.flatMap((u) => u.blocks),
      passage: passageText,
      page: picked.find((u) => u.page !== undefined)?.page,
      ...(reading ? { status: reading.status, statusWords: reading.words, ...(reading.considering ? { considering: true } : {}) } : {}),
      score: Math.round(best.score * 100) / 100,
    });
  }
  return matches;
}

/**
 * A sentence that says one requirement whole (「外部接続機器を利用する者の認証は…二要素」) is not also a second
 * requirement of the same measure by a topic borrowed from the sentence before (「…システム管理者に通知する」 does not
 * make it the administrators' two-factor): such hits of the second are left out.
 */
function withoutBorrowedTopic(id: RequirementId, hitsOf: ReadonlyMap<RequirementId, UnitHit[]>, sentencesOf: readonly string[][]): UnitHit[] {
  const hits = hitsOf.get(id)!;
  if (!hits.some((h) => h.score < 1)) return hits;
  const rivals = REQUIREMENT_IDS.filter((other) => other !== id && sharesMeasure(id, other));
  // (「この計画とマニュアルを併せて用いる演習」 points back at what it also speaks of: it may say both)
  return hits.filter((h) => h.score >= 1 || POINTS_BACK.test(sentencesOf[h.unit]?.[h.sentence] ?? '') || !rivals.some((other) => hitsOf.get(other)!.some((o) => o.unit === h.unit && o.sentence === h.sentence && o.score >= 1)));
}


/** Two requirements of one measure on different things (two-factor on external devices and on administrators). */
let measuresOf: Map<RequirementId, Set<string>> | undefined;
function sharesMeasure(a: RequirementId, b: RequirementId): boolean {
  measuresOf ??= new Map(REQUIREMENT_IDS.map((id) => [id, new Set(REQUIREMENT_TERMS[id].routes.flatMap((route) => route.slice(1).map((group) => group.concept)))]));
  const ofB = measuresOf.get(b)!;
  return [...measuresOf.get(a)!].some((concept) => ofB.has(concept));
}

/**
 * The passage for the best unit: the unit itself; a heading-like line with the passage under it; and the
 * units next to it that say the same requirement under the same heading (a list of bullets on one topic).
 */
function passageAround(units: readonly Unit[], at: number, hitUnits: ReadonlySet<number>): Unit[] {
  const unit = units[at]!;
  if (unit.headingLike) {
    const next = units[at + 1];
    return next && !next.headingLike ? [unit, next] : [unit];
  }
  const sameContext = (u: Unit | undefined) => !!u && !u.headingLike && u.context.join('／') === unit.context.join('／');
  const picked = [unit];
  for (let i = at - 1; i >= 0 && picked.length < 3 && hitUnits.has(i) && sameContext(units[i]); i--) picked.unshift(units[i]!);
  for (let i = at + 1; i < units.length && picked.length < 3 && hitUnits.has(i) && sameContext(units[i]); i++) picked.push(units[i]!);
  return picked;
}

let notApplicable: Map<string, RegExp> | undefined;
const notApplicablePatterns = () => (notApplicable ??= new Map(Object.entries(NOT_APPLICABLE_TERMS).map(([condition, terms]) => [condition, alternation(terms)])));

/** A question (「…とつながっていますか。」): it says nothing is there. */
const ASKS = /(か|[？?])[。)）]*$/;
let premisePresent: Map<string, RegExp> | undefined;
const premisePresentPatterns = () => (premisePresent ??= new Map(Object.entries(PREMISE_PRESENT_TERMS).filter(([, terms]) => terms.length > 0).map(([condition, terms]) => [condition, alternation(terms)])));

const saysPremiseAbsent = (folded: string) => [...notApplicablePatterns().values()].some((pattern) => pattern.test(folded));

/** 「外部との接続はない」「外部委託は行っていない」: the passage that says a requirement's precondition is absent. */
function notApplicableIn(units: readonly Unit[], sentencesOf: readonly string[][], condition: string | undefined): Omit<RequirementMatch, 'requirement'> | undefined {
  const pattern = condition ? notApplicablePatterns().get(condition) : undefined;
  if (!pattern) return undefined;
  const at = sentencesOf.findIndex((sentences) => sentences.some((s) => pattern.test(s)));
  if (at < 0) return undefined;
  const present = premisePresentPatterns().get(condition!);
  if (present && sentencesOf.some((sentences) => sentences.some((s) => present.test(s) && !pattern.test(s) && !saysNotDone(s) && !ASKS.test(s)))) return undefined;
  const unit = units[at]!;
  const words = sentencesOf[at]!.map((s) => pattern.exec(s)?.[0]).find(Boolean)!;
  return { blocks: unit.blocks, passage: unit.text, page: unit.page, status: 'not-applicable', statusWords: words, score: 1 };
}

/** 「ＴＯＳは使用していない」「ターミナルオペレーションシステムは導入しておりません」: the operator has no such system. */
const NO_TOS =
  /(tos|ターミナルオペレーションシステム)(\(tos\))?(に当たる(システム|もの))?(は|を|が)(一切)?(保有|使用|利用|導入|運用)([・、](保有|使用|利用|導入|運用))?(して|し)?(い|お)?(ない|ません|りません|ておりません)(?=[。、]|$|ため|ので|が)|(tos|ターミナルオペレーションシステム)(が|は)(ありません|ない|ございません)(?=[。、]|$|ため|ので|が)|コンテナターミナルを(運営|保有|管理)(して|し)?(お|い)?(らず|ない|ません)(?=[。、]|$|ため|ので|が)|(当社|弊社)(として|が|から)?(は)?(本計画に|この計画に)?記載する(対策|措置)は(ありません|ない|ございません)/;

/**
 * 「ＴＯＳ…の運用は本監査の対象外とした」: a document (an audit report, a set of rules) that puts the terminal's system
 * outside its own scope describes none of its measures (not 「ただし、ＴＯＳサーバは対象外」 under one row of a plan).
 */
const TOS_OUT_OF_SCOPE =
  /(tos|ターミナルオペレーションシステム)[^。]{0,40}(は|を)、?(本|この|今回の|当該)(監査|点検|調査|報告書?|規程|規定|規則|文書|資料|要領)の?(対象外|適用外|範囲外|対象(と|に)(しない|していない|含めない|含めていない|含まない)|対象とはしない)/;

/**
 * 「第３章　（参考）事務系の対策　※ＴＯＳには適用していません」: a section the plan gives to the office's systems, for
 * reference; what it says under it is no measure of the terminal's system.
 */
const OFFICE_SYSTEMS = new RegExp(`${OFFICE_SYSTEM_WORDS}|本社(の)?(システム|パソコン|pc|ネットワーク)`);

/**
 * 「【ＣＣＴＶのみ】…」「［事務系のみ］…」: a passage labelled for one other system alone is no measure of the TOS
 * (「【ＴＯＳ・ゲート共通】」「【全システム共通】」 are).
 */
const ONLY_ANOTHER_SYSTEM = /^[【\[〔(<《]([^】\]〕)>》]{1,24}?)(のみ|だけ|専用|限り)[】\]〕)>》]/;
const labelledForAnotherSystem = (folded: string) => {
  const m = ONLY_ANOTHER_SYSTEM.exec(folded);
  return !!m && !TOS_WORDS.test(m[1]!) && !/全|共通/.test(m[1]!);
};

/**
 * 「配車、請求、給与計算は事務所のパソコンで行う。パソコンにはウイルス対策ソフトを入れ…」: a passage about the PCs of
 * the office's own work, that names no system of the terminal, is no measure of the TOS.
 */
const OFFICE_WORK = /(配車|請求|給与|経理|会計|勤怠|人事)[^。]{0,24}(パソコン|pc)|(パソコン|pc)[^。]{0,12}(配車|請求|給与|経理|会計|勤怠)/;
const aboutOfficeWork = (folded: string) => OFFICE_WORK.test(folded) && !TOS_WORDS.test(folded);

/**
 * 「特定の港に当たらないため」「指定港ではないので非該当」: an item answered that it is asked only at the specified
 * ports says no measure (a measure taken there anyway says what it does, and is longer than the reason).
 */
const NOT_ASKED_AT_THIS_PORT = /^[^。]{0,16}(特定の?港|特定港|指定(港|された港)|(5|五)(大)?港)(湾)?(\([^()]{0,30}\))?(に|で|と)?(は)?(当た|あた|該当し|該当せ|該当)?(ら)?(ない|ず|ません|ではない|でない)[^。]{0,12}[。]?$|^[^。]{0,12}(特定の?港|特定港)(以外|外)の港(であ|のため|なので|につき)[^。]{0,12}[。]?$/;
const NOT_THE_TOS = /参考|tos(に|へ)は(適用|関係)(して|し)?(い)?(ない|ません)|tosとは(関係|別)|tos(は|を)?(対象外|含まない|含みません)/;
const headsAnotherSystem = (heading: string) => {
  const folded = foldText(heading);
  return OFFICE_SYSTEMS.test(folded) && NOT_THE_TOS.test(folded);
};

/**
 * 「同じグループの…株式会社が東京港で提出した計画書の写しを添付いたします」: a copy of another company's plan sent for
 * reference describes none of the sender's measures.
 */
const ANOTHER_COMPANYS_PLAN =
  /(他社|グループ(会社|企業)?|同じグループ|関連会社|親会社|子会社|同業他社)[^。]{0,50}(計画書|事業計画)[^。]{0,6}(の)?(写し|写|コピー|控え)|参考(資料)?として[^。]{0,60}(計画書|事業計画)[^。]{0,10}(の)?(写し|コピー)(を)?(添付|送付|お送り|同封)/;

/** Words only a plan about a terminal's operation and its system uses (港, ふ頭, ターミナル, TOS, 荷役, コンテナ, 本船…). */
const ABOUT_A_TERMINAL = /港|ふ頭|埠頭|岸壁|ターミナル|tos|cts|荷役|コンテナ|本船|ヤード|ゲート|船社|海上|港湾|バース|バンプール|搬出入|蔵置|オペレーション(・)?システム/i;

/** The parties of a procurement, a specification or a contract (受注者, 甲・乙): what a passage that names them requires is a party's duty under it. */
const PARTIES_OF_A_SPECIFICATION = /受注者|請負者|発注者|落札者|入札者|応札者|受託者は|(^|[、。「（(])(甲|乙)(は|が|に|の|及び|および|又は|または)/;
/** A third of the passages speak of the parties of a specification. */
const aSpecification = (units: readonly Unit[]) => {
  const passages = units.filter((u) => !u.headingLike);
  return passages.filter((u) => PARTIES_OF_A_SPECIFICATION.test(foldText(u.text))).length * 3 >= passages.length;
};

/** What a product brochure says around its features (and a plan does not): 4 of these marks a brochure. */
const MARKS_OF_A_BROCHURE = [/製品(の)?(ご)?案内|製品紹介/, /お問い?合わ?せ/, /価格|料金|月額|税込|税別/, /導入事例|導入実績|ご採用/, /お客様|様では/, /パンフレット|カタログ|リーフレット/, /資料請求|お見積/, /オプション|有償|無償/, /本製品|当製品|弊社製品/, /商標/];
const aBrochure = (units: readonly Unit[]) => {
  const text = units.map((u) => foldText(u.text)).join('\n');
  return MARKS_OF_A_BROCHURE.filter((mark) => mark.test(text)).length >= 4;
};

/**
 * What a study handout or a lecture on the guideline says around it (and a plan does not): 4 of these, with three
 * sentences or more that state what the guideline asks, mark one.
 */
const MARKS_OF_A_LECTURE = [/勉強会|研修会|説明会|講習会|セミナ/, /講師|講義|受講者/, /クイズ|理解度|確認テスト|小テスト|問題[0-9]/, /正解|答え(合わせ)?[:：]|クイズの答え|解答/, /次回(予告)?/, /配布|資料/, /ざっくり|紹介します|説明します|聞いてください/];
const aLecture = (units: readonly Unit[]) => {
  const texts = units.map((u) => foldText(u.text));
  const text = texts.join('\n');
  return MARKS_OF_A_LECTURE.filter((mark) => mark.test(text)).length >= 4 && texts.flatMap((t) => foldedSentences(t)).filter(statesTheRule).length >= 3;
};

/**
 * What the report of one incident says (and a plan does not): 6 of these mark one. What it tells was done once, in
 * answer to that incident; its measures to come are 「別途検討」.
 */
const MARKS_OF_AN_INCIDENT_REPORT = [/(事故|インシデント|事案)(の)?報告(書)?/, /発生(日時|日|時刻|場所)/, /経緯|時系列/, /被害(の)?(状況|内容|範囲)/, /原因(の)?(調査|究明)?/, /再発防止(策)?/, /(報告者|報告日|第[0-9]+報)/, /[0-9]{1,2}[:：][0-9]{2}(ごろ|頃)?に?/];
const anIncidentReport = (units: readonly Unit[]) => {
  const text = units.map((u) => foldText(u.text)).join('\n');
  return MARKS_OF_AN_INCIDENT_REPORT.filter((mark) => mark.test(text)).length >= 6;
};

/** From how many passages on a text is a whole document, which names what it is about somewhere. */
const WHOLE_DOCUMENT_UNITS = 6;

/** How many different words of information security a document must use to be about it as a whole. */
const DOMAIN_WORDS_OF_A_PLAN = 8;
let domainTerms: RegExp[] | undefined;
const domainPatterns = () =>
  (domainTerms ??= [...new Set(REQUIREMENT_IDS.flatMap((id) => REQUIREMENT_TERMS[id].domain?.terms ?? []))].map((t) => new RegExp(asWord(foldTerm(t)), 'iu')));

/**
 * A plan about information security as a whole (サーバ, VPN, ウイルス, パスワード, セキュリティ… throughout):
 * then a passage of it needs no such word of its own for shared words (訓練, 契約, 事例) to count. A safety
 * plan or the minutes of a meeting use two or three of them at most.
 */
export function documentAboutSecurity(sentencesOf: readonly string[][]): boolean {
  const text = sentencesOf.map((s) => s.join('')).join('\n');
  return domainPatterns().filter((t) => t.test(text)).length >= DOMAIN_WORDS_OF_A_PLAN;
}
