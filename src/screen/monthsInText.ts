/**
 * The months a folded text names (令和8年10月, 令和元年5月, 2026年10月), each as a count of months (year × 12 + month),
 * with the words that name them, in the order written: enough to tell a date after the one a plan was written on.
 */
const MONTH = /(?:令和(元|[0-9]{1,2})|((?:19|20)[0-9]{2}))年([0-9]{1,2})月/g;

export function monthsInText(folded: string): { month: number; words: string }[] {
  const months: { month: number; words: string }[] = [];
  for (const m of folded.matchAll(MONTH)) {
    const year = m[1] !== undefined ? 2018 + (m[1] === '元' ? 1 : Number(m[1])) : Number(m[2]);
    const month = Number(m[3]);
    if (month >= 1 && month <= 12) months.push({ month: year * 12 + month, words: m[0] });
  }
  return months;
}
