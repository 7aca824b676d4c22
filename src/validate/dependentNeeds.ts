import { type RequirementId, requirementById } from '../catalog/requirements.ts';
import type { EnumValue } from '../model/enums.ts';
import type { Key } from '../model/schemaWalk.ts';
import { type Finding, type FindingCode, type FindingParams, type Severity, finding } from './finding.ts';

type Part = Record<string, unknown>;

/**
 * A field whose need depends on another value: where it is (its part, `*` for any item of a list), when it is
 * asked for (read from the filing in canonical values) and what its absence is. The validator raises the
 * findings from this table and the editor marks each field 必須 or 任意 from it, so the two never disagree.
 * `*` stands for any item of a list or any entry of a map (the measures, by requirement).
 */
export interface DependentNeed {
  part: readonly (string | '*')[];
  field: string;
  severity: Extract<Severity, 'error' | 'warning'>;
  code: FindingCode;
  /** `path`: of the part. */
  asks: (part: Part, filing: Part, path: readonly Key[]) => boolean;
  params?: (part: Part, path: readonly Key[]) => FindingParams;
  requirementId?: (path: readonly Key[]) => RequirementId;
}

const isRecord = (v: unknown): v is Part => v !== null && typeof v === 'object' && !Array.isArray(v);
const changeApplication = (filing: Part) => isRecord(filing.application) && filing.application.kind !== undefined && filing.application.kind !== 'new-license';

type MeasureStatus = EnumValue<'measureStatus'>;

/**
 * What each 実施状況 asks a measure to say besides itself: what is done (all but 該当なし), the date a planned
 * measure starts, and why a measure is partial, replaced or not applicable.
 */
const STATUS_ASKS: Record<'description' | 'plannedDate' | 'reason', readonly MeasureStatus[]> = {
  description: ['implemented', 'partial', 'planned', 'alternative'],
  plannedDate: ['planned'],
  reason: ['partial', 'alternative', 'not-applicable'],
};

/** A field of a measure its status asks for; a measure of no requirement the catalog knows asks for nothing. */
const measureNeed = (field: keyof typeof STATUS_ASKS, code: FindingCode, withStatus = false): DependentNeed => ({
  part: ['measures', '*'],
  field,
  severity: 'error',
  code,
  asks: (p, _f, path) => requirementById(String(path[1])) !== undefined && (STATUS_ASKS[field] as readonly unknown[]).includes(p.status),
  params: (p, path) => ({ requirement: String(path[1]), ...(withStatus ? { status: String(p.status) } : {}) }),
  requirementId: (path) => path[1] as RequirementId,
});

export const DEPENDENT_NEEDS: readonly DependentNeed[] = [
  { part: ['applicant'], field: 'existingLicense', severity: 'error', code: 'LICENSE_MISSING', asks: (_p, f) => changeApplication(f) },
  { part: ['application'], field: 'changeSummary', severity: 'warning', code: 'CHANGE_SUMMARY_MISSING', asks: (_p, f) => changeApplication(f) },
  {
    part: ['port', 'terminals', '*', 'tos', 'ownership'],
    field: 'assurance',
    severity: 'error',
    code: 'TOS_OWNER_ASSURANCE_MISSING',
    asks: (p) => p.applicantRole === 'user',
    params: (p) => ({ owner: typeof p.owner === 'string' ? p.owner : '' }),
  },
  {
    part: ['port', 'terminals', '*', 'tos', 'externalConnections', '*'],
    field: 'sourceRestriction',
    severity: 'error',
    code: 'CONNECTION_SOURCE_UNRESTRICTED',
    asks: (p) => p.method === 'vpn' || p.method === 'internet',
    params: (p) => ({ counterparty: typeof p.counterparty === 'string' ? p.counterparty : '', method: typeof p.method === 'string' ? p.method : '' }),
    requirementId: () => 'ext-source-ip-restriction',
  },
  measureNeed('description', 'MEASURE_DESCRIPTION_MISSING'),
  measureNeed('plannedDate', 'MEASURE_PLANNED_DATE_MISSING'),
  measureNeed('reason', 'MEASURE_REASON_MISSING', true),
];

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Every part the pattern names in the filing, with its path. */
function partsAt(filing: unknown, pattern: readonly (string | '*')[]): { path: Key[]; part: Part }[] {
  let found: { path: Key[]; value: unknown }[] = [{ path: [], value: filing }];
  for (const key of pattern) {
    const next: typeof found = [];
    for (const { path, value } of found) {
      if (key === '*') {
        if (Array.isArray(value)) value.forEach((item, i) => next.push({ path: [...path, i], value: item }));
        else if (isRecord(value)) for (const [k, item] of Object.entries(value)) next.push({ path: [...path, k], value: item });
      } else if (isRecord(value) && Object.hasOwn(value, key)) next.push({ path: [...path, key], value: value[key] });
    }
    found = next;
  }
  return found.filter((f): f is { path: Key[]; part: Part } & { value: Part } => isRecord(f.value)).map((f) => ({ path: f.path, part: f.value as Part }));
}

/** The findings for every dependent field asked for and left blank (skipping paths that already have one). */
export function dependentNeedFindings(filing: unknown, skip: ReadonlySet<string> = new Set()): Finding[] {
  if (!isRecord(filing)) return [];
  const out: Finding[] = [];
  for (const need of DEPENDENT_NEEDS) {
    for (const { path, part } of partsAt(filing, need.part)) {
      const at = [...path, need.field];
      if (!need.asks(part, filing, path) || !blank(part[need.field])) continue;
      const f = finding(need.severity, need.code, at, need.params?.(part, path) ?? {}, need.requirementId?.(path) ?? null);
      if (!skip.has(f.path)) out.push(f);
    }
  }
  return out;
}

/** For the editor: whether the field at a path depends on another value, and if so whether it is asked for now. */
export function dependentNeedAt(filing: unknown, path: readonly Key[]): { need: DependentNeed; asked: boolean } | null {
  const need = DEPENDENT_NEEDS.find((n) => n.field === path.at(-1) && n.part.length === path.length - 1 && n.part.every((k, i) => (k === '*' ? path[i] !== undefined : k === path[i])));
  if (!need) return null;
  let part: unknown = filing;
  for (const key of path.slice(0, -1)) part = isRecord(part) || Array.isArray(part) ? (part as Record<Key, unknown>)[key] : undefined;
  return { need, asked: isRecord(filing) && need.asks(isRecord(part) ? part : {}, filing, path.slice(0, -1)) };
}

/** Whether a measure's status asks for one of its fields (the table's own rule, for rules that build on it). */
export function statusAsks(status: MeasureStatus, field: keyof typeof STATUS_ASKS): boolean {
  return STATUS_ASKS[field].includes(status);
}
