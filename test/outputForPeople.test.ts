import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatFindingsText } from '../src/report/findingsReport.ts';
import { forTerminal } from '../src/util/terminalText.ts';
import { csvCell } from '../src/review/reviewOutputs.ts';
import { loadFixture } from './helpers/fixtures.ts';
import { runCli } from './helpers/runCli.ts';

const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Any code point, half of them from U+0000–U+00FF where the C0 and C1 controls are. */
const anyCharacter = fc.oneof(fc.integer({ min: 0, max: 0xff }), fc.integer({ min: 0, max: 0x10ffff })).map((cp) => String.fromCodePoint(cp));
const ESCAPES = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\u0008\r';

describe('text for the terminal', () => {
  it('keeps no control character but line feed and tab, and keeps all other text', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCharacter }), (text) => {
        const safe = forTerminal(text);
        return !CONTROLS.test(safe) && safe === [...text].filter((ch) => !CONTROLS.test(ch)).join('');
      }),
      { seed: 13 },
    );
  });

  it('strips escape sequences from the findings report', () => {
    const text = formatFindingsText({
      file: `a${ESCAPES}.yaml`,
      port: null,
      findings: [{ severity: 'warning', code: 'TEXT_CONTROL_CHARACTER', path: 'applicant.name', field: '申請者 › 名称', requirementId: null, message: `「株式会社${ESCAPES}」\tに制御文字` }],
    });
    expect(CONTROLS.test(text)).toBe(false);
    expect(text).toContain('a]0;pwned[2J31m.yaml');
    expect(text).toContain('「株式会社]0;pwned[2J31m」\tに制御文字');
  });
});

describe('CSV cells that a spreadsheet would run as formulas', () => {
  it.each([
    ['=HYPERLINK("http://x.invalid","開く")', `"'=HYPERLINK(""http://x.invalid"",""開く"")"`],
    ['+81-45-000-0000', "'+81-45-000-0000"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['横浜港運株式会社', '横浜港運株式会社'],
    ['a=b', 'a=b'],
  ])('%j is written as %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes counts as numbers', () => {
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(3)).toBe('3');
  });

  it('review: a formula in an operator name stays text in the CSV, and escapes never reach the terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tos-people-'));
    const filing = loadFixture('sample/general-complete.yaml');
    filing.applicant.name = `=cmd|' /C calc'!A0${ESCAPES}`;
    writeFileSync(join(dir, 'hostile.yaml'), stringify(filing));
    const { stdout, stderr } = await runCli(['review', dir, '--out', join(dir, 'out'), '--format', 'text,csv']);
    expect(CONTROLS.test(stdout)).toBe(false);
    expect(CONTROLS.test(stderr)).toBe(false);
    expect(stdout).toContain("=cmd|' /C calc'!A0]0;pwned[2J31m");
    const csv = readFileSync(join(dir, 'out/review.csv'), 'utf8');
    const row = csv.split('\r\n')[1]!;
    expect(row).toContain(`,'=cmd|' /C calc'!A0`);
    expect(row).not.toMatch(/,=/);
  });
});
