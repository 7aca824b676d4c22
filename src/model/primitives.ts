import * as z from 'zod';

/**
 * Limits a filing can never exceed, so that a valid filing always builds within bounded memory and time.
 * A measure or a TOS description is a few paragraphs; these leave room for ten times that.
 */
export const LIMITS = {
  /** A name, a phone number, a short answer. */
  shortText: 400,
  /** A description of a measure, a procedure, a reason. */
  longText: 8000,
  /** Items in any one list (terminals, connections, contacts…). */
  listItems: 500,
  /** Dates a filing can carry: from the first day of 平成 to the last day the documents can print. */
  earliestDate: '1989-01-08',
  latestDate: '2099-12-31',
} as const;

/** Non-empty text as a person types it; surrounding blanks are trimmed. */
export const text = (max: number = LIMITS.shortText) => z.string().trim().min(1).max(max);

/** Text that may run to several paragraphs (descriptions, reasons, procedures). */
export const longText = () => text(LIMITS.longText);

/** A list with the filing's item limit. */
export const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.listItems);

/**
 * A calendar date (YYYY-MM-DD) in the range the documents can print. The readers turn 和暦 and full-width
 * digits into this form before the schema sees them; the file keeps what the person wrote.
 */
export const calendarDate = () =>
  z.iso
    .date()
    .refine((d) => d >= LIMITS.earliestDate && d <= LIMITS.latestDate, { params: { dateRange: true } })
;

export const labelled = <T extends z.ZodType>(title: string, schema: T) => schema.meta({ title });

/** An optional field with a Japanese label, used by the documents and the JSON Schema. */
export const opt = <T extends z.ZodType>(title: string, schema: T) => schema.optional().meta({ title });

export const person = z
  .strictObject({
    name: labelled('氏名', text()),
    title: opt('役職', text()),
    department: opt('部署', text()),
    phone: opt('電話番号', text()),
    email: opt('電子メール', z.email().max(LIMITS.shortText)),
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

/** The problem a custom check reports travels as a parameter; messages are written when shown. */
export const corporateNumber = z
  .string()
  .trim()
  .refine((v) => /^\d{13}$/.test(v), { params: { corporateNumber: 'digits' } })
  .refine(isValidCorporateNumber, { params: { corporateNumber: 'checkDigit' } });
