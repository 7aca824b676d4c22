import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { buildFiling } from '../src/app/build.ts';
import { withOfficeAgent } from '../src/app/office.ts';
import { compileTemplates } from '../src/platform/nodeTemplates.ts';
import { editorDocuments } from '../src/web/editorDocuments.ts';
import { fixturePath, loadFixture } from './helpers/fixtures.ts';
import { readPdf } from './helpers/readPdf.ts';

const templates = compileTemplates();
const office = parse(readFileSync(fixturePath('agent/office.yaml'), 'utf8')) as Record<string, unknown>;
const throughAgent = withOfficeAgent(loadFixture('sample/general-complete.yaml'), office) as Record<string, unknown>;

/** What `build --redact` writes for the same filing (the filing, its 委任状, the copies for sharing), by name. */
async function cliOutputs(data: Record<string, unknown>) {
  const built = await buildFiling({ file: 'general-complete.yaml', data }, { formats: ['pdf', 'docx'], templates, redact: true });
  if (built.status !== 'built') throw new Error('not built');
  return new Map(built.outputs.map((o) => [o.name, o.bytes]));
}

describe("the editor's documents of each kind", () => {
  it('are the bytes `build --redact` writes under the same names: the filing, its copy for sharing and its 委任状', async () => {
    const cli = await cliOutputs(throughAgent);
    for (const [kind, stem] of [['filing', 'general-complete'], ['redacted', 'general-complete.redacted'], ['power-of-attorney', 'general-complete.委任状']] as const) {
      const made = await editorDocuments('general-complete.yaml', throughAgent, ['pdf', 'docx'], templates, kind);
      if (!made.ok) throw new Error(made.message);
      expect(made.stem).toBe(stem);
      expect(made.draft).toBe(false);
      for (const format of ['pdf', 'docx'] as const) expect(Buffer.from(made.documents[format]!).equals(Buffer.from(cli.get(`${stem}.${format}`)!)), `${kind} ${format}`).toBe(true);
    }
  });

  it('hides the contact details in the copy for sharing, and says there is no 委任状 without an agent', async () => {
    const data = loadFixture('sample/general-complete.yaml') as Record<string, unknown>;
    const copy = await editorDocuments('general-complete.yaml', data, ['pdf'], templates, 'redacted');
    if (!copy.ok) throw new Error(copy.message);
    const text = (await readPdf(copy.documents.pdf!)).pages.join('');
    expect(text).toContain('【非開示】');
    const contact = (data.applicant as { contact: { name: string } }).contact.name;
    const filing = await editorDocuments('general-complete.yaml', data, ['pdf'], templates);
    if (!filing.ok) throw new Error(filing.message);
    expect((await readPdf(filing.documents.pdf!)).pages.join('').replace(/\s/g, '')).toContain(contact.replace(/\s/g, ''));
    expect(text.replace(/\s/g, '')).not.toContain(contact.replace(/\s/g, ''));
    const none = await editorDocuments('general-complete.yaml', data, ['pdf'], templates, 'power-of-attorney');
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.message).toContain('代理人が入力されていないため、委任状はありません');
  });
});
