import { z } from 'zod';
import { say } from '../i18n/lang.ts';

/** Non-empty text as a person types it; surrounding blanks are trimmed. */
export const text = () => z.string().trim().min(1);

/** A calendar date (YYYY-MM-DD); the reader's YAML 1.2 core schema keeps unquoted dates as strings. */
export const calendarDate = () => z.iso.date();

export const labelled = <T extends z.ZodType>(title: string, schema: T) => schema.meta({ title });

/** An optional field with a Japanese label, used by the documents and the JSON Schema. */
export const opt = <T extends z.ZodType>(title: string, schema: T) => schema.optional().meta({ title });

export const person = z
  .strictObject({
    name: labelled('氏名', text()),
    title: opt('役職', text()),
    department: opt('部署', text()),
    phone: opt('電話番号', text()),
    email: opt('電子メール', z.email()),
  })
  .meta({ title: '担当者' });

export type Person = z.infer<typeof person>;

/** 法人番号: 13 digits whose first digit is a check digit over the other twelve (国税庁 の計算方法). */
export function isValidCorporateNumber(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const body = digits.slice(1);
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    // body is written left to right; weights run from the rightmost digit (n = 1) as 1, 2, 1, 2 …
    const n = 12 - i;
    sum += body[i]! * (n % 2 === 1 ? 1 : 2);
  }
  return digits[0] === 9 - (sum % 9);
}

export const corporateNumber = z
  .string({
    error: () =>
      say({
        ja: '法人番号は13桁の数字を引用符で囲んで入力してください（例："1234567890123"）',
        en: 'write the corporate number as 13 digits in quotes (e.g. "1234567890123")',
      }),
  })
  .trim()
  .refine((v) => /^\d{13}$/.test(v), {
    error: () => say({ ja: '法人番号は13桁の数字で入力してください', en: 'a corporate number has 13 digits' }),
  })
  .refine(isValidCorporateNumber, {
    error: () =>
      say({
        ja: '法人番号のチェックデジット（先頭の1桁）が一致しません',
        en: 'the check digit (first digit) of the corporate number does not match',
      }),
  });
