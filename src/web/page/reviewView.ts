/// <reference lib="dom" />
import { REQUIREMENTS } from '../../catalog/requirements.ts';
import { SEVERITY_LABELS } from '../../model/enums.ts';
import type { ReviewDownloads } from './offlineBackend.ts';
import { fieldWords, findingMessage } from '../../validate/messages.ts';
import { SCREENED_LABEL, SCREENED_LEGEND } from '../../review/screenedLabels.ts';
import { h } from './dom.ts';

/**
 * The examiner's view of received files in the offline page: the table of `review` (one row a file, a mark per
 * requirement, errors and warnings), each file's findings in Japanese, and 「審査一覧（Excel）」, the very bytes of
 * `review --format xlsx`, with the same review as Word and PDF. Everything from a filing is shown as text.
 */

const STATE = { ok: '', invalid: '形式エラー', unreadable: '読込不可' } as const;
const LEGEND = '✓ 実施済み　△ 一部実施・予定・代替　— 該当なし　✗ 記載なし　空欄 その港では不要';

export function showReview(app: HTMLElement, { rows, xlsxUrl, documents, perFile }: ReviewDownloads, back: () => void): void {
  const head = h('tr', {}, h('th', { scope: 'col' }, 'ファイル'), h('th', { scope: 'col' }, '事業者'), h('th', { scope: 'col' }, '港'), h('th', { scope: 'col' }, '宛先'), h('th', { scope: 'col' }, '申請区分'), h('th', { scope: 'col' }, 'エラー'), h('th', { scope: 'col' }, '警告'));
  REQUIREMENTS.forEach((r, i) => head.append(h('th', { scope: 'col', title: r.title, class: 'req' }, String(i + 1))));
  head.append(h('th', { scope: 'col' }, '状態'));
  const body = h('tbody');
  for (const row of rows) {
    const tr = h(
      'tr',
      { class: row.errors ? 'has-errors' : '' },
      h('th', { scope: 'row' }, h('a', { href: `#review-${rows.indexOf(row)}` }, row.file)),
      h('td', {}, row.operator ?? ''),
      h('td', {}, row.port ? `${row.port}${row.specified ? '（特定）' : ''}` : ''),
      h('td', {}, row.addressee ?? ''),
      h('td', {}, row.kind ?? ''),
      h('td', { class: 'num' }, String(row.errors)),
      h('td', { class: 'num' }, String(row.warnings)),
    );
    for (const r of REQUIREMENTS) tr.append(h('td', { class: 'cell' }, row.cells[r.id] ?? ''));
    tr.append(h('td', {}, row.screened ? SCREENED_LABEL.ja : STATE[row.state]));
    body.append(tr);
  }
  const details = h('div', { class: 'review-findings' });
  rows.forEach((row, i) => {
    const own = perFile[i];
    const links = h('p', { class: 'review-links' });
    for (const n of own?.notices ?? []) links.append(h('a', { class: 'button', href: n.href, download: n.name }, n.name.endsWith('.pdf') ? '補正のお願い（PDF）' : '補正のお願い（Word）'), ' ');
    if (own?.extracted) links.append(h('a', { class: 'button', href: own.extracted.href, download: own.extracted.name }, '届出データ（YAML）'));
    if (!row.problem && !row.findings.length && !links.childElementCount) return;
    const list = h('ul');
    if (row.problem) list.append(h('li', {}, row.problem));
    for (const f of row.findings) list.append(h('li', {}, h('span', { class: `sev ${f.severity}` }, SEVERITY_LABELS[f.severity].ja), ` ${fieldWords(f.segments)}：${findingMessage(f, 'ja')}`));
    details.append(h('section', { id: `review-${i}` }, h('h3', {}, row.file), links.childElementCount ? links : null, row.problem || row.findings.length ? list : h('p', {}, '指摘はありません。')));
  });
  const backButton = h('button', { type: 'button', id: 'review-back' }, '最初の画面に戻る');
  backButton.addEventListener('click', () => {
    for (const href of [xlsxUrl, ...documents.map((d) => d.href), ...perFile.flatMap((f) => [...f.notices.map((n) => n.href), ...(f.extracted ? [f.extracted.href] : [])])]) URL.revokeObjectURL(href);
    back();
  });
  app.replaceChildren(
    h(
      'div',
      { class: 'review' },
      h(
        'header',
        { class: 'bar' },
        h('h1', {}, `審査一覧（${rows.length}件）`),
        h('span', { class: 'counts' }, `エラーのある届出 ${rows.filter((r) => r.errors > 0).length}件`),
        h(
          'div',
          { class: 'actions' },
          h('a', { class: 'button primary', id: 'review-xlsx', href: xlsxUrl, download: 'review.xlsx' }, '審査一覧（Excel）'),
          ...documents.map((d) => h('a', { class: 'button', id: `review-${d.name.split('.').pop()}`, href: d.href, download: d.name }, d.name.endsWith('.pdf') ? '審査一覧（PDF）' : '審査一覧（Word）')),
          backButton,
        ),
      ),
      h('div', { class: 'review-table' }, h('table', {}, h('thead', {}, head), body)),
      h('p', { class: 'severity-legend' }, LEGEND),
      rows.some((r) => r.screened) ? h('p', { class: 'severity-legend' }, SCREENED_LEGEND.ja) : null,
      details,
    ),
  );
  app.removeAttribute('aria-busy');
  document.body.dataset.ready = 'review';
}
