import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../src/catalog/requirements.ts';
import { reviewRows } from '../src/review/reviewFilings.ts';
import { reviewXlsx } from '../src/review/reviewXlsx.ts';
import { fixtureData } from './helpers/buildDocs.ts';
import { fixturePath } from './helpers/fixtures.ts';
import { readDocx } from './helpers/readDocx.ts';
import { runCli } from './helpers/runCli.ts';

const NAMES = ['sample/specified-complete.yaml', 'sample/general-complete.yaml', 'incomplete/common-omissions.yaml', 'invalid/wrong-types.yaml'];
const rows = () => reviewRows(NAMES.map((name) => ({ file: name, read: { ok: true as const, file: name, data: fixtureData(name) } })));

/** Cell values of a sheet by A1 reference, from the inline strings and numbers we write. */
function cells(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>)/g)) out.set(m[1]!, m[2] ?? m[3] ?? '');
  return out;
}

describe('review --format xlsx', () => {
  const files = unzipSync(reviewXlsx(rows()));
  const sheet = (n: number) => strFromU8(files[`xl/worksheets/sheet${n}.xml`]!);

  it('has one row per filing, requirement columns with their numbers and Japanese titles, and the marks', () => {
    const c = cells(sheet(1));
    expect(c.get('A1')).toBe('No.');
    expect(c.get('M1')).toBe(`1 ${REQUIREMENTS[0]!.title}`);
    expect(c.get('AK1')).toBe(`25 ${REQUIREMENTS[24]!.title}`);
    expect([c.get('F1'), c.get('G1'), c.get('H1'), c.get('I1')]).toEqual(['申請区分', '宛先', '宛先の局', '代理人']);
    expect(c.get('B2')).toBe('sample/specified-complete.yaml');
    expect(new Set([...c].filter(([ref]) => /^([M-Z]|A[A-K])[2-5]$/.test(ref)).map(([, v]) => v))).toEqual(new Set(['○', '△', '×', '']));
    // the general port leaves the specified-port-only columns blank; errors are numbers
    expect(c.get('O3')).toBe(''); // 3: incident-response-procedure is for specified ports only
    expect(sheet(1)).toMatch(/<c r="K4" s="\d"><v>4<\/v><\/c>/);
  });

  it('keeps to the rules for machine-readable tables: one frozen header row, a filter, nothing merged', () => {
    for (const n of [1, 2, 3, 4, 5]) {
      const xml = sheet(n);
      expect(xml).toContain('ySplit="1"');
      expect(xml).toMatch(/<autoFilter ref="A1:[A-Z]+\d+"\/>/);
      expect(xml).not.toContain('mergeCell');
      expect([...xml.matchAll(/<row r="1"[ >]/g)].length).toBe(1);
    }
    expect(strFromU8(files['xl/workbook.xml']!)).toMatch(/<sheet name="審査一覧"[^>]*\/><sheet name="指摘事項"[^>]*\/><sheet name="記載内容"[^>]*\/><sheet name="要件"[^>]*\/><sheet name="凡例"/);
  });

  it('lists every finding as a Japanese message, never a code', () => {
    const c = cells(sheet(2));
    const total = rows().reduce((n, r) => n + r.findings.length, 0);
    expect([...c.keys()].filter((ref) => /^G\d+$/.test(ref)).length).toBe(total + 1);
    const messages = [...c].filter(([ref]) => /^G([2-9]|\d\d+)$/.test(ref)).map(([, v]) => v);
    expect(messages.every((m) => /[ぁ-んァ-ヶ一-龠]/.test(m) && !/[A-Z]{3,}_[A-Z]/.test(m))).toBe(true);
  });

  it('is the same bytes every time', () => {
    expect(Buffer.from(reviewXlsx(rows())).equals(Buffer.from(reviewXlsx(rows())))).toBe(true);
  });
});

describe('review --notice', () => {
  it('writes a draft 補正 request for each filing with errors, addressed to the applicant, listing each error with its guideline section', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tos-notice-'));
    const inputs = ['sample/general-complete.yaml', 'incomplete/common-omissions.yaml'].map(fixturePath);
    const { code } = await runCli(['review', ...inputs, '--format', 'text', '--notice', '--out', out]);
    expect(code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['common-omissions.notice.docx', 'common-omissions.notice.pdf']);
    const text = readDocx(readFileSync(join(out, 'common-omissions.notice.docx'))).text;
    expect(text).toContain('港北みなと運輸株式会社');
    expect(text).toContain('中部運輸局長'); // the bureau competent for 名古屋港
    expect(text).toContain('補正について（案）');
    expect(text).toContain('「自己点検及び独立性を有する者による情報セキュリティ監査」の措置が記載されていません');
    expect(text).toContain('セキュリティ責任者編 2.4.3');
    expect(text).not.toContain('MEASURE_MISSING');
  });
});
