import { describe, expect, it } from 'vitest';
import { toWareki } from '../src/util/wareki.ts';

describe('和暦', () => {
  it.each([
    ['2025-04-01', '令和7年4月1日'],
    ['2025-03-28', '令和7年3月28日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['2020-01-01', '令和2年1月1日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['2024-02-29', '令和6年2月29日'],
  ])('%s → %s', (iso, expected) => {
    expect(toWareki(iso)).toBe(expected);
  });

  it('rejects what is not a calendar date', () => {
    expect(() => toWareki('2025-02-30')).toThrow(RangeError);
    expect(() => toWareki('2025/04/01')).toThrow(RangeError);
  });
});
