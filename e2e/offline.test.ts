import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { parse } from 'yaml';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './editorHarness.ts';

/**
 * The offline single file in a real browser (Debian's Chromium), opened from disk as a clerk would open it from
 * a shared folder: every request but file:, data: and blob: is blocked and counted. A filing is opened, edited
 * (with markup typed into a field), saved (downloaded: the browser here has no file picker to answer), previewed,
 * and its PDF and Word documents downloaded and compared byte for byte with `tos-filing build` of the saved file.
 */

const ROOT = join(import.meta.dirname, '..');
const SHOTS = '/tmp/tos-offline-shots';
const HOSTILE = '<img src=x onerror=alert(1)>';
let browser: Browser;
let dir: string;
let html: string;

function cli(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'tos-filing.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Tokyo' } });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tos-offline-e2e-'));
  mkdirSync(SHOTS, { recursive: true });
  const made = cli('app', '--out', join(dir, 'app'));
  expect(made.status, made.stderr).toBe(0);
  html = join(dir, 'app', 'tos-filing.html');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** 200 MB of zeros in a PDF object stream, about 200 KB compressed. */
function pdfBomb(): Buffer {
  const bomb = deflateSync(Buffer.alloc(200 * 1024 * 1024), { level: 9 });
  const head = Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`, 'latin1');
  return Buffer.concat([head, bomb, Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 2 0 R >>\n%%EOF\n', 'latin1')]);
}

/** A docx whose directory declares 3 GB uncompressed. */
function zipBomb(): Buffer {
  const zip = Buffer.from(zipSync({ 'word/document.xml': new Uint8Array(1000) }, { level: 9 }));
  const cd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt32LE(3 * 1024 ** 3, cd + 24);
  return zip;
}

interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request outside file:, data: and blob:, blocked. */
  outside: string[];
  /** The browser's own PDF viewer's parts (chrome://, chrome-extension:// of the built-in viewer): never the network. */
  internal: string[];
  alerts: string[];
}

const BUILT_IN_PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

async function openApp(options: { pickers?: boolean } = {}): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', acceptDownloads: true });
  const outside: string[] = [];
  const internal: string[] = [];
  const alerts: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    if (url.startsWith('chrome://resources/') || url.startsWith(BUILT_IN_PDF_VIEWER)) {
      internal.push(url);
      return route.continue();
    }
    outside.push(url);
    return route.abort();
  });
  context.on('request', (r) => {
    const url = r.url();
    if (!/^(file|data|blob|chrome|chrome-extension):/.test(url) && !outside.includes(url)) outside.push(url);
  });
  // the headless browser has no file picker to answer: the page falls back to <input type=file> and downloads
  if (!options.pickers)
    await context.addInitScript(() => {
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
      delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker;
    });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    // leaving with unsaved edits asks first (they are kept in the browser): the reload goes ahead
    if (d.type() === 'beforeunload') return void d.accept();
    if (d.type() === 'confirm') return;
    alerts.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(pathToFileURL(html).href);
  await page.waitForSelector('body[data-ready]');
  return { context, page, outside, internal, alerts };
}

const counts = async (page: Page) => (await page.locator('.counts').innerText()).replace(/\s+/g, ' ');
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

async function download(page: Page, button: string, to: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = join(dir, to);
  await d.saveAs(path);
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

describe('the offline single file', () => {
  it('is one file under 16 MB that says it may connect nowhere', () => {
    expect(readdirSync(join(dir, 'app'))).toEqual(['tos-filing.html']);
    expect(statSync(html).size).toBeLessThan(16 * 1024 * 1024);
    const text = readFileSync(html, 'utf8');
    expect(text).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*connect-src 'none'/);
    expect(text).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)="(?!data:)/i);
  });

  it('opens a filing from disk, edits, saves, previews and downloads the documents `build` makes, reaching nothing outside', async () => {
    const s = await openApp();
    const { page } = s;
    expect(await page.locator('h2', { hasText: '新しく作成' }).count()).toBe(1);
    await shot(page, '1-start');

    const original = readFileSync(join(ROOT, 'fixtures', 'sample', 'specified-complete.yaml'), 'utf8');
    const source = join(dir, 'specified-complete.yaml');
    writeFileSync(source, original);
    await page.setInputFiles('#open-file', source);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await counts(page)).toBe('エラー 0 警告 0 情報 0');
    expect(await page.locator('#f-applicant__name').inputValue()).toBe('港北みなと運輸株式会社');
    await shot(page, '2-opened');

    // markup typed into a field is text, in the form and in the findings; and an error is counted at once
    await page.locator('#f-applicant__name').fill(HOSTILE);
    await page.locator('#f-applicant__name').blur();
    await page.locator('#f-applicant__representative__name').fill('');
    await page.locator('#f-applicant__representative__name').blur();
    await page.waitForFunction(() => document.querySelector('.counts')?.textContent?.includes('エラー 1'));
    expect(await page.locator('#f-applicant__name').inputValue()).toBe(HOSTILE);
    expect(await page.locator('img').count()).toBe(0);
    // a finding that quotes the value: the port name as markup, quoted as text in the findings
    await page.locator('#f-port__name').fill(HOSTILE);
    await page.locator('#f-port__name').blur();
    await page.waitForFunction((v) => document.querySelector('section.findings')?.textContent?.includes(v), HOSTILE);
    expect(await page.locator('img').count()).toBe(0);
    await shot(page, '3-edited-error');
    await page.locator('#f-port__name').fill('横浜港');
    await page.locator('#f-port__name').blur();
    await page.locator('#f-applicant__representative__name').fill('潮見 浩一');
    await page.locator('#f-applicant__representative__name').blur();
    await page.waitForFunction(() => document.querySelector('.counts')?.textContent?.includes('エラー 0'));
    expect(await page.locator('.state').textContent()).toBe('未保存の変更があります');

    // 保存: the browser here has no file picker: the YAML is downloaded under the file's own name, comments kept
    const saved = await download(page, '#save', 'saved/specified-complete.yaml');
    expect(saved.name).toBe('specified-complete.yaml');
    const savedText = saved.bytes.toString('utf8');
    expect(savedText).toMatch(/^ {2}name: ["']?<img src=x onerror=alert\(1\)>["']?$/m);
    const changed = savedText.split('\n').filter((line, i) => line !== original.split('\n')[i]);
    expect(changed).toHaveLength(1);
    expect(savedText.split('\n').filter((l) => l.trim().startsWith('#'))).toEqual(original.split('\n').filter((l) => l.trim().startsWith('#')));
    await page.waitForFunction(() => document.querySelector('.state')?.textContent?.includes('ダウンロードのフォルダに保存しました'));
    await shot(page, '4-saved');

    // preview, then the documents, compared with `tos-filing build` of the saved file
    await page.click('#preview');
    await page.waitForSelector('body[data-previewed]');
    expect(await page.locator('.preview-state').textContent()).toContain('提出用の書類です');
    expect(await page.locator('iframe[name="preview"]').getAttribute('src')).toMatch(/^blob:/);
    await page.waitForTimeout(1500);
    await shot(page, '5-preview');
    const pdf = await download(page, '#download-pdf', 'page/specified-complete.pdf');
    const docx = await download(page, '#download-docx', 'page/specified-complete.docx');
    expect([pdf.name, docx.name]).toEqual(['specified-complete.pdf', 'specified-complete.docx']);
    const built = cli('build', join(dir, 'saved', 'specified-complete.yaml'), '--out', join(dir, 'cli'));
    expect(built.status, built.stderr).toBe(0);
    expect(pdf.bytes.equals(readFileSync(join(dir, 'cli', 'specified-complete.pdf')))).toBe(true);
    expect(docx.bytes.equals(readFileSync(join(dir, 'cli', 'specified-complete.docx')))).toBe(true);

    // unsaved work survives a reload
    await page.locator('#f-applicant__contact__phone').fill('045-111-2222');
    await page.locator('#f-applicant__contact__phone').blur();
    await page.waitForTimeout(800);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#f-applicant__contact__phone').inputValue()).toBe('045-111-2222');
    expect(await page.locator('#f-applicant__name').inputValue()).toBe(HOSTILE);
    expect(await page.locator('.notice').textContent()).toContain('保存していない変更');
    await shot(page, '6-reloaded');

    expect(s.alerts).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    // the policy holds: a script put into the page does not run, and the page cannot reach the network
    const refused = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.ranInjected = true';
      document.body.append(script);
      let fetched = 'sent';
      try {
        await fetch('https://example.invalid/');
      } catch {
        fetched = 'refused';
      }
      return { ran: Boolean((window as { ranInjected?: boolean }).ranInjected), fetched };
    });
    expect(refused).toEqual({ ran: false, fetched: 'refused' });
    expect(s.outside).toEqual([]);
    await s.context.close();
  });

  it('starts a new filing from the port and the kind, and opens a document tos-filing made', async () => {
    const s = await openApp();
    const { page } = s;
    await page.locator('#new-port').fill('清水港');
    await page.locator('#new-kind').selectOption({ label: '事業計画変更届出' });
    await page.click('#create');
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#f-application__addressee').inputValue()).toBe('中部運輸局長');
    expect(await page.locator('#f-port__name').inputValue()).toBe('清水港');
    expect(Number((await page.locator('.counts .count.error').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
    await shot(page, '7-new');
    // a draft while errors remain, as `build --draft` of the saved skeleton
    await page.click('#preview');
    await page.waitForSelector('body[data-previewed]');
    expect(await page.locator('.preview-state').textContent()).toContain('下書き');
    const saved = await download(page, '#save', 'new/清水港_事業計画.yaml');
    expect(saved.name).toBe('清水港_事業計画.yaml');
    const skeleton = cli('init', '--port', '清水港', '--kind', '事業計画変更届出');
    expect(saved.bytes.toString('utf8')).toBe(skeleton.stdout);
    const draft = await download(page, '#download-pdf', 'new-page/清水港_事業計画.pdf');
    const built = cli('build', join(dir, 'new', '清水港_事業計画.yaml'), '--draft', '--format', 'pdf', '--out', join(dir, 'new-cli'));
    expect(built.status, built.stderr).toBe(0);
    expect(draft.bytes.equals(readFileSync(join(dir, 'new-cli', '清水港_事業計画.pdf')))).toBe(true);

    // back to the start, then a PDF made by the CLI: its carried data opens
    await page.click('#switch-file');
    await page.waitForSelector('body[data-ready="start"]');
    const sample = cli('build', join(ROOT, 'fixtures', 'sample', 'general-complete.yaml'), '--out', join(dir, 'docs'));
    expect(sample.status, sample.stderr).toBe(0);
    await page.setInputFiles('#open-file', join(dir, 'docs', 'general-complete.pdf'));
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('.title .file').textContent()).toBe('general-complete.yaml');
    expect(await counts(page)).toMatch(/^エラー 0/);
    // and a Word document's
    await page.click('#switch-file');
    await page.waitForSelector('body[data-ready="start"]');
    const word = cli('build', join(ROOT, 'fixtures', 'sample', 'specified-complete.yaml'), '--format', 'docx', '--out', join(dir, 'docs'));
    expect(word.status, word.stderr).toBe(0);
    await page.setInputFiles('#open-file', join(dir, 'docs', 'specified-complete.docx'));
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#f-applicant__name').inputValue()).toBe('港北みなと運輸株式会社');
    expect(s.outside).toEqual([]);
    await s.context.close();
  });

  it('says in Japanese what is wrong with a file it cannot open, and stays usable', async () => {
    const s = await openApp();
    const { page } = s;
    // a damaged entry where the page keeps what is open: the start screen, not a broken page
    await page.evaluate(() => localStorage.setItem('tos-filing:offline:session', JSON.stringify({ filing: { name: 1 } })));
    await page.reload();
    await page.waitForSelector('body[data-ready="start"]');
    const utf16 = join(dir, 'utf16.yaml');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('application:\n  kind: x\n', 'utf16le')]));
    await page.setInputFiles('#open-file', utf16);
    await page.waitForSelector('#start-problem:not([hidden])');
    expect(await page.locator('#start-problem').textContent()).toMatch(/utf16\.yaml: .*UTF-8/);
    const bomb = join(dir, 'bomb.yaml');
    writeFileSync(bomb, `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`).join('\n')}\n`);
    await page.setInputFiles('#open-file', bomb);
    await page.waitForFunction(() => !document.getElementById('start-problem')?.textContent?.includes('utf16'));
    expect(await page.locator('#start-problem').textContent()).toMatch(/bomb\.yaml: /);
    const fake = join(dir, 'fake.pdf');
    writeFileSync(fake, '%PDF-1.7\n' + 'x'.repeat(1000));
    await page.setInputFiles('#open-file', fake);
    await page.waitForFunction(() => document.getElementById('start-problem')?.textContent?.includes('fake.pdf'));
    expect(await page.locator('#start-problem').textContent()).toMatch(/PDF/);
    // the CLI's bounds, in the Worker: each file gets its message, and the page answers all the while
    const hostile: [string, Buffer, RegExp][] = [
      ['deep.yaml', readFileSync(join(ROOT, 'test', 'bad-files', 'deep-nesting.yaml')), /deep\.yaml: .*(入れ子|深)/],
      ['huge.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(51 * 1024 * 1024)]), /huge\.pdf: ファイルが大きすぎます（50MBまで）/],
      ['pdfbomb.pdf', pdfBomb(), /pdfbomb\.pdf: .*大きすぎる/],
      ['zipbomb.docx', zipBomb(), /zipbomb\.docx: .*大きすぎる/],
      // a Word file whose body is not well-formed XML (an undeclared prefix): named so, as the CLI names it
      ['broken-body.docx', Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document><w:body><w:p><w:r><w:t>事業計画</w:t></w:r></w:p></w:body></w:document>') })), /broken-body\.docx: Word文書（\.docx）の本文が壊れているため読めません/],
    ];
    for (const [name, bytes, expected] of hostile) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      await page.setInputFiles('#open-file', path);
      await page.waitForFunction((n) => document.getElementById('start-problem')?.textContent?.startsWith(`${n}:`), name, { timeout: 60_000 });
      expect(await page.locator('#start-problem').textContent()).toMatch(expected);
      expect(await page.evaluate(() => 1 + 1)).toBe(2);
    }
    await shot(page, '8-bad-file');
    // still usable
    await page.locator('#new-port').fill('博多港');
    await page.click('#create');
    await page.waitForSelector('body[data-ready="true"]');
    expect(s.outside).toEqual([]);
    await s.context.close();
  });
});

describe('plans typed by hand, in the offline file', () => {
  it('opens a hand-typed .docx and .pdf as the draft `import` makes, says what it found, and its draft documents are those of `build --draft`', async () => {
    const s = await openApp();
    const { page } = s;
    const plan = join(ROOT, 'fixtures', 'handtyped', '02-nagoya-numbered');
    for (const format of ['docx', 'pdf'] as const) {
      await page.setInputFiles('#open-file', join(plan, `plan.${format}`));
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.locator('.title .file').textContent()).toBe('plan.yaml');
      const imported = cli('import', join(plan, `plan.${format}`), '--out', join(dir, `import-${format}`, 'plan.yaml'));
      expect(imported.status, imported.stderr).toBe(0);
      // what import prints is said in the page, as it is
      const note = (await page.locator('.notice-box.import-note p').innerText()).replace(/\s+/g, '');
      expect(note).toBe(imported.stderr.replace(/\s+/g, ''));
      expect(note).toContain('記載が見つかった要件');
      const applicant = (parse(readFileSync(join(dir, `import-${format}`, 'plan.yaml'), 'utf8')) as { applicant: { name: string } }).applicant.name;
      expect(applicant.length).toBeGreaterThan(0);
      expect(await page.locator('#f-applicant__name').inputValue()).toBe(applicant);
      await shot(page, `10-hand-typed-${format}`);
      const draft = await download(page, '#download-pdf', `hand-typed-page/${format}/plan.pdf`);
      const built = cli('build', join(dir, `import-${format}`, 'plan.yaml'), '--draft', '--format', 'pdf', '--out', join(dir, `hand-typed-cli-${format}`));
      expect(built.status, built.stderr).toBe(0);
      expect(draft.bytes.equals(readFileSync(join(dir, `hand-typed-cli-${format}`, 'plan.pdf'))), format).toBe(true);
      await page.click('#switch-file');
      await page.waitForSelector('body[data-ready="start"]');
    }
    expect(s.outside).toEqual([]);
    await s.context.close();
  });
});

describe("a firm's own templates in the offline file", () => {
  it('makes the documents `build --templates` makes from a chosen folder, refuses a broken one with file, line and column, and goes back to the bundled templates', async () => {
    const s = await openApp();
    const { page } = s;
    const sample = join(ROOT, 'fixtures', 'sample', 'general-complete.yaml');
    await page.setInputFiles('#open-file', sample);
    await page.waitForSelector('body[data-ready="true"]');
    // a firm's copy of templates/ with its own wording on the cover
    const firm = join(dir, 'firm', 'minato-templates');
    cpSync(join(ROOT, 'templates'), firm, { recursive: true });
    const cover = join(firm, 'partials', 'cover.hbs');
    writeFileSync(cover, readFileSync(cover, 'utf8').replace('下記のとおり記載します。', '下記のとおり記載いたします（行政書士法人みなと作成）。'));
    await page.setInputFiles('#templates-folder', firm);
    await page.waitForFunction(() => document.querySelector('#templates-state')?.textContent?.includes('を使っています'));
    expect(await page.locator('#templates-state').innerText()).toContain('minato-templates');
    await shot(page, '11-firm-templates');
    const built = cli('build', sample, '--templates', firm, '--out', join(dir, 'firm-cli'));
    expect(built.status, built.stderr).toBe(0);
    for (const [button, name] of [['#download-pdf', 'general-complete.pdf'], ['#download-docx', 'general-complete.docx']] as const) {
      const got = await download(page, button, `firm-page/${name}`);
      expect(got.name).toBe(name);
      expect(got.bytes.equals(readFileSync(join(dir, 'firm-cli', name))), name).toBe(true);
    }
    // a broken copy: refused as --templates refuses it, with the file, line and column; the firm's folder stays in use
    const broken = join(dir, 'firm', 'broken-templates');
    cpSync(join(ROOT, 'templates'), broken, { recursive: true });
    writeFileSync(join(broken, 'partials', 'cover.hbs'), '<p>安全</p>\n<p>{{{applicant.name}}}</p>\n');
    const refused = cli('build', sample, '--templates', broken, '--out', join(dir, 'broken-cli'));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${join(broken, 'partials', 'cover.hbs')}:2:4`);
    await page.setInputFiles('#templates-folder', broken);
    await page.waitForSelector('#templates-problem:not([hidden])');
    const problem = await page.locator('#templates-problem').innerText();
    expect(problem).toContain('broken-templates/partials/cover.hbs:2:4');
    // the rest of the message is the CLI's, after the path
    const cliMessage = refused.stderr.split(`${join(broken, 'partials', 'cover.hbs')}:2:4`)[1]!.trim().split('\n')[0]!;
    expect(problem).toContain(cliMessage.slice(0, 20));
    expect(await page.locator('#templates-state').innerText()).toContain('minato-templates');
    await shot(page, '12-firm-templates-refused');
    const still = await download(page, '#download-pdf', 'firm-page-still/general-complete.pdf');
    expect(still.bytes.equals(readFileSync(join(dir, 'firm-cli', 'general-complete.pdf')))).toBe(true);
    // back to the bundled templates: the documents of plain `build`
    await page.click('#templates-bundled');
    await page.waitForFunction(() => document.querySelector('#templates-state')?.textContent === '');
    const plain = cli('build', sample, '--out', join(dir, 'plain-cli'));
    expect(plain.status, plain.stderr).toBe(0);
    const bundled = await download(page, '#download-pdf', 'bundled-page/general-complete.pdf');
    expect(bundled.bytes.equals(readFileSync(join(dir, 'plain-cli', 'general-complete.pdf')))).toBe(true);
    expect(s.outside).toEqual([]);
    expect(s.alerts).toEqual([]);
    await s.context.close();
  });
});

describe('the other documents of the offline file', () => {
  it('downloads the copy for sharing and the 委任状 as `build --redact` writes them, and says why there is no 委任状 without an agent', async () => {
    const s = await openApp();
    const { page } = s;
    const sample = join(ROOT, 'fixtures', 'sample', 'general-complete.yaml');
    await page.setInputFiles('#open-file', sample);
    await page.waitForSelector('body[data-ready="true"]');
    // no agent: the 委任状 is not made, and the reason is beside the buttons
    await page.click('#other-documents > summary');
    await page.click('#download-power-of-attorney-pdf');
    await page.waitForSelector('#documents-blocked:not([hidden])');
    expect(await page.locator('#documents-blocked').innerText()).toContain('代理人が入力されていないため、委任状はありません');
    // the same filing made through the office's agent (as `build --agent` fills it in)
    const withAgent = join(dir, 'agent-filing', 'general-complete.yaml');
    mkdirSync(join(dir, 'agent-filing'), { recursive: true });
    const office = readFileSync(join(ROOT, 'fixtures', 'agent', 'office.yaml'), 'utf8').replace(/^#.*\n/gm, '');
    writeFileSync(withAgent, `${readFileSync(sample, 'utf8')}\nagent:\n${office.split('\n').filter(Boolean).map((l) => `  ${l}`).join('\n')}\n`);
    const built = cli('build', withAgent, '--redact', '--out', join(dir, 'agent-cli'));
    expect(built.status, built.stderr).toBe(0);
    expect(readdirSync(join(dir, 'agent-cli')).sort()).toEqual(['general-complete.docx', 'general-complete.pdf', 'general-complete.redacted.docx', 'general-complete.redacted.pdf', 'general-complete.委任状.docx', 'general-complete.委任状.pdf']);
    await page.click('#switch-file');
    await page.waitForSelector('body[data-ready="start"]');
    await page.setInputFiles('#open-file', withAgent);
    await page.waitForSelector('body[data-ready="true"]');
    for (const kind of ['redacted', 'power-of-attorney'] as const)
      for (const format of ['pdf', 'docx'] as const) {
        await page.click('#other-documents > summary');
        if (kind === 'redacted' && format === 'pdf') await shot(page, '13-other-documents');
        const got = await download(page, `#download-${kind}-${format}`, `other-page/${kind}.${format}`);
        const name = `general-complete.${kind === 'redacted' ? 'redacted' : '委任状'}.${format}`;
        expect(got.name).toBe(name);
        expect(got.bytes.equals(readFileSync(join(dir, 'agent-cli', name))), name).toBe(true);
      }
    expect(await page.locator('#documents-blocked').isHidden()).toBe(true);
    expect(s.outside).toEqual([]);
    await s.context.close();
  });
});

describe('the examiner view of the offline file', () => {
  it("reviews received files as `review` does: 審査一覧 (Excel, Word, PDF), 補正のお願い and a document's YAML are the bytes of `review --format xlsx,docx,pdf --notice` and `extract`", async () => {
    const received = join(dir, 'received');
    mkdirSync(received, { recursive: true });
    for (const [sample, format] of [['general-complete', 'pdf'], ['specified-complete', 'docx']] as const) {
      const made = cli('build', join(ROOT, 'fixtures', 'sample', `${sample}.yaml`), '--out', received, '--format', format);
      expect(made.status, made.stderr).toBe(0);
    }
    const init = readFileSync(join(ROOT, 'fixtures', 'sample', 'general-from-init.yaml'), 'utf8');
    // the markup as the operator's name, and no filing date: an error, so a 補正のお願い
    writeFileSync(join(received, 'hostile.yaml'), init.replace(/^(  name: ).*$/m, `$1"${HOSTILE}"`).replace(/^(  filingDate: ).*$/m, '$1""'));
    writeFileSync(join(received, 'fake.pdf'), '%PDF-1.7\n' + 'x'.repeat(100));
    // plans typed by hand, screened as `review` screens them (the .pdf read by PDF.js inside the page)
    writeFileSync(join(received, 'hand-typed-kobe.docx'), readFileSync(join(ROOT, 'fixtures', 'handtyped', '03-kobe-table', 'plan.docx')));
    writeFileSync(join(received, 'hand-typed-hakata.pdf'), readFileSync(join(ROOT, 'fixtures', 'handtyped', '04-hakata-bullets', 'plan.pdf')));
    const names = readdirSync(received).sort();
    const s = await openApp();
    const { page } = s;
    // the examiner at 東北運輸局: the filings addressed elsewhere get the warning `review --bureau` gives
    await page.locator('#review-bureau').selectOption('東北運輸局');
    await page.setInputFiles('#review-files', names.map((n) => join(received, n)));
    await page.waitForSelector('body[data-ready="review"]');
    expect(await page.locator('h1').textContent()).toBe(`審査一覧（${names.length}件）`);
    const rows = page.locator('.review-table tbody tr');
    expect(await rows.count()).toBe(names.length);
    expect(await rows.locator('th[scope=row]').allTextContents()).toEqual(names);
    expect(await page.locator('.review-table').textContent()).toContain('読込不可');
    expect(await page.locator('.review-findings').textContent()).toContain('PDFとして読めません（ファイルが壊れているか、PDFではありません）');
    // the hand-typed plans: screened, and said to be
    for (const name of ['hand-typed-kobe.docx', 'hand-typed-hakata.pdf']) expect(await page.locator('#review-' + names.indexOf(name)).textContent()).toMatch(/推定/);
    expect(await page.locator('.review-table tbody tr', { hasText: 'hand-typed-hakata.pdf' }).textContent()).toContain('推定（本文の読み取り）');
    expect(await page.locator('.severity-legend').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('○ 本文に記載あり（推定）')]));
    expect(await page.locator('#review-' + names.indexOf('specified-complete.docx')).textContent()).toContain('東北運輸局');
    expect(await page.locator('img').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, '9-review.png'), fullPage: false });
    const xlsx = await download(page, '#review-xlsx', 'page/review.xlsx');
    expect(xlsx.name).toBe('review.xlsx');
    const reviewed = spawnSync(process.execPath, [join(ROOT, 'bin', 'tos-filing.js'), 'review', ...names, '--format', 'xlsx,docx,pdf', '--notice', '--bureau', '東北運輸局', '--out', join(dir, 'cli-review')], { cwd: received, encoding: 'utf8' });
    expect(reviewed.status).toBe(2); // fake.pdf gives no filing
    expect(xlsx.bytes.equals(readFileSync(join(dir, 'cli-review', 'review.xlsx')))).toBe(true);
    for (const format of ['pdf', 'docx']) {
      const got = await download(page, `#review-${format}`, `page/review.${format}`);
      expect(got.name).toBe(`review.${format}`);
      expect(got.bytes.equals(readFileSync(join(dir, 'cli-review', `review.${format}`))), format).toBe(true);
    }
    // 補正のお願い for the filing with an error, as `review --notice`
    const notice = page.locator('#review-' + names.indexOf('hostile.yaml'));
    for (const format of ['docx', 'pdf']) {
      const got = await download(page, `#review-${names.indexOf('hostile.yaml')} a[download="hostile.notice.${format}"]`, `page/hostile.notice.${format}`);
      expect(got.bytes.equals(readFileSync(join(dir, 'cli-review', `hostile.notice.${format}`))), format).toBe(true);
    }
    expect(await notice.textContent()).toContain('申請日');
    // the data a received document carries, as `extract`
    const extracted = await download(page, `#review-${names.indexOf('general-complete.pdf')} a[download="general-complete.yaml"]`, 'page/general-complete.yaml');
    const cliExtract = spawnSync(process.execPath, [join(ROOT, 'bin', 'tos-filing.js'), 'extract', 'general-complete.pdf'], { cwd: received, encoding: 'utf8' });
    expect(cliExtract.status).toBe(0);
    expect(extracted.bytes.toString('utf8')).toBe(cliExtract.stdout);
    expect(s.alerts).toEqual([]);
    expect(s.outside).toEqual([]);
    await page.click('#review-back');
    await page.waitForSelector('body[data-ready="start"]');

    // a whole folder, with a subfolder and a file review does not take: as `review 受信` from its parent
    const inbox = join(dir, 'inbox', '受信');
    mkdirSync(join(inbox, 'b-sub'), { recursive: true });
    writeFileSync(join(inbox, 'a.yaml'), readFileSync(join(received, 'hostile.yaml')));
    writeFileSync(join(inbox, 'b-sub', 'general-complete.pdf'), readFileSync(join(received, 'general-complete.pdf')));
    writeFileSync(join(inbox, 'c.docx'), readFileSync(join(received, 'specified-complete.docx')));
    writeFileSync(join(inbox, 'readme.txt'), 'not a filing');
    await page.locator('#review-bureau').selectOption('');
    await page.setInputFiles('#review-folder', inbox);
    await page.waitForSelector('body[data-ready="review"]');
    expect(await page.locator('.review-table tbody th[scope=row]').allTextContents()).toEqual(['受信/a.yaml', '受信/b-sub/general-complete.pdf', '受信/c.docx']);
    const folderXlsx = await download(page, '#review-xlsx', 'page/folder-review.xlsx');
    const cliFolder = spawnSync(process.execPath, [join(ROOT, 'bin', 'tos-filing.js'), 'review', '受信', '--format', 'xlsx', '--out', join(dir, 'cli-folder')], { cwd: join(dir, 'inbox'), encoding: 'utf8' });
    expect(cliFolder.status, cliFolder.stderr).toBe(1); // a.yaml has an error
    expect(folderXlsx.bytes.equals(readFileSync(join(dir, 'cli-folder', 'review.xlsx')))).toBe(true);
    expect(s.outside).toEqual([]);
    await s.context.close();
  });
});

describe('the 新旧対照表 of the offline file', () => {
  it('makes the documents `tos-filing diff` makes, byte for byte', async () => {
    const before = join(ROOT, 'fixtures', 'sample', 'specified-complete.yaml');
    const changedDir = join(dir, 'changed');
    mkdirSync(changedDir, { recursive: true });
    const after = join(changedDir, 'specified-changed.yaml');
    writeFileSync(after, readFileSync(before, 'utf8').replace('港北みなと運輸株式会社', '港北みなと運輸ホールディングス株式会社'));
    const s = await openApp();
    const { page } = s;
    await page.setInputFiles('#diff-before', before);
    await page.setInputFiles('#diff-after', after);
    await page.click('#diff-make');
    await page.waitForSelector('body[data-diff-ready="true"]');
    expect(await page.locator('#diff-result').textContent()).toMatch(/^変更 1件/);
    await page.screenshot({ path: join(SHOTS, '10-diff.png') });
    const pdf = await download(page, '#diff-result a[download$=".pdf"]', 'page/diff.pdf');
    const docx = await download(page, '#diff-result a[download$=".docx"]', 'page/diff.docx');
    expect([pdf.name, docx.name]).toEqual(['specified-changed.diff.pdf', 'specified-changed.diff.docx']);
    // the CLI given the same file names (the 新旧対照表 names its two files)
    mkdirSync(join(dir, 'same-names'), { recursive: true });
    writeFileSync(join(dir, 'same-names', 'specified-complete.yaml'), readFileSync(before));
    writeFileSync(join(dir, 'same-names', 'specified-changed.yaml'), readFileSync(after));
    const made = spawnSync(process.execPath, [join(ROOT, 'bin', 'tos-filing.js'), 'diff', 'specified-complete.yaml', 'specified-changed.yaml', '--out', join(dir, 'cli-diff')], { cwd: join(dir, 'same-names'), encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    expect(pdf.bytes.equals(readFileSync(join(dir, 'cli-diff', 'specified-changed.diff.pdf')))).toBe(true);
    expect(docx.bytes.equals(readFileSync(join(dir, 'cli-diff', 'specified-changed.diff.docx')))).toBe(true);
    expect(s.outside).toEqual([]);
    await s.context.close();
  });
});

describe('saving through the File System Access API', () => {
  it('asks where once, then writes every later save to the same file, without a download', async () => {
    const s = await openApp({ pickers: true });
    const { page } = s;
    // a stand-in for the browser's save dialog (which a headless browser cannot show): it records what is written
    await page.evaluate(() => {
      const w = window as unknown as { picked: number; written: string[]; showSaveFilePicker: unknown; showOpenFilePicker: unknown };
      w.picked = 0;
      w.written = [];
      delete (w as { showOpenFilePicker?: unknown }).showOpenFilePicker;
      w.showSaveFilePicker = async (o: { suggestedName: string }) => {
        w.picked++;
        return {
          name: o.suggestedName,
          queryPermission: async () => 'granted',
          createWritable: async () => {
            let text = '';
            return { write: async (t: string) => void (text += t), close: async () => void w.written.push(text) };
          },
        };
      };
    });
    await page.locator('#new-port').fill('清水港');
    await page.click('#create');
    await page.waitForSelector('body[data-ready="true"]');
    let downloads = 0;
    page.on('download', () => downloads++);
    for (const name of ['駿河ベイ港運株式会社', '駿河ベイ港運株式会社（本社）']) {
      await page.locator('#f-applicant__name').fill(name);
      await page.locator('#f-applicant__name').blur();
      await page.click('#save');
      await page.waitForFunction(() => document.querySelector('.state')?.textContent?.startsWith('保存しました'));
      await page.locator('#f-applicant__name').focus();
    }
    const { picked, written } = await page.evaluate(() => {
      const w = window as unknown as { picked: number; written: string[] };
      return { picked: w.picked, written: w.written };
    });
    expect(picked).toBe(1);
    expect(written).toHaveLength(2);
    expect(written[1]).toMatch(/^ {2}name: "?駿河ベイ港運株式会社（本社）"?/m);
    // the skeleton's comments are kept
    expect(written[1]).toContain('# 申請日（例：令和8年4月1日）');
    expect(downloads).toBe(0);
    expect(s.outside).toEqual([]);
    await s.context.close();
  });
});

describe('opening through the File System Access API', () => {
  it('saves back to the file it opened, asking for permission once, never for a place', async () => {
    const s = await openApp({ pickers: true });
    const { page } = s;
    const original = readFileSync(join(ROOT, 'fixtures', 'sample', 'general-complete.yaml'), 'utf8');
    await page.evaluate((text) => {
      const w = window as unknown as { asked: number; savePicked: number; written: string[]; disk: string; showSaveFilePicker: unknown; showOpenFilePicker: unknown };
      w.asked = 0;
      w.savePicked = 0;
      w.written = [];
      w.disk = text;
      const handle = {
        name: 'general-complete.yaml',
        getFile: async () => new File([w.disk], 'general-complete.yaml'),
        queryPermission: async () => (w.asked ? 'granted' : 'prompt'),
        requestPermission: async () => (w.asked++, 'granted'),
        createWritable: async () => {
          let t = '';
          return { write: async (x: string) => void (t += x), close: async () => void (w.written.push(t), (w.disk = t)) };
        },
      };
      w.showOpenFilePicker = async () => [handle];
      w.showSaveFilePicker = async () => (w.savePicked++, handle);
    }, original);
    await page.locator('label.file-button', { has: page.locator('#open-file') }).click();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('.title .file').textContent()).toBe('general-complete.yaml');
    for (const phone of ['054-111-0001', '054-111-0002']) {
      await page.locator('#f-applicant__contact__phone').fill(phone);
      await page.locator('#f-applicant__contact__phone').blur();
      await page.click('#save');
      await page.waitForFunction(() => document.querySelector('.state')?.textContent?.startsWith('保存しました'));
    }
    const w = await page.evaluate(() => {
      const x = window as unknown as { asked: number; savePicked: number; written: string[] };
      return { asked: x.asked, savePicked: x.savePicked, written: x.written };
    });
    expect(w).toMatchObject({ asked: 1, savePicked: 0 });
    expect(w.written).toHaveLength(2);
    const changed = w.written[1]!.split('\n').filter((line, i) => line !== original.split('\n')[i]);
    expect(changed).toEqual([expect.stringContaining('054-111-0002')]);

    // someone else changes the file (a shared folder): coming back to the window says so, and a save does not overwrite it
    await page.evaluate(() => {
      const x = window as unknown as { disk: string };
      x.disk = x.disk.replace('塩釜北港運株式会社', '塩釜北港運ホールディングス株式会社');
    });
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.waitForFunction(() => document.querySelector('.notice')?.textContent?.includes('編集画面の外で変更されました'));
    await page.locator('#f-applicant__contact__phone').fill('054-111-0003');
    await page.locator('#f-applicant__contact__phone').blur();
    await page.click('#save');
    await page.waitForSelector('dialog.conflict[open]');
    expect(await page.evaluate(() => (window as unknown as { written: string[] }).written.length)).toBe(2);
    await page.screenshot({ path: join(SHOTS, '11-conflict.png') });
    await page.getByRole('button', { name: 'ファイルを読み込み直す（この画面の変更は破棄）' }).click();
    expect(await page.locator('#f-applicant__name').inputValue()).toBe('塩釜北港運ホールディングス株式会社');
    await page.locator('#f-applicant__contact__phone').fill('054-111-0004');
    await page.locator('#f-applicant__contact__phone').blur();
    await page.click('#save');
    await page.waitForFunction(() => (window as unknown as { written: string[] }).written.length === 3);
    const last = await page.evaluate(() => (window as unknown as { written: string[] }).written[2]!);
    expect(last).toContain('塩釜北港運ホールディングス株式会社');
    expect(last).toContain('054-111-0004');
    expect(last.split('\n').filter((l) => l.trim().startsWith('#'))).toEqual(original.split('\n').filter((l) => l.trim().startsWith('#')));
    expect(s.outside).toEqual([]);
    await s.context.close();
  });
});

describe('the offline file from a static web server', () => {
  it('works the same, asking the server for nothing but the file itself', async () => {
    const served: string[] = [];
    const server = createServer((req, res) => {
      served.push(req.url ?? '');
      if (req.url !== '/tos-filing.html') return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(readFileSync(html));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/tos-filing.html`);
      await page.waitForSelector('body[data-ready="start"]');
      await page.setInputFiles('#open-file', join(ROOT, 'fixtures', 'sample', 'general-complete.yaml'));
      await page.waitForSelector('body[data-ready="true"]');
      await page.click('#preview');
      await page.waitForSelector('body[data-previewed]');
      const pdf = await download(page, '#download-pdf', 'served/general-complete.pdf');
      const built = cli('build', join(ROOT, 'fixtures', 'sample', 'general-complete.yaml'), '--format', 'pdf', '--out', join(dir, 'served-cli'));
      expect(built.status, built.stderr).toBe(0);
      expect(pdf.bytes.equals(readFileSync(join(dir, 'served-cli', 'general-complete.pdf')))).toBe(true);
      expect(served).toEqual(['/tos-filing.html']);
    } finally {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('the file handle kept across a reload', () => {
  it('saves after a reload to the same file, asking no place (the handle is kept in the browser)', async () => {
    const server = createServer((_req, res) => void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(readFileSync(html)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // served over http: the browser's private file system gives real file handles (none on file://)
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    try {
      const page = await context.newPage();
      let downloads = 0;
      page.on('download', () => downloads++);
      await page.goto(`http://127.0.0.1:${port}/tos-filing.html`);
      await page.waitForSelector('body[data-ready="start"]');
      const original = readFileSync(join(ROOT, 'fixtures', 'sample', 'general-complete.yaml'), 'utf8');
      const stubSavePicker = () =>
        page.evaluate(() => {
          const w = window as unknown as { savePicked: number; showSaveFilePicker: unknown };
          w.savePicked = 0;
          w.showSaveFilePicker = async () => {
            w.savePicked++;
            throw new DOMException('cancelled', 'AbortError');
          };
        });
      await page.evaluate(async (text) => {
        const root = await navigator.storage.getDirectory();
        const file = await root.getFileHandle('general-complete.yaml', { create: true });
        const out = await (file as unknown as { createWritable(): Promise<{ write(t: string): Promise<void>; close(): Promise<void> }> }).createWritable();
        await out.write(text);
        await out.close();
        (window as unknown as { showOpenFilePicker: unknown }).showOpenFilePicker = async () => [file];
      }, original);
      await stubSavePicker();
      await page.locator('label.file-button', { has: page.locator('#open-file') }).click();
      await page.waitForSelector('body[data-ready="true"]');
      const onDisk = () =>
        page.evaluate(async () => {
          const root = await navigator.storage.getDirectory();
          return (await (await root.getFileHandle('general-complete.yaml')).getFile()).text();
        });
      for (const [phone, reload] of [['054-222-0001', false], ['054-222-0002', true]] as const) {
        if (reload) {
          await page.reload();
          await page.waitForSelector('body[data-ready="true"]');
          await stubSavePicker();
        }
        await page.locator('#f-applicant__contact__phone').fill(phone);
        await page.locator('#f-applicant__contact__phone').blur();
        await page.click('#save');
        await page.waitForFunction(() => document.querySelector('.state')?.textContent?.startsWith('保存しました'));
        expect(await onDisk()).toContain(phone);
        expect(await page.evaluate(() => (window as unknown as { savePicked: number }).savePicked)).toBe(0);
      }
      expect(downloads).toBe(0);
    } finally {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

