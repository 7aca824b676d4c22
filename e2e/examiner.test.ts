import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeVisible } from '../src/document/visibleText.ts';
import { readDocumentBytes } from '../src/readers/readSource.ts';
import { readSource } from '../src/platform/readSourceFile.ts';
import { reviewRows } from '../src/review/reviewFilings.ts';
import { reviewXlsx } from '../src/review/reviewXlsx.ts';
import { BUILDABLE, buildDocs, fixtureData } from '../test/helpers/buildDocs.ts';
import { ink, pdfText } from './checks.ts';

/**
 * The examiner's side with real readers: documents that LibreOffice saved again still carry their data and read
 * as unedited; the PDF/A parts are seen by poppler and qpdf; the xlsx opens in LibreOffice Calc and openpyxl.
 */

const dir = mkdtempSync(join(tmpdir(), 'tos-e2e-examiner-'));
const run = (command: string, args: string[]) => {
  const r = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, HOME: dir }, maxBuffer: 64 * 2 ** 20, timeout: 170_000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
};
const soffice = (convertTo: string, file: string, outDir: string) =>
  run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', convertTo, '--outdir', outDir, file]);

describe('a .docx saved again by LibreOffice', () => {
  it.each(BUILDABLE.filter(([name]) => name.startsWith('sample') || name.startsWith('incomplete/common')))('%s keeps its data, and its text reads as unedited', async (name, draft) => {
    const { docx } = await buildDocs(name, draft);
    const src = join(dir, `${name.replace(/\W/g, '_')}.docx`);
    writeFileSync(src, docx);
    const outDir = mkdtempSync(join(dir, 'rt-'));
    const r = soffice('docx:MS Word 2007 XML', src, outDir);
    expect(r.status, r.stderr).toBe(0);
    const resaved = readFileSync(join(outDir, readdirSync(outDir)[0]!));
    expect(Buffer.from(resaved).equals(Buffer.from(docx))).toBe(false); // it really is LibreOffice's file
    const read = readDocumentBytes('resaved.docx', 'docx', resaved);
    if (!read.ok) throw new Error(read.message);
    expect(read.data).toEqual((readDocumentBytes('x.docx', 'docx', docx) as { data: unknown }).data);
    expect(read.carrier?.changedSections).toEqual([]);
  });
});

describe('PDF/A parts seen by poppler and qpdf', () => {
  it('qpdf finds no errors; pdfinfo sees the metadata stream; pdfdetach lists and extracts the data file', async () => {
    const { pdf } = await buildDocs('sample/specified-complete.yaml', false);
    const file = join(dir, 'pdfa.pdf');
    writeFileSync(file, pdf);
    expect(run('qpdf', ['--check', file]).stdout).toContain('No syntax or stream encoding errors');
    expect(run('pdfinfo', [file]).stdout).toMatch(/Metadata Stream:\s+yes/);
    expect(run('pdfdetach', ['-list', file]).stdout).toContain('tos-filing.json');
    const saved = join(dir, 'carried.json');
    expect(run('pdfdetach', ['-save', '1', '-o', saved, file]).status).toBe(0);
    const carried = JSON.parse(readFileSync(saved, 'utf8'));
    expect(carried.filing).toEqual(((await readSource(file)) as { data: unknown }).data);
    // the text poppler sees is the text we recorded (whitespace and running heads aside)
    expect(normalizeVisible(pdfText(file))).toContain(carried.sections[3].text.slice(0, 30));
  });

  it('a notice renders with ink on the page', async () => {
    const out = mkdtempSync(join(dir, 'notice-'));
    const { runCli } = await import('../test/helpers/runCli.ts');
    const { fixturePath } = await import('../test/helpers/fixtures.ts');
    await runCli(['review', fixturePath('incomplete/contradictions.yaml'), '--notice', '--format', 'pdf', '--out', out]);
    const notice = join(out, 'contradictions.notice.pdf');
    expect(ink(notice)).toBeGreaterThan(1000);
    expect(pdfText(notice)).toContain('補正について');
  });
});

describe('the xlsx review in real spreadsheet readers', () => {
  const names = ['sample/specified-complete.yaml', 'sample/general-complete.yaml', 'incomplete/common-omissions.yaml'];
  const rows = () => reviewRows(names.map((name) => ({ file: name, read: { ok: true as const, file: name, data: fixtureData(name) } })));

  it('opens in LibreOffice Calc with the same cells', () => {
    const file = join(dir, 'review.xlsx');
    writeFileSync(file, reviewXlsx(rows()));
    const outDir = mkdtempSync(join(dir, 'csv-'));
    // sheet -1: every sheet to its own CSV, UTF-8
    const r = soffice('csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', file, outDir);
    expect(r.status, r.stderr).toBe(0);
    const review = readFileSync(join(outDir, 'review-審査一覧.csv'), 'utf8').trim().split('\n');
    expect(review).toHaveLength(4);
    expect(review[0]).toMatch(/^No\.,ファイル,事業者,港,港の区分,申請区分,宛先,宛先の局,代理人,状態,エラー件数,警告件数,1 資産の管理/);
    expect(review[3]).toMatch(/^3,incomplete\/common-omissions\.yaml,港北みなと運輸株式会社,名古屋港,特定の港,一般港湾運送事業の許可申請,中部運輸局長,中部運輸局,,読込済み,4,2,/);
    expect(review[3]).toContain('×');
    expect(readFileSync(join(outDir, 'review-指摘事項.csv'), 'utf8')).toContain('措置が記載されていません');
  });

  it('openpyxl sees frozen panes and filters on every sheet', () => {
    const file = join(dir, 'review-openpyxl.xlsx');
    writeFileSync(file, reviewXlsx(rows()));
    const script = `import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\nfor ws in wb.worksheets: print(ws.title, ws.freeze_panes, ws.auto_filter.ref, len(ws.merged_cells.ranges))`;
    const r = run('/usr/bin/python3', ['-c', script, file]);
    expect(r.status, r.stderr).toBe(0);
    const findings = rows().reduce((n, row) => n + row.findings.length, 0);
    const substance = rows().reduce((n, row) => n + Object.values(row.cells).filter((c) => c !== '').length, 0);
    expect(r.stdout.trim().split('\n')).toEqual(['審査一覧 D2 A1:AK4 0', `指摘事項 A2 A1:H${findings + 1} 0`, `記載内容 A2 A1:H${substance + 1} 0`, '要件 A2 A1:F26 0', '凡例 A2 A1:B6 0']);
  });
});
