/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Unsaved edits kept in the browser (localStorage), per file and per version of that file on disk: a reload of
 * the page, or a restart of the editor at the same address, finds them again; a file changed since does not
 * take edits made to its older version.
 */

const PREFIX = 'tos-filing:draft:';
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export interface Draft {
  data: Record<string, unknown>;
  savedAt: number;
}

const keyOf = (file: string, version: string) => `${PREFIX}${file}\n${version}`;

export function loadDraft(file: string, version: string): Draft | null {
  try {
    const raw = localStorage.getItem(keyOf(file, version));
    if (!raw) return null;
    const draft = JSON.parse(raw) as Draft;
    return draft && typeof draft.data === 'object' && draft.data !== null ? draft : null;
  } catch {
    return null;
  }
}

export function storeDraft(file: string, version: string, data: Record<string, unknown>): boolean {
  try {
    localStorage.setItem(keyOf(file, version), JSON.stringify({ data, savedAt: Date.now() } satisfies Draft));
    return true;
  } catch {
    return false;
  }
}

/** Forgets every draft of the file (after a save, or when the person discards them), and old drafts of any file. */
export function dropDrafts(file: string): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      let old = false;
      try {
        old = Date.now() - (JSON.parse(localStorage.getItem(key) ?? '{}') as Draft).savedAt > MAX_AGE_MS;
      } catch {
        old = true;
      }
      if (key.startsWith(`${PREFIX}${file}\n`) || old) localStorage.removeItem(key);
    }
  } catch {
    // storage unavailable: nothing kept, nothing to drop
  }
}
