/**
 * The numbering of Japanese documents: 1 → (1) → ア → (ア). A number of one digit is written full-width (１,
 * （１）), a number of two or more digits half-width (（10）), as official documents write them.
 */

export function documentDigits(n: number): string {
  const s = String(n);
  return s.length === 1 ? String.fromCharCode(0xff10 + n) : s;
}

/** （１）…（９）（10）… */
export const parenNumber = (n: number) => `（${documentDigits(n)}）`;

const KATAKANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';

/** ア, イ, … for item n (1-based); past ワ the number itself. */
export const katakanaNumber = (n: number) => KATAKANA[n - 1] ?? documentDigits(n);

/** （ア）（イ）… */
export const parenKatakana = (n: number) => `（${katakanaNumber(n)}）`;
