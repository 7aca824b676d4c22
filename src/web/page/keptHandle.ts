/// <reference lib="dom" />
/**
 * The file handle 保存 writes through (File System Access API), kept in the browser's IndexedDB with the name of the
 * filing it belongs to, so that after a reload the next save goes to the same file, asking only for permission.
 * A browser that cannot keep it (no IndexedDB, a handle that cannot be stored) simply asks where again.
 */

const DB = 'tos-filing';
const STORE = 'handles';
const KEY = 'current';

export interface Kept<H> {
  name: string;
  handle: H;
}

function database(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function run(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest | void): Promise<unknown> {
  const db = await database();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Keeps the handle (or forgets it, with null). Never throws. */
export async function keepHandle<H>(kept: Kept<H> | null): Promise<void> {
  try {
    await run('readwrite', (store) => (kept ? store.put(kept, KEY) : store.delete(KEY)));
  } catch {
    // not kept: the next save after a reload asks where again
  }
}

/** The handle kept for the filing of this name, or null. Never throws. */
export async function keptHandle<H>(name: string): Promise<H | null> {
  try {
    const kept = (await run('readonly', (store) => store.get(KEY))) as Kept<H> | undefined;
    return kept && kept.name === name && kept.handle ? kept.handle : null;
  } catch {
    return null;
  }
}
