import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMarkup } from '../src/document/parseMarkup.ts';
import type { DocumentTree } from '../src/document/tree.ts';
import type { PdfReply } from '../src/platform/pdfWorker.ts';
import { writeDocuments } from '../src/render/registry.ts';
import { writePdf } from '../src/render/pdf/writePdf.ts';
import { root } from './helpers/fixtures.ts';

const tree = parseMarkup(`<document title="試験文書" date="2025-04-01">
<header><p align="right">ヘッダ</p></header>
<h1 align="center">見出し一</h1>
<p indent="1">本文。<b>太字</b>と<u>下線</u>。</p>
<table widths="1 4"><tr header="true"><th>No.</th><th>内容</th></tr><tr><td>1</td><td>外部接続の制限</td></tr></table>
</document>`);

describe('writers run elsewhere (the CLI: the PDF on a second thread)', () => {
  it('are started for their format, the others run here, and the documents come in the order asked', async () => {
    const asked: DocumentTree[] = [];
    const elsewhere = { pdf: async (t: DocumentTree) => (asked.push(t), new Uint8Array([1, 2, 3])) };
    const out = await writeDocuments(tree, ['docx', 'pdf'], { elsewhere });
    expect(out.map((d) => d.format)).toEqual(['docx', 'pdf']);
    expect(asked).toEqual([tree]);
    expect([...out[1]!.bytes]).toEqual([1, 2, 3]);
    expect(Buffer.from(out[0]!.bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
  });

  it('report a failure where its document is awaited', async () => {
    const elsewhere = { pdf: () => Promise.reject(new Error('壊れた')) };
    await expect(writeDocuments(tree, ['docx', 'pdf'], { elsewhere })).rejects.toThrow('壊れた');
  });
});

describe('the PDF worker thread (dist/pdfWorker.cjs, made by scripts/bundle.mjs)', () => {
  const worker = new Worker(join(root, 'bin', 'runWorker.cjs'), {
    workerData: { bundle: join(root, 'dist', 'pdfWorker.cjs'), cacheFile: join(root, 'dist', 'pdfWorker.cache') },
  });
  afterAll(() => worker.terminate());
  const ask = (id: number, t: unknown) =>
    new Promise<PdfReply>((resolve) => {
      const listen = (reply: PdfReply) => {
        if (reply.id !== id) return;
        worker.off('message', listen);
        resolve(reply);
      };
      worker.on('message', listen);
      worker.postMessage({ id, tree: t });
    });

  it('answers a tree with the bytes this thread writes for it', async () => {
    const reply = await ask(1, tree);
    expect('bytes' in reply).toBe(true);
    if ('bytes' in reply) expect(Buffer.from(reply.bytes).equals(Buffer.from(await writePdf(tree)))).toBe(true);
  });

  it('answers a tree it cannot write with `failed` (the CLI then writes it itself, reporting the error as ever)', async () => {
    expect(await ask(2, { title: 'x' })).toEqual({ id: 2, failed: true });
    expect('bytes' in (await ask(3, tree))).toBe(true);
  });
});

describe('the installed CLI with its PDF thread', () => {
  // the thread is started before the filing is read: a build that stops early must still end its process
  it('ends the process when a build stops with an error, as when it succeeds', () => {
    const cli = join(root, 'bin', 'tos-filing.js');
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });
    const dir = mkdtempSync(join(tmpdir(), 'tos-pdf-thread-'));
    try {
      writeFileSync(join(dir, 'broken.yaml'), 'a: [\n');
      const broken = run('build', join(dir, 'broken.yaml'), '--out', join(dir, 'out'));
      // null would be the timeout's kill: the thread kept the process alive
      expect(broken.status, broken.stderr).toBe(2);
      const built = run('build', join(root, 'fixtures', 'sample', 'general-complete.yaml'), '--out', join(dir, 'out'));
      expect(built.status, built.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
