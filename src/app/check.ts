import type { SourceRead } from '../readers/readSource.ts';
import { documentFindings } from '../validate/documentFindings.ts';
import { sortFindings } from '../validate/finding.ts';
import { type CheckResult, checkFiling } from '../validate/validate.ts';

/**
 * `validate` for anything a reader gave: the filing's findings, and for a .pdf/.docx the findings about the
 * document itself (its text edited since it was made; a redacted copy).
 */
export function checkRead(read: Extract<SourceRead, { ok: true }>): CheckResult {
  const checked = checkFiling(read.data);
  return { ...checked, findings: sortFindings([...checked.findings, ...documentFindings(read.carrier)]) };
}
