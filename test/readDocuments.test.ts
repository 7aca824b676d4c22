import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readDocumentBytes } from '../src/readers/readSource.ts';
import { readSource } from '../src/platform/readSourceFile.ts';
import { reviewRows } from '../src/review/reviewFilings.ts';
import { buildDocs } from './helpers/buildDocs.ts';
import { root } from './helpers/fixtures.ts';
import { runCli } from './helpers/runCli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tos-read-'));
const put = (name: string, bytes: Uint8Array | string) => {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  return path;
};

/** A PDF with one embedded file holding `text`, made with pdf-lib (not by our writer). */
async function pdfWithAttachment(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  await doc.attach(new TextEncoder().encode(text), 'tos-filing.json', { mimeType: 'application/json' });
  return doc.save();
}

const NO_DATA = 'tos-filing の届出データが含まれていません';

describe('documents without tos-filing data', () => {
  it('a PDF from elsewhere without text gets a clear Japanese message naming the file (exit 2), not the UTF-8 advice', async () => {
    const pdf = put('other.pdf', await (await PDFDocument.create()).save());
    const { code, stderr } = await runCli(['validate', pdf]);
    expect(code).toBe(2);
    expect(stderr).toContain(pdf);
    expect(stderr).toMatch(/文字の情報（テキスト）がありません.*OCR/);
    expect(stderr).not.toContain('UTF-8');
  });

  it('a docx from elsewhere is screened as a hand-typed plan: one that is no plan says no requirement was found (exit 1)', async () => {
    const docx = put('other.docx', zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>本文</w:t></w:r></w:p></w:body></w:document>') }));
    const { code, stdout } = await runCli(['validate', docx]);
    expect(code).toBe(1);
    expect(stdout).toContain('本文を読み取って要件の記載を推定しました');
    expect(stdout).toContain('強制要件の記載が一つも見つかりませんでした');
    expect(stdout).not.toContain('UTF-8');
  });

  it('an embedded file that is not tos-filing data is no data; data from a newer version says so', async () => {
    const foreign = readDocumentBytes('f.pdf', 'pdf', await pdfWithAttachment('{"invoice": 1}'));
    expect(foreign.ok ? 'read' : foreign.message).toContain(NO_DATA);
    const newer = readDocumentBytes('n.pdf', 'pdf', await pdfWithAttachment('{"format":"tos-filing","version":99}'));
    expect(newer.ok ? 'read' : newer.message).toContain('新しい版');
  });

  it('tos-filing data whose filing is not a filing is read and judged like a bad YAML file, not a crash', async () => {
    const envelope = { format: 'tos-filing', version: 1, document: 'filing', redacted: false, draft: false, sections: [], filing: [1, 2, { port: 42 }] };
    const read = readDocumentBytes('odd.pdf', 'pdf', await pdfWithAttachment(JSON.stringify(envelope)));
    const [row] = reviewRows([{ file: 'odd.pdf', read }]);
    expect(row!.state).toBe('invalid');
    expect(row!.findings.some((f) => f.code.startsWith('SCHEMA_'))).toBe(true);
  });
});

describe('hostile documents: never a crash, bounded cost', () => {
  it('a truncated PDF or docx reads as damaged, no data, or (if the data survived) the data', async () => {
    const { pdf, docx } = await buildDocs('sample/general-complete.yaml', false);
    for (const [format, bytes] of [['pdf', pdf], ['docx', docx]] as const) {
      for (const fraction of [0.01, 0.2, 0.5, 0.8, 0.97]) {
        const read = readDocumentBytes(`t.${format}`, format, bytes.subarray(0, Math.floor(bytes.length * fraction)));
        if (read.ok) expect(read.carrier?.format).toBe(format);
        else expect(read.message).toMatch(/届出データが含まれていません|読めません|壊れて/);
      }
    }
  });

  it('an encrypted PDF is refused with a message', async () => {
    const { pdf } = await buildDocs('sample/general-complete.yaml', false);
    const text = Buffer.from(pdf).toString('latin1').replace(/trailer\n<<\n/, 'trailer\n<<\n/Encrypt 1 0 R\n');
    const read = readDocumentBytes('e.pdf', 'pdf', Buffer.from(text, 'latin1'));
    expect(read.ok ? 'read' : read.message).toContain('暗号化');
  });

  it('a compression bomb in a PDF stream stops at the decoding limit', () => {
    // 200 MB of zeros in an object stream, about 200 KB compressed
    const bomb = deflateSync(Buffer.alloc(200 * 1024 * 1024), { level: 9 });
    const head = Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`, 'latin1');
    const tail = Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 2 0 R >>\n%%EOF\n', 'latin1');
    const read = readDocumentBytes('bomb.pdf', 'pdf', Buffer.concat([head, bomb, tail]));
    expect(read.ok ? 'read' : read.message).toContain('大きすぎる');
  });

  it('a zip bomb in a docx is refused from the sizes its directory declares', () => {
    const zip = Buffer.from(zipSync({ 'word/document.xml': new Uint8Array(1000) }, { level: 9 }));
    // declare 3 GB uncompressed in the central directory
    const cd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(3 * 1024 ** 3, cd + 24);
    const read = readDocumentBytes('bomb.docx', 'docx', zip);
    expect(read.ok ? 'read' : read.message).toContain('大きすぎる');
  });

  it('deep nesting and garbage in a PDF do not overflow the stack', () => {
    const deep = `%PDF-1.7\n1 0 obj\n${'['.repeat(200_000)}\nendobj\n2 0 obj\n<< /Type /EmbeddedFile /Length 5 >>\nstream\n${'<<'.repeat(1000)}\nendstream\nendobj\n%%EOF`;
    const read = readDocumentBytes('deep.pdf', 'pdf', Buffer.from(deep, 'latin1'));
    expect(read.ok).toBe(false);
  });

  it('a file over the size limit is not read at all', async () => {
    const path = join(tmp, 'huge.pdf');
    const fd = openSync(path, 'w');
    writeSync(fd, '%PDF-1.7\n');
    ftruncateSync(fd, 51 * 1024 * 1024); // sparse: no 51 MB written
    closeSync(fd);
    const read = await readSource(path);
    expect(read.ok ? 'read' : read.message).toContain('大きすぎます');
  });

  it('reading the bombs in a process with a 96 MB heap finishes normally', () => {
    const script = `
      import { deflateSync } from 'node:zlib';
      import { readDocumentBytes } from './src/readers/readSource.ts';
      import { installNodeHost } from './src/platform/node.ts';
      installNodeHost();
      const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024));
      for (let i = 0; i < 3; i++) {
        const pdf = Buffer.concat([Buffer.from('%PDF-1.7\\n' + i + ' 0 obj\\n<< /Type /EmbeddedFile /Filter /FlateDecode /Length ' + bomb.length + ' >>\\nstream\\n', 'latin1'), bomb, Buffer.from('\\nendstream\\nendobj\\n')]);
        const r = readDocumentBytes('b.pdf', 'pdf', pdf);
        if (r.ok) throw new Error('read a bomb');
      }
      console.log('done');`;
    const r = spawnSync(process.execPath, ['--max-old-space-size=96', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/heap out of memory|FATAL/);
    expect(r.stdout.trim()).toBe('done');
  }, 60_000);
});
