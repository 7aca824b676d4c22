import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES_DIR } from '../src/platform/nodeTemplates.ts';
import { TOKEN_HEADER } from '../src/web/guard.ts';
import { startEditor } from '../src/web/runEditor.ts';
import { TemplateError } from '../src/templates/templateError.ts';
import { fixturePath, loadFixture } from './helpers/fixtures.ts';
import { readPdf } from './helpers/readPdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'tos-edit-templates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A firm's copy of templates/ with its own words on the cover. */
function firmFolder(name: string, cover?: string): string {
  const folder = join(dir, name);
  cpSync(DEFAULT_TEMPLATES_DIR, folder, { recursive: true });
  const file = join(folder, 'partials', 'cover.hbs');
  writeFileSync(file, cover ?? readFileSync(file, 'utf8').replace('下記のとおり記載します。', '下記のとおり記載いたします（行政書士法人みなと作成）。'));
  return folder;
}

describe('edit --templates', () => {
  it("previews and makes the documents with a firm's own templates", async () => {
    const file = join(dir, 'filing.yaml');
    cpSync(fixturePath('sample/general-complete.yaml'), file);
    const server = await startEditor({ file, templates: firmFolder('minato'), httpPort: 0, open: false, log: () => {} });
    try {
      const post = await fetch(`${server.url.replace(/\?.*$/, '')}api/documents`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token, Origin: `http://127.0.0.1:${server.port}` },
        body: JSON.stringify({ data: loadFixture('sample/general-complete.yaml') }),
      });
      expect(post.status).toBe(200);
      const { id } = (await post.json()) as { id: string };
      const pdf = await fetch(`http://127.0.0.1:${server.port}/api/documents/${id}/pdf?token=${server.token}`);
      const text = (await readPdf(new Uint8Array(await pdf.arrayBuffer()))).pages.join('').replace(/\n/g, '');
      expect(text).toContain('行政書士法人みなと作成');
    } finally {
      await server.close();
    }
  });

  it('refuses a broken folder before the editor starts, with the file, line and column', async () => {
    const folder = firmFolder('broken', '<p>安全</p>\n<p>{{{applicant.name}}}</p>\n');
    const start = startEditor({ file: join(dir, 'other.yaml'), port: undefined, templates: folder, httpPort: 0, open: false, log: () => {}, start: { text: 'note: x\n', from: 'x' } });
    await expect(start).rejects.toThrow(TemplateError);
    await expect(start).rejects.toThrow(`${join(folder, 'partials', 'cover.hbs')}:2:4`);
  });
});
