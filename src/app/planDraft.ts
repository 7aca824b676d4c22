import { type Document, type Scalar, isScalar, parse, parseDocument, stringify } from 'yaml';
import { filingSkeleton } from './init.ts';
import { classifyPort } from '../catalog/classifyPort.ts';
import { type NotApplicableCondition, REQUIREMENTS, type RequirementId, formatReference, requirementById } from '../catalog/requirements.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { ENUMS, SCOPE_LABELS } from '../model/enums.ts';
import type { ApplicationKind } from '../model/filing.ts';
import { toWareki } from '../util/wareki.ts';
import type { Found } from '../screen/index.ts';
import { placeOf } from '../readers/plan/screening.ts';
import type { HandTypedPlan, RequirementMatch } from './screening.ts';

/**
 * A draft filing made from a plan tos-filing did not make: the filing's own shape (init's skeleton), with what the
 * screening found filled in and marked for review, and everything else left blank (a draft shows 【未記入】).
 * A measure's description is the document's own passage and its status is what the words say; a requirement the
 * document does not describe gets no measure (only a commented-out stub), so nothing is invented.
 */

export interface CoverItem {
  /** In the filing's words: 申請者の名称. */
  label: string;
  value: string;
  /** Where it was read: 1ページ, 第3段落. */
  place: string;
}

export interface PlanDraft {
  /** The draft as YAML with its comments (要確認 notes). */
  yaml: string;
  /** The same draft as data (what validate and review judge). */
  data: unknown;
  found: { match: RequirementMatch; title: string; place: string; status: string }[];
  /** Requirements that apply at the port (all ports' when the port was not read) and were not found. */
  notFound: { id: RequirementId; title: string }[];
  cover: CoverItem[];
  /** Cover items the document did not state (in the filing's words). */
  coverMissing: string[];
  /** The port as read and whether the registry knows it. */
  port: { name: string | null; known: boolean; specified: boolean };
}

const STATUS_LABEL = ENUMS.measureStatus as Record<string, string>;

/** Sets a value with its note; inside a one-line group ({ used: はい, … }) the note would break the line, so there is none. */
function setScalar(doc: Document, path: (string | number)[], value: string, note: string, kind: '要確認' | '未記入' = '要確認'): boolean {
  const node = doc.getIn(path, true);
  if (!isScalar(node)) return false;
  (node as Scalar).value = value;
  (node as Scalar).type = 'QUOTE_DOUBLE';
  const parent = doc.getIn(path.slice(0, -1), true) as { flow?: boolean } | undefined;
  if (!parent?.flow) (node as Scalar).comment = ` ${kind}: ${note}`;
  return true;
}

/** The measures part of the draft, written out: found ones filled in, the others as commented-out stubs. */
function measuresYaml(plan: HandTypedPlan, ids: readonly RequirementId[], found: Map<RequirementId, PlanDraft['found'][number]>): string {
  const lines = ['measures:', `  # 実施状況（status）：${Object.values(STATUS_LABEL).join(' / ')}。実施予定は plannedDate、一部実施・代替措置・該当なしは reason を記載`];
  lines.push('  # 書類から読み取った措置には「読み取り元」（importedFrom）があります。原文と照らして確かめたら、その行を削除してください。');
  for (const id of ids) {
    const req = REQUIREMENTS.find((r) => r.id === id)!;
    lines.push('', `  # ${req.title}`, `  # ${SCOPE_LABELS[req.scope]} / ガイドライン: ${req.references.map((r) => formatReference(r)).join('、')}`);
    const hit = found.get(id);
    if (!hit) {
      lines.push('  # 未記入: 書類にこの記載は見つかりませんでした。記載するときは次の3行の「# 」を外して書いてください。');
      lines.push(`  # ${id}:`, `  #   status: ${STATUS_LABEL.implemented}`, '  #   description: ""');
      continue;
    }
    const { match } = hit;
    const why = match.status === undefined ? '実施状況は本文から読み取れませんでした（仮に実施済み）' : `実施状況は「${match.statusWords ?? hit.status}」から${match.considering ? '（検討中とあるため実施予定）' : ''}`;
    lines.push(`  # 要確認: 書類の${hit.place}から読み取り。${why}`);
    const measure: Record<string, string> = { status: hit.status, description: match.passage, importedFrom: hit.place };
    const body = stringify({ [id]: measure }, { lineWidth: 0, blockQuote: 'literal' }).trimEnd();
    lines.push(...body.split('\n').map((l) => `  ${l}`));
  }
  return `${lines.join('\n')}\n`;
}

const TOS: (string | number)[] = ['port', 'terminals', 0, 'tos'];

/** The choices of the skeleton that state a fact about the applicant's TOS (init fills them in as a default). */
const TOS_CHOICES: { path: (string | number)[]; options: string }[] = [
  ...['vesselPlanning', 'yardPlanning', 'yardOperation', 'overallManagement'].map((fn) => ({ path: [...TOS, 'functions', fn, 'used'], options: 'はい／いいえ' })),
  { path: [...TOS, 'functions', 'overallManagement', 'gateManagement'], options: 'はい／いいえ' },
  { path: [...TOS, 'ownership', 'applicantRole'], options: Object.values(ENUMS.applicantRole).join('／') },
  { path: [...TOS, 'hosting', 'kind'], options: Object.values(ENUMS.hostingKind).join('／') },
  { path: [...TOS, 'manualOperation', 'possible'], options: 'はい／いいえ' },
  { path: ['organization', 'ciso', 'executive'], options: 'はい／いいえ' },
];

/** What the plan's text says of a premise: absent (「外部との接続はない」, with where), present (a measure that needs it), or nothing. */
function premiseIn(plan: HandTypedPlan, condition: NotApplicableCondition): { absent: string } | 'present' | null {
  const matches = plan.matches.filter((m) => requirementById(m.requirement)?.notApplicableWhen === condition);
  const absent = matches.find((m) => m.status === 'not-applicable');
  if (matches.some((m) => m.status !== 'not-applicable')) return 'present';
  return absent ? { absent: placeOf(plan, absent) } : null;
}

/**
 * The skeleton's defaults that would read as facts in the draft's document (「TOSに外部との接続はない」, USB
 * 「使用しない」, 使用：はい) are left blank, so that the draft shows 【未記入】; a list or a yes/no is filled only when the
 * plan says its premise is absent (「外部との接続はない」 → no connections, marked for review).
 */
function blankUnreadChoices(doc: Document, plan: HandTypedPlan): void {
  for (const { path, options } of TOS_CHOICES) setScalar(doc, path, '', `書類から読み取れませんでした（${options}）`, '未記入');
  const lists: [(string | number)[], NotApplicableCondition | null, string][] = [
    [['functions', 'overallManagement', 'externalSystemLinks'], null, '外部システムとの連携'],
    [['externalConnections'], 'no-external-connections', '外部接続'],
    [['outsourcing'], 'no-outsourcing', '外部委託'],
  ];
  for (const [key, condition, label] of lists) {
    const premise = condition && premiseIn(plan, condition);
    const path = [...TOS, ...key];
    if (premise && premise !== 'present') {
      (doc.getIn(path, true) as Scalar).comment = ` 要確認: 書類の${premise.absent}に${label}はないとあります（[] は「なし」の意味）`;
      continue;
    }
    const shape = (doc.getIn(path, true) as { comment?: string | null }).comment?.trim() ?? '';
    doc.setIn(path, doc.createNode(''));
    const node = doc.getIn(path, true) as Scalar;
    node.type = 'QUOTE_DOUBLE';
    const said = premise === 'present' ? `書類には${label}のある記載があります。一件ずつ記入してください` : '書類から読み取れませんでした。一件ずつ記入し、ない場合は「なし」と書いてください';
    node.comment = ` 未記入: ${said}。${shape}`;
  }
  const media = premiseIn(plan, 'no-removable-media');
  const used = [...TOS, 'removableMedia', 'used'];
  if (media && media !== 'present') setScalar(doc, used, 'いいえ', `書類の${media.absent}に使用しないとあります`);
  else setScalar(doc, used, '', `書類から読み取れませんでした（はい／いいえ）`, '未記入');
}

/** An ISO date as the clerk writes it (令和8年4月1日); the filing reads both. */
const warekiOr = (iso: string) => {
  try {
    return toWareki(iso);
  } catch {
    return iso;
  }
};

/** The kind of application the document names (事業計画変更届出書, 変更認可申請, 許可申請), with the block that says it. */
export function kindOf(plan: Pick<HandTypedPlan, 'blocks'>): { kind: ApplicationKind; block: number } | null {
  const patterns: [ApplicationKind, RegExp][] = [
    ['plan-change-notification', /事業計画(の)?変更(の)?届出/],
    ['plan-change-approval', /事業計画(の)?変更(の)?認可/],
    ['new-license', /港湾運送事業の?許可(の)?申請|許可申請書/],
  ];
  for (const b of plan.blocks.slice(0, 60)) {
    const text = b.text.normalize('NFKC').replace(/\s+/g, '');
    for (const [kind, re] of patterns) if (re.test(text)) return { kind, block: b.index };
  }
  return null;
}

export function planDraft(plan: HandTypedPlan, source: string): PlanDraft {
  const cover = plan.cover;
  const portRead = cover.port ? classifyPort(cover.port.value) : null;
  const known = !!portRead && portRead.name !== null;
  const port = portRead ?? classifyPort('');
  const specified = known && port.specified;
  const stated = kindOf(plan);
  const doc = parseDocument(filingSkeleton(port, stated?.kind ?? 'new-license'));
  const kindNode = doc.getIn(['application', 'kind'], true);
  if (isScalar(kindNode))
    kindNode.comment = stated
      ? ` 要確認: 書類の${placeOf(plan, { blocks: [stated.block] })}から読み取り（${Object.values(ENUMS.applicationKind).join(' / ')}）`
      : ` 要確認: 申請区分は書類から読み取れませんでした（仮に許可申請。${Object.values(ENUMS.applicationKind).join(' / ')}）`;
  const items: CoverItem[] = [];
  const missing: string[] = [];
  if (stated) items.push({ label: '申請区分', value: ENUMS.applicationKind[stated.kind], place: placeOf(plan, { blocks: [stated.block] }) });
  else missing.push('申請区分');
  const fill = (path: (string | number)[], label: string, found: Found<string> | undefined, value = found?.value) => {
    const v = value?.trim();
    if (!found || !v) return void missing.push(label);
    const place = placeOf(plan, { blocks: [found.block] }) || '表紙';
    if (setScalar(doc, path, v, `書類の${place}から読み取り`)) items.push({ label, value: v, place });
  };
  fill(['application', 'filingDate'], '申請日', cover.date, cover.date && warekiOr(cover.date.value));
  if (cover.addressee) fill(['application', 'addressee'], '宛先', cover.addressee);
  else missing.push('宛先');
  fill(['applicant', 'name'], '申請者の名称', cover.applicant?.name);
  const rep = cover.applicant?.representative;
  if (rep?.value.title) fill(['applicant', 'representative', 'title'], '代表者の役職', { value: rep.value.title, block: rep.block });
  else missing.push('代表者の役職');
  fill(['applicant', 'representative', 'name'], '代表者の氏名', rep && { value: rep.value.name, block: rep.block });
  fill(['applicant', 'address'], '主たる事務所の所在地', cover.applicant?.address);
  fill(['port', 'name'], '港名', cover.port, known ? port.name! : cover.port?.value);
  if (!cover.port) (doc.getIn(['port', 'name'], true) as Scalar).value = '';
  fill(['port', 'terminals', 0, 'name'], 'ターミナルの名称', cover.terminal);
  fill(['port', 'terminals', 0, 'tos', 'systemName'], 'TOSの名称', cover.tosName);
  blankUnreadChoices(doc, plan);
  doc.set('note', `${source} から tos-filing import で作成した下書き（本文の読み取りによる推定）`);
  doc.commentBefore =
    ` ${source} から tos-filing import で作成した下書き。書類の本文を読み取った推定です。\n` +
    ' 「要確認」の箇所は原文と照らして確かめ、空欄（""）は記入してください。選択肢（はい／いいえ等）も、書類から読み取れたもののほかは空欄です。\n' +
    ' `npx tos-filing build このファイル --draft` で、不足を【未記入】、確認箇所を【要確認】と示した下書きの書類を作成できます。';

  const found = new Map<RequirementId, PlanDraft['found'][number]>();
  for (const match of plan.matches) {
    const status = match.status ?? 'implemented';
    const req = REQUIREMENTS.find((r) => r.id === match.requirement);
    if (!req || found.has(req.id)) continue;
    found.set(req.id, { match, title: req.title, place: placeOf(plan, match), status: STATUS_LABEL[status] ?? STATUS_LABEL.implemented! });
  }
  const applicable = new Set(requirementsFor({ specified }).map((r) => r.id));
  const ids = REQUIREMENTS.map((r) => r.id).filter((id) => applicable.has(id) || found.has(id));

  doc.delete('measures');
  const head = doc.toString({ lineWidth: 0 }).replace(/\nmeasures:[\s\S]*$/, '\n');
  const yaml = `${head.trimEnd()}\n\n${measuresYaml(plan, ids, found)}`;
  return {
    yaml,
    data: parse(yaml),
    found: ids.filter((id) => found.has(id)).map((id) => found.get(id)!),
    notFound: ids.filter((id) => !found.has(id)).map((id) => ({ id, title: REQUIREMENTS.find((r) => r.id === id)!.title })),
    cover: items,
    coverMissing: missing,
    port: { name: known ? port.name : (cover.port?.value ?? null), known, specified },
  };
}
