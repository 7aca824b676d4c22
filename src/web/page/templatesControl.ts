import { h } from './dom.ts';

/** What the control needs of the offline backend. */
export interface TemplatesUser {
  useTemplates(chosen: { folder: string; files: { path: string; file: Blob }[] } | null): Promise<string | null>;
}

/**
 * 「事務所のテンプレートを使う」: a firm's own templates folder (a copy of templates/, edited) for the documents the
 * page makes, checked as `--templates` checks it; what is wrong is said with file, line and column. `changed` is
 * called when the templates in use change (the documents made before are stale).
 */
export function templatesControl(backend: TemplatesUser, changed: () => void): HTMLElement {
  const input = h('input', { type: 'file', id: 'templates-folder', multiple: true, webkitdirectory: true });
  const choose = h('label', { class: 'file-button secondary' }, '事務所のテンプレートを使う', input);
  const hint = h('span', { class: 'templates-hint' }, '（同梱の templates フォルダをコピーして文言を直したもの。フォルダごと選びます）');
  const state = h('span', { class: 'templates-state', role: 'status', id: 'templates-state' });
  const problem = h('pre', { class: 'templates-problem', role: 'alert', id: 'templates-problem', hidden: true });
  const back = h('button', { type: 'button', id: 'templates-bundled', hidden: true }, '同梱のテンプレートに戻す');
  const box = h('div', { class: 'templates', id: 'templates' }, choose, state, hint, back, problem);

  const show = (folder: string | null, message: string | null) => {
    problem.hidden = !message;
    problem.textContent = message ?? '';
    state.textContent = folder ? `事務所のテンプレート：${folder} を使っています` : '';
    back.hidden = !folder;
    hint.hidden = !!folder;
  };
  let inUse: string | null = null;

  input.addEventListener('change', () => {
    const picked = [...(input.files ?? [])];
    input.value = '';
    void (async () => {
      const first = picked[0]?.webkitRelativePath.split('/')[0] ?? '';
      // the Worker picks the templates out of the folder and reads them, with the bounds of --templates
      const files = picked.filter((f) => f.name.endsWith('.hbs')).map((f) => ({ path: (f.webkitRelativePath || f.name).split('/').slice(1).join('/'), file: f as Blob }));
      state.textContent = 'テンプレートを確かめています…';
      const message = await backend.useTemplates({ folder: first, files });
      if (message) return show(inUse, `このフォルダのテンプレートは使えません（${inUse ? `引き続き ${inUse} を使います` : '同梱のテンプレートのままです'}）：\n${message}`);
      inUse = first;
      show(inUse, null);
      changed();
    })();
  });
  back.addEventListener('click', () => {
    void backend.useTemplates(null).then(() => {
      inUse = null;
      show(null, null);
      changed();
    });
  });
  return box;
}
