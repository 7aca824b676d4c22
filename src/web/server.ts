import { createHash, randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CompiledTemplates } from '../templates/renderTemplates.ts';
import { EDITOR_DOCUMENT_KINDS, type EditorDocumentKind, type EditorFormat, editorDocuments } from './editorDocuments.ts';
import type { ClientAssets } from './clientBundle.ts';
import type { FilingFile } from './filingFile.ts';
import { SECURITY_HEADERS, TOKEN_HEADER, hostAllowed, newToken, originAllowed, tokenMatches } from './guard.ts';
import { pageHtml, refusedHtml } from './pageHtml.ts';

/**
 * The editor's local server: one filing, its page and assets, nothing else. Bound to 127.0.0.1; every request
 * passes the Host check, everything under /api/ needs the session token, and every POST also needs the page's
 * own Origin and the token in a header (see guard.ts).
 */

export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface EditorServerOptions {
  file: FilingFile;
  templates: CompiledTemplates;
  assets: ClientAssets;
  /** 0 takes a free port. */
  port: number;
  token?: string;
  maxBodyBytes?: number;
  /** Said in the page while the file is not yet saved (what `import` found in the plan it was made from). */
  startNote?: string;
}

export interface EditorServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface StoredDocuments {
  stem: string;
  pdf?: Uint8Array;
  docx?: Uint8Array;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export async function startEditorServer(options: EditorServerOptions): Promise<EditorServer> {
  const token = options.token ?? newToken();
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const { file, templates, assets } = options;
  const documents = new Map<string, StoredDocuments>();
  const assetVersion = createHash('sha256').update(assets.js).update(assets.css).digest('hex').slice(0, 16);
  let port = options.port;

  const send = (res: ServerResponse, status: number, type: string, body: string | Uint8Array, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
    res.end(body);
  };
  const sendJson = (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

  async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') throw new HttpError(415, '本文は JSON（Content-Type: application/json）で送ってください');
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > maxBody) throw new HttpError(413, `本文が大きすぎます（${Math.floor(maxBody / 1024 / 1024)}MBまで）`);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBody) throw new HttpError(413, `本文が大きすぎます（${Math.floor(maxBody / 1024 / 1024)}MBまで）`);
      chunks.push(chunk as Buffer);
    }
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
    } catch {
      throw new HttpError(400, '本文を JSON として読めません');
    }
    if (!isRecord(value)) throw new HttpError(400, '本文は JSON のオブジェクトで送ってください');
    return value;
  }

  function filingOf(body: Record<string, unknown>): Record<string, unknown> {
    if (!isRecord(body.data)) throw new HttpError(400, '届出の内容（data）がオブジェクトではありません');
    return body.data;
  }

  function fileState() {
    const read = file.read();
    if (!read.ok) return { ok: false as const, message: read.message };
    return { ok: true as const, name: file.name, path: file.path, exists: read.state.exists, version: read.state.version, data: read.state.data, ...(!read.state.exists && options.startNote ? { note: options.startNote } : {}) };
  }

  /** Makes the documents (as `build` would write them) and keeps them for the page to fetch by id (the preview frame, a download). */
  async function makeDocuments(data: Record<string, unknown>, formats: EditorFormat[], kind: EditorDocumentKind) {
    const made = await editorDocuments(file.path, data, formats, templates, kind);
    if (!made.ok) return made;
    const id = randomBytes(8).toString('hex');
    const stored: StoredDocuments = { stem: made.stem, ...made.documents };
    documents.set(id, stored);
    // keep the two newest sets (the one shown and the one being made)
    while (documents.size > 2) documents.delete(documents.keys().next().value!);
    return { ok: true as const, id, draft: made.draft, stem: stored.stem };
  }

  function serveDocument(res: ServerResponse, id: string, format: string, download: boolean) {
    const stored = documents.get(id);
    const bytes = stored && (format === 'pdf' ? stored.pdf : format === 'docx' ? stored.docx : undefined);
    if (!stored || !bytes) throw new HttpError(404, '書類が見つかりません。もう一度作成してください');
    const type = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const fileName = `${stored.stem}.${format}`;
    const disposition = `${download ? 'attachment' : 'inline'}; filename="${format === 'pdf' ? 'filing.pdf' : 'filing.docx'}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
    // the browser's own PDF viewer draws this response: it may be framed by the page, and nothing else is said
    send(res, 200, type, bytes, { 'Content-Disposition': disposition, 'Content-Security-Policy': "frame-ancestors 'self'" });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) throw new HttpError(403, `このサーバーは http://127.0.0.1:${port}/ としてのみ応答します`);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      decodeURIComponent(url.pathname);
    } catch {
      throw new HttpError(400, 'URL を読めません');
    }
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const queryToken = url.searchParams.get('token');

    if (path === '/') {
      if (method !== 'GET') throw new HttpError(405, 'GET のみ受け付けます');
      if (!tokenMatches(queryToken, token)) return send(res, 403, 'text/html; charset=utf-8', refusedHtml());
      return send(res, 200, 'text/html; charset=utf-8', pageHtml({ token, title: file.name, filing: fileState(), assetVersion }));
    }
    if (path === '/assets/app.js' || path === '/assets/app.css') {
      if (method !== 'GET') throw new HttpError(405, 'GET のみ受け付けます');
      // the page names them by this build's version: that name always means the same bytes, which may be kept
      const caching: Record<string, string> = url.searchParams.get('v') === assetVersion ? { 'Cache-Control': 'private, max-age=31536000, immutable' } : {};
      return path.endsWith('.js') ? send(res, 200, 'text/javascript; charset=utf-8', assets.js, caching) : send(res, 200, 'text/css; charset=utf-8', assets.css, caching);
    }
    if (!path.startsWith('/api/')) throw new HttpError(404, 'ありません');

    if (method === 'GET') {
      const given = (req.headers[TOKEN_HEADER] as string | undefined) ?? queryToken;
      if (!tokenMatches(given, token)) throw new HttpError(403, 'トークンがありません。ターミナルに表示された URL から開いてください');
      if (path === '/api/filing') return sendJson(res, 200, fileState());
      if (path === '/api/status') return sendJson(res, 200, { version: file.currentVersion() });
      const m = /^\/api\/documents\/([0-9a-f]{16})\/(pdf|docx)$/.exec(path);
      if (m) return serveDocument(res, m[1]!, m[2]!, url.searchParams.get('download') === '1');
      throw new HttpError(404, 'ありません');
    }
    if (method !== 'POST') throw new HttpError(405, 'GET と POST のみ受け付けます');
    if (!originAllowed(req.headers, port)) throw new HttpError(403, 'このページ以外からの変更は受け付けません');
    if (!tokenMatches(req.headers[TOKEN_HEADER] as string | undefined, token)) throw new HttpError(403, 'トークンがありません。ターミナルに表示された URL から開いてください');
    if (path === '/api/save') {
      const body = await readJsonBody(req);
      if (typeof body.baseVersion !== 'string') throw new HttpError(400, '元の版（baseVersion）がありません');
      const outcome = file.save(body.baseVersion, filingOf(body));
      if (outcome.ok) return sendJson(res, 200, { ok: true, version: outcome.version });
      if (outcome.reason === 'conflict') return sendJson(res, 409, { ok: false, conflict: true, current: fileState() });
      return sendJson(res, 500, { ok: false, error: outcome.message });
    }
    if (path === '/api/documents') {
      const body = await readJsonBody(req);
      const formats = body.formats === undefined ? ['pdf' as const] : body.formats;
      if (!Array.isArray(formats) || !formats.length || !formats.every((f) => f === 'pdf' || f === 'docx')) throw new HttpError(400, '書類の形式（formats）は pdf・docx から選んでください');
      const kind = body.kind ?? 'filing';
      if (!EDITOR_DOCUMENT_KINDS.includes(kind as EditorDocumentKind)) throw new HttpError(400, '書類の種類（kind）は filing・redacted・power-of-attorney から選んでください');
      const made = await makeDocuments(filingOf(body), formats as ('pdf' | 'docx')[], kind as EditorDocumentKind);
      return sendJson(res, made.ok ? 200 : 422, made);
    }
    throw new HttpError(404, 'ありません');
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (err instanceof HttpError) {
        // a refused body is not read on; close the connection instead of draining it
        if (err.status === 413) res.setHeader('Connection', 'close');
        sendJson(res, err.status, { ok: false, error: err.message });
        return;
      }
      sendJson(res, 500, { ok: false, error: `内部エラー：${(err as Error).message}` });
    });
  });
  // requests the HTTP parser cannot read at all get a plain 400 instead of a dropped connection
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n要求を読めません\n');
    else socket.destroy();
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  // A process's first build takes several times as long as the next ones (code not yet optimised, fonts not yet
  // read): make one in the background now, so the first preview a person asks for is already a warm one.
  const warmUp = setTimeout(() => {
    const read = file.read();
    if (read.ok && isRecord(read.state.data)) editorDocuments(file.path, structuredClone(read.state.data), ['pdf'], templates).catch(() => undefined);
  }, 0);

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(warmUp);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
