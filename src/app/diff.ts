import type { PortClassification } from '../catalog/classifyPort.ts';
import { type FilingDiff, diffFilings } from '../diff/diffFilings.ts';
import type { Filing } from '../model/filing.ts';
import { type DocumentFormat, writeDocuments } from '../render/registry.ts';
import { diffContext } from '../templates/diffContext.ts';
import { renderDocument } from '../templates/renderDocument.ts';
import type { CompiledTemplates } from '../templates/renderTemplates.ts';
import { type Finding, hasErrors } from '../validate/finding.ts';
import { checkFiling } from '../validate/validate.ts';
import { stemOf } from './build.ts';
import { carriedFiling, carrying } from './carry.ts';
import type { FilingSource, OutputFile } from './source.ts';

export type DiffSide = { file: string; filing: Filing; port: PortClassification };

export type DiffOutcome =
  | { status: 'invalid'; file: string; port: PortClassification | null; findings: Finding[] }
  | { status: 'compared'; before: DiffSide; after: DiffSide; diff: FilingDiff; outputs: OutputFile[] };

function judge(source: FilingSource): DiffOutcome | DiffSide {
  const { filing, port, findings } = checkFiling(source.data);
  if (!filing || !port || hasErrors(findings)) return { status: 'invalid', file: source.file, port, findings };
  return { file: source.file, filing, port };
}

/** Validates both filings, compares them, and makes the 新旧対照表 in the requested document formats. */
export async function compareFilings(
  before: FilingSource,
  after: FilingSource,
  options: { documents: readonly DocumentFormat[]; templates: CompiledTemplates },
): Promise<DiffOutcome> {
  const b = judge(before);
  if ('status' in b) return b;
  const a = judge(after);
  if ('status' in a) return a;
  const diff = diffFilings(b.filing, a.filing, { before: b.port, after: a.port });
  let outputs: OutputFile[] = [];
  if (options.documents.length) {
    const tree = carrying(renderDocument(options.templates, 'diff', diffContext(b, a, diff, options.templates)), {
      document: 'diff',
      before: carriedFiling(b.filing, before.data),
      after: carriedFiling(a.filing, after.data),
    });
    const stem = `${stemOf(after.file)}.diff`;
    outputs = (await writeDocuments(tree, options.documents)).map((d) => ({ name: `${stem}.${d.format}`, bytes: d.bytes }));
  }
  return { status: 'compared', before: b, after: a, diff, outputs };
}
