const formatter = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

/**
 * 2025-04-01 → 令和7年4月1日; the first year of an era is 元年 (2019-05-01 → 令和元年5月1日).
 * The input is a calendar date, so it is read and formatted in UTC: the machine's time zone never shifts the day.
 */
export function toWareki(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not a calendar date: ${isoDate}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    throw new RangeError(`not a calendar date: ${isoDate}`);
  const parts = formatter.formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const year = part('year') === '1' ? '元' : part('year');
  return `${part('era')}${year}年${part('month').replace('月', '')}月${part('day').replace('日', '')}日`;
}
