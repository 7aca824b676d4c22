import type { PortClassification } from '../catalog/classifyPort.ts';
import { requirementById } from '../catalog/requirements.ts';
import type { Filing } from '../model/filing.ts';
import { fieldTitle } from '../model/schemaWalk.ts';
import { describeValue } from './describeValue.ts';
import { xmlSafeDeep } from '../util/xmlSafe.ts';
import { type Change, type FilingDiff, identityOf } from '../diff/diffFilings.ts';

/** What diff.hbs sees: changes grouped into sections, each value split into unchanged and changed parts. */

export interface Segment {
  text: string;
  changed: boolean;
}

type Key = string | number;

function valueAt(data: unknown, path: readonly Key[]): unknown {
  let current = data;
  for (const key of path) current = current && typeof current === 'object' ? (current as Record<Key, unknown>)[key] : undefined;
  return current;
}

/** 「外部接続「保守会社」／接続元の制限」: the labels along a path below its section. */
function labelOf(segments: readonly Key[], from: number, before: Filing, after: Filing, removed: boolean): string {
  const parts: string[] = [];
  for (let i = from; i < segments.length; i++) {
    const prefix = segments.slice(0, i + 1);
    const key = segments[i]!;
    if (typeof key === 'number') {
      const item = removed ? valueAt(before, prefix) : (valueAt(after, prefix) ?? valueAt(before, prefix));
      const id = identityOf(item)?.replace(/^[a-z-]+:/, '');
      if (parts.length) parts[parts.length - 1] += id ? `「${id}」` : `（${key + 1}）`;
      continue;
    }
    const title = key === 'tos' ? undefined : fieldTitle(prefix);
    if (title) parts.push(title);
    else if (key === 'tos') continue;
    else if (!(segments[0] === 'measures' && i === 1)) parts.push(String(key));
  }
  return parts.join('／') || '全体';
}

/** Marks what differs between two texts: the common beginning and end stay plain. */
export function markDifference(before: string, after: string): { before: Segment[]; after: Segment[] } {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const split = (chars: string[]): Segment[] =>
    [
      { text: chars.slice(0, start).join(''), changed: false },
      { text: chars.slice(start, chars.length - end).join(''), changed: true },
      { text: chars.slice(chars.length - end).join(''), changed: false },
    ].filter((s) => s.text);
  return { before: split(a), after: split(b) };
}

function sectionOf(change: Change, before: Filing, after: Filing): { key: string; title: string; from: number } {
  const s = change.segments;
  switch (s[0]) {
    case 'application':
      return { key: 'application', title: '申請', from: 1 };
    case 'applicant':
      return { key: 'applicant', title: '申請者', from: 1 };
    case 'organization':
      return { key: 'organization', title: '管理体制', from: 1 };
    case 'measures': {
      const id = String(s[1]);
      return { key: `measures.${id}`, title: `措置：${requirementById(id)?.title ?? id}`, from: 2 };
    }
    case 'port':
      if (s[1] === 'terminals' && typeof s[2] === 'number') {
        const source = change.kind === 'removed' ? [before, after] : [after, before];
        const terminal = (valueAt(source[0], s.slice(0, 3)) ?? valueAt(source[1], s.slice(0, 3))) as { name?: string } | undefined;
        const name = change.kind === 'removed' && s.length === 3 ? (change.before as { name: string }).name : terminal?.name;
        return { key: `terminal:${name}`, title: `ターミナル「${name}」`, from: 3 };
      }
      return { key: 'port', title: '港', from: 1 };
    default:
      return { key: 'other', title: 'その他', from: 0 };
  }
}

const KIND_LABEL = { added: '追加', removed: '削除', changed: '変更', reordered: '順序の変更' } as const;
const SECTION_ORDER = ['application', 'applicant', 'port', 'terminal:', 'organization', 'measures.'];

export function diffContext(
  before: { file: string; filing: Filing; port: PortClassification },
  after: { file: string; filing: Filing; port: PortClassification },
  diff: FilingDiff,
) {
  const sections = new Map<string, { title: string; rows: { label: string; kindLabel: string; before: Segment[]; after: Segment[] }[] }>();
  for (const change of diff.changes) {
    const { key, title, from } = sectionOf(change, before.filing, after.filing);
    const label = labelOf(change.segments, from, before.filing, after.filing, change.kind === 'removed');
    const b = describeValue(change.before, change.segments);
    const a = describeValue(change.after, change.segments);
    let row: { before: Segment[]; after: Segment[] };
    if (change.kind === 'added') row = { before: [{ text: '（なし）', changed: false }], after: [{ text: a, changed: true }] };
    else if (change.kind === 'removed') row = { before: [{ text: b, changed: true }], after: [{ text: '（削除）', changed: true }] };
    else if (change.kind === 'reordered') row = { before: [{ text: b, changed: false }], after: [{ text: a, changed: true }] };
    else row = markDifference(b, a);
    if (!sections.has(key)) sections.set(key, { title, rows: [] });
    sections.get(key)!.rows.push({ label, kindLabel: KIND_LABEL[change.kind], ...row });
  }
  const rank = (key: string) => SECTION_ORDER.findIndex((p) => key === p || key.startsWith(p));
  const ordered = [...sections].sort((x, y) => rank(x[0]) - rank(y[0])).map(([, s]) => s);
  const measureCount = Object.keys(after.filing.measures).length;
  const changedMeasures = [...sections.keys()].filter((k) => k.startsWith('measures.')).length;
  const fixedSections = [
    ['application', '申請'],
    ['applicant', '申請者'],
    ['port', '港'],
    ['organization', '管理体制'],
  ] as const;
  const unchanged = [
    ...fixedSections.filter(([k]) => !sections.has(k)).map(([, t]) => t),
    ...after.filing.port.terminals.filter((t) => !sections.has(`terminal:${t.name}`)).map((t) => `ターミナル「${t.name}」`),
    ...(measureCount - changedMeasures > 0 ? [`措置 ${measureCount - changedMeasures}項目`] : []),
  ];
  return xmlSafeDeep({
    title: '事業計画 新旧対照表（TOSの概要及び情報セキュリティの確保に関する事項）',
    date: after.filing.application.filingDate,
    applicant: after.filing.applicant.name,
    before: { file: before.file, filingDate: before.filing.application.filingDate, port: before.port.name ?? before.filing.port.name },
    after: { file: after.file, filingDate: after.filing.application.filingDate, port: after.port.name ?? after.filing.port.name },
    alerts: diff.alerts.map((a) => a.text.ja),
    sections: ordered,
    unchanged,
    changeCount: diff.changes.length,
  });
}
