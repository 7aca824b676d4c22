import type { PortClassification } from '../catalog/classifyPort.ts';
import { requirementById } from '../catalog/requirements.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import type { Filing, MeasureStatus } from '../model/filing.ts';
import { formatPath } from '../validate/finding.ts';
import { enumLabel } from '../model/enums.ts';

/**
 * Field-by-field comparison of two filings. Lists are matched by what identifies their items (a terminal by
 * its name, a connection by its counterparty…), so that an inserted item is an addition, not a change to
 * every item after it, and a moved item is reported as reordered.
 */

type Key = string | number;

export interface Change {
  kind: 'added' | 'removed' | 'changed' | 'reordered';
  /** Where the value is in the after filing (for a removal: in the before filing). */
  path: string;
  /** Where it was in the before filing, when that differs from `path`. */
  beforePath: string | null;
  requirementId: string | null;
  before: unknown;
  after: unknown;
  /** Path segments, for labelling. */
  segments: Key[];
}

export interface Alert {
  code: string;
  requirementId: string | null;
  path: string | null;
  /** The alert in both languages; the caller shows the one it needs. Documents use Japanese. */
  text: { ja: string; en: string };
}

export interface FilingDiff {
  changes: Change[];
  alerts: Alert[];
}

/** Fields that identify a list item, tried in order. */
const IDENTITY_FIELDS = ['name', 'counterparty', 'vendor', 'organization', 'system', 'target', 'devices', 'role', 'function', 'carrier'];

export function identityOf(item: unknown): string | null {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return null;
  const record = item as Record<string, unknown>;
  if (typeof record.kind === 'string' && typeof record.name === 'string') return `${record.kind}:${record.name}`;
  for (const field of IDENTITY_FIELDS) if (typeof record[field] === 'string') return record[field] as string;
  return null;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function requirementOf(path: readonly Key[]): string | null {
  return path[0] === 'measures' && typeof path[1] === 'string' ? path[1] : null;
}

class Differ {
  readonly changes: Change[] = [];

  private push(kind: Change['kind'], path: Key[], before: unknown, after: unknown, beforePath: Key[] | null = null) {
    const p = formatPath(path);
    const bp = beforePath ? formatPath(beforePath) : null;
    this.changes.push({ kind, path: p, beforePath: bp === p ? null : bp, requirementId: requirementOf(path), before, after, segments: path });
  }

  value(before: unknown, after: unknown, path: Key[], beforePath: Key[] = path) {
    if (before === undefined && after === undefined) return;
    if (before === undefined) return this.push('added', path, undefined, after);
    if (after === undefined) return this.push('removed', beforePath, before, undefined);
    if (Array.isArray(before) && Array.isArray(after)) return this.array(before, after, path, beforePath);
    if (isObject(before) && isObject(after)) {
      const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
      for (const key of keys) this.value(before[key], after[key], [...path, key], [...beforePath, key]);
      return;
    }
    if (!equal(before, after)) this.push('changed', path, before, after, beforePath);
  }

  private array(before: unknown[], after: unknown[], path: Key[], beforePath: Key[]) {
    const unique = (xs: unknown[]) => new Set(xs.map(identityOf)).size === xs.length;
    const keyed = [...before, ...after].every((item) => identityOf(item) !== null) && unique(before) && unique(after);
    const primitive = [...before, ...after].every((item) => !isObject(item) && !Array.isArray(item));
    if (primitive) {
      const b = before.map((v) => JSON.stringify(v));
      const a = after.map((v) => JSON.stringify(v));
      after.forEach((v, i) => !b.includes(a[i]!) && this.push('added', [...path, i], undefined, v));
      before.forEach((v, i) => !a.includes(b[i]!) && this.push('removed', [...beforePath, i], v, undefined));
      const common = (xs: string[], ys: string[]) => xs.filter((x) => ys.includes(x));
      if (!equal(common(b, a), common(a, b))) this.push('reordered', path, before, after, beforePath);
      return;
    }
    if (!keyed) {
      const length = Math.max(before.length, after.length);
      for (let i = 0; i < length; i++) this.value(before[i], after[i], [...path, i], [...beforePath, i]);
      return;
    }
    const beforeIndex = new Map(before.map((item, i) => [identityOf(item)!, i]));
    const afterKeys = new Set(after.map((item) => identityOf(item)!));
    after.forEach((item, i) => {
      const j = beforeIndex.get(identityOf(item)!);
      if (j === undefined) this.push('added', [...path, i], undefined, item);
      else this.value(before[j], item, [...path, i], [...beforePath, j]);
    });
    before.forEach((item, j) => {
      if (!afterKeys.has(identityOf(item)!)) this.push('removed', [...beforePath, j], item, undefined);
    });
    const orderBefore = before.map((x) => identityOf(x)!).filter((k) => afterKeys.has(k));
    const orderAfter = after.map((x) => identityOf(x)!).filter((k) => beforeIndex.has(k));
    if (!equal(orderBefore, orderAfter)) this.push('reordered', path, orderBefore, orderAfter, beforePath);
  }
}

const STATUS_RANK: Record<MeasureStatus | 'missing', number> = {
  implemented: 3,
  alternative: 2,
  partial: 2,
  planned: 1,
  'not-applicable': 3,
  missing: 0,
};

const STATUS_LABEL: Record<MeasureStatus | 'missing', { ja: string; en: string }> = {
  implemented: { ja: '実施済み', en: 'implemented' },
  partial: { ja: '一部実施', en: 'partial' },
  planned: { ja: '実施予定', en: 'planned' },
  alternative: { ja: '代替措置', en: 'alternative' },
  'not-applicable': { ja: '該当なし', en: 'not applicable' },
  missing: { ja: '記載なし', en: 'not stated' },
};

const portLabel = (p: PortClassification) =>
  p.specified
    ? { ja: `${p.name}（特定の港）`, en: `${p.name} (specified port)` }
    : { ja: `${p.name ?? p.input}（特定の港以外）`, en: `${p.name ?? p.input} (general port)` };

function alertsOf(before: Filing, after: Filing, ports: { before: PortClassification; after: PortClassification }): Alert[] {
  const alerts: Alert[] = [];
  if (ports.before.specified !== ports.after.specified) {
    const was = new Set(requirementsFor(ports.before).map((r) => r.id));
    const now = requirementsFor(ports.after).map((r) => r.id);
    const added = now.filter((id) => !was.has(id));
    alerts.push({
      code: 'PORT_CLASS_CHANGED',
      requirementId: null,
      path: 'port.name',
      text: {
        ja: `港の区分が変わります：${portLabel(ports.before).ja} → ${portLabel(ports.after).ja}。` + (added.length ? `新たに記載が必要な要件：${added.map((id) => `「${requirementById(id)!.title}」`).join('、')}` : '特定の港のみの要件は必須でなくなります。'),
        en: `The port class changes: ${portLabel(ports.before).en} → ${portLabel(ports.after).en}.` + (added.length ? ` Newly mandatory: ${added.join(', ')}` : ' Specified-port items are no longer mandatory.'),
      },
    });
  }
  const applicable = new Set(requirementsFor(ports.after).map((r) => r.id));
  for (const id of applicable) {
    const b = (before.measures[id]?.status ?? 'missing') as MeasureStatus | 'missing';
    const a = (after.measures[id]?.status ?? 'missing') as MeasureStatus | 'missing';
    if (STATUS_RANK[a] < STATUS_RANK[b]) {
      alerts.push({
        code: 'REQUIREMENT_STATUS_WORSENED',
        requirementId: id,
        path: `measures.${id}`,
        text: {
          ja: `「${requirementById(id)!.title}」の実施状況が後退します：${STATUS_LABEL[b].ja} → ${STATUS_LABEL[a].ja}`,
          en: `${id} gets worse: ${STATUS_LABEL[b].en} → ${STATUS_LABEL[a].en}`,
        },
      });
    }
  }
  const terminalsBefore = new Map(before.port.terminals.map((t) => [t.name, t]));
  after.port.terminals.forEach((t, i) => {
    const old = terminalsBefore.get(t.name);
    const base = `port.terminals[${i}]`;
    if (!old) {
      alerts.push({ code: 'TERMINAL_ADDED', requirementId: null, path: base, text: { ja: `ターミナル「${t.name}」が追加されます。`, en: `Terminal "${t.name}" is added.` } });
      return;
    }
    if (old.tos.ownership.owner !== t.tos.ownership.owner || old.tos.ownership.applicantRole !== t.tos.ownership.applicantRole)
      alerts.push({
        code: 'TOS_OWNER_CHANGED',
        requirementId: null,
        path: `${base}.tos.ownership`,
        text: {
          ja: `ターミナル「${t.name}」のTOSの所有者が変わります：${old.tos.ownership.owner} → ${t.tos.ownership.owner}`,
          en: `The owner of the TOS at "${t.name}" changes: ${old.tos.ownership.owner} → ${t.tos.ownership.owner}`,
        },
      });
    if (old.tos.systemName !== t.tos.systemName || old.tos.developer !== t.tos.developer)
      alerts.push({
        code: 'TOS_REPLACED',
        requirementId: null,
        path: `${base}.tos.systemName`,
        text: {
          ja: `ターミナル「${t.name}」のTOSが変わります：${old.tos.systemName}（${old.tos.developer}） → ${t.tos.systemName}（${t.tos.developer}）`,
          en: `The TOS at "${t.name}" changes: ${old.tos.systemName} (${old.tos.developer}) → ${t.tos.systemName} (${t.tos.developer})`,
        },
      });
    if (old.tos.hosting.kind !== t.tos.hosting.kind)
      alerts.push({
        code: 'HOSTING_CHANGED',
        requirementId: null,
        path: `${base}.tos.hosting.kind`,
        text: {
          ja: `ターミナル「${t.name}」のTOSの設置形態が変わります：${enumLabel('hostingKind', old.tos.hosting.kind)} → ${enumLabel('hostingKind', t.tos.hosting.kind)}`,
          en: `The hosting of the TOS at "${t.name}" changes: ${old.tos.hosting.kind} → ${t.tos.hosting.kind}`,
        },
      });
    const known = new Set(old.tos.externalConnections.map((c) => c.counterparty));
    t.tos.externalConnections.forEach((c, j) => {
      if (!known.has(c.counterparty))
        alerts.push({
          code: 'EXTERNAL_CONNECTION_ADDED',
          requirementId: 'ext-source-ip-restriction',
          path: `${base}.tos.externalConnections[${j}]`,
          text: {
            ja: `ターミナル「${t.name}」に外部接続「${c.counterparty}」（${enumLabel('connectionMethod', c.method)}）が追加されます。接続元の限定・認証・ログ等の措置が及ぶか確認してください。`,
            en: `External connection "${c.counterparty}" (${c.method}) is added at "${t.name}"; check that source restriction, authentication and logging cover it.`,
          },
        });
    });
  });
  for (const t of before.port.terminals)
    if (!after.port.terminals.some((x) => x.name === t.name))
      alerts.push({ code: 'TERMINAL_REMOVED', requirementId: null, path: null, text: { ja: `ターミナル「${t.name}」がなくなります。`, en: `Terminal "${t.name}" is removed.` } });
  return alerts;
}

export function diffFilings(before: Filing, after: Filing, ports: { before: PortClassification; after: PortClassification }): FilingDiff {
  const differ = new Differ();
  const { note: _b, ...b } = before;
  const { note: _a, ...a } = after;
  differ.value(b, a, []);
  return { changes: differ.changes, alerts: alertsOf(before, after, ports) };
}
