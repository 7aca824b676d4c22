import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { LIMITS } from '../src/model/primitives.ts';
import { checkFiling } from '../src/validate/validate.ts';
import { findingMessage } from '../src/validate/messages.ts';
import { loadFixture } from './helpers/fixtures.ts';
import { runCli } from './helpers/runCli.ts';

/** "validate passes" must mean "build succeeds": what the documents cannot print, the model refuses. */
describe('limits the model knows', () => {
  it.each(['2100-01-01', '0600-01-01', '0050-06-30', '1989-01-07'])('refuses the filing date %s with a Japanese message, and build writes nothing', async (date) => {
    const data = loadFixture('sample/general-complete.yaml');
    data.application.filingDate = date;
    const [finding] = checkFiling(data).findings;
    expect(finding).toMatchObject({ code: 'SCHEMA_INVALID', path: 'application.filingDate' });
    expect(findingMessage(finding!)).toContain('平成元年1月8日から');
    const dir = mkdtempSync(join(tmpdir(), 'tos-limits-'));
    const file = join(dir, 'f.yaml');
    writeFileSync(file, stringify(data));
    const out = join(dir, 'out');
    const build = await runCli(['build', file, '--out', out]);
    expect(build.code).toBe(1);
    expect(build.stderr).not.toContain('内部エラー');
    expect(readdirSync(out)).toEqual([]);
  });

  it('accepts the first and the last day of the range', () => {
    for (const date of [LIMITS.earliestDate, LIMITS.latestDate]) {
      const data = loadFixture('sample/general-complete.yaml');
      data.application.filingDate = date;
      for (const m of Object.values(data.measures)) if (m?.plannedDate) m.plannedDate = LIMITS.latestDate;
      expect(checkFiling(data).findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('refuses a description longer than the limit, naming the limit', () => {
    const data = loadFixture('sample/general-complete.yaml');
    data.measures['security-audit'] = { status: 'implemented', description: 'あ'.repeat(LIMITS.longText + 1) };
    const finding = checkFiling(data).findings.find((f) => f.path === 'measures.security-audit.description')!;
    expect(finding.code).toBe('SCHEMA_INVALID');
    expect(findingMessage(finding)).toContain(`${LIMITS.longText}文字まで`);
  });

  it('refuses a name longer than the short-text limit', () => {
    const data = loadFixture('sample/general-complete.yaml');
    data.applicant.name = '株式会社'.repeat(LIMITS.shortText);
    const finding = checkFiling(data).findings.find((f) => f.path === 'applicant.name')!;
    expect(findingMessage(finding)).toContain(`${LIMITS.shortText}文字まで`);
  });
});
