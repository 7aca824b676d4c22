import { type Lang, inLang } from '../util/lang.ts';
import type { ReviewRow } from './reviewFilings.ts';

/**
 * What `review --notice` says besides the files it writes: when no filing needs a 補正 request, that there is
 * none, and for which files (so that an empty output folder is never taken for a failure). Files that could not
 * be read are named apart: they get no request because there is no applicant to write to.
 */
export function noticeSummary(rows: readonly ReviewRow[], lang: Lang): string | null {
  const unreadable = rows.filter((r) => r.state === 'unreadable').map((r) => r.file);
  const withErrors = rows.filter((r) => r.state !== 'unreadable' && r.errors > 0);
  if (withErrors.length) return null;
  const checked = rows.filter((r) => r.state !== 'unreadable').map((r) => r.file);
  const lines = [];
  if (checked.length)
    lines.push(inLang({ ja: `補正のお願い：該当なし（エラーのある届出はありません：${checked.join('、')}）`, en: `補正 requests: none (no filing has errors: ${checked.join(', ')})` }, lang));
  else lines.push(inLang({ ja: '補正のお願い：該当なし', en: '補正 requests: none' }, lang));
  if (unreadable.length)
    lines.push(inLang({ ja: `読み込めないため補正のお願いを作成していないファイル：${unreadable.join('、')}`, en: `not read, so no request was made: ${unreadable.join(', ')}` }, lang));
  return lines.join('\n');
}
