import { basename, extname, join } from 'node:path';
import type { PortClassification } from '../catalog/classifyPort.ts';
import type { DocumentTree } from '../document/tree.ts';
import { readFiling } from '../io/readFiling.ts';
import { writeOutputs } from '../io/writeAtomically.ts';
import type { Filing } from '../model/filing.ts';
import { type OutputFormat, renderDocument, renderOutputs } from './renderDocument.ts';
import { templateContext } from '../templates/context.ts';
import { type CompiledTemplates, compileTemplates } from '../templates/renderTemplates.ts';
import { type Finding, hasErrors } from '../validate/finding.ts';
import { checkFiling } from '../validate/validate.ts';
import { fillTextGaps } from './draftGaps.ts';


export interface BuildOptions {
  outDir: string;
  formats: readonly OutputFormat[];
  templates?: CompiledTemplates;
  draft?: boolean;
  docxFont?: string;
}

export type BuildResult =
  | { status: 'unreadable'; file: string; message: string }
  | { status: 'invalid'; file: string; port: PortClassification | null; findings: Finding[] }
  | { status: 'built'; file: string; port: PortClassification; findings: Finding[]; written: string[] };

/** The document tree of a valid (or, for a draft, gap-filled) filing. */
export function buildTreeOf(filing: Filing, port: PortClassification, findings: readonly Finding[], draft: boolean, templates: CompiledTemplates): DocumentTree {
  return renderDocument(templates, 'filing', templateContext(filing, port, findings, draft));
}

/**
 * Validates, then writes <outDir>/<input name>.docx and .pdf. With errors nothing is written, unless this is a
 * draft, which marks the gaps in place. All outputs are made in memory first and then renamed into place.
 */
export async function buildFiling(file: string, options: BuildOptions): Promise<BuildResult> {
  const read = readFiling(file);
  if (!read.ok) return { status: 'unreadable', file, message: read.message };
  return buildFilingData(file, read.data, options);
}

/** The same as buildFiling, for filing data already read (`file` names the outputs and the reports). */
export async function buildFilingData(file: string, data: unknown, options: BuildOptions): Promise<BuildResult> {
  const checked = checkFiling(data);
  let { filing, port } = checked;
  const findings = checked.findings;
  if (options.draft && !filing) {
    const filled = checkFiling(fillTextGaps(data));
    filing = filled.filing;
    port = filled.port;
  }
  if (!filing || !port || (hasErrors(findings) && !options.draft)) return { status: 'invalid', file, port, findings };

  const templates = options.templates ?? compileTemplates();
  const documentFindings = checked.filing ? findings : checkFiling(filing).findings;
  const tree = buildTreeOf(filing, port, documentFindings, options.draft ?? false, templates);
  const outputs = await renderOutputs(tree, options.formats, options.docxFont);
  const stem = basename(file, extname(file));
  const files = [...outputs].map(([format, bytes]) => ({ path: join(options.outDir, `${stem}.${format}`), bytes }));
  await writeOutputs(files, { inputs: [file] });
  return { status: 'built', file, port, findings, written: files.map((f) => f.path) };
}
