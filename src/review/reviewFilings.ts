import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

export const CELL = { implemented: '✓', progressing: '△', notApplicable: '—', missing: '✗', blank: '' } as const;
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
}

const FILING_EXTENSIONS = /\.(ya?ml|json)$/i;
/** Documents made by tos-filing carry their filing: a folder of received documents can be reviewed as it is. */
const WITH_DOCUMENTS = /\.(ya?ml|json|pdf|docx)$/i;

const realPath = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
};

/** The names review writes into its output folder that it could otherwise read back as a filing. */
const OWN_OUTPUTS = new Set(['review.json', 'review.pdf', 'review.docx']);

/**
 * The filing files named by the arguments: files as given, folders searched recursively, in a stable order.
 * The output folder is never searched when it lies inside a searched folder, and when it is a searched
 * folder itself, review's own outputs in it are left out, so that a second run does not review the first
 * run's review.json. Symbolic links to folders are not followed (no loops).
 */
export function collectFilingFiles(inputs: readonly string[], options: { outDir?: string; documents?: boolean } = {}): string[] {
  const wanted = options.documents ? WITH_DOCUMENTS : FILING_EXTENSIONS;
  const out: string[] = [];
  const outReal = options.outDir === undefined ? null : realPath(options.outDir);
  const walk = (dir: string, top: boolean) => {
    const real = realPath(dir);
    if (!top && real !== null && real === outReal) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      out.push(dir); // reported in its row as unreadable
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, false);
      else if (wanted.test(entry.name) && !(real !== null && real === outReal && OWN_OUTPUTS.has(entry.name))) out.push(path);
    }
  };
  for (const input of inputs) {
    let isFolder = false;
    try {
      isFolder = statSync(input).isDirectory();
    } catch {
      // a missing or unreachable file is reported in its row
    }
    if (isFolder) walk(input, true);
    else out.push(input); // a missing file is reported in its row
  }
  return out;
}

function emptyCells(): Record<RequirementId, Cell> {
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
  };
}

/** Rows for files already read, in order. */
export function reviewRows(reads: readonly { file: string; read: RowRead }[], onProgress?: (done: number, total: number, file: string) => void): ReviewRow[] {
  return reads.map(({ file, read }, i) => {
    onProgress?.(i + 1, reads.length, file);
    return reviewRow(file, read);
  });
}
