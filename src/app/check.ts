import type { SourceRead } from '../readers/readSource.ts';
import { screenFindings } from './screening.ts';
import { documentFindings } from '../validate/documentFindings.ts';
import { sortFindings } from '../validate/finding.ts';
import { type CheckResult, checkFiling } from '../validate/validate.ts';

/**
 * `validate` for anything a reader gave: the filing's findings, and for a .pdf/.docx the findings about the
 * document itself (its text edited since it was made; a redacted copy). A plan tos-filing did not make is screened:
 * what its text describes and which requirements it seems to lack (review/screening.ts), not the draft's blanks.
 */
export function checkRead(read: Extract<SourceRead, { ok: true }>): CheckResult {
  const plan = read.carrier?.handTyped;
  if (plan) {
    const { port, findings } = screenFindings(plan);
    return { filing: null, port, findings };
  }
  const checked = checkFiling(read.data);
  return { ...checked, findings: sortFindings([...checked.findings, ...documentFindings(read.carrier)]) };
}
