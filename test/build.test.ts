import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { requirementsFor } from '../src/catalog/requirementsFor.ts';
import { DEFAULT_TEMPLATES_DIR } from '../src/platform/nodeTemplates.ts';
import { fixturePath, loadFixture, root } from './helpers/fixtures.ts';
import { readDocx } from './helpers/readDocx.ts';
import { readPdf } from './helpers/readPdf.ts';
import { runCli } from './helpers/runCli.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'tos-filing-build-'));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('tos-filing build', () => {
  it('writes <name>.docx and <name>.pdf with the cover, every section and every applicable requirement', async () => {
    const out = tempDir();
    const { code, stdout } = await runCli(['build', fixturePath('sample/specified-complete.yaml'), '--out', out]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([join(out, 'specified-complete.docx'), join(out, 'specified-complete.pdf')]);
    const pdf = await readPdf(readFileSync(join(out, 'specified-complete.pdf')));
    const docx = readDocx(readFileSync(join(out, 'specified-complete.docx')));
    expect(pdf.notdef).toBe(0);
    expect(docx.problems).toEqual([]);
    const pdfText = pdf.pages.join('\n');
    for (const text of [pdfText, docx.text]) {
      // digits and Latin letters are shown half-width in both documents
      for (const expected of ['令和7年4月1日', '関東運輸局長', '港北みなと運輸株式会社', '1　TOSの概要', '2　管理体制', '3　情報セキュリティの確保に関する事項', '別表　要件対照表']) {
        expect(text, expected).toContain(expected);
      }
      for (const req of requirementsFor({ specified: true })) expect(text, req.id).toContain(req.title.slice(0, 12));
    }
    // same sections in the same order in both outputs
    const order = (text: string) => ['1　TOSの概要', '2　管理体制', '3　情報セキュリティ', '別表　要件対照表'].map((h) => text.indexOf(h));
    expect(order(pdfText)).toEqual([...order(pdfText)].sort((a, b) => a - b));
    expect(order(docx.text)).toEqual([...order(docx.text)].sort((a, b) => a - b));
  });

  it('writes nothing and exits 1 when the filing has errors', async () => {
    const out = tempDir();
    const { code, stderr } = await runCli(['build', fixturePath('incomplete/common-omissions.yaml'), '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain('「自己点検及び独立性を有する者による情報セキュリティ監査」の措置が記載されていません');
    expect(stderr).toContain('書類を作成しませんでした');
    expect(readdirSync(out)).toEqual([]);
  });

  it('--draft builds anyway, marks gaps in place and the draft on every page', async () => {
    const out = tempDir();
    const { code } = await runCli(['build', fixturePath('incomplete/common-omissions.yaml'), '--out', out, '--draft']);
    expect(code).toBe(0);
    const pdf = await readPdf(readFileSync(join(out, 'common-omissions.pdf')));
    // the watermark on every page, the banner in the running header from page 2 (the cover has none)
    for (const runs of pdf.runs) expect(runs.some((r) => r.rotated && r.text === '下書き')).toBe(true);
    pdf.pages.forEach((page, i) => expect(page.includes('【下書き】')).toBe(i > 0));
    const all = pdf.pages.join('\n');
    expect(all).toContain('【未記入：');
    expect(all).toContain('【要確認：');
    const docx = readDocx(readFileSync(join(out, 'common-omissions.docx')));
    expect(docx.text).toContain('【未記入：');
    const headers = Object.keys(docx.files).filter((n) => /word\/header\d*\.xml/.test(n));
    expect(headers.some((h) => docx.xml(h).includes('【下書き】'))).toBe(true);
    for (const h of headers) expect(docx.xml(h)).toMatch(/PowerPlusWaterMarkObject[\s\S]*string="下書き"/);
  });

  it('--draft fills empty text fields of a half-written filing with 【未記入】', async () => {
    const filing = loadFixture('sample/general-complete.yaml') as unknown as Record<string, any>;
    filing.applicant.name = '';
    filing.measures['bcp-training'].description = '';
    const dir = tempDir();
    const file = join(dir, 'half.yaml');
    writeFileSync(file, stringify(filing));
    expect((await runCli(['build', file, '--out', dir])).code).toBe(1);
    expect((await runCli(['build', file, '--out', dir, '--draft'])).code).toBe(0);
    const pdf = (await readPdf(readFileSync(join(dir, 'half.pdf')))).pages.join('\n');
    expect(pdf).toMatch(/名\s*称\s*【未記入：申請者の名称】/);
    expect(pdf).toContain('【未記入：講じている措置】');
  });

  it('--draft builds a fresh `init` file, blank 申請日 included, and marks the date where it goes', async () => {
    const dir = tempDir();
    const file = join(dir, 'fresh.yaml');
    const init = await runCli(['init', '--port', '清水港']);
    writeFileSync(file, init.stdout);
    const { code } = await runCli(['build', file, '--out', dir, '--draft']);
    expect(code).toBe(0);
    const pdf = await readPdf(readFileSync(join(dir, 'fresh.pdf')));
    expect(pdf.pages[0]).toContain('【未記入：申請日】');
    expect(readDocx(readFileSync(join(dir, 'fresh.docx'))).text).toContain('【未記入：申請日】');
    // a date written but unreadable is for the person to correct: no draft hides it
    writeFileSync(file, init.stdout.replace(/filingDate: ""/, 'filingDate: 令和8年13月1日'));
    const unreadable = await runCli(['build', file, '--out', join(dir, 'again'), '--draft']);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toContain('下書きも作成できませんでした');
    expect(unreadable.stderr).toContain('application.filingDate');
  });

  it('shows user text with markup characters, emoji, 𠮷, long words and line breaks as typed', async () => {
    const out = tempDir();
    const { code } = await runCli(['build', fixturePath('robustness/hostile-text.yaml'), '--out', out]);
    expect(code).toBe(0);
    const pdf = await readPdf(readFileSync(join(out, 'hostile-text.pdf')));
    const docx = readDocx(readFileSync(join(out, 'hostile-text.docx')));
    expect(docx.problems).toEqual([]);
    expect(pdf.notdef).toBe(0);
    expect(pdf.fonts.map((f) => f.name)).toContainEqual(expect.stringMatching(/^[A-Z]{6}\+NotoEmoji-Regular$/));
    const pdfText = pdf.pages.join('\n').replace(/\n/g, '');
    const docxText = docx.text.replace(/\n/g, '');
    for (const typed of ['<b>𠮷野</b> & "港運" \'株式会社\' 🚢⚓', '1行目：<document>&amp; </p> {{x}} ]]> の文字列はそのまま表示される。', 'A'.repeat(81), '髙﨑 𠮷男', '絵文字🔒']) {
      expect(pdfText, typed).toContain(typed);
      expect(docxText, typed).toContain(typed);
    }
    // the line breaks typed in the description stay line breaks in Word
    expect(docx.text).toMatch(/そのまま表示される。\n2行目/);
    // and the structure is intact: still one bold title, the same number of tables as the plain sample
    const plainOut = tempDir();
    await runCli(['build', fixturePath('sample/specified-complete.yaml'), '--out', plainOut, '--format', 'docx']);
    const plain = readDocx(readFileSync(join(plainOut, 'specified-complete.docx')));
    expect(docx.document.match(/<w:tbl>/g)?.length).toBe(plain.document.match(/<w:tbl>/g)?.length);
  });

  it('gives byte-identical files on every run and in every time zone', { timeout: 60_000 }, () => {
    const dirs = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles'].map((tz) => {
      const out = tempDir();
      execFileSync('npx', ['--no-install', 'tos-filing', 'build', fixturePath('sample/specified-complete.yaml'), '--out', out], {
        cwd: root,
        env: { ...process.env, TZ: tz },
        stdio: 'pipe',
      });
      return out;
    });
    for (const name of ['specified-complete.docx', 'specified-complete.pdf']) {
      const sums = dirs.map((d) => sha(join(d, name)));
      expect(new Set(sums).size, name).toBe(1);
    }
  });

  it('uses a law firm’s own templates with --templates', async () => {
    const dir = tempDir();
    cpSync(DEFAULT_TEMPLATES_DIR, join(dir, 'tpl'), { recursive: true });
    const cover = join(dir, 'tpl/partials/cover.hbs');
    writeFileSync(cover, readFileSync(cover, 'utf8').replace('下記のとおり記載します。', '下記のとおり記載いたします（行政書士法人みなと作成）。'));
    const { code } = await runCli(['build', fixturePath('sample/general-complete.yaml'), '--out', dir, '--templates', join(dir, 'tpl'), '--format', 'pdf']);
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'general-complete.docx'))).toBe(false);
    const text = (await readPdf(readFileSync(join(dir, 'general-complete.pdf')))).pages.join('');
    expect(text.replace(/\n/g, '')).toContain('行政書士法人みなと作成');
  });

  it('rejects a template with unescaped output, naming the file, line and column', async () => {
    const dir = tempDir();
    cpSync(DEFAULT_TEMPLATES_DIR, join(dir, 'tpl'), { recursive: true });
    writeFileSync(join(dir, 'tpl/partials/cover.hbs'), '<p>安全</p>\n<p>{{{applicant.name}}}</p>\n');
    const { code, stderr } = await runCli(['build', fixturePath('sample/general-complete.yaml'), '--out', dir, '--templates', join(dir, 'tpl')]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, 'tpl/partials/cover.hbs')}:2:4`);
    expect(readdirSync(dir)).toEqual(['tpl']);
  });

  it('rejects a template that calls an unknown helper or misspells a field', async () => {
    const dir = tempDir();
    cpSync(DEFAULT_TEMPLATES_DIR, join(dir, 'tpl'), { recursive: true });
    writeFileSync(join(dir, 'tpl/partials/cover.hbs'), '<p>{{applicant.nmae}}</p>\n');
    const typo = await runCli(['build', fixturePath('sample/general-complete.yaml'), '--out', dir, '--templates', join(dir, 'tpl')]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('"nmae" not defined');
    writeFileSync(join(dir, 'tpl/partials/cover.hbs'), '<p>{{shout applicant.name}}</p>\n');
    const helper = await runCli(['build', fixturePath('sample/general-complete.yaml'), '--out', dir, '--templates', join(dir, 'tpl')]);
    expect(helper.code).toBe(2);
    expect(helper.stderr).toContain('shout');
  });
});
