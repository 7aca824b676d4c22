import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFiling } from '../src/app/build.ts';
import { officeAgent, withOfficeAgent } from '../src/app/office.ts';
import { compareFilings } from '../src/app/diff.ts';
import { readFiling } from '../src/io/readFiling.ts';
import { writeDocuments } from '../src/render/registry.ts';
import { reviewRows } from '../src/review/reviewFilings.ts';
import { collectFilingFiles } from '../src/io/collectFilingFiles.ts';
import { reviewContext } from '../src/review/reviewOutputs.ts';
import { renderDocument } from '../src/templates/renderDocument.ts';
import { compileTemplates } from '../src/platform/nodeTemplates.ts';
import { fixturePath, root } from './helpers/fixtures.ts';
import { findInternalNames } from './helpers/internalNames.ts';
import { readDocx } from './helpers/readDocx.ts';
import { readPdf } from './helpers/readPdf.ts';

/**
 * No document a clerk submits or an examiner reads shows a requirement id, a field path or the English value of
 * a choice. Every document the fixtures make is read back as text (PDF through its ToUnicode maps, docx from its
 * XML) and scanned. What the fixtures' people typed (an e-mail address) and the file names in the review are theirs.
 */

const templates = compileTemplates();
// fixtures/handtyped/ holds hand-typed plans (HTML) and the matcher's expected results, not filings
const files = collectFilingFiles([fixturePath('')]).map((f) => relative(root, f)).filter((f) => !f.startsWith('fixtures/handtyped/'));

/** E-mail addresses and web addresses typed in the fixtures: user text that happens to look like a dotted name. */
const TYPED = [
  ...new Set(files.flatMap((f) => readFileSync(fixturePath(relative('fixtures', f)), 'utf8').match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?:\/\/[\w./-]+/g) ?? [])),
];

async function texts(outputs: readonly { name: string; bytes: Uint8Array }[]): Promise<{ name: string; text: string }[]> {
  return Promise.all(
    outputs.map(async (o) => ({ name: o.name, text: o.name.endsWith('.pdf') ? (await readPdf(o.bytes)).pages.join('\n') : readDocx(o.bytes).text })),
  );
}

describe('no internal names in any document', () => {
  it('knows what to look for: ids, paths and English choices are caught, typed addresses are not', () => {
    expect(findInternalNames('記載：security-audit の措置')).toHaveLength(1);
    expect(findInternalNames('port.terminals[0].tos.externalConnections[1] を確認')).toHaveLength(1);
    expect(findInternalNames('方式：leased-line')).toHaveLength(1);
    expect(findInternalNames('区分：other')).toHaveLength(1);
    expect(findInternalNames('電子メール：shioda@kohoku-minato.example.jp', ['shioda@kohoku-minato.example.jp'])).toEqual([]);
    expect(findInternalNames('区分：その他　方式：専用線　VPN　BX-VPN 3200　Ver.5.2')).toEqual([]);
  });

  /** The office file (fixtures/agent) holds a 代理人, not a filing: it is tried below with a sample filing. */
  const OFFICE = 'fixtures/agent/office.yaml';

  it.each(files.filter((f) => !f.includes('invalid/') && f !== OFFICE))('filing document of %s (a draft where the filing is incomplete)', { timeout: 60_000 }, async (file) => {
    const read = readFiling(fixturePath(relative('fixtures', file)));
    if (!read.ok) throw new Error(read.message);
    const build = (draft: boolean) => buildFiling({ file, data: read.data }, { formats: ['docx', 'pdf'], templates, draft });
    let outcome = await build(false);
    if (outcome.status !== 'built') outcome = await build(true);
    if (outcome.status !== 'built') throw new Error(`${file} was not built`);
    for (const { name, text } of await texts(outcome.outputs)) {
      expect(text.length, name).toBeGreaterThan(1000);
      expect(findInternalNames(text, TYPED), name).toEqual([]);
    }
  });

  it('filing document and 委任状 of a filing made through the office file’s agent', { timeout: 60_000 }, async () => {
    const office = readFiling(fixturePath('agent/office.yaml'));
    const read = readFiling(fixturePath('sample/general-complete.yaml'));
    if (!office.ok || !read.ok) throw new Error('fixtures not read');
    const agent = officeAgent(OFFICE, office.data);
    if (!agent.ok) throw new Error(agent.message);
    const outcome = await buildFiling({ file: 'general-complete.yaml', data: withOfficeAgent(read.data, agent.agent) }, { formats: ['docx', 'pdf'], templates });
    if (outcome.status !== 'built') throw new Error('not built');
    const read2 = await texts(outcome.outputs);
    expect(read2.map((t) => t.name)).toEqual(['general-complete.docx', 'general-complete.pdf', 'general-complete.委任状.docx', 'general-complete.委任状.pdf']);
    for (const { name, text } of read2) {
      expect(text, name).toContain('港田行政書士事務所');
      expect(findInternalNames(text, TYPED), name).toEqual([]);
    }
  });

  it('新旧対照表 of the change pair', { timeout: 60_000 }, async () => {
    const side = (name: string) => {
      const read = readFiling(fixturePath(name));
      if (!read.ok) throw new Error(read.message);
      return { file: name, data: read.data };
    };
    const outcome = await compareFilings(side('change/before.yaml'), side('change/after.yaml'), { documents: ['docx', 'pdf'], templates });
    if (outcome.status !== 'compared') throw new Error('not compared');
    for (const { name, text } of await texts(outcome.outputs)) {
      expect(text, name).toContain('新旧対照表');
      expect(findInternalNames(text, TYPED), name).toEqual([]);
      // the file names are the clerk's business, not the bureau's
      expect(text, name).not.toContain('.yaml');
    }
  });

  it('review of the fixtures folder (file names are the examiner’s own and allowed)', { timeout: 60_000 }, async () => {
    const rows = reviewRows(files.map((file) => ({ file, read: readFiling(fixturePath(relative('fixtures', file))) })));
    const outputs = await writeDocuments(renderDocument(templates, 'review', reviewContext(rows)), ['docx', 'pdf']);
    for (const { format, bytes } of outputs) {
      const [read] = await texts([{ name: `review.${format}`, bytes }]);
      expect(read!.text).toContain('審査一覧');
      expect(findInternalNames(read!.text, [...TYPED, ...files]), format).toEqual([]);
    }
  });
});
