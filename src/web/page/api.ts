/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/** Requests to the editor's own server, with the session token the server put in the page. */

const token = () => document.querySelector<HTMLMetaElement>('meta[name="tos-filing-token"]')?.content ?? '';

export const TOKEN_HEADER = 'X-Tos-Filing-Token';

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

export async function api<T>(path: string, body?: unknown): Promise<ApiAnswer<T>> {
  const init: RequestInit = { headers: { [TOKEN_HEADER]: token() }, cache: 'no-store' };
  if (body !== undefined) {
    init.method = 'POST';
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  let parsed: unknown = null;
  try {
    parsed = await res.json();
  } catch {
    parsed = { error: `サーバーの応答を読めません（${res.status}）` };
  }
  return { status: res.status, body: parsed as T };
}

/** A URL for a document the browser loads itself (the preview frame, a download): the token goes in the query. */
export const documentUrl = (id: string, format: 'pdf' | 'docx', download: boolean) =>
  `/api/documents/${id}/${format}?token=${encodeURIComponent(token())}${download ? '&download=1' : ''}`;
