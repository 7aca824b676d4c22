import { describe, expect, it, vi } from 'vitest';
import { loadFixture } from './helpers/fixtures.ts';

/** checkFiling of a freshly loaded module: its first check in the process (parsed without zod's generated parsers). */
async function freshCheck() {
  vi.resetModules();
  return (await import('../src/validate/validate.ts')).checkFiling;
}

describe("validate: a process's first check", () => {
  it.each(['sample/specified-complete.yaml', 'sample/general-complete.yaml', 'incomplete/common-omissions.yaml', 'incomplete/contradictions.yaml', 'incomplete/unknown-port.yaml'])(
    'gives for %s the same data and findings as every later check',
    async (fixture) => {
      const checkFiling = await freshCheck();
      const first = checkFiling(loadFixture(fixture));
      const later = checkFiling(loadFixture(fixture));
      expect(first).toEqual(later);
      expect(JSON.stringify(first.filing)).toBe(JSON.stringify(later.filing)); // the keys in the same order too
    },
  );

  it('finds shape errors on the first check as later', async () => {
    const input = { ...(loadFixture('sample/specified-complete.yaml') as Record<string, unknown>), applicant: 3, port: { name: 7 } };
    const checkFiling = await freshCheck();
    const first = checkFiling(structuredClone(input));
    expect(first.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(1);
    expect(first).toEqual(checkFiling(structuredClone(input)));
  });
});
