import type { EnumValue } from './enums.ts';

export type AgentQualification = EnumValue<'agentQualification'>;

/**
 * How each qualification's register numbers its members, as the cover and the 委任状 print it and the validator
 * checks it: 日本行政書士会連合会 registers a 行政書士 under an 8-digit number; 日本弁護士連合会 numbers
 * attorneys from 1 upward (five digits at most today). Another qualification's number is printed as written.
 */
export const REGISTRATION_RULES: Record<AgentQualification, { label: string; digits: { min: number; max: number } | null; expected: string }> = {
  'administrative-scrivener': { label: '日本行政書士会連合会登録番号', digits: { min: 8, max: 8 }, expected: '8桁の数字（例：12345678、または 第12345678号）' },
  attorney: { label: '弁護士登録番号', digits: { min: 1, max: 5 }, expected: '5桁までの数字（例：12345、または 第12345号）' },
  other: { label: '登録番号', digits: null, expected: '' },
};

/** 「第１２３４５６７８号」「12345678」「第 12345678 号」 → '12345678'; null when the text is not a number written so. */
export function registrationDigits(written: string): string | null {
  const folded = written.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  const m = /^第?(\d+)号?$/.exec(folded);
  return m ? m[1]! : null;
}

/** Whether a number is possible for the qualification (any text is, for その他). */
export function isPossibleRegistration(qualification: AgentQualification, written: string): boolean {
  const rule = REGISTRATION_RULES[qualification].digits;
  if (!rule) return true;
  const digits = registrationDigits(written);
  return digits !== null && digits.length >= rule.min && digits.length <= rule.max;
}

/** The number as documents print it: 第12345678号 for a register that numbers by digits, else as written. */
export function registrationNumberText(qualification: AgentQualification, written: string): string {
  const digits = REGISTRATION_RULES[qualification].digits ? registrationDigits(written) : null;
  return digits === null ? written : `第${digits}号`;
}
