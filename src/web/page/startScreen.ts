/// <reference lib="dom" />
import { PORTS } from '../../catalog/ports.ts';
import { ENUMS } from '../../model/enums.ts';
import { h } from './dom.ts';
import type { ReviewRow } from '../../review/reviewFilings.ts';
import type { OfflineBackend } from './offlineBackend.ts';

/**
 * The offline page before a filing is open: 新しく作成 (a port and a kind of application: the `init` skeleton)
 * or 届出ファイルを開く (a YAML/JSON filing, or a .pdf/.docx made by tos-filing). Nothing leaves the computer.
 */
export function showStartScreen(app: HTMLElement, backend: OfflineBackend, opened: () => void, reviewed: (rows: ReviewRow[], xlsxUrl: string) => void): void {
  const problem = h('div', { class: 'start-problem', role: 'alert', id: 'start-problem', hidden: true });
  const say = (message: string | null, done = true) => {
    problem.textContent = message ?? '';
    problem.hidden = !message;
    app.removeAttribute('aria-busy');
    if (!message && done) opened();
  };

  const ports = h('datalist', { id: 'port-names' });
  for (const p of PORTS) ports.append(h('option', { value: p.name }));
  const port = h('input', { id: 'new-port', list: 'port-names', autocomplete: 'off', placeholder: '例：清水港' });
  const kind = h('select', { id: 'new-kind' });
  for (const [value, label] of Object.entries(ENUMS.applicationKind)) kind.append(h('option', { value }, label));
  const create = h('button', { type: 'button', class: 'primary', id: 'create' }, '新しく作成');
  create.addEventListener('click', () => {
    if (!port.value.trim()) return say('港の名前を入力してください（例：清水港）');
    app.setAttribute('aria-busy', 'true');
    void backend.create(port.value.trim(), kind.value).then(say);
  });

  const input = h('input', { type: 'file', id: 'open-file', accept: '.yaml,.yml,.json,.pdf,.docx' });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (!file) return;
    app.setAttribute('aria-busy', 'true');
    void backend.open(file).then(say);
    input.value = '';
  });
  const openLabel = h('label', { class: 'file-button' }, '届出ファイルを開く', input);
  // where the browser can, its own picker: 保存 then writes back to the same file (after asking once)
  openLabel.addEventListener('click', (e) => {
    if (!('showOpenFilePicker' in window)) return;
    e.preventDefault();
    void backend.pickAndOpen().then((outcome) => (outcome === 'fallback' ? input.click() : outcome === null ? undefined : say(outcome)));
  });

  // for an examiner: several received files at once, the review table of `review`
  const received = h('input', { type: 'file', id: 'review-files', multiple: true, accept: '.pdf,.docx,.yaml,.yml,.json' });
  received.addEventListener('change', () => {
    const files = [...(received.files ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    received.value = '';
    if (!files.length) return;
    app.setAttribute('aria-busy', 'true');
    void backend.review(files).then((outcome) => ('message' in outcome ? say(outcome.message, false) : reviewed(outcome.rows, outcome.xlsxUrl)));
  });

  app.replaceChildren(
    h(
      'div',
      { class: 'start' },
      h('h1', {}, 'TOSの概要・情報セキュリティの事業計画 — 届出の作成'),
      h('p', { class: 'start-note' }, 'この画面はインターネットに接続しません。入力した内容と作成した書類は、このパソコンの中だけで扱われます。'),
      h(
        'section',
        { class: 'start-box', 'aria-labelledby': 'start-new' },
        h('h2', { id: 'start-new' }, '新しく作成'),
        h('label', { for: 'new-port' }, '港'),
        port,
        ports,
        h('label', { for: 'new-kind' }, '申請区分'),
        kind,
        create,
      ),
      h(
        'section',
        { class: 'start-box', 'aria-labelledby': 'start-open' },
        h('h2', { id: 'start-open' }, '届出ファイルを開く'),
        h('p', {}, 'YAML・JSON の届出ファイル、または tos-filing で作成した PDF・Word（.docx）を開きます。'),
        openLabel,
      ),
      h(
        'section',
        { class: 'start-box', 'aria-labelledby': 'start-review' },
        h('h2', { id: 'start-review' }, '審査担当の方：受け取った書類を開く'),
        h('p', {}, '受け取った PDF・Word（.docx）・YAML・JSON をまとめて選ぶと、要件ごとの審査一覧と各届出の指摘事項を表示し、「審査一覧（Excel）」を保存できます（tos-filing review と同じ内容）。'),
        h('label', { class: 'file-button' }, '受け取った書類を開く', received),
      ),
      problem,
    ),
  );
  app.removeAttribute('aria-busy');
  document.body.dataset.ready = 'start';
}
