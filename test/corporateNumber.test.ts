import { describe, expect, it } from 'vitest';
import { isValidCorporateNumber } from '../src/model/primitives.ts';

describe('法人番号 check digit', () => {
  it('accepts numbers whose first digit matches the check over the other twelve', () => {
    expect(isValidCorporateNumber('7000012050002')).toBe(true); // 国税庁
    expect(isValidCorporateNumber('2020001098765')).toBe(true);
  });
  it('rejects a wrong check digit, a wrong length and non-digits', () => {
    expect(isValidCorporateNumber('8000012050002')).toBe(false);
    expect(isValidCorporateNumber('2020001098766')).toBe(false);
    expect(isValidCorporateNumber('700001205000')).toBe(false);
    expect(isValidCorporateNumber('70000120500０2')).toBe(false);
  });
});
