import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../src/catalog/requirements.ts';
import { CELL, reviewRows } from '../src/review/reviewFilings.ts';
import { collectFilingFiles } from '../src/io/collectFilingFiles.ts';
import { reviewContext } from '../src/review/reviewOutputs.ts';
import { DEFAULT_TEMPLATES_DIR } from '../src/platform/nodeTemplates.ts';
import { checkFiling } from '../src/validate/validate.ts';
import { readFiling } from '../src/io/readFiling.ts';
import { normalizeInput } from '../src/model/normalizeInput.ts';

const reviewFiles = (files: string[]) => reviewRows(files.map((file) => ({ file, read: readFiling(file) })));
import { fixturePath, root } from './helpers/fixtures.ts';
import { readDocx } from './helpers/readDocx.ts';
import { runCli } from './helpers/runCli.ts';

describe('review', () => {
  it('agrees with validate on every fixture, cell by cell', () => {
    const rows = reviewFiles(collectFilingFiles([fixturePath('')]));
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) {
      const read = readFiling(row.file);
      if (!read.ok) {
        expect(row.state).toBe('unreadable');
        continue;
      }
      const { filing, findings } = checkFiling(read.data);
      expect(row.errors, row.file).toBe(findings.filter((f) => f.severity === 'error').length);
      expect(row.warnings, row.file).toBe(findings.filter((f) => f.severity === 'warning').length);
      const missing = new Set(findings.filter((f) => f.code === 'MEASURE_MISSING').map((f) => f.requirementId));
      for (const req of REQUIREMENTS) {
        const cell = row.cells[req.id];
        expect(cell === CELL.missing, `${row.file} ${req.id}`).toBe(missing.has(req.id));
        // a filing that does not parse as a whole is still judged measure by measure, as validate judges it
        const status = filing ? filing.measures[req.id]?.status : (normalizeInput(read.data) as any)?.measures?.[req.id]?.status;
        if (cell === CELL.implemented) expect(status).toBe('implemented');
        if (cell === CELL.notApplicable) expect(status).toBe('not-applicable');
        if (cell === CELL.progressing) expect(['partial', 'planned', 'alternative']).toContain(status);
      }
    }
  });

  it('leaves specified-only columns blank for a general port', () => {
    const [row] = reviewFiles([fixturePath('sample/general-complete.yaml')]);
    for (const req of REQUIREMENTS) expect(row!.cells[req.id]).toBe(req.scope === 'all' ? CELL.implemented : CELL.blank);
  });

  it('reports an unreadable file in its row and goes on with the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tos-review-'));
    cpSync(fixturePath('sample/general-complete.yaml'), join(dir, 'a.yaml'));
    writeFileSync(join(dir, 'b.yaml'), 'application: [unclosed\n');
    cpSync(fixturePath('incomplete/common-omissions.yaml'), join(dir, 'c.yaml'));
    const out = join(dir, 'out');
    const { code, stdout } = await runCli(['review', dir, join(dir, 'missing.yaml'), '--out', out, '--format', 'text,csv,json,docx']);
    expect(code).toBe(2); // a file that gives no filing, as for build, validate and extract
    expect(stdout).toContain('読込不可');
    const json = JSON.parse(readFileSync(join(out, 'review.json'), 'utf8'));
    expect(json.filings.map((f: { file: string; state: string }) => [f.file.replace(dir, ''), f.state])).toEqual([
      ['/a.yaml', 'ok'],
      ['/b.yaml', 'unreadable'],
      ['/c.yaml', 'ok'],
      ['/missing.yaml', 'unreadable'],
    ]);
    expect(json.filings[2].cells['security-audit']).toBe('✗');

    const csv = readFileSync(join(out, 'review.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]!.split(',').slice(0, 10)).toEqual(['ファイル', '事業者', '港', '特定の港', '宛先', '申請区分', '代理人', '状態', 'エラー', '警告']);
    expect(lines[0]).toContain('1 資産の管理（機器構成・ネットワーク構成・外部接続・未管理機器の把握）');
    expect(lines[0]).not.toContain('asset-network-inventory');
    expect(lines[1]).toContain('塩釜北港運株式会社');
    expect(lines[2]).toContain('読込不可');

    const docx = readDocx(readFileSync(join(out, 'review.docx')));
    expect(docx.problems).toEqual([]);
    expect(docx.document).toContain('w:orient="landscape"');
    expect(docx.text).toContain('塩釜北港運株式会社');
  });

  it('finds filing files in folders recursively, in a stable order', () => {
    const files = collectFilingFiles([join(root, 'fixtures')]).map((f) => f.replace(root, ''));
    expect(files).toContain('fixtures/sample/specified-complete.yaml');
    expect(files).toEqual([...files].sort());
  });
});

describe('review document', () => {
  it('numbers the requirement columns as the filings number them, and marks with ○ △ × —', () => {
    const rows = reviewFiles([fixturePath('incomplete/common-omissions.yaml'), fixturePath('sample/general-complete.yaml')]);
    const context = reviewContext(rows);
    const byTitle = new Map(context.requirements.map((r) => [r.title, r]));
    // all 25 apply at a specified port, in catalog order; the 15 of all ports are numbered 1–15 at the others
    expect(byTitle.get('自己点検及び独立性を有する者による情報セキュリティ監査')).toMatchObject({ specifiedNo: '13', generalNo: null, specifiedItem: '（13）' });
    expect(byTitle.get('バックアップの複数世代保存と現用システムからの切り離し')).toMatchObject({ specifiedNo: '25', generalNo: '15', generalItem: '（15）' });
    expect(byTitle.get('外部委託を行う場合の情報セキュリティの確保')).toMatchObject({ specifiedNo: '２', generalNo: '２' });
    const marks = new Set(context.rows.flatMap((r) => r.cells));
    expect([...marks].sort()).toEqual(['', '×', '—', '○', '△'].filter((m) => marks.has(m)).sort());
    expect(marks.has('○') && marks.has('×')).toBe(true);
    expect([...marks].some((m) => m === '✓' || m === '✗')).toBe(false);
    // a finding is placed where the filing prints it, in its words, not by a field path
    const audit = context.rows[0]!.findings.find((f) => f.message.includes('自己点検'));
    expect(audit?.path).toBe('３（13）自己点検及び独立性を有する者による情報セキュリティ監査');
    expect(context.rows.flatMap((r) => r.findings.map((f) => f.path)).filter((p) => /[a-z]/.test(p))).toEqual([]);
  });
});

describe('templates check', () => {
  it('passes the bundled templates', async () => {
    const { code, stdout } = await runCli(['templates', 'check', DEFAULT_TEMPLATES_DIR]);
    expect(code).toBe(0);
    expect(stdout).toContain('specified-complete.yaml: OK');
  });

  it('names the requirement whose section a customised template drops', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'tos-tpl-')), 'tpl');
    cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
    const file = join(dir, 'partials/measures.hbs');
    const source = readFileSync(file, 'utf8');
    const edited = source.replace('{{#each requirements}}\n', '{{#each requirements}}{{#unless (eq id "security-audit")}}\n').replace(/\{\{\/each\}\}\s*$/, '{{/unless}}{{/each}}\n');
    expect(edited).not.toBe(source);
    writeFileSync(file, edited);
    const { code, stdout } = await runCli(['templates', 'check', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain('specified-complete.yaml: 要件 1件が書類にありません');
    expect(stdout).toContain('「自己点検及び独立性を有する者による情報セキュリティ監査」: 措置の記載');
    expect(stdout).toContain('general-complete.yaml: OK');
  });

  it('reports a template that no longer renders, with exit 2', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'tos-tpl-')), 'tpl');
    cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'partials/appendix.hbs'), '<table widths="1 1"><tr><td>{{port.name}}</td></tr></table>\n');
    const { code, stderr } = await runCli(['templates', 'check', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain('widths names 2 columns but the rows have 1');
  });
});
