import { classifyPort } from '../catalog/classifyPort.ts';
import { REQUIREMENTS, type RequirementId } from '../catalog/requirements.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { normalizeInput } from '../model/normalizeInput.ts';
import { type DocumentFacts, documentFindings } from '../validate/documentFindings.ts';
import { type Finding, countBySeverity, sortFindings } from '../validate/finding.ts';
import { checkFiling } from '../validate/validate.ts';
import { type FilingFacts, NO_FACTS, filingFacts } from './filingFacts.ts';

/**
 * The examiner's review: every filing validated, one row per filing, one column per requirement.
 * A file that cannot be read is reported in its row and does not stop the others.
 */

export const CELL = { implemented: '✓', progressing: '△', notApplicable: '—', missing: '✗', screened: '○', blank: '' } as const;
export type Cell = (typeof CELL)[keyof typeof CELL];

export interface ReviewRow extends FilingFacts {
  file: string;
  /** ok: validated (it may still have findings); invalid: wrong shape; unreadable: missing file or YAML error. */
  state: 'ok' | 'invalid' | 'unreadable';
  operator: string | null;
  port: string | null;
  specified: boolean | null;
  errors: number;
  warnings: number;
  cells: Record<RequirementId, Cell>;
  findings: Finding[];
  /** Why the file could not be read. */
  problem: string | null;
  filingDate: string | null;
  /** The bureau the filing is addressed to when `review --bureau` names another one, else null. */
  otherBureau: string | null;
  /** A plan tos-filing did not make: its marks are a screening of the text (○ found, ✗ not found), not declared. */
  screened: boolean;
}

export function emptyCells(): Record<RequirementId, Cell> {
  return Object.fromEntries(REQUIREMENTS.map((r) => [r.id, CELL.blank])) as Record<RequirementId, Cell>;
}

/** A requirement's cell from the status written for it (or none), judged at a port of the given class. */
function cellsOf(statusOf: (id: RequirementId) => string | undefined, specified: boolean): Record<RequirementId, Cell> {
  const cells = emptyCells();
  for (const req of requirementsFor({ specified })) {
    const status = statusOf(req.id);
    cells[req.id] =
      status === undefined
        ? CELL.missing
        : status === 'implemented'
          ? CELL.implemented
          : status === 'not-applicable'
            ? CELL.notApplicable
            : ['partial', 'planned', 'alternative'].includes(status)
              ? CELL.progressing
              : CELL.blank;
  }
  return cells;
}

/** The status a measure of a filing that does not parse as a whole gives (after the usual normalisation). */
function writtenStatus(data: unknown, id: RequirementId): string | undefined {
  const measures = (normalizeInput(data) as { measures?: Record<string, { status?: unknown } | undefined> } | null)?.measures;
  const measure = measures && typeof measures === 'object' && Object.hasOwn(measures, id) ? measures[id] : undefined;
  if (measure === undefined) return undefined;
  return typeof measure?.status === 'string' ? measure.status : '';
}

/** What a reader gave for one file: the data (and, for a .pdf/.docx, what it found about the document), or why not. */
export type RowRead = { ok: false; message: string } | { ok: true; data: unknown; carrier?: DocumentFacts };

/** One filing's row, from what reading it gave (a .pdf/.docx reader also tells about the document: `carrier`). */
export function reviewRow(file: string, read: RowRead): ReviewRow {
  if (!read.ok) {
    return {
      file,
      state: 'unreadable',
      operator: null,
      port: null,
      specified: null,
      errors: 1,
      warnings: 0,
      cells: emptyCells(),
      findings: [],
      problem: read.message,
      filingDate: null,
      ...NO_FACTS,
      otherBureau: null,
      screened: false,
    };
  }
  const checked = checkFiling(read.data);
  const { filing, port } = checked;
  const findings = sortFindings([...checked.findings, ...documentFindings(read.carrier)]);
  const counts = countBySeverity(findings);
  const raw = read.data as { applicant?: { name?: unknown }; port?: { name?: unknown } };
  const portName = port?.name ?? (typeof raw.port?.name === 'string' ? raw.port.name : null);
  return {
    file,
    state: filing ? 'ok' : 'invalid',
    operator: filing?.applicant.name ?? (typeof raw.applicant?.name === 'string' ? raw.applicant.name : null),
    port: portName,
    specified: port && port.name !== null ? port.specified : portName ? classifyPort(portName).specified : null,
    errors: counts.error,
    warnings: counts.warning,
    cells: filing && port
      ? cellsOf((id) => filing.measures[id]?.status, port.specified)
      : port
        ? cellsOf((id) => writtenStatus(read.data, id), port.specified)
        : emptyCells(),
    findings,
    problem: null,
    filingDate: filing?.application.filingDate ?? null,
    ...filingFacts(read.data),
    otherBureau: null,
    screened: false,
  };
}


/** Rows for files already read, in order. */
export function reviewRows(reads: readonly { file: string; read: RowRead }[], onProgress?: (done: number, total: number, file: string) => void): ReviewRow[] {
  return reads.map(({ file, read }, i) => {
    onProgress?.(i + 1, reads.length, file);
    return reviewRow(file, read);
  });
}
