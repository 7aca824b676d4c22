import type * as z from 'zod';
import { REQUIREMENT_IDS, type RequirementId } from '../catalog/requirements.ts';
import { fieldAt, type Key } from '../model/schemaWalk.ts';
import { closest } from '../util/closest.ts';
import { agentNameParams } from './agentFindings.ts';
import { type Finding, type FindingCode, type FindingParams, finding } from './finding.ts';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function typeOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const requirementOf = (path: readonly PropertyKey[]): RequirementId | null =>
  path[0] === 'measures' && (REQUIREMENT_IDS as readonly unknown[]).includes(path[1]) ? (path[1] as RequirementId) : null;

/** The facts of a zod issue that a message needs; zod's own wording never reaches a person. */
function issueParams(issue: z.core.$ZodIssue, value: unknown, path: Key[]): FindingParams {
  const field = fieldAt(path);
  const base = { label: field?.label, received: typeof value === 'string' ? value.slice(0, 80) : undefined };
  switch (issue.code) {
    case 'invalid_type':
      return { ...base, issue: 'invalid_type', expected: issue.expected, received: typeOfValue(value) };
    case 'too_small':
      return { ...base, issue: 'too_small', origin: issue.origin, minimum: Number(issue.minimum) };
    case 'too_big':
      return { ...base, issue: 'too_big', origin: issue.origin, maximum: Number(issue.maximum) };
    case 'invalid_value':
      return { ...base, issue: 'invalid_value', options: issue.values.map(String), enumName: field?.enumName };
    case 'invalid_format':
      return { ...base, issue: issue.format === 'date' ? 'date' : issue.format === 'email' ? 'email' : 'format' };
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, unknown>;
      if (params.dateRange) return { ...base, issue: 'date' };
      if (params.corporateNumber) return { ...base, issue: `corporateNumber.${String(params.corporateNumber)}` };
      return { ...base, issue: 'custom' };
    }
    default:
      return { ...base, issue: issue.code };
  }
}

/** Required fields whose absence has its own finding, whose message says whose field it is (「代理人の氏名」). */
const OWN_REQUIRED: Record<string, { code: FindingCode; params: (data: unknown) => FindingParams }> = {
  'agent.name': { code: 'AGENT_NAME_MISSING', params: (data) => agentNameParams(valueAt(data, ['agent'])) },
};

/** Turns zod issues into findings that name the field path, the field's label and what is expected. */
export function schemaFindings(issues: readonly z.core.$ZodIssue[], data: unknown): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const issue of issues) {
    const path = issue.path as Key[];
    if (issue.code === 'unrecognized_keys') {
      const known = fieldAt(path)?.fields ?? [];
      for (const key of issue.keys)
        findings.push(finding('error', 'SCHEMA_UNKNOWN_FIELD', [...path, key], { key, suggestions: closest(key, known) }, requirementOf(path)));
      continue;
    }
    const value = valueAt(data, path);
    // an empty text ("" or blanks, as the init skeleton leaves them) is a missing value in substance
    const missing = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    const key = path.join('\u0000');
    if (reported.has(key)) continue; // one finding a field: a failed date format does not also fail its range
    reported.add(key);
    const own = missing ? OWN_REQUIRED[path.join('.')] : undefined;
    if (own) {
      findings.push(finding('error', own.code, path, own.params(data)));
      continue;
    }
    const params = issueParams(issue, value, path);
    if (missing && fieldAt(path)?.kind === 'array') params.list = true;
    findings.push(finding('error', missing ? 'SCHEMA_REQUIRED' : 'SCHEMA_INVALID', path, params, requirementOf(path)));
  }
  return findings;
}
