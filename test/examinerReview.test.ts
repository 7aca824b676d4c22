import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../src/catalog/requirements.ts';
import { addressedBureau, markOtherBureaus, parseBureau, unknownBureauMessage } from '../src/review/bureauFilter.ts';
import { agentLine, filingFacts, opening } from '../src/review/filingFacts.ts';
import { noticeSummary } from '../src/review/noticeSummary.ts';
import { type ReviewRow, reviewRow } from '../src/review/reviewFilings.ts';
import { matrixCells, matrixHeader, reviewContext, reviewCsv, reviewText } from '../src/review/reviewOutputs.ts';
import { rowHeight, wrappedLines } from '../src/render/xlsx/writeXlsx.ts';
import { reviewXlsx } from '../src/review/reviewXlsx.ts';
import { findingMessage } from '../src/validate/messages.ts';
import { fixturePath, loadFixture } from './helpers/fixtures.ts';
import { runCli } from './helpers/runCli.ts';

const AGENT = { qualification: 'administrative-scrivener', name: '山田花子', office: '山田行政書士事務所', registrationNumber: '第12345678号' };
const rowOf = (name: string, edit: (data: any) => void = () => {}) => {
  const data: any = loadFixture(name);
  edit(data);
  return reviewRow(name, { ok: true, data });
};

describe('宛先・申請区分・代理人 in the review', () => {
  it('reads them from the filing, the kind and qualification as their labels', () => {
    const row = rowOf('sample/general-complete.yaml', (d) => (d.agent = AGENT));
    expect(row.addressee).toBe('東北運輸局長');
    expect(row.kind).toBe('一般港湾運送事業の許可申請');
    expect(row.agent).toEqual({ qualification: '行政書士', name: '山田花子', office: '山田行政書士事務所', registrationNumber: '第12345678号' });
    expect(agentLine(row.agent)).toBe('行政書士　山田花子（山田行政書士事務所、登録番号 第12345678号）');
    expect(rowOf('sample/general-complete.yaml').agent).toBeNull();
  });

  it('still reads them from a filing that does not parse as a whole', () => {
    const facts = filingFacts({ application: { kind: '事業計画変更届出', addressee: ' 九州運輸局長 ' }, measures: 'x' });
    expect(facts).toMatchObject({ addressee: '九州運輸局長', kind: '事業計画変更届出', agent: null, substance: {} });
  });

  it('shows them in the text, the csv and the review document', () => {
    const row = rowOf('sample/general-complete.yaml', (d) => (d.agent = AGENT));
    const text = reviewText([row]);
    expect(text).toContain('宛先：東北運輸局長　申請区分：一般港湾運送事業の許可申請　代理人：行政書士　山田花子');
    const [header, line] = reviewCsv([row]).slice(1).split('\r\n');
    const cols = header!.split(',');
    const values = line!.split(',');
    expect(values[cols.indexOf('宛先')]).toBe('東北運輸局長');
    expect(values[cols.indexOf('申請区分')]).toBe('一般港湾運送事業の許可申請');
    expect(values[cols.indexOf('代理人')]).toContain('山田花子');
    const context = reviewContext([row]).rows[0]!;
    expect(context).toMatchObject({ addressee: '東北運輸局長', kind: '一般港湾運送事業の許可申請' });
    expect(context.agent).toContain('山田行政書士事務所');
  });
});

describe('review --bureau', () => {
  it('takes a bureau with or without 長, in any width', () => {
    expect(parseBureau('九州運輸局')).toBe('九州運輸局');
    expect(parseBureau('九州運輸局長')).toBe('九州運輸局');
    expect(parseBureau(' 神戸運輸監理部長')).toBe('神戸運輸監理部');
    expect(parseBureau('沖縄総合事務局')).toBe('沖縄総合事務局');
    expect(parseBureau('九州')).toBeNull();
    expect(unknownBureauMessage('九州局')).toMatch(/「九州局」は地方運輸局等の名称ではありません。もしかして「九州運輸局」ですか。/);
  });

  it('finds the bureau from the addressee, else from the port in the registry', () => {
    expect(addressedBureau({ addressee: '東北運輸局長', port: '清水港' })).toEqual({ bureau: '東北運輸局', via: 'addressee' });
    expect(addressedBureau({ addressee: '運輸局長', port: '清水港' })).toEqual({ bureau: '中部運輸局', via: 'port' });
    expect(addressedBureau({ addressee: null, port: '存在しない港' })).toBeNull();
  });

  it('marks each filing addressed elsewhere with a warning of its own, counted in its row', () => {
    const tohoku = rowOf('sample/general-complete.yaml');
    const kyushu = rowOf('sample/general-complete.yaml', (d) => (d.application.addressee = '九州運輸局長'));
    const [marked, own] = markOtherBureaus([tohoku, kyushu], '九州運輸局');
    expect(marked!.warnings).toBe(tohoku.warnings + 1);
    expect(marked!.otherBureau).toBe('東北運輸局');
    const mark = marked!.findings.find((f) => f.code === 'ADDRESSED_TO_OTHER_BUREAU');
    expect(mark).toMatchObject({ severity: 'warning', path: 'application.addressee' });
    expect(reviewText([marked!])).toContain('九州運輸局あてではありません');
    expect(own).toBe(kyushu);
    expect(own!.findings.some((f) => f.code === 'ADDRESSED_TO_OTHER_BUREAU')).toBe(false);
  });

  it('on the command line: marks rows, keeps the exit code of the findings, refuses an unknown bureau', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tos-bureau-'));
    const ok = await runCli(['review', fixturePath('sample/general-complete.yaml'), '--bureau', '九州運輸局長', '--format', 'json', '--out', dir]);
    expect(ok.code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'review.json'), 'utf8'));
    expect(json.filings[0].otherBureau).toBe('東北運輸局');
    expect(json.filings[0].findings.map((f: { code: string }) => f.code)).toContain('ADDRESSED_TO_OTHER_BUREAU');
    const bad = await runCli(['review', fixturePath('sample/general-complete.yaml'), '--bureau', '九州局', '--out', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('「九州局」は地方運輸局等の名称ではありません');
    expect(bad.stderr).not.toMatch(/at .*\.ts/);
  });
});

describe('the text view numbers columns unambiguously', () => {
  it('gives every requirement a column as wide as its number, the marks under the numbers', () => {
    const header = matrixHeader();
    const numbers = header.trim().split(/\s+/);
    expect(numbers).toEqual(REQUIREMENTS.map((_, i) => String(i + 1)));
    const row = rowOf('sample/general-complete.yaml');
    const cells = matrixCells(row);
    expect(cells.length).toBe(header.length);
    REQUIREMENTS.forEach((r, i) => {
      const end = header.indexOf(` ${i + 1}`, i * 3 - 1) + ` ${i + 1}`.length; // the column's last character
      expect(cells[end - 1], `${i + 1}`).toBe(row.cells[r.id] || ' ');
    });
    // column 11 is headed 11, not 1
    expect(header.slice(30, 33)).toBe(' 11');
  });
});

describe('review --notice with nothing to send', () => {
  const ok = rowOf('sample/general-complete.yaml');
  const unreadable: ReviewRow = reviewRow('broken.yaml', { ok: false, message: '読めません' });

  it('says 該当なし and for which files, and names files it could not read', () => {
    expect(noticeSummary([ok], 'ja')).toBe('補正のお願い：該当なし（エラーのある届出はありません：sample/general-complete.yaml）');
    expect(noticeSummary([ok, unreadable], 'ja')).toContain('読み込めないため補正のお願いを作成していないファイル：broken.yaml');
  });

  it('says nothing more when a notice is made', () => {
    expect(noticeSummary([ok, rowOf('incomplete/common-omissions.yaml')], 'ja')).toBeNull();
  });

  it('on the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tos-notice-'));
    const r = await runCli(['review', fixturePath('sample/general-complete.yaml'), '--notice', '--format', 'pdf', '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('補正のお願い：該当なし（エラーのある届出はありません：');
    expect(r.stdout).toContain('general-complete.yaml');
  });
});

describe('one exit code for a file that gives no filing', () => {
  it('review, validate and extract all exit 2 for a document without data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tos-nodata-'));
    const pdf = join(dir, 'scan.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const yaml = join(dir, 'ok.yaml');
    writeFileSync(yaml, stringify(loadFixture('sample/general-complete.yaml')));
    for (const args of [['validate', pdf], ['extract', pdf], ['review', pdf, '--out', join(dir, 'o1')], ['review', yaml, pdf, '--out', join(dir, 'o2')]]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
    }
  });

  it('review --help lists every format, xlsx among them', async () => {
    const r = await runCli(['review', '--help']);
    expect(r.stdout).toContain('text / csv / json / xlsx / docx / pdf');
  });
});

describe('substance: the opening of 講じている措置', () => {
  it('is cut at the given length with …, on one line', () => {
    expect(opening('あいうえお\nかきくけこ', 7)).toBe('あいうえお か…');
    expect(opening('短い', 7)).toBe('短い');
    expect(opening(undefined, 7)).toBe('');
  });
});

describe('the review workbook: substance and print setup', () => {
  const rows = [rowOf('sample/specified-complete.yaml'), rowOf('incomplete/common-omissions.yaml')];
  const files = unzipSync(reviewXlsx(rows));
  const sheet = (n: number) => strFromU8(files[`xl/worksheets/sheet${n}.xml`]!);
  const workbook = strFromU8(files['xl/workbook.xml']!);

  it('has a sheet of what each filing writes per requirement, with that requirement\'s errors and warnings', () => {
    expect(workbook).toContain('<sheet name="記載内容" sheetId="3"');
    const substance = sheet(3);
    const written = rows[0]!.substance['asset-network-inventory']!;
    expect(substance).toContain(opening(written, 120).slice(0, 40));
    const warned = rows[1]!.findings.find((f) => f.requirementId && f.severity === 'warning')!;
    expect(substance).toContain(`警告：${findingMessage(warned, 'ja').slice(0, 20)}`);
    // one row per filing and requirement required at its port, besides the header
    const required = rows.reduce((n, r) => n + Object.values(r.cells).filter((c) => c !== '').length, 0);
    expect(substance.match(/<row /g)).toHaveLength(required + 1);
  });

  it('prints every sheet landscape, one page wide, its header row on every page', () => {
    const names = [...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    names.forEach((name, i) => {
      expect(sheet(i + 1)).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
      expect(sheet(i + 1)).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
      expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${name}'!$1:$1</definedName>`);
    });
  });

  it('makes each row as tall as its longest wrapped cell', () => {
    expect(wrappedLines('あ'.repeat(10), 21)).toBe(1);
    expect(wrappedLines('あ'.repeat(11), 21)).toBe(2);
    expect(wrappedLines('a\nb', 10)).toBe(2);
    const columns = [{ header: 'a', width: 21 }, { header: 'b', width: 5, center: true }];
    expect(rowHeight(['あ'.repeat(30), 'あああああああ'], columns)).toBe(rowHeight(['あ'.repeat(30)], columns));
    expect(rowHeight(['あ'.repeat(30)], columns)).toBeGreaterThan(rowHeight(['あ'], columns) * 2.5);
    const heights = [...sheet(3).matchAll(/<row r="\d+" ht="([\d.]+)" customHeight="1">/g)].map((m) => Number(m[1]));
    expect(heights.length).toBeGreaterThan(10);
    expect(new Set(heights).size).toBeGreaterThan(1);
  });

  it('gives the same bytes for the same filings', () => {
    expect(Buffer.from(reviewXlsx(rows)).equals(Buffer.from(reviewXlsx(rows)))).toBe(true);
  });
});
