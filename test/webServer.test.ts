import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { filingSkeleton } from '../src/app/init.ts';
import { classifyPort } from '../src/catalog/classifyPort.ts';
import { compileTemplates } from '../src/platform/nodeTemplates.ts';
import { ABSENT, FilingFile } from '../src/web/filingFile.ts';
import { CONTENT_SECURITY_POLICY, TOKEN_HEADER } from '../src/web/guard.ts';
import { type EditorServer, startEditorServer } from '../src/web/server.ts';

/** The editor's server over real HTTP on 127.0.0.1 (no browser): what it refuses, and what a save does to the file. */

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => any;
}

const MAX_BODY = 64 * 1024;
let dir: string;
let file: string;
let server: EditorServer;
const templates = compileTemplates();
const assets = { js: Buffer.from('console.log(1)'), css: Buffer.from('body{}') };

const commented = `# 私たちのメモ：この行は残ること
note: 試験用   # 行末のメモ
application:
  kind: 一般港湾運送事業の許可申請
  filingDate: 令和8年4月1日      # 申請日
  addressee: 中部運輸局長
applicant:
  name: ""                   # 名称
`;

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${server.port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const origin = () => `http://127.0.0.1:${server.port}`;
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  send(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', Origin: origin(), [TOKEN_HEADER]: server.token, ...headers } });
const get = (path: string, headers: Record<string, string> = {}) => send(path, { headers: { [TOKEN_HEADER]: server.token, ...headers } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tos-editor-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(async () => {
  await server?.close();
  file = join(dir, 'filing.yaml');
  writeFileSync(file, commented);
  server = await startEditorServer({ file: new FilingFile(file), templates, assets, port: 0, maxBodyBytes: MAX_BODY });
});
afterAll(async () => server?.close());

describe('requests the editor refuses', () => {
  it('answers only to its own Host (a DNS-rebinding page uses another name)', async () => {
    const foreign = await send(`/?token=${server.token}`, { headers: { Host: `evil.example:${server.port}` } });
    expect(foreign.status).toBe(403);
    const otherPort = await get('/api/filing', { Host: '127.0.0.1:1' });
    expect(otherPort.status).toBe(403);
    expect((await get('/api/filing', { Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('serves the page and the data only with the session token', async () => {
    expect((await send('/')).status).toBe(403);
    expect((await send('/?token=wrong')).status).toBe(403);
    const page = await send(`/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="ja">');
    expect((await send('/api/filing')).status).toBe(403);
    expect((await send('/api/filing', { headers: { [TOKEN_HEADER]: 'x'.repeat(server.token.length) } })).status).toBe(403);
    const data = await get('/api/filing');
    expect(data.status).toBe(200);
    expect(data.json().data.note).toBe('試験用');
  });

  it('carries the file’s state in the page as data that cannot close its element, and only with the token', async () => {
    writeFileSync(file, `${commented}note2: "</script><script>alert(1)</script><!-- \u2028"\n`.replace('note: 試験用   # 行末のメモ\n', ''));
    const page = await send(`/?token=${server.token}`);
    const blocks = [...page.text.matchAll(/<script type="application\/json" id="filing-state">([^]*?)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    expect(blocks[0]![1]).not.toMatch(/[<>]/);
    const carried = JSON.parse(blocks[0]![1]!);
    expect(carried).toEqual((await get('/api/filing')).json());
    expect(carried.data.note2).toBe('</script><script>alert(1)</script><!-- \u2028');
    expect((await send('/')).text).not.toContain('filing-state');
  });

  it('accepts a change only with the token in a header and the page’s own Origin', async () => {
    const before = readFileSync(file, 'utf8');
    const version = (await get('/api/filing')).json().version;
    const body = { baseVersion: version, data: { note: '書き換え' } };
    expect((await post('/api/save', body, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('/api/save', body, { Origin: '' })).status).toBe(403);
    expect((await post('/api/save', body, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await post('/api/save', body, { [TOKEN_HEADER]: 'wrong' })).status).toBe(403);
    expect((await post(`/api/save?token=${server.token}`, body, { [TOKEN_HEADER]: '' })).status).toBe(403);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('limits request bodies and says so', async () => {
    const version = (await get('/api/filing')).json().version;
    const big = await post('/api/save', { baseVersion: version, data: { note: 'あ'.repeat(MAX_BODY) } });
    expect(big.status).toBe(413);
    expect(big.json().error).toContain('大きすぎます');
    expect(readFileSync(file, 'utf8')).toBe(commented);
  });

  it('answers malformed requests with a clear 4xx', async () => {
    const headers = { Origin: origin(), [TOKEN_HEADER]: server.token };
    const broken = await send('/api/save', { method: 'POST', body: '{"baseVersion": ', headers: { ...headers, 'Content-Type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.json().error).toContain('JSON');
    expect((await send('/api/save', { method: 'POST', body: 'a=b', headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    expect((await post('/api/save', [1, 2])).status).toBe(400);
    expect((await post('/api/save', { baseVersion: 'x', data: 'not a filing' })).status).toBe(400);
    expect((await post('/api/save', { data: {} })).status).toBe(400);
    expect((await get('/api/nothing')).status).toBe(404);
    expect((await get('/etc/passwd')).status).toBe(404);
    expect((await get('/assets/../../package.json')).status).toBe(404);
    expect((await send('/api/filing', { method: 'DELETE', headers })).status).toBe(405);
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });

  it('sends a Content-Security-Policy with no source outside itself', async () => {
    const page = await send(`/?token=${server.token}`);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.text).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
  });
});

describe('the page’s own files', () => {
  it('lets the browser keep the script and style under the name the page gives them, and nothing else', async () => {
    const page = await send(`/?token=${server.token}`);
    const named = /src="(\/assets\/app\.js\?v=[0-9a-f]{16})"/.exec(page.text)![1]!;
    const css = /href="(\/assets\/app\.css\?v=[0-9a-f]{16})"/.exec(page.text)![1]!;
    for (const path of [named, css]) expect((await send(path)).headers['cache-control']).toContain('immutable');
    expect((await send(named)).text).toBe('console.log(1)');
    // another build's name, or none, is not kept: the page always gets the script of the editor that serves it
    for (const path of ['/assets/app.js', '/assets/app.js?v=0000000000000000']) expect((await send(path)).headers['cache-control']).toBe('no-store');
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await get('/api/filing')).headers['cache-control']).toBe('no-store');
  });
});

describe('saving', () => {
  it('writes the change atomically, keeping comments and the untouched lines', async () => {
    const loaded = (await get('/api/filing')).json();
    const data = structuredClone(loaded.data);
    data.applicant.name = '清水港運株式会社';
    const saved = await post('/api/save', { baseVersion: loaded.version, data });
    expect(saved.status).toBe(200);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(commented.replace('  name: ""                   # 名称', '  name: "清水港運株式会社"   # 名称'));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(saved.json().version).toBe((await get('/api/status')).json().version);
  });

  it('refuses to overwrite a file changed on disk since it was loaded, and returns what is there now', async () => {
    const loaded = (await get('/api/filing')).json();
    const external = commented.replace('試験用', '他の人の変更');
    writeFileSync(file, external);
    expect((await get('/api/status')).json().version).not.toBe(loaded.version);
    const data = structuredClone(loaded.data);
    data.note = '私の変更';
    const refused = await post('/api/save', { baseVersion: loaded.version, data });
    expect(refused.status).toBe(409);
    expect(refused.json().current.data.note).toBe('他の人の変更');
    expect(readFileSync(file, 'utf8')).toBe(external);
  });

  it('creates a new file from the skeleton only when asked to save', async () => {
    const fresh = join(dir, 'new-filing.yaml');
    rmSync(fresh, { force: true });
    const skeleton = filingSkeleton(classifyPort('清水港'), 'new-license');
    const editor = new FilingFile(fresh, skeleton);
    const read = editor.read();
    expect(read.ok && read.state.version).toBe(ABSENT);
    expect(readdirSync(dir)).not.toContain('new-filing.yaml');
    const data = parseDocument(skeleton).toJS();
    data.applicant.name = '清水港運株式会社';
    expect(editor.save(ABSENT, data).ok).toBe(true);
    const written = readFileSync(fresh, 'utf8');
    expect(written).toContain('# TOSの概要及び情報セキュリティの確保に関する事業計画（清水港）');
    expect(written).toContain('name: "清水港運株式会社"');
    // a second save from the "absent" version is a conflict: the file exists now
    expect(editor.save(ABSENT, data)).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('makes the preview documents in memory, as a draft while errors remain', async () => {
    const data = parseDocument(filingSkeleton(classifyPort('清水港'), 'new-license')).toJS();
    // a date that is written but cannot be read is not drafted over: the answer names the field to fix first
    data.application.filingDate = '令和8年13月1日';
    const refused = await post('/api/documents', { data });
    expect(refused.status).toBe(422);
    expect(refused.json().problems.map((p: { where: string }) => p.where)).toContain('申請 › 申請日');
    // the untouched skeleton, blank date and all, is a draft
    data.application.filingDate = '';
    const made = await post('/api/documents', { data, formats: ['pdf', 'docx'] });
    expect(made.status).toBe(200);
    expect(made.json().draft).toBe(true);
    const pdf = await send(`/api/documents/${made.json().id}/pdf?token=${server.token}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF-')).toBe(true);
    expect((await send(`/api/documents/${made.json().id}/pdf`)).status).toBe(403);
    const docx = await send(`/api/documents/${made.json().id}/docx?token=${server.token}&download=1`);
    expect(docx.headers['content-disposition']).toMatch(/^attachment;.*filing\.docx/);
  });

  it('makes the copy for sharing and the 委任状 on asking, named as build names them', async () => {
    const data = parseDocument(filingSkeleton(classifyPort('清水港'), 'new-license')).toJS();
    expect((await post('/api/documents', { data, kind: 'redact' })).status).toBe(400);
    const copy = await post('/api/documents', { data, kind: 'redacted' });
    expect(copy.status).toBe(200);
    const pdf = await send(`/api/documents/${copy.json().id}/pdf?token=${server.token}&download=1`);
    expect(pdf.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('filing.redacted.pdf')}`);
    // the skeleton has no agent: no 委任状, and the answer says why
    const none = await post('/api/documents', { data, kind: 'power-of-attorney' });
    expect(none.status).toBe(422);
    expect(none.json().message).toContain('代理人が入力されていないため');
  });
});
