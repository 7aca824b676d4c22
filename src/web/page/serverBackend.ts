import { api, documentUrl } from './api.ts';
import type { Backend, DocumentsAnswer, FileAnswer, SaveAnswer } from './backend.ts';

/** The editor's server (`tos-filing edit`): the file on disk, the documents made by the server. */
export function serverBackend(): Backend {
  return {
    kind: 'server',
    async load() {
      return embeddedFiling() ?? (await api<FileAnswer>('/api/filing'));
    },
    save: (baseVersion, data) => api<SaveAnswer>('/api/save', { baseVersion, data }),
    async currentVersion() {
      const res = await api<{ version: string }>('/api/status');
      return res.status === 200 ? res.body.version : null;
    },
    current: () => api<FileAnswer>('/api/filing'),
    makeDocuments: (data, formats, kind) => api<DocumentsAnswer>('/api/documents', { data, formats, kind }),
    documentLink: (id, format, download) => ({ href: documentUrl(id, format, download), download: '' }),
    unreachable: '保存できませんでした：編集画面のサーバーに接続できません（ターミナルで tos-filing edit が動いているか確かめてください）。変更はこのブラウザに残っています。',
  };
}

/** The file's state the server put in the page (saves a round trip before the form can be drawn). */
function embeddedFiling(): { status: number; body: FileAnswer } | null {
  const block = document.getElementById('filing-state');
  if (!block?.textContent) return null;
  try {
    return { status: 200, body: JSON.parse(block.textContent) as FileAnswer };
  } catch {
    return null;
  } finally {
    block.remove();
  }
}
