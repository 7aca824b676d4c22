import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/packageRoot.ts';
import { buildTreeOf } from '../build/buildFiling.ts';
import { renderDocument, renderOutputs } from '../build/renderDocument.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { blockText } from '../document/tree.ts';
import { type RequirementId } from '../catalog/requirements.ts';
import { readFiling } from '../io/readFiling.ts';
import { checkFiling } from '../validate/validate.ts';
import { compileTemplates } from './renderTemplates.ts';
import type { PortClassification } from '../catalog/classifyPort.ts';
import type { Filing } from '../model/filing.ts';
import { diffFilings } from '../diff/diffFilings.ts';
import { diffContext } from '../diff/diffContext.ts';
import { reviewFiles } from '../review/reviewFilings.ts';
import { reviewContext } from '../review/reviewOutputs.ts';

/** The bundled sample filings that a customised template set is checked against. */
export const SAMPLES_DIR = join(packageRoot(), 'fixtures', 'sample');

export interface TemplateCheck {
  sample: string;
  /** Requirements whose title or the applicant's measure text no longer appears in the document. */
  missing: { id: string; title: string; lacks: 'title' | 'measure' | 'both' }[];
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Renders each sample filing with the templates in `dir` (through both writers) and checks that every
 * requirement that applies at the sample's port still appears with the applicant's measure. Throws
 * TemplateError when the templates do not compile or render.
 */
export async function checkTemplates(dir: string, samplesDir = SAMPLES_DIR): Promise<TemplateCheck[]> {
  const templates = compileTemplates(dir);
  templates.checkAll();
  const samples = readdirSync(samplesDir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const results: TemplateCheck[] = [];
  const loaded: { file: string; filing: Filing; port: PortClassification }[] = [];
  for (const name of samples) {
    const read = readFiling(join(samplesDir, name));
    if (!read.ok) throw new Error(`${name}: ${read.message}`);
    const { filing, port, findings } = checkFiling(read.data);
    if (!filing || !port) throw new Error(`${name}: the sample filing is not valid`);
    loaded.push({ file: name, filing, port });
    const tree = buildTreeOf(filing, port, findings, false, templates);
    await renderOutputs(tree, ['docx', 'pdf']);
    const text = squash([...tree.body, ...tree.header, ...tree.footer].map(blockText).join(''));
    const missing: TemplateCheck['missing'] = [];
    for (const req of requirementsFor(port)) {
      const description = filing.measures[req.id as RequirementId]?.description;
      const hasTitle = text.includes(squash(req.title));
      const hasMeasure = description ? text.includes(squash(description)) : true;
      if (!hasTitle || !hasMeasure) missing.push({ id: req.id, title: req.title, lacks: !hasTitle && !hasMeasure ? 'both' : hasTitle ? 'measure' : 'title' });
    }
    results.push({ sample: name, missing });
  }
  // the other document templates must at least render, when the folder has them
  const [first, second] = loaded;
  if (templates.has('diff') && first && second) {
    const diff = diffFilings(first.filing, second.filing, { before: first.port, after: second.port });
    await renderOutputs(renderDocument(templates, 'diff', diffContext(first, second, diff)), ['docx', 'pdf']);
  }
  if (templates.has('review')) {
    const rows = reviewFiles(samples.map((name) => join(samplesDir, name)));
    await renderOutputs(renderDocument(templates, 'review', reviewContext(rows)), ['docx', 'pdf']);
  }
  return results;
}
