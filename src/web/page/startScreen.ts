/// <reference lib="dom" />
import { BUREAUS, PORTS } from '../../catalog/ports.ts';
import { ENUMS } from '../../model/enums.ts';
import { h } from './dom.ts';
import type { OfflineBackend, ReviewDownloads } from './offlineBackend.ts';

/**
 * The offline page before a filing is open: 新しく作成 (a port and a kind of application: the `init` skeleton)
 * or 届出ファイルを開く (a YAML/JSON filing, a .pdf/.docx made by tos-filing, or a hand-typed plan as its import draft). Nothing leaves the computer.
 */
export function showStartScreen(app: HTMLElement, backend: OfflineBackend, opened: () => void, reviewed: (review: ReviewDownloads) => void): void {
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
    performance.mark('tos-filing:file-chosen');
    app.setAttribute('aria-busy', 'true');
    void backend.open(file).then(say);
    input.value = '';
  });
  const openLabel = h('label', { class: 'file-button' }, '届出ファイルを開く', input);
  // where the browser can, its own picker: 保存 then writes back to the same file (after asking once)
  openLabel.addEventListener('click', (e) => {
    if (!('showOpenFilePicker' in window)) return;
    e.preventDefault();
    void backend.pickAndOpen().then((outcome) => (outcome === 'fallback' ? input.click() : outcome === 'cancelled' ? undefined : say(outcome)));
  });

  // for an examiner: several received files at once, the review table of `review` (with --bureau, when chosen)
  const bureau = h('select', { id: 'review-bureau' }, h('option', { value: '' }, '（指定しない）'));
  for (const b of BUREAUS) bureau.append(h('option', { value: b }, b));
  const received = h('input', { type: 'file', id: 'review-files', multiple: true, accept: '.pdf,.docx,.yaml,.yml,.json' });
  const review = (files: File[], names: string[]) => {
    if (!files.length) return say('審査できるファイル（.pdf・.docx・.yaml・.yml・.json）がありません', false);
    app.setAttribute('aria-busy', 'true');
    void backend.review(files, names, bureau.value || undefined).then((outcome) => ('message' in outcome ? say(outcome.message, false) : reviewed(outcome)));
  };
  received.addEventListener('change', () => {
    const files = [...(received.files ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    received.value = '';
    if (files.length) review(files, files.map((f) => f.name));
  });
  // a whole folder, as `review フォルダ`: its files of those kinds at any depth, in the CLI's order, named by their path
  const folder = h('input', { type: 'file', id: 'review-folder', multiple: true, webkitdirectory: true });
  folder.addEventListener('change', () => {
    const picked = [...(folder.files ?? [])].filter((f) => RECEIVED.test(f.name)).map((f) => ({ f, path: f.webkitRelativePath || f.name }));
    picked.sort((a, b) => compareSegments(a.path.split('/'), b.path.split('/')));
    folder.value = '';
    review(
      picked.map((p) => p.f),
      picked.map((p) => p.path),
    );
  });

  // 新旧対照表: a before and an after, as `tos-filing diff`
  const before = h('input', { type: 'file', id: 'diff-before', accept: '.yaml,.yml,.json,.pdf,.docx' });
  const after = h('input', { type: 'file', id: 'diff-after', accept: '.yaml,.yml,.json,.pdf,.docx' });
  const diffResult = h('div', { class: 'diff-result', id: 'diff-result', role: 'status' });
  const compare = h('button', { type: 'button', id: 'diff-make' }, '新旧対照表を作成');
  compare.addEventListener('click', () => {
    const b = before.files?.[0];
    const a = after.files?.[0];
    if (!b || !a) return say('変更前と変更後のファイルを選んでください', false);
    say(null, false);
    diffResult.textContent = '作成しています…';
    void backend.diff(b, a).then((outcome) => {
      if ('message' in outcome) {
        diffResult.replaceChildren();
        return say(outcome.message, false);
      }
      const list = h('ul');
      for (const text of outcome.alerts) list.append(h('li', {}, text));
      const links = h('p', { class: 'diff-links' });
      for (const link of outcome.links) links.append(h('a', { class: 'button primary', href: link.href, download: link.name }, link.name.endsWith('.pdf') ? '新旧対照表（PDF）' : '新旧対照表（Word）'), ' ');
      diffResult.replaceChildren(h('p', {}, `変更 ${outcome.changes}件、審査上留意すべき変更 ${outcome.alerts.length}件`), list, links);
      document.body.dataset.diffReady = 'true';
    });
  });

  app.replaceChildren(
    h(
      'div',
      { class: 'start' },
      h('h1', {}, 'TOSの概要・情報セキュリティの事業計画 — 届出の作成'),
      h('p', { class: 'start-note' }, 'この画面はインターネットに接続しません。入力した内容と作成した書類は、このパソコンの中だけで扱われます。'),
      problem,
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
        h('p', {}, 'YAML・JSON の届出ファイル、または tos-filing で作成した PDF・Word（.docx）を開きます。手で作成した事業計画（Word・文字を含む PDF）は、本文を読み取った下書きとして開きます。'),
        openLabel,
      ),
      h(
        'section',
        { class: 'start-box', 'aria-labelledby': 'start-review' },
        h('h2', { id: 'start-review' }, '審査担当の方：受け取った書類を開く'),
        h('p', {}, '受け取った PDF・Word（.docx）・YAML・JSON をまとめて選ぶと、要件ごとの審査一覧と各届出の指摘事項を表示し、「審査一覧（Excel）」を保存できます（tos-filing review と同じ内容）。'),
        h('label', { for: 'review-bureau' }, '審査する局（宛先が他の局の届出に、その旨の警告を付けます）'),
        bureau,
        h('div', { class: 'chooser' }, h('label', { class: 'file-button' }, '受け取った書類を開く', received), h('label', { class: 'file-button secondary' }, 'フォルダごと開く', folder)),
      ),
      h(
        'section',
        { class: 'start-box', 'aria-labelledby': 'start-diff' },
        h('h2', { id: 'start-diff' }, '新旧対照表'),
        h('p', {}, '変更前と変更後の届出ファイル（または tos-filing で作成した書類）を選ぶと、tos-filing diff と同じ新旧対照表を作成します。'),
        chooser('変更前のファイルを選ぶ', before),
        chooser('変更後のファイルを選ぶ', after),
        compare,
        diffResult,
      ),
    ),
  );
  app.removeAttribute('aria-busy');
  document.body.dataset.ready = 'start';
  performance.mark('tos-filing:start-screen');
}

/** A file input shown as a button (the browser's own says "Choose File" in its own language), with the name chosen. */
function chooser(label: string, input: HTMLInputElement): HTMLElement {
  const chosen = h('span', { class: 'chosen' }, '（未選択）');
  input.addEventListener('change', () => (chosen.textContent = input.files?.[0]?.name ?? '（未選択）'));
  return h('div', { class: 'chooser' }, h('label', { class: 'file-button secondary' }, label, input), chosen);
}

/** The kinds of file `review` takes from a folder. */
const RECEIVED = /\.(ya?ml|json|pdf|docx)$/i;

/** The order `review` walks a folder in: each level's names sorted, folders entered where they fall. */
function compareSegments(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length;
}
