/**
 * 和暦 (Japanese era dates), both ways, as calendar arithmetic on the written digits: no Date objects, so no
 * machine time zone or daylight-saving rule can shift a day.
 */

interface Era {
  name: string;
  /** Latin initial people write in short forms (R8.12.1). */
  initial: string;
  /** First day of the era, YYYY-MM-DD. */
  start: string;
}

/** Newest first. Dates before 昭和 are not needed by any filing. */
export const ERAS: readonly Era[] = [
  { name: '令和', initial: 'R', start: '2019-05-01' },
  { name: '平成', initial: 'H', start: '1989-01-08' },
  { name: '昭和', initial: 'S', start: '1926-12-25' },
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** YYYY-MM-DD for a real calendar day, or undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * 2025-04-01 → 令和7年4月1日; the first year of an era is 元年 (2019-05-01 → 令和元年5月1日).
 * Throws RangeError for a string that is not a calendar date or a date before 昭和.
 */
export function toWareki(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  if (!match || isoDate(y, m, d) !== date) throw new RangeError(`not a calendar date: ${date}`);
  const era = ERAS.find((e) => date >= e.start);
  if (!era) throw new RangeError(`before the eras the documents print: ${date}`);
  const year = y - Number(era.start.slice(0, 4)) + 1;
  return `${era.name}${year === 1 ? '元' : year}年${m}月${d}日`;
}

const toHalfWidthDigits = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * What people write for a date → YYYY-MM-DD, or undefined when it is not a date:
 * 2026-12-01, 2026/12/1, 2026年12月1日, 令和8年12月1日, 令和元年5月1日, R8.12.1, R8/12/1, with full-width digits too.
 * A 和暦 date must fall inside its era (平成32年 is not accepted).
 */
export function parseJapaneseDate(written: string): string | undefined {
  const s = toHalfWidthDigits(written.normalize('NFKC')).replace(/\s+/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(令和|平成|昭和|[RrHhSs])(元|\d{1,2})[年./-](\d{1,2})[月./-](\d{1,2})日?$/.exec(s);
  if (!m) return undefined;
  const era = ERAS.find((e) => e.name === m![1] || e.initial === m![1]!.toUpperCase());
  if (!era) return undefined;
  const eraYear = m[2] === '元' ? 1 : Number(m[2]);
  const iso = isoDate(Number(era.start.slice(0, 4)) + eraYear - 1, Number(m[3]), Number(m[4]));
  if (!iso || iso < era.start) return undefined;
  const next = ERAS[ERAS.indexOf(era) - 1];
  if (next && iso >= next.start) return undefined;
  return iso;
}
