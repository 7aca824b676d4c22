import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixturePath, root } from '../test/helpers/fixtures.ts';
import { ink, pdfText } from './checks.ts';

/**
 * Plans typed by hand, as an office makes them: LibreOffice turns each HTML plan of fixtures/handtyped/ into a
 * .docx, and that .docx into a PDF. Both are imported as drafts and reviewed as a screening; the draft built from
 * the import shows 【要確認】 where it holds the document's words and 【未記入】 where it lacks them.
 */

const dir = mkdtempSync(join(tmpdir(), 'tos-handtyped-'));
const run = (command: string, args: string[], cwd = dir) => {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, HOME: dir }, maxBuffer: 64 * 2 ** 20, timeout: 170_000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
};
const soffice = (convertTo: string, file: string, outDir: string) =>
  run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', convertTo, '--outdir', outDir, file]);
const cli = (...args: string[]) => run(process.execPath, [join(root, 'bin', 'tos-filing.js'), ...args]);

const PLANS = ['01-yokohama-headings', '03-kobe-table'] as const;

/** The plan's .docx (from its HTML) and .pdf (from that .docx), both made by LibreOffice. */
function officeFiles(name: string): { docx: string; pdf: string } {
  const out = join(dir, name);
  const html = join(out, 'plan.html');
  if (!existsSync(html)) {
    run('mkdir', ['-p', out]);
    copyFileSync(fixturePath(`handtyped/${name}/plan.html`), html);
    const d = soffice('docx:MS Word 2007 XML', html, out);
    expect(d.status, d.stderr).toBe(0);
    const p = soffice('pdf:writer_pdf_Export', join(out, 'plan.docx'), out);
    expect(p.status, p.stderr).toBe(0);
  }
  return { docx: join(out, 'plan.docx'), pdf: join(out, 'plan.pdf') };
}

describe.each(PLANS)('the hand-typed plan %s', (name) => {
  const expected = JSON.parse(readFileSync(fixturePath(`handtyped/${name}/expected.json`), 'utf8')) as { requirements: string[]; applicant: string; port: string };

  it.each(['docx', 'pdf'] as const)('imports its .%s as a draft with the applicant, the port and the measures it describes', (format) => {
    const file = officeFiles(name)[format];
    const out = join(dir, name, `draft-${format}.yaml`);
    const r = cli('import', file, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('本文の読み取りによる推定');
    expect(r.stderr).toMatch(format === 'pdf' ? /… \d+ページ/ : /… (第\d+段落|表\d+の\d+行目)/);
    const draft = parse(readFileSync(out, 'utf8')) as { applicant: { name: string }; port: { name: string }; measures: Record<string, { description: string; importedFrom: string }> };
    expect(draft.applicant.name).toBe(expected.applicant);
    expect(draft.port.name).toBe(expected.port);
    const found = Object.keys(draft.measures);
    // what it found is what the plan says (a handful may escape a reading; none may be invented)
    expect(found.filter((id) => !expected.requirements.includes(id))).toEqual([]);
    expect(found.length).toBeGreaterThanOrEqual(expected.requirements.length - 2);
    for (const m of Object.values(draft.measures)) expect(m.importedFrom).toBeTruthy();
  });

  it('reviews its .docx and .pdf as a screening: ○ labelled 推定, the passages quoted with their place', () => {
    const { docx, pdf } = officeFiles(name);
    const r = cli('review', docx, pdf);
    expect([0, 1]).toContain(r.status);
    expect(r.stdout).toContain('推定（本文の読み取り）');
    expect(r.stdout).toContain('○ 本文に記載あり（推定）');
    expect(r.stdout).toMatch(/本文の\d+ページに記載があります（推定）：「/);
    expect(r.stdout).toMatch(/本文の(第\d+段落|表\d+の\d+行目)に記載があります（推定）：「/);
    expect(r.stdout).toContain(expected.applicant);
  });
});

describe('the draft built from an import', () => {
  it('shows 【要確認】 where it holds the document words and 【未記入】 where they are missing, on pages with ink', () => {
    const { pdf } = officeFiles('03-kobe-table');
    const draft = join(dir, 'kobe-draft.yaml');
    expect(cli('import', pdf, '--out', draft).status).toBe(0);
    const out = join(dir, 'kobe-out');
    const b = cli('build', draft, '--draft', '--out', out);
    expect(b.status, b.stderr).toBe(0);
    const built = readdirSync(out).find((f) => f.endsWith('.pdf'))!;
    const text = pdfText(join(out, built)).replace(/\s+/g, '');
    expect(text).toContain('【要確認');
    expect(text).toMatch(/書類の\d+ページから読み取った記載です/);
    expect(text).toContain('【未記入');
    expect(text).toContain('六甲ロジスティクス株式会社');
    expect(ink(join(out, built), 1)).toBeGreaterThan(500);
    const png = run('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '3', join(out, built), join(dir, 'kobe-page')]);
    expect(png.status).toBe(0);
  });
});

describe('a plan PDF with a password (qpdf)', () => {
  it('is refused as encrypted, in Japanese (exit 2)', () => {
    const { pdf } = officeFiles('01-yokohama-headings');
    const locked = join(dir, 'locked.pdf');
    expect(run('qpdf', ['--encrypt', 'user', 'owner', '256', '--', pdf, locked]).status).toBe(0);
    const r = cli('import', locked);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('暗号化（パスワード保護）されているため読めません');
  });
});

describe('a scanned plan', () => {
  it('an image-only PDF (the plan\'s page as a picture, as a scanner makes it) is refused: no text, no OCR (exit 2)', async () => {
    const { pdf } = officeFiles('01-yokohama-headings');
    expect(run('pdftoppm', ['-r', '100', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'scan')]).status).toBe(0);
    const doc = await PDFDocument.create();
    const image = await doc.embedPng(readFileSync(join(dir, 'scan.png')));
    doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    const scanned = join(dir, 'scan.pdf');
    writeFileSync(scanned, await doc.save());
    const r = cli('validate', scanned);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/文字の情報（テキスト）がありません.*OCR/);
  });
});
