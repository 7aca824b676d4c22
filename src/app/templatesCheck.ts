import type { PortClassification } from '../catalog/classifyPort.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { diffFilings } from '../diff/diffFilings.ts';
import { blockText } from '../document/tree.ts';
import type { ReadResult } from '../io/parseFilingText.ts';
import type { Filing } from '../model/filing.ts';
import { writeDocuments } from '../render/registry.ts';
import { reviewRows } from '../review/reviewFilings.ts';
import { reviewContext } from '../review/reviewOutputs.ts';
import { templateContext } from '../templates/context.ts';
import { diffContext } from '../templates/diffContext.ts';
import { powerOfAttorneyContext } from '../templates/powerOfAttorneyContext.ts';
import { renderDocument } from '../templates/renderDocument.ts';
import type { CompiledTemplates } from '../templates/renderTemplates.ts';
import { checkFiling } from '../validate/validate.ts';
import type { FilingSource } from './source.ts';

export interface TemplateCheck {
  sample: string;
  /** Requirements whose title or the applicant's measure text no longer appears in the document. */
  missing: { id: string; title: string; lacks: 'title' | 'measure' | 'both' }[];
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Renders each sample filing with the templates (through both writers) and checks that every requirement that
 * applies at the sample's port still appears with the applicant's measure. Throws TemplateError when the
 * templates do not compile or render. The other document templates must at least render.
 */
export async function checkTemplates(templates: CompiledTemplates, samples: readonly FilingSource[]): Promise<TemplateCheck[]> {
  const results: TemplateCheck[] = [];
  const loaded: { file: string; filing: Filing; port: PortClassification }[] = [];
  for (const sample of samples) {
    const { filing, port, findings } = checkFiling(sample.data);
    if (!filing || !port) throw new Error(`${sample.file}: the sample filing is not valid`);
    loaded.push({ file: sample.file, filing, port });
    const tree = renderDocument(templates, 'filing', templateContext(filing, port, findings, false));
    await writeDocuments(tree, ['docx', 'pdf']);
    const text = squash([...tree.body, ...tree.header, ...tree.footer].map(blockText).join(''));
    const missing: TemplateCheck['missing'] = [];
    for (const req of requirementsFor(port)) {
      const description = filing.measures[req.id]?.description;
      const hasTitle = text.includes(squash(req.title));
      const hasMeasure = description ? text.includes(squash(description)) : true;
      if (!hasTitle || !hasMeasure) missing.push({ id: req.id, title: req.title, lacks: !hasTitle && !hasMeasure ? 'both' : hasTitle ? 'measure' : 'title' });
    }
    results.push({ sample: sample.file, missing });
  }
  const [first, second] = loaded;
  if (templates.has('diff') && first && second) {
    const diff = diffFilings(first.filing, second.filing, { before: first.port, after: second.port });
    await writeDocuments(renderDocument(templates, 'diff', diffContext(first, second, diff, templates)), ['docx', 'pdf']);
  }
  if (templates.has('review')) {
    const rows = reviewRows(samples.map((s) => ({ file: s.file, read: { ok: true, file: s.file, data: s.data } as ReadResult })));
    await writeDocuments(renderDocument(templates, 'review', reviewContext(rows)), ['docx', 'pdf']);
  }
  if (templates.has('power-of-attorney') && first) {
    // the samples are filed by the applicant itself: the 委任状 is tried with a stand-in agent
    const filing = { ...first.filing, agent: first.filing.agent ?? SAMPLE_AGENT };
    await writeDocuments(renderDocument(templates, 'power-of-attorney', powerOfAttorneyContext(filing, first.port, false)), ['docx', 'pdf']);
  }
  return results;
}

const SAMPLE_AGENT: NonNullable<Filing['agent']> = {
  qualification: 'administrative-scrivener',
  name: '見本 太郎',
  office: '見本行政書士事務所',
  registrationNumber: '12345678',
  address: '東京都千代田区霞が関九丁目9番9号',
  phone: '03-0000-0000',
};
