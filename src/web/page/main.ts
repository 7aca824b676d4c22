/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import './style.css';
import { type Key, fieldAt } from '../../model/schemaWalk.ts';
import type { Finding } from '../../validate/finding.ts';
import { checkFiling } from '../../validate/validate.ts';
import type { Backend, FileAnswer } from './backend.ts';
import { differences } from './differences.ts';
import { h } from './dom.ts';
import { dropDrafts, loadDraft, storeDraft } from './drafts.ts';
import { storedChoice, storedText, storedYesNo } from './fieldValues.ts';
import { type Data, addItem, blankItem, getAt, moveItem, pathId, removeItem, setAt } from './filingData.ts';
import { FindingsView, placeOf } from './findingsView.ts';
import { FormRenderer, portReading, readingText } from './form.ts';
import { OfflineBackend, isOfflinePage } from './offlineBackend.ts';
import { templatesControl } from './templatesControl.ts';
import type { EditorDocumentKind } from '../editorDocuments.ts';
import { serverBackend } from './serverBackend.ts';
import { showReview } from './reviewView.ts';
import { showStartScreen } from './startScreen.ts';

/**
 * The editor page: loads the filing, draws the form, validates with the very validator of the CLI after each
 * committed edit (never in the middle of an IME composition), saves through its backend (the editor's server, or
 * the offline file's Worker and the browser's own file saving), keeps unsaved edits in the browser, and shows the
 * documents `build` would make.
 */

const TYPING_DELAY_MS = 600;
const DRAFT_DELAY_MS = 400;

const app = document.getElementById('app')!;

class Editor {
  data: Data;
  private version: string;
  private savedJson: string;
  private readonly renderer: FormRenderer;
  private view!: FindingsView;
  private composing = false;
  private validateTimer: number | undefined;
  private draftTimer: number | undefined;
  private validations = 0;
  private saving = false;
  private findings: readonly Finding[] = [];
  private documents: { id: string; json: string; formats: string[]; kind: EditorDocumentKind } | null = null;
  private readonly el = {
    state: h('span', { class: 'state', role: 'status' }),
    counts: h('div', { class: 'counts', role: 'status' }),
    notice: h('div', { class: 'notice', role: 'status' }),
    summary: h('div', { class: 'summary' }),
    main: h('main', { id: 'main', tabindex: '-1' }),
    previewPanel: h('section', { class: 'preview', 'aria-labelledby': 'preview-h', hidden: true }),
    previewState: h('p', { class: 'preview-state', role: 'status' }),
    frame: h('iframe', { title: '書類のプレビュー（PDF）', name: 'preview' }),
    dialog: h('dialog', { class: 'conflict', 'aria-labelledby': 'conflict-h' }),
    blocked: h('div', { class: 'blocked', role: 'alert', id: 'documents-blocked', hidden: true }),
  };

  constructor(
    private readonly file: FileAnswer,
    private readonly backend: Backend,
    private readonly leave?: () => void,
    /** Offline: the row that chooses the templates folder, kept across files. */
    private readonly tools?: HTMLElement,
  ) {
    this.version = file.version;
    this.savedJson = JSON.stringify(file.data);
    this.data = structuredClone(file.data);
    this.renderer = new FormRenderer(() => this.data);
  }

  start(): void {
    // a draft made from a plan typed by hand: what was read where, and what was not found, to check against the plan
    if (this.file.note) this.notify(this.file.note, [], 'import-note');
    const draft = loadDraft(this.file.path, this.version);
    if (draft && JSON.stringify(draft.data) !== this.savedJson) {
      this.data = draft.data;
      // the notice sits at the top: the browser is not to scroll back to where the page was before the reload
      history.scrollRestoration = 'manual';
      this.notify(`保存していない変更（${new Date(draft.savedAt).toLocaleString('ja-JP')}）を復元しました。`, [
        ['変更を破棄してファイルの内容に戻す', () => this.reloadFrom(this.file.data, this.version, true)],
      ]);
    }
    this.layout();
    this.drawForm();
    performance.mark('tos-filing:form-drawn');
    this.validateNow();
    performance.mark('tos-filing:validated');
    this.showSaveState();
    this.listen();
    app.removeAttribute('aria-busy');
    document.body.dataset.ready = 'true';
  }

  // ---------- layout ----------

  private layout() {
    const button = (label: string, action: () => void, attrs: Record<string, string> = {}) => {
      const b = h('button', { type: 'button', ...attrs }, label);
      b.addEventListener('click', action);
      return b;
    };
    const header = h(
      'header',
      { class: 'bar' },
      h('a', { class: 'skip', href: '#main' }, '入力欄へ移動'),
      h('div', { class: 'title' }, h('h1', {}, '届出の編集'), h('span', { class: 'file' }, this.file.name), this.el.state),
      this.el.counts,
      h(
        'div',
        { class: 'actions' },
        button('保存', () => void this.save(), { class: 'primary', id: 'save', 'aria-keyshortcuts': 'Control+S', title: 'Ctrl+S' }),
        button('プレビュー', () => void this.preview(), { id: 'preview' }),
        button('Word（.docx）', () => void this.download('docx'), { id: 'download-docx' }),
        button('PDF', () => void this.download('pdf'), { id: 'download-pdf' }),
        this.otherDocuments(button),
        ...(this.leave ? [button('別のファイル', () => this.switchFile(), { id: 'switch-file', title: '新しく作成・別の届出ファイルを開く' })] : []),
        this.el.blocked,
      ),
    );
    const closePreview = button('閉じる', () => {
      this.el.previewPanel.hidden = true;
      document.getElementById('preview')?.focus();
    });
    // the frame joins the panel at the first preview: a frame in the page costs its load a browsing context
    this.el.previewPanel.append(h('div', { class: 'panel-head' }, h('h2', { id: 'preview-h' }, 'プレビュー'), closePreview), this.el.previewState);
    const legend = h(
      'p',
      { class: 'severity-legend', id: 'severity-legend' },
      h('span', { class: 'sev error' }, 'エラー'),
      '直すまで提出用の書類を作れません。',
      h('span', { class: 'sev warning' }, '警告'),
      '確認のお願いです。内容が正しければ、このままで提出できます。',
    );
    const findingsPanel = h('section', { class: 'findings', 'aria-labelledby': 'findings-h' }, h('div', { class: 'panel-head' }, h('h2', { id: 'findings-h' }, '確認事項'), h('span', { class: 'keys' }, 'F8：次のエラーへ')), legend, this.el.summary);
    const side = h('aside', { class: 'side', 'aria-label': '確認事項とプレビュー' }, this.el.previewPanel, findingsPanel);
    app.replaceChildren(header, ...(this.tools ? [this.tools] : []), this.el.notice, h('div', { class: 'layout' }, this.el.main, side), this.el.dialog);
    this.view = new FindingsView(this.renderer.slots, this.el.summary, this.el.counts);
  }

  private drawForm() {
    this.renderer.slots.clear();
    this.el.main.replaceChildren(this.renderer.renderAll());
    this.renderer.updateMeasures(this.el.main);
    this.renderer.updateChangeOnly(this.el.main);
    this.renderer.updateMeasureFields(this.el.main);
    this.renderer.updateDependentNeeds(this.el.main);
  }

  private notify(text: string, actions: [string, () => void][] = [], kind = '') {
    const box = h('div', { class: `notice-box${kind ? ` ${kind}` : ''}` }, h('p', {}, text));
    for (const [label, action] of actions) {
      const b = h('button', { type: 'button' }, label);
      b.addEventListener('click', () => {
        box.remove();
        action();
      });
      box.append(b);
    }
    const close = h('button', { type: 'button', 'aria-label': 'このお知らせを閉じる' }, '×');
    close.addEventListener('click', () => box.remove());
    box.append(close);
    this.el.notice.replaceChildren(box);
  }

  // ---------- edits ----------

  private listen() {
    const form = this.el.main;
    form.addEventListener('compositionstart', () => (this.composing = true));
    form.addEventListener('compositionend', (e) => {
      this.composing = false;
      this.commit(e.target as HTMLElement, 'typing');
    });
    form.addEventListener('input', (e) => {
      if ((e as InputEvent).isComposing || this.composing) return;
      this.commit(e.target as HTMLElement, 'typing');
    });
    form.addEventListener('change', (e) => this.commit(e.target as HTMLElement, 'commit'));
    form.addEventListener('click', (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
      if (button) this.structural(button);
    });
    this.el.blocked.addEventListener('click', (e) => {
      const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-at]');
      if (!link) return;
      e.preventDefault();
      this.focusPath(placeOf(JSON.parse(link.dataset.at!) as Key[], this.renderer.slots));
    });
    this.el.summary.addEventListener('click', (e) => {
      const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-jump]');
      if (!link) return;
      e.preventDefault();
      const placed = this.view.byMessageId(link.dataset.jump!);
      if (placed) this.focusPath(placed.at);
    });
    document.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void this.save();
      } else if (e.key === 'F8') {
        e.preventDefault();
        this.jumpToFinding(e.shiftKey ? -1 : 1);
      }
    });
    window.addEventListener('beforeunload', (e) => {
      if (!this.dirty) return;
      e.preventDefault();
      e.returnValue = '';
    });
    window.addEventListener('focus', () => void this.checkDisk());
  }

  /** Offline: back to 新しく作成・届出ファイルを開く; unsaved edits stay in the browser under this file. */
  private switchFile() {
    if (this.dirty) storeDraft(this.file.path, this.version, this.data);
    if (this.dirty && !window.confirm('保存していない変更があります。変更はこのブラウザに残り、同じファイルを開き直すと復元されます。別のファイルに移りますか。')) return;
    this.leave?.();
  }

  private get dirty(): boolean {
    return JSON.stringify(this.data) !== this.savedJson;
  }

  /** Reads a control the person changed into the data; validates at once for a commit, after a pause for typing. */
  private commit(target: HTMLElement, how: 'typing' | 'commit') {
    const control = this.renderer.controls.get(target);
    if (!control) return;
    const { path, info } = control;
    const previous = getAt(this.data, path);
    let value: unknown;
    if (control.option !== undefined) {
      const boxes = target.closest('fieldset')!.querySelectorAll<HTMLInputElement>('input[type=checkbox]');
      const chosen = [...boxes].filter((b) => b.checked).map((b) => this.renderer.controls.get(b)!.option!);
      const enumName = fieldAt([...path, 0])?.enumName;
      const style = Array.isArray(previous) ? previous[0] : undefined;
      value = chosen.length ? chosen.map((v) => (enumName ? storedChoice(enumName, v, style) : v)) : info.optional ? undefined : [];
    } else if (info.kind === 'enum') {
      value = info.enumName ? storedChoice(info.enumName, (target as HTMLSelectElement).value, previous) : undefined;
    } else if (info.kind === 'boolean') {
      value = storedYesNo((target as HTMLSelectElement).value, previous);
    } else {
      const typed = (target as HTMLInputElement).value;
      value = storedText(typed, typeof path.at(-1) === 'number' ? { optional: false } : info);
      if (info.kind === 'date') {
        const reading = document.getElementById(`${target.id}-r`);
        if (reading) reading.textContent = readingText(typed);
      }
    }
    if (JSON.stringify(value) !== JSON.stringify(previous)) {
      setAt(this.data, path, value);
      this.changed();
    }
    if (path.length === 2 && path[0] === 'port' && path[1] === 'name') {
      const reading = document.getElementById('port-class');
      if (reading) reading.textContent = portReading((target as HTMLInputElement).value);
      this.renderer.updateMeasures(this.el.main);
    }
    if (path.length === 2 && path[0] === 'application' && path[1] === 'kind') this.renderer.updateChangeOnly(this.el.main);
    if (path.length === 3 && path[0] === 'measures' && path[2] === 'status') this.renderer.updateMeasureFields(this.el.main);
    this.renderer.updateDependentNeeds(this.el.main);
    if (how === 'commit') this.validateNow();
    else this.scheduleValidation(TYPING_DELAY_MS);
  }

  private structural(button: HTMLButtonElement) {
    const listPath = JSON.parse(button.dataset.list!) as Key[];
    const index = Number(button.dataset.index);
    const action = button.dataset.action;
    let focus: () => HTMLElement | null = () => null;
    if (action === 'none') {
      setAt(this.data, listPath, []);
      focus = () => document.getElementById(pathId('f', listPath))?.querySelector<HTMLElement>('button[data-action="add"]') ?? null;
    } else if (action === 'add') {
      const i = addItem(this.data, listPath, blankItem(listPath));
      focus = () => firstControl(document.getElementById(pathId('f', [...listPath, i])));
    } else if (action === 'remove') {
      const item = getAt(this.data, [...listPath, index]);
      if (item && typeof item === 'object' && JSON.stringify(item).replace(/[{}[\]",:]/g, '').length > 40 && !window.confirm('この項目と、その中に記入した内容をすべて削除します。よろしいですか。')) return;
      removeItem(this.data, listPath, index);
      focus = () => {
        const list = document.getElementById(pathId('f', listPath));
        return list?.querySelector<HTMLElement>(`button[data-action="remove"][data-index="${Math.max(0, index - 1)}"]`) ?? list?.querySelector<HTMLElement>('button[data-action="add"]') ?? null;
      };
    } else {
      const by = action === 'up' ? -1 : 1;
      if (!moveItem(this.data, listPath, index, by)) return;
      focus = () => {
        const list = document.getElementById(pathId('f', listPath));
        const same = list?.querySelector<HTMLButtonElement>(`button[data-action="${action}"][data-index="${index + by}"]`);
        return same && !same.disabled ? same : (list?.querySelector<HTMLElement>(`button[data-action="${action === 'up' ? 'down' : 'up'}"][data-index="${index + by}"]`) ?? null);
      };
    }
    this.redraw(listPath);
    this.changed();
    this.validateNow();
    focus()?.focus();
  }

  private redraw(path: Key[]) {
    const old = document.getElementById(pathId('f', path));
    if (!old) return this.drawForm();
    this.renderer.forget(path);
    old.replaceWith(this.renderer.field(path));
    this.renderer.updateDependentNeeds(this.el.main);
  }

  private changed() {
    this.showSaveState();
    window.clearTimeout(this.draftTimer);
    this.draftTimer = window.setTimeout(() => {
      if (this.dirty) storeDraft(this.file.path, this.version, this.data);
      else dropDrafts(this.file.path);
    }, DRAFT_DELAY_MS);
  }

  // ---------- validation ----------

  private scheduleValidation(delay: number) {
    window.clearTimeout(this.validateTimer);
    this.validateTimer = window.setTimeout(() => this.validateNow(), delay);
  }

  private validateNow() {
    window.clearTimeout(this.validateTimer);
    // never in the middle of a word being composed: compositionend commits and validates
    if (this.composing) return;
    const started = performance.now();
    this.findings = checkFiling(this.data).findings;
    this.view.show(this.findings);
    document.body.dataset.validations = String(++this.validations);
    document.body.dataset.validationMs = (performance.now() - started).toFixed(1);
  }

  private focusPath(path: Key[]) {
    const slot = this.renderer.slots.get(pathId('f', path));
    const target = slot?.control ?? document.getElementById(pathId('f', path));
    if (!target) return;
    for (let el: HTMLElement | null = target; el; el = el.parentElement) if (el instanceof HTMLDetailsElement) el.open = true;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
    // parts drawn only near the view (content-visibility) take their real height a frame or two after they are
    // drawn, moving the target away: for a few frames, bring it back whenever it has left the view
    let frames = 0;
    const settle = () => {
      const { top, bottom } = target.getBoundingClientRect();
      if (top < 0 || bottom > window.innerHeight) target.scrollIntoView({ block: 'center' });
      if (++frames < 12) requestAnimationFrame(settle);
    };
    requestAnimationFrame(settle);
  }

  /** F8: the next field with an error (or, with none left, a warning) after the focus; Shift+F8 the one before. */
  private jumpToFinding(step: 1 | -1) {
    const errors = this.view.placed.filter((p) => p.finding.severity === 'error');
    const pool = errors.length ? errors : this.view.placed.filter((p) => p.finding.severity === 'warning');
    const targets = pool
      .map((p) => ({ p, el: this.renderer.slots.get(pathId('f', p.at))?.control ?? document.getElementById(pathId('f', p.at)) }))
      .filter((t): t is { p: (typeof pool)[number]; el: HTMLElement } => Boolean(t.el));
    if (!targets.length) return;
    targets.sort((a, b) => (a.el === b.el ? 0 : a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const current = document.activeElement as HTMLElement | null;
    const after = (el: HTMLElement) => Boolean(current && current !== document.body && current.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    const before = (el: HTMLElement) => Boolean(current && current !== document.body && current.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
    const next = step === 1 ? (targets.find((t) => after(t.el) && t.el !== current) ?? targets[0]) : ([...targets].reverse().find((t) => before(t.el) && t.el !== current) ?? targets.at(-1));
    if (next) this.focusPath(next.p.at);
  }

  // ---------- saving ----------

  private showSaveState(text?: string) {
    this.el.state.textContent = text ?? (this.dirty ? '未保存の変更があります' : this.file.exists || this.version !== 'absent' ? '保存済み' : 'まだ保存していません（新しいファイル）');
    this.el.state.dataset.dirty = String(this.dirty);
  }

  async save(): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    this.showSaveState('保存しています…');
    const sent = JSON.stringify(this.data);
    try {
      const res = await this.backend.save(this.version, this.data);
      if (res.status === 200 && res.body.version) {
        this.version = res.body.version;
        this.savedJson = sent;
        dropDrafts(this.file.path);
        if (this.dirty) storeDraft(this.file.path, this.version, this.data);
        const time = new Date().toLocaleTimeString('ja-JP', { hour: '2-digit', minute: '2-digit' });
        this.showSaveState(this.dirty ? undefined : res.body.note ? `${res.body.note}（${time}）` : `保存しました（${time}）`);
      } else if (res.status === 409 && res.body.current) {
        this.showSaveState();
        this.conflict(res.body.current, 'save');
      } else {
        this.showSaveState();
        this.notify(`保存できませんでした：${res.body.error ?? res.status}`);
      }
    } catch {
      this.showSaveState();
      this.notify(this.backend.unreachable);
    } finally {
      this.saving = false;
    }
  }

  /** Looks at the file on disk when the window comes back into focus. */
  private async checkDisk() {
    if (this.saving) return;
    try {
      const version = await this.backend.currentVersion();
      if (version === null || version === this.version) return;
      this.notify('このファイルは、編集画面の外で変更されました。', [
        ['違いを見る', () => void this.openConflictFromDisk()],
        ['ファイルを読み込み直す', () => void this.openConflictFromDisk()],
      ]);
    } catch {
      // server gone: saving will say so
    }
  }

  private async openConflictFromDisk() {
    const res = await this.backend.current();
    if (res.status === 200) this.conflict(res.body, 'disk');
  }

  private conflict(current: FileAnswer, when: 'save' | 'disk') {
    const d = this.el.dialog;
    const intro =
      when === 'save'
        ? 'このファイルは、読み込んだ後に編集画面の外で変更されています。上書きすると、その変更が失われるため保存しませんでした。'
        : 'このファイルは、読み込んだ後に編集画面の外で変更されています。';
    const diffBox = h('div', { class: 'diff', hidden: true });
    const showDiff = h('button', { type: 'button' }, '違いを見る');
    showDiff.addEventListener('click', () => {
      const rows = current.ok ? differences(this.data, current.data) : [];
      const table = h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '項目'), h('th', { scope: 'col' }, 'この画面'), h('th', { scope: 'col' }, 'ファイル'))));
      const body = h('tbody');
      for (const r of rows) body.append(h('tr', {}, h('th', { scope: 'row' }, r.where), h('td', {}, r.mine), h('td', {}, r.theirs)));
      if (!current.ok) body.append(h('tr', {}, h('td', { colspan: '3' }, current.message ?? 'ファイルを読めません')));
      else if (!rows.length) body.append(h('tr', {}, h('td', { colspan: '3' }, '内容の違いはありません（書式だけが変わっています）。')));
      table.append(body);
      diffBox.replaceChildren(table);
      diffBox.hidden = false;
    });
    const reload = h('button', { type: 'button', class: 'danger' }, 'ファイルを読み込み直す（この画面の変更は破棄）');
    reload.addEventListener('click', () => {
      d.close();
      if (current.ok) this.reloadFrom(current.data, current.version, true);
    });
    const close = h('button', { type: 'button' }, '閉じる（この画面の内容はそのまま）');
    close.addEventListener('click', () => d.close());
    d.replaceChildren(h('h2', { id: 'conflict-h' }, 'ファイルが変更されています'), h('p', {}, intro), h('div', { class: 'dialog-actions' }, showDiff, reload, close), diffBox);
    if (!d.open) d.showModal();
    showDiff.focus();
  }

  private reloadFrom(data: Data, version: string, discard: boolean) {
    if (discard) dropDrafts(this.file.path);
    this.version = version;
    this.savedJson = JSON.stringify(data);
    this.data = structuredClone(data);
    this.drawForm();
    this.validateNow();
    this.showSaveState();
  }

  // ---------- documents ----------

  private async makeDocuments(formats: ('pdf' | 'docx')[], kind: EditorDocumentKind = 'filing'): Promise<{ id: string; draft: boolean } | null> {
    const json = JSON.stringify(this.data);
    const res = await this.backend.makeDocuments(this.data, formats, kind);
    if (res.status === 200 && res.body.id) {
      this.documents = { id: res.body.id, json, formats, kind };
      this.el.blocked.hidden = true;
      return { id: res.body.id, draft: Boolean(res.body.draft) };
    }
    this.showBlocked(res.body.problems ?? [], res.body.message ?? res.body.error ?? '書類を作成できません。');
    // the preview is of the filing: another document that cannot be made is said beside the buttons only
    if (kind !== 'filing') return null;
    this.el.previewPanel.hidden = false;
    const problems = h('ul', {});
    for (const p of res.body.problems ?? []) problems.append(h('li', {}, `${p.where}：${p.message}`));
    this.el.previewState.replaceChildren(h('span', {}, res.body.message ?? res.body.error ?? '書類を作成できません。'), problems);
    this.el.frame.hidden = true;
    return null;
  }

  /** 「ほかの書類」: the copy for sharing (`build --redact`) and the 委任状 (made by `build` for a filing through an agent). */
  private otherDocuments(button: (label: string, action: () => void, attrs: Record<string, string>) => HTMLButtonElement): HTMLElement {
    const menu = h('details', { class: 'other-documents', id: 'other-documents' }, h('summary', {}, 'ほかの書類'));
    const entry = (kind: Exclude<EditorDocumentKind, 'filing'>) => {
      const { title, about } = OTHER_DOCUMENTS[kind];
      const get = (format: 'pdf' | 'docx') => () => {
        menu.open = false;
        void this.download(format, kind);
      };
      return h('div', { class: 'entry' }, h('strong', {}, title), h('span', { class: 'about' }, about), button('Word（.docx）', get('docx'), { id: `download-${kind}-docx` }), button('PDF', get('pdf'), { id: `download-${kind}-pdf` }));
    };
    menu.append(h('div', { class: 'menu' }, entry('redacted'), entry('power-of-attorney')));
    return menu;
  }

  /** Beside the buttons: why no document was made, and a link to the first field to fix. */
  private showBlocked(problems: { where: string; message: string; at?: Key[] }[], why: string) {
    const first = problems[0];
    const box = this.el.blocked;
    box.replaceChildren(h('p', {}, first ? '書類を作成できません。次の項目を直してください：' : why));
    if (first) {
      const at = first.at ?? [];
      box.append(h('a', { href: `#${pathId('f', placeOf(at, this.renderer.slots))}`, 'data-at': JSON.stringify(at) }, `${first.where}：${first.message}`));
      if (problems.length > 1) box.append(h('span', { class: 'more' }, `ほか${problems.length - 1}件（確認事項の一覧を参照）`));
    }
    box.hidden = false;
  }

  /** Other templates are in use: documents made before are not kept, and a preview on screen is made again. */
  templatesChanged(): void {
    this.documents = null;
    if (!this.el.previewPanel.hidden) void this.preview();
  }

  async preview(): Promise<void> {
    this.el.previewPanel.hidden = false;
    this.el.previewState.textContent = '書類を作成しています…';
    const made = await this.makeDocuments(['pdf']);
    if (!made) return;
    this.el.frame.hidden = false;
    if (!this.el.frame.isConnected) this.el.previewPanel.append(this.el.frame);
    // the viewer's thumbnail strip would take the room of the pages: open without it, each page as wide as the frame
    this.el.frame.src = `${this.backend.documentLink(made.id, 'pdf', false).href}#navpanes=0&view=FitH`;
    this.el.previewState.textContent = made.draft
      ? '下書きです：エラーの箇所は【未記入】と表示され、全ページに「下書き」と入ります。'
      : '提出用の書類です（build で作成されるものと同じ内容）。';
    document.body.dataset.previewed = made.id;
  }

  private async download(format: 'pdf' | 'docx', kind: EditorDocumentKind = 'filing') {
    const json = JSON.stringify(this.data);
    const reuse = this.documents?.json === json && this.documents.kind === kind && this.documents.formats.includes(format);
    const id = reuse ? this.documents!.id : (await this.makeDocuments([format], kind))?.id;
    if (!id) return;
    const link = this.backend.documentLink(id, format, true);
    const a = h('a', { href: link.href, download: link.download });
    document.body.append(a);
    a.click();
    a.remove();
  }
}

/** The documents of 「ほかの書類」 (`build --redact` and the 委任状 `build` makes for a filing through an agent). */
const OTHER_DOCUMENTS = {
  redacted: { title: '非開示版', about: '共有用：IPアドレス・ホスト名・メールアドレス・電話番号・担当者の氏名を【非開示】に置き換えたもの（提出用ではなく、社内外で共有するための写し）' },
  'power-of-attorney': { title: '委任状', about: '代理人（行政書士など）が申請するとき：申請者が記名押印して代理人に渡すもの' },
} as const;

function firstControl(root: HTMLElement | null): HTMLElement | null {
  return root?.querySelector<HTMLElement>('input, select, textarea') ?? root;
}

function fatal(message: string) {
  app.replaceChildren(h('div', { class: 'fatal', role: 'alert' }, h('h1', {}, '届出の編集'), h('p', {}, message)));
  app.removeAttribute('aria-busy');
}

/** The offline file: the start screen until a filing is open, then the editor; 別のファイル goes back. */
function startOffline() {
  const backend = new OfflineBackend();
  let editor: Editor | null = null;
  const tools = templatesControl(backend, () => editor?.templatesChanged());
  const edit = async () => {
    const res = await backend.load();
    if (!res)
      return void showStartScreen(
        app,
        backend,
        () => void edit(),
        (review) => showReview(app, review, () => void edit()),
      );
    document.title = `${res.body.name} — 届出の編集（オフライン版）`;
    editor = new Editor(
      res.body,
      backend,
      () => {
        backend.close();
        delete document.body.dataset.ready;
        void edit();
      },
      tools,
    );
    editor.start();
  };
  void edit();
}

async function main() {
  performance.mark('tos-filing:script-started');
  if (isOfflinePage()) return startOffline();
  const backend = serverBackend();
  try {
    const res = (await backend.load())!;
    performance.mark('tos-filing:filing-loaded');
    if (res.status !== 200 || !res.body.ok) {
      return fatal(res.status === 403 ? 'この画面を開き直してください：ターミナルに表示された URL（token= を含むもの）で開く必要があります。' : (res.body.message ?? '届出ファイルを読めません。'));
    }
    new Editor(res.body, backend).start();
  } catch {
    fatal('編集画面のサーバーに接続できません。ターミナルで tos-filing edit を起動し直し、表示された URL を開いてください。');
  }
}

void main();
