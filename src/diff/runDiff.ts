import { basename, extname, join } from 'node:path';
import type { PortClassification } from '../catalog/classifyPort.ts';
import { type OutputFormat, renderDocument, renderOutputs } from '../build/renderDocument.ts';
import { readFiling } from '../io/readFiling.ts';
import { writeOutputs } from '../io/writeAtomically.ts';
import type { Filing } from '../model/filing.ts';
import type { CompiledTemplates } from '../templates/renderTemplates.ts';
import { type Finding, hasErrors } from '../validate/finding.ts';
import { checkFiling } from '../validate/validate.ts';
import { diffContext } from './diffContext.ts';
import { type FilingDiff, diffFilings } from './diffFilings.ts';

export type DiffSide = { file: string; filing: Filing; port: PortClassification };

export type DiffResult =
  | { status: 'unreadable'; file: string; message: string }
  | { status: 'invalid'; file: string; port: PortClassification | null; findings: Finding[] }
  | { status: 'compared'; before: DiffSide; after: DiffSide; diff: FilingDiff; written: string[] };

function load(file: string): DiffResult | DiffSide {
  const read = readFiling(file);
  if (!read.ok) return { status: 'unreadable', file, message: read.message };
  const { filing, port, findings } = checkFiling(read.data);
  if (!filing || !port || hasErrors(findings)) return { status: 'invalid', file, port, findings };
  return { file, filing, port };
}

/** Validates both filings, compares them, and writes the 新旧対照表 in the requested document formats. */
export async function runDiff(
  beforeFile: string,
  afterFile: string,
  options: { outDir: string; documents: readonly OutputFormat[]; templates: CompiledTemplates },
): Promise<DiffResult> {
  const before = load(beforeFile);
  if ('status' in before) return before;
  const after = load(afterFile);
  if ('status' in after) return after;
  const diff = diffFilings(before.filing, after.filing, { before: before.port, after: after.port });
  let written: string[] = [];
  if (options.documents.length) {
    const tree = renderDocument(options.templates, 'diff', diffContext(before, after, diff));
    const outputs = await renderOutputs(tree, options.documents);
    const stem = `${basename(afterFile, extname(afterFile))}.diff`;
    const files = [...outputs].map(([format, bytes]) => ({ path: join(options.outDir, `${stem}.${format}`), bytes }));
    await writeOutputs(files, { inputs: [beforeFile, afterFile] });
    written = files.map((f) => f.path);
  }
  return { status: 'compared', before, after, diff, written };
}
