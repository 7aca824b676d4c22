/// <reference lib="dom" />
import type { EditorDocumentKind } from '../editorDocuments.ts';
import type { Answer, Backend, DocumentFormat, DocumentsAnswer, FileAnswer, SaveAnswer } from './backend.ts';
import type { ReviewRow } from '../../review/reviewFilings.ts';
import type { Data } from './filingData.ts';
import { keepHandle, keptHandle } from './keptHandle.ts';
import { base64Bytes, gunzip } from '../../platform/browserBytes.ts';
import type { OfflineFiling, WorkerAnswer, WorkerRequest } from './offlineProtocol.ts';

/**
 * The offline single file's backend: the core runs in a Worker made from the script the page carries (a blob:
 * URL; the page may fetch nothing), the file comes from the person's own file picker and goes back through the
 * File System Access API where the browser has it, else as a download. What is open survives a reload
 * (localStorage), with the unsaved edits the page keeps as drafts.
 */

/** What the examiner view offers to download: the workbook, and per file its notices and carried YAML (blob: URLs). */
export interface ReviewDownloads {
  rows: ReviewRow[];
  xlsxUrl: string;
  /** review.docx and review.pdf, as `review --format docx,pdf`. */
  documents: { name: string; href: string }[];
  perFile: { notices: { name: string; href: string }[]; extracted?: { name: string; href: string } }[];
}

const SESSION_KEY = 'tos-filing:offline:session';
/** A new filing has no version until it is first saved (the drafts of a new file are kept under this). */
const NEW = 'absent';

interface Session {
  filing: OfflineFiling;
  exists: boolean;
}

type SaveHandle = {
  name: string;
  getFile?(): Promise<File>;
  queryPermission?(o: { mode: 'readwrite' }): Promise<string>;
  requestPermission?(o: { mode: 'readwrite' }): Promise<string>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
};
type PickerWindow = Window & {
  showSaveFilePicker?: (o: object) => Promise<SaveHandle>;
  showOpenFilePicker?: (o: object) => Promise<(SaveHandle & { getFile(): Promise<File> })[]>;
};

/**
 * The Worker, started from the script the page carries. When it stops (a file that exhausted its memory), what
 * was asked of it is answered with a message and the next request starts a new one, given the fonts again first.
 */
export class WorkerClient {
  private worker: Worker | null = null;
  private next = 0;
  private readonly waiting = new Map<number, (a: WorkerAnswer) => void>();
  private readonly url: Promise<string>;
  /** What a new Worker is told before anything else (the fonts), once the page has it. */
  greeting: WorkerRequest | null = null;
  /** The firm's templates folder in use, told to a new Worker after the greeting. */
  templates: WorkerRequest | null = null;

  /** @param source the script, or (as the page carries it, packed) a promise of it */
  constructor(source: string | Promise<Blob>) {
    this.url = Promise.resolve(source).then((s) => URL.createObjectURL(typeof s === 'string' ? new Blob([s], { type: 'text/javascript' }) : s));
  }

  private async running(): Promise<Worker> {
    const url = await this.url;
    if (this.worker) return this.worker;
    const worker = new Worker(url);
    worker.onmessage = (e: MessageEvent<{ id: number; reply: WorkerAnswer }>) => {
      const done = this.waiting.get(e.data.id);
      this.waiting.delete(e.data.id);
      done?.(e.data.reply);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      for (const done of this.waiting.values()) done({ ok: false, message: `処理できませんでした（${e.message || '作業用スクリプトが停止しました'}）。入力した内容はそのままです` });
      this.waiting.clear();
    };
    this.worker = worker;
    if (this.greeting) worker.postMessage({ id: ++this.next, request: this.greeting });
    if (this.templates) worker.postMessage({ id: ++this.next, request: this.templates });
    return worker;
  }

  async request(request: WorkerRequest, transfer: Transferable[] = []): Promise<WorkerAnswer> {
    const worker = await this.running();
    const id = ++this.next;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      worker.postMessage({ id, request }, transfer);
    });
  }
}

/** Whether the page may write through the handle, asking the person when the browser has not been told yet. */
async function writable(handle: SaveHandle): Promise<boolean> {
  const mode = { mode: 'readwrite' as const };
  try {
    if (!handle.queryPermission || (await handle.queryPermission(mode)) === 'granted') return true;
    return Boolean(handle.requestPermission) && (await handle.requestPermission!(mode)) === 'granted';
  } catch {
    return false;
  }
}

function isSession(value: Partial<Session>): value is Session {
  const f = value.filing as Partial<OfflineFiling> | undefined;
  return (
    typeof value.exists === 'boolean' &&
    typeof f?.name === 'string' &&
    typeof f.text === 'string' &&
    typeof f.version === 'string' &&
    (f.format === 'yaml' || f.format === 'json') &&
    typeof f.data === 'object' &&
    f.data !== null &&
    !Array.isArray(f.data)
  );
}

const pageRead = () =>
  new Promise<void>((resolve) => (document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }) : resolve()));

const blockText = (id: string) => document.getElementById(id)?.textContent ?? '';

export const isOfflinePage = () => document.querySelector('meta[name="tos-filing-backend"]')?.getAttribute('content') === 'offline';

function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export class OfflineBackend implements Backend {
  readonly kind = 'offline' as const;
  readonly unreachable = '保存できませんでした。変更はこのブラウザに残っています。';
  private readonly worker: WorkerClient;
  private readonly fontsSent: Promise<WorkerAnswer>;
  private session: Session | null = null;
  private handle: SaveHandle | null = null;
  /** The handle kept from before a reload, looked up once at start. */
  private readonly handleRestored: Promise<void>;
  /** The file as last read where the handle points (after a change made outside the page): a save from it splices into its text. */
  private seen: OfflineFiling | null = null;
  private madeCount = 0;
  private readonly made = new Map<string, { stem: string; urls: Partial<Record<DocumentFormat, string>> }>();

  constructor() {
    // the Worker's script is packed like the fonts (gzip, base64): unpacked by the browser's own stream, then started
    this.worker = new WorkerClient(gunzip(base64Bytes(blockText('tos-filing-worker'))).then((bytes) => new Blob([bytes as BlobPart], { type: 'text/javascript' })));
    document.getElementById('tos-filing-worker')?.remove();
    // the fonts follow the page's script in the file: once the page is read, they go to the Worker, which unpacks
    // them in the background, so the first preview finds them ready
    this.fontsSent = pageRead().then(() => {
      const fonts: WorkerRequest = { op: 'fonts', fonts: { regular: blockText('tos-font-regular'), bold: blockText('tos-font-bold'), emoji: blockText('tos-font-emoji') } };
      for (const id of ['tos-font-regular', 'tos-font-bold', 'tos-font-emoji']) document.getElementById(id)?.remove();
      const sent = this.worker.request(fonts);
      // a Worker started again later gets them first
      this.worker.greeting = fonts;
      return sent;
    });
    try {
      const raw = localStorage.getItem(SESSION_KEY);
      const kept = raw ? (JSON.parse(raw) as Partial<Session>) : null;
      // what another version of the page kept, or a damaged entry, is not taken: the start screen is shown
      this.session = kept && isSession(kept) ? kept : null;
    } catch {
      this.session = null;
    }
    const open = this.session;
    this.handleRestored = open
      ? keptHandle<SaveHandle>(open.filing.name).then((handle) => {
          if (handle && !this.handle && this.session === open) this.handle = handle;
        })
      : Promise.resolve();
  }

  /** The handle saves go through, kept for after a reload (or forgotten). */
  private setHandle(handle: SaveHandle | null, name: string) {
    this.handle = handle;
    void keepHandle(handle ? { name, handle } : null);
  }

  private remember(session: Session | null) {
    this.session = session;
    try {
      if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
      else localStorage.removeItem(SESSION_KEY);
    } catch {
      // storage full or refused: the file stays open until the page is closed
    }
  }

  private answer(): Answer<FileAnswer> | null {
    const s = this.session;
    if (!s) return null;
    return { status: 200, body: this.fileAnswer(s.filing, s.exists) };
  }

  async load() {
    return this.answer();
  }

  /** Opens a file the person picked: YAML/JSON, or a .pdf/.docx made by tos-filing (the data it carries). */
  async open(file: File, handle: SaveHandle | null = null): Promise<string | null> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const reply = await this.worker.request({ op: 'open', name: file.name, bytes }, [bytes.buffer]);
    if (!reply.ok) return reply.message;
    if (!('filing' in reply)) return `${file.name}: 読めません`;
    // a document's data is saved as a new YAML file, never over the document
    this.setHandle(reply.filing.from ? null : handle, reply.filing.name);
    this.seen = null;
    this.remember({ filing: reply.filing, exists: !reply.filing.from });
    return null;
  }

  /**
   * Where the browser can, opens through its file picker so that 保存 can write back to the same file: null when
   * opened, a message when the file cannot be, 'cancelled', or 'fallback' (use the file input instead).
   */
  async pickAndOpen(): Promise<string | null | 'fallback' | 'cancelled'> {
    const w = window as PickerWindow;
    if (!w.showOpenFilePicker) return 'fallback';
    let picked;
    try {
      picked = await w.showOpenFilePicker({ multiple: false });
    } catch (err) {
      return (err as Error).name === 'AbortError' ? 'cancelled' : 'fallback';
    }
    const handle = picked[0];
    if (!handle) return 'cancelled';
    return this.open(await handle.getFile(), handle);
  }

  /** Starts a new filing from the `init` skeleton of the port and the kind of application. */
  async create(port: string, kind: string): Promise<string | null> {
    const reply = await this.worker.request({ op: 'new', port, kind });
    if (!reply.ok) return reply.message;
    if (!('filing' in reply)) return '作成できません';
    this.setHandle(null, reply.filing.name);
    this.seen = null;
    this.remember({ filing: reply.filing, exists: false });
    return null;
  }

  /** The examiner's review of received files (.pdf, .docx, .yaml, .json): the rows, review.xlsx and the review documents, as `review`. */
  async review(files: readonly File[], names: readonly string[], bureau?: string): Promise<ReviewDownloads | { message: string }> {
    const read = await Promise.all(files.map(async (f, i) => ({ name: names[i] ?? f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    await this.fontsSent;
    const reply = await this.worker.request({ op: 'review', files: read, ...(bureau ? { bureau } : {}) }, read.map((f) => f.bytes.buffer as ArrayBuffer));
    if (!reply.ok) return { message: reply.message };
    if (!('rows' in reply)) return { message: '審査一覧を作成できません' };
    const url = (bytes: Uint8Array | string, type: string) => URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
    const xlsxUrl = url(reply.xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const perFile = reply.perFile.map((f) => ({
      notices: f.notices.map((n) => ({ name: n.name, href: url(n.bytes, n.name.endsWith('.pdf') ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') })),
      ...(f.extracted ? { extracted: { name: f.extracted.name, href: url(f.extracted.text, 'application/yaml') } } : {}),
    }));
    const documents = reply.reviewDocuments.map((d) => ({ name: d.name, href: url(d.bytes, d.name.endsWith('.pdf') ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') }));
    return { rows: reply.rows, xlsxUrl, documents, perFile };
  }

  /** The 新旧対照表 of two filings (or documents), as `tos-filing diff before after`: downloads and what changed. */
  async diff(before: File, after: File): Promise<{ links: { name: string; href: string }[]; changes: number; alerts: string[] } | { message: string }> {
    const side = async (f: File) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
    const [b, a] = await Promise.all([side(before), side(after)]);
    await this.fontsSent;
    const reply = await this.worker.request({ op: 'diff', before: b, after: a }, [b.bytes.buffer as ArrayBuffer, a.bytes.buffer as ArrayBuffer]);
    if (!reply.ok) return { message: reply.message };
    if (!('outputs' in reply)) return { message: '新旧対照表を作成できません' };
    const type = (name: string) => (name.endsWith('.pdf') ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const links = reply.outputs.map((o) => ({ name: o.name, href: URL.createObjectURL(new Blob([o.bytes as BlobPart], { type: type(o.name) })) }));
    return { links, changes: reply.changes, alerts: reply.alerts };
  }

  close(): void {
    this.setHandle(null, '');
    this.seen = null;
    this.remember(null);
  }

  async save(baseVersion: string, data: Data): Promise<Answer<SaveAnswer>> {
    const s = this.session;
    if (!s) return { status: 500, body: { ok: false, error: '開いているファイルがありません' } };
    const type = s.filing.format === 'json' ? 'application/json' : 'application/yaml';
    await this.handleRestored;
    // ask where first, while the click still counts as the person's own action
    let handle = this.handle;
    const w = window as PickerWindow;
    if (!handle && w.showSaveFilePicker) {
      try {
        handle = await w.showSaveFilePicker({ suggestedName: s.filing.name });
      } catch {
        handle = null; // cancelled, or not allowed here: the file is downloaded instead
      }
    }
    // asked first, while the click still counts (once; the browser remembers the answer for the page)
    if (handle && !(await writable(handle))) handle = null;
    // a file changed outside the page since the version this edit started from is not overwritten
    if (handle && handle === this.handle && baseVersion !== NEW) {
      const disk = await this.onDisk();
      if (disk && !('message' in disk) && disk.version !== baseVersion) {
        this.seen = disk;
        return { status: 409, body: { ok: false, current: this.fileAnswer(disk, true) } };
      }
    }
    const base: OfflineFiling = this.seen && this.seen.version === baseVersion ? this.seen : s.filing;
    const reply = await this.worker.request({ op: 'save', filing: base, data });
    if (!reply.ok) return { status: 500, body: { ok: false, error: reply.message } };
    if (!('text' in reply)) return { status: 500, body: { ok: false, error: '保存する内容を作れません' } };
    let note: string | undefined;
    let name = s.filing.name;
    if (handle) {
      try {
        const out = await handle.createWritable();
        await out.write(reply.text);
        await out.close();
        name = handle.name;
        if (handle !== this.handle) this.setHandle(handle, name);
      } catch {
        handle = null;
      }
    }
    if (!handle) {
      downloadText(name, reply.text, type);
      note = 'ダウンロードのフォルダに保存しました';
    }
    this.seen = null;
    this.remember({ filing: { ...base, name, text: reply.text, version: reply.version, data: structuredClone(data) }, exists: true });
    return { status: 200, body: { ok: true, version: reply.version, ...(note ? { note } : {}) } };
  }

  /** The file where the handle points, read as a file the person opens; null without a handle to look through. */
  private async onDisk(): Promise<OfflineFiling | { message: string } | null> {
    const handle = this.handle;
    if (!handle?.getFile) return null;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
    } catch {
      return { message: `${handle.name}: ファイルを読めません（移動または削除された可能性があります）` };
    }
    const reply = await this.worker.request({ op: 'open', name: handle.name, bytes }, [bytes.buffer as ArrayBuffer]);
    if (!reply.ok) return { message: reply.message };
    return 'filing' in reply ? reply.filing : null;
  }

  private fileAnswer(filing: OfflineFiling, exists: boolean): FileAnswer {
    return { ok: true, name: filing.name, path: `offline:${filing.name}`, exists, version: exists ? filing.version : NEW, data: filing.data, ...(!exists && filing.note ? { note: filing.note } : {}) };
  }

  /** With a file handle (the browser's own picker): the version of the file as it is now. */
  async currentVersion() {
    const disk = await this.onDisk();
    return disk && !('message' in disk) ? disk.version : null;
  }

  async current(): Promise<Answer<FileAnswer>> {
    const disk = await this.onDisk();
    if (disk && !('message' in disk)) {
      this.seen = disk;
      return { status: 200, body: this.fileAnswer(disk, true) };
    }
    if (disk) return { status: 500, body: { ok: false, message: disk.message, name: '', path: '', exists: false, version: NEW, data: {} } };
    return this.answer() ?? { status: 404, body: { ok: false, message: '開いているファイルがありません', name: '', path: '', exists: false, version: NEW, data: {} } };
  }

  /**
   * The templates the documents are made with from now on: a firm's own folder (null when taken; the message, with
   * file, line and column, when refused), or with null the bundled ones again.
   */
  async useTemplates(chosen: { folder: string; files: { path: string; file: Blob }[] } | null): Promise<string | null> {
    const request: WorkerRequest = chosen ? { op: 'templates', ...chosen } : { op: 'templates', folder: '' };
    const reply = await this.worker.request(request);
    if (!reply.ok) return reply.message;
    this.worker.templates = chosen ? request : null;
    return null;
  }

  async makeDocuments(data: Data, formats: DocumentFormat[], kind: EditorDocumentKind = 'filing'): Promise<Answer<DocumentsAnswer>> {
    const name = this.session?.filing.name ?? 'filing.yaml';
    await this.fontsSent;
    const reply = await this.worker.request({ op: 'build', name, data, formats, kind });
    if (!reply.ok) return { status: 422, body: { ok: false, message: reply.message, problems: reply.problems } };
    if (!('documents' in reply)) return { status: 500, body: { ok: false, error: '書類を作成できません' } };
    const id = String(++this.madeCount);
    const urls: Partial<Record<DocumentFormat, string>> = {};
    const types = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
    for (const format of Object.keys(reply.documents) as DocumentFormat[]) urls[format] = URL.createObjectURL(new Blob([reply.documents[format] as BlobPart], { type: types[format] }));
    this.made.set(id, { stem: reply.stem, urls });
    // keep the two newest sets (the one shown and the one being made)
    while (this.made.size > 2) {
      const [oldest, old] = this.made.entries().next().value!;
      for (const url of Object.values(old.urls)) URL.revokeObjectURL(url);
      this.made.delete(oldest);
    }
    return { status: 200, body: { ok: true, id, draft: reply.draft } };
  }

  documentLink(id: string, format: DocumentFormat) {
    const made = this.made.get(id);
    return { href: made?.urls[format] ?? '', download: `${made?.stem ?? 'filing'}.${format}` };
  }
}
