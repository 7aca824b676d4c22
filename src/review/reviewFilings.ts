import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { classifyPort } from '../catalog/classifyPort.ts';
import { REQUIREMENTS, type RequirementId } from '../catalog/requirements.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { readFiling } from '../io/readFiling.ts';
import type { Filing } from '../model/filing.ts';
import { countBySeverity } from '../report/findingsReport.ts';
import type { Finding } from '../validate/finding.ts';
import { checkFiling } from '../validate/validate.ts';

/**
 * The examiner's review: every filing validated, one row per filing, one column per requirement.
 * A file that cannot be read is reported in its row and does not stop the others.
 */

export const CELL = { implemented: '✓', progressing: '△', notApplicable: '—', missing: '✗', blank: '' } as const;
export type Cell = (typeof CELL)[keyof typeof CELL];

export interface ReviewRow {
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
}

const FILING_EXTENSIONS = /\.(ya?ml|json)$/i;

const realPath = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
};

/** The names review writes into its output folder that it could otherwise read back as a filing. */
const OWN_OUTPUTS = new Set(['review.json']);

/**
 * The filing files named by the arguments: files as given, folders searched recursively, in a stable order.
 * The output folder is never searched when it lies inside a searched folder, and when it is a searched
 * folder itself, review's own outputs in it are left out, so that a second run does not review the first
 * run's review.json. Symbolic links to folders are not followed (no loops).
 */
export function collectFilingFiles(inputs: readonly string[], options: { outDir?: string } = {}): string[] {
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
      else if (FILING_EXTENSIONS.test(entry.name) && !(real !== null && real === outReal && OWN_OUTPUTS.has(entry.name))) out.push(path);
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

function cellsOf(filing: Filing, specified: boolean): Record<RequirementId, Cell> {
  const cells = emptyCells();
  for (const req of requirementsFor({ specified })) {
    const id = req.id as RequirementId;
    const status = filing.measures[id]?.status;
    cells[id] =
      status === undefined
        ? CELL.missing
        : status === 'implemented'
          ? CELL.implemented
          : status === 'not-applicable'
            ? CELL.notApplicable
            : CELL.progressing;
  }
  return cells;
}

export function reviewFile(file: string): ReviewRow {
  const read = readFiling(file);
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
    };
  }
  const { filing, port, findings } = checkFiling(read.data);
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
    cells: filing && port ? cellsOf(filing, port.specified) : emptyCells(),
    findings,
    problem: null,
    filingDate: filing?.application.filingDate ?? null,
  };
}

export function reviewFiles(files: readonly string[], onProgress?: (done: number, total: number, file: string) => void): ReviewRow[] {
  return files.map((file, i) => {
    onProgress?.(i + 1, files.length, file);
    return reviewFile(file);
  });
}
