import type { RequirementId } from '../catalog/requirements.ts';
import type { Key } from '../model/schemaWalk.ts';

export type Severity = 'error' | 'warning' | 'info';

export const FINDING_CODES = [
  'MEASURE_MISSING',
  'MEASURE_NOT_REQUIRED_HERE',
  'MEASURE_DESCRIPTION_MISSING',
  'MEASURE_PLANNED_DATE_MISSING',
  'MEASURE_PLANNED_DATE_PAST',
  'MEASURE_REASON_MISSING',
  'MEASURE_NOT_APPLICABLE_UNSUPPORTED',
  'MEASURE_NOT_APPLICABLE_CONTRADICTED',
  'MEASURE_DETAIL_MISSING',
  'MEASURE_IMPORTED',
  'CONNECTION_SOURCE_UNRESTRICTED',
  'CONNECTION_NO_FIREWALL',
  'TOS_OWNER_ASSURANCE_MISSING',
  'PORT_UNKNOWN',
  'PORT_UNLISTED',
  'PORT_UNLISTED_BUT_KNOWN',
  'PORT_NOT_DESIGNATED',
  'PORT_UNLISTED_LOOKS_LIKE',
  'PORT_PREFECTURE_UNKNOWN',
  'TERMINAL_NOT_CONTAINER',
  'LICENSE_MISSING',
  'CHANGE_SUMMARY_MISSING',
  'CSIRT_MISSING',
  'MANUAL_OPERATION_IMPOSSIBLE',
  // the 代理人 who prepares and submits the filing (agentFindings.ts)
  'AGENT_NAME_MISSING',
  'AGENT_REGISTRATION_NUMBER_INVALID',
  'OFFICE_FILE_NOT_FILING',
  'TEXT_CONTROL_CHARACTER',
  'TEXT_BIDI_CONTROL',
  'SCHEMA_UNKNOWN_FIELD',
  'SCHEMA_REQUIRED',
  'SCHEMA_INVALID',
  // plausibility checks examiners make by eye (plausibility.ts)
  'ADDRESSEE_WRONG_BUREAU',
  'ADDRESSEE_NO_BUREAU',
  'ADDRESSEE_NOT_PREFECTURE_BUREAU',
  'REMOVABLE_MEDIA_PURPOSE_MISSING',
  'CONTRACT_CLAUSE_MISSING',
  'MEASURE_PLANNED_AFTER_TARGET',
  // what reading a .pdf/.docx found (documentFindings.ts)
  'DOCUMENT_TEXT_CHANGED',
  'DOCUMENT_REDACTED',
  // the screening of a plan tos-filing did not make (review/screening.ts)
  'PLAN_SCREENED',
  'PLAN_PORT_UNREAD',
  'PLAN_NO_REQUIREMENT',
  'PLAN_REQUIREMENT_FOUND',
  'PLAN_REQUIREMENT_NOT_FOUND',
  // what the examiner's review adds (review --bureau)
  'ADDRESSED_TO_OTHER_BUREAU',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

/** Values a message is written from; kept as data so that the language is chosen when it is shown. */
export type FindingParams = Record<string, string | number | boolean | readonly string[] | null | undefined>;

/**
 * What the validator found: a code, where, and the facts its message is written from. The text is produced by
 * `findingMessage(finding, lang)` when it is shown (src/validate/messages.ts).
 */
export interface Finding {
  severity: Severity;
  code: FindingCode;
  requirementId: RequirementId | null;
  /** Field path in the filing, e.g. port.terminals[0].tos.externalConnections[1].sourceRestriction */
  path: string;
  /** The same path as keys, for the editor and the documents. */
  segments: Key[];
  params: FindingParams;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

export function finding(
  severity: Severity,
  code: FindingCode,
  segments: readonly Key[],
  params: FindingParams = {},
  requirementId: RequirementId | null = null,
): Finding {
  return { severity, code, requirementId, path: formatPath(segments), segments: [...segments], params };
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
