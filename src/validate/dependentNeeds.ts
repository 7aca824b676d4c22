import type { RequirementId } from '../catalog/requirements.ts';
import type { Key } from '../model/schemaWalk.ts';
import { type Finding, type FindingCode, type FindingParams, type Severity, finding } from './finding.ts';

type Part = Record<string, unknown>;

/**
 * A field whose need depends on another value: where it is (its part, `*` for any item of a list), when it is
 * asked for (read from the filing in canonical values) and what its absence is. The validator raises the
 * findings from this table and the editor marks each field 必須 or 任意 from it, so the two never disagree.
 * (A measure's fields follow its 実施状況: measureStatusAsks.ts.)
 */
export interface DependentNeed {
  part: readonly (string | '*')[];
  field: string;
  severity: Extract<Severity, 'error' | 'warning'>;
  code: FindingCode;
  asks: (part: Part, filing: Part) => boolean;
  params?: (part: Part) => FindingParams;
  requirementId?: RequirementId;
}

const isRecord = (v: unknown): v is Part => v !== null && typeof v === 'object' && !Array.isArray(v);
const changeApplication = (filing: Part) => isRecord(filing.application) && filing.application.kind !== undefined && filing.application.kind !== 'new-license';

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
    requirementId: 'ext-source-ip-restriction',
  },
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
      if (!need.asks(part, filing) || !blank(part[need.field])) continue;
      const f = finding(need.severity, need.code, at, need.params?.(part) ?? {}, need.requirementId ?? null);
      if (!skip.has(f.path)) out.push(f);
    }
  }
  return out;
}

/** For the editor: whether the field at a path depends on another value, and if so whether it is asked for now. */
export function dependentNeedAt(filing: unknown, path: readonly Key[]): { need: DependentNeed; asked: boolean } | null {
  const need = DEPENDENT_NEEDS.find((n) => n.field === path.at(-1) && n.part.length === path.length - 1 && n.part.every((k, i) => (k === '*' ? typeof path[i] === 'number' : k === path[i])));
  if (!need) return null;
  let part: unknown = filing;
  for (const key of path.slice(0, -1)) part = isRecord(part) || Array.isArray(part) ? (part as Record<Key, unknown>)[key] : undefined;
  return { need, asked: isRecord(filing) && need.asks(isRecord(part) ? part : {}, filing) };
}
