import type { PortClassification } from '../catalog/classifyPort.ts';
import { type DocumentFormat, type WriterOptions, writeDocuments } from '../render/registry.ts';
import { templateContext } from '../templates/context.ts';
import { fillTextGaps, markGaps } from '../templates/draftGaps.ts';
import { powerOfAttorneyContext } from '../templates/powerOfAttorneyContext.ts';
import type { Filing } from '../model/filing.ts';
import { TemplateError } from '../templates/templateError.ts';
import { joinPath } from '../util/fileName.ts';
import { renderDocument } from '../templates/renderDocument.ts';
import type { DocumentTree } from '../document/tree.ts';
import type { CompiledTemplates } from '../templates/renderTemplates.ts';
import { type Finding, hasErrors } from '../validate/finding.ts';
import { checkFiling } from '../validate/validate.ts';
import { redactFiling } from '../redact/redactFiling.ts';
import { baseName, extName } from '../util/fileName.ts';
import { carriedFiling, carrying } from './carry.ts';
import type { FilingSource, OutputFile } from './source.ts';

export interface BuildOptions extends WriterOptions {
  formats: readonly DocumentFormat[];
  templates: CompiledTemplates;
  /** Build even with errors, marking every gap in place (【未記入】) and every page as a draft. */
  draft?: boolean;
  /** Also make copies for sharing, with contact details and addresses replaced (<name>.redacted.*; see redact/). */
  redact?: boolean;
  /** The data is already a redacted copy: say so in the data the documents carry. */
  redacted?: boolean;
  /** Make the 委任状 of a filing made through an agent (true unless said otherwise; the editor's preview needs none). */
  powerOfAttorney?: boolean;
}

export type BuildOutcome =
  | { status: 'invalid'; file: string; port: PortClassification | null; findings: Finding[] }
  | { status: 'built'; file: string; port: PortClassification; findings: Finding[]; outputs: OutputFile[] };

/** The output name stem of a filing: its file name without the extension. */
export const stemOf = (file: string) => baseName(file).slice(0, baseName(file).length - extName(file).length);

/**
 * Validates, then makes the documents in memory. With errors nothing is made, unless this is a draft, which marks
 * the gaps in place. No disk, no printing: the caller writes the outputs.
 */
export async function buildFiling(source: FilingSource, options: BuildOptions): Promise<BuildOutcome> {
  const made = filingTree(source, options);
  if (made.status === 'invalid') return made;
  const { tree, port, findings } = made;
  const documents = await writeDocuments(tree, options.formats, options);
  const stem = stemOf(source.file);
  const outputs = documents.map((d) => ({ name: `${stem}.${d.format}`, bytes: d.bytes }));
  // the copy for sharing is of the filing alone: a 委任状 is for the applicant to sign, not to share
  if (made.filing.agent && !options.redacted && options.powerOfAttorney !== false) outputs.push(...(await powerOfAttorney(made.filing, port, stem, options)));
  if (options.redact) {
    const copy = await buildRedactedCopy(source, options);
    if (copy.status === 'built') outputs.push(...copy.outputs);
  }
  return { status: 'built', file: source.file, port, findings, outputs };
}

/** The filing document's tree (carrying its data), or the findings that stop it: the first half of a build. */
export function filingTree(
  source: FilingSource,
  options: Pick<BuildOptions, 'templates' | 'draft' | 'redacted'>,
): Extract<BuildOutcome, { status: 'invalid' }> | { status: 'tree'; tree: DocumentTree; port: PortClassification; findings: Finding[]; filing: Filing } {
  const checked = checkFiling(source.data);
  const { findings } = checked;
  let { filing, port } = checked;
  let gaps: (string | number)[][] = [];
  if (options.draft && !filing) {
    const draft = fillTextGaps(source.data);
    const filled = checkFiling(draft.data);
    filing = filled.filing;
    port = filled.port;
    gaps = draft.gaps;
  }
  if (!filing || !port || (hasErrors(findings) && !options.draft)) return { status: 'invalid', file: source.file, port, findings };
  const marked = markGaps(filing, gaps);
  const context = templateContext(marked, port, findings, options.draft ?? false);
  const tree = carrying(renderDocument(options.templates, 'filing', context), {
    document: 'filing',
    filing: carriedFiling(checked.filing, source.data),
    draft: options.draft ?? false,
    redacted: options.redacted ?? false,
  });
  return { status: 'tree', tree, port, findings, filing: marked };
}

/** The document kind of the 委任状, and the word its outputs are named with: <name>.委任状.docx / .pdf. */
const POWER_OF_ATTORNEY = 'power-of-attorney';
export const POWER_OF_ATTORNEY_SUFFIX = '委任状';

/** The error of a template folder without the 委任状's template, for a build that needs it (null when it has it). */
export function powerOfAttorneyTemplateMissing(templates: CompiledTemplates): TemplateError | null {
  if (templates.has(POWER_OF_ATTORNEY)) return null;
  return new TemplateError(
    `${joinPath(templates.dir, `${POWER_OF_ATTORNEY}.hbs`)}: テンプレートが見つかりません（代理人のある届出では委任状も作成します。tos-filing の templates/${POWER_OF_ATTORNEY}.hbs をこのフォルダにコピーしてください）`,
  );
}

/** The 委任状 of a filing made through an agent, in each format asked for (same bytes for the same filing). */
async function powerOfAttorney(filing: Filing, port: PortClassification, stem: string, options: BuildOptions): Promise<OutputFile[]> {
  const { templates } = options;
  const missing = powerOfAttorneyTemplateMissing(templates);
  if (missing) throw missing;
  const tree = renderDocument(templates, POWER_OF_ATTORNEY, powerOfAttorneyContext(filing, port, options.draft ?? false));
  const documents = await writeDocuments(tree, options.formats, options);
  return documents.map((d) => ({ name: `${stem}.${POWER_OF_ATTORNEY_SUFFIX}.${d.format}`, bytes: d.bytes }));
}

/** The 委任状 alone, as `build` makes it beside the filing of a filing made through an agent (no outputs without an agent). */
export async function buildPowerOfAttorney(source: FilingSource, options: BuildOptions): Promise<BuildOutcome> {
  const made = filingTree(source, options);
  if (made.status === 'invalid') return made;
  const outputs = made.filing.agent ? await powerOfAttorney(made.filing, made.port, stemOf(source.file), options) : [];
  return { status: 'built', file: source.file, port: made.port, findings: made.findings, outputs };
}

/** The copy for sharing alone: the same build from the redacted data, named <name>.redacted.docx / .pdf. */
export async function buildRedactedCopy(source: FilingSource, options: BuildOptions): Promise<BuildOutcome> {
  const copy = await buildFiling({ file: source.file, data: redactFiling(source.data) }, { ...options, redact: false, redacted: true });
  if (copy.status !== 'built') return copy;
  const stem = stemOf(source.file);
  return { ...copy, outputs: copy.outputs.map((o) => ({ name: `${stem}.redacted${o.name.slice(stem.length)}`, bytes: o.bytes })) };
}
