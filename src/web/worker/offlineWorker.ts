/// <reference lib="webworker" />
import { stemOf } from '../../app/build.ts';
import { compareFilings } from '../../app/diff.ts';
import { extractFiling } from '../../app/extract.ts';
import { importPlan } from '../../app/import.ts';
import { filingSkeleton } from '../../app/init.ts';
import { readReceived } from '../../app/readReceived.ts';
import { reviewFilings } from '../../app/review.ts';
import { classifyPort } from '../../catalog/classifyPort.ts';
import { parseFilingText } from '../../io/parseFilingText.ts';
import { enumValueFor } from '../../model/enums.ts';
import type { ApplicationKind } from '../../model/filing.ts';
import { browserHost, bundledTemplates, embeddedPdfjs, installBrowserHost } from '../../platform/browser.ts';
import { hex, installHost } from '../../platform/host.ts';
import { sha256 } from '../../platform/sha256.ts';
import { DOCUMENT_FORMATS } from '../../render/registry.ts';
import { parseBureau } from '../../review/bureauFilter.ts';
import { extName } from '../../util/fileName.ts';
import { fieldWords, findingMessage } from '../../validate/messages.ts';
import { editorDocuments } from '../editorDocuments.ts';
import { chosenTemplates, readChosenFiles } from './firmTemplates.ts';
import type { OfflineFiling, ReviewedFileOutputs, WorkerAnswer, WorkerRequest } from '../page/offlineProtocol.ts';
import { YamlEditError, applyDataToYaml } from '../yamlEdits.ts';
// the templates/ folder of the package, compiled to code when the page was made (see web/offlineApp.ts)
import templateBundle from 'tos-filing:templates';
// PDF.js, for plans typed by hand (the CLI's reader of them, in this thread)
import { cMaps, getDocument } from 'tos-filing:pdfjs';

/**
 * The offline page's Worker: the core, with the bounds of the CLI, off the page's thread, so that a large or
 * hostile file, or a build, never stops the person typing. One request at a time, in order; the fonts unpack
 * beside them (only a build waits for them).
 */

declare const self: DedicatedWorkerGlobalScope;

const bundled = bundledTemplates(templateBundle);
// the firm's own folder once one is chosen (op templates), until the page goes back to the bundled one
let templates = bundled;
const pdfjs = embeddedPdfjs(getDocument, cMaps);
const loadPdfjs = () => Promise.resolve(pdfjs);
// files can be read at once; the fonts, once unpacked, join the host (a build waits for them)
installHost(browserHost(null, loadPdfjs));
let fontsReady: Promise<void> | undefined;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const versionOf = (text: string) => hex(sha256(new TextEncoder().encode(text)));

function filingFrom(name: string, text: string, data: unknown, from?: 'pdf' | 'docx', note?: string): WorkerAnswer {
  if (!isRecord(data)) return { ok: false, message: `${name}: 届出ファイルの最上位は「項目名: 値」の並びである必要があります` };
  const format = !from && extName(name).toLowerCase() === '.json' ? 'json' : 'yaml';
  const filing: OfflineFiling = { name: from ? `${stemOf(name)}.yaml` : name, format, text, data, version: versionOf(text), ...(from ? { from } : {}), ...(note ? { note } : {}) };
  return { ok: true, filing };
}

async function open(name: string, bytes: Uint8Array): Promise<WorkerAnswer> {
  const read = await readReceived(name, bytes);
  if (!read.ok) return { ok: false, message: `${name}: ${read.message}` };
  if (read.carrier?.handTyped) {
    // a plan typed by hand: the draft `import` makes of it, as `tos-filing edit plan.docx` opens it
    const outcome = importPlan(read, { format: 'yaml' });
    if (outcome.status !== 'imported') return { ok: false, message: `${name}: 本文を読み取れません` };
    const draft = parseFilingText(`${stemOf(name)}.yaml`, outcome.text);
    if (!draft.ok) return { ok: false, message: draft.message };
    return filingFrom(name, outcome.text, draft.data, read.carrier.format, outcome.report);
  }
  if (read.carrier) {
    const extracted = extractFiling(read, { format: 'yaml' });
    if (extracted.status !== 'extracted') return { ok: false, message: `${name}: 届出データを取り出せません` };
    return filingFrom(name, extracted.text, read.data, read.carrier.format);
  }
  return filingFrom(name, new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''), read.data);
}

function create(portName: string, kindName: string): WorkerAnswer {
  const port = classifyPort(portName);
  if (port.name === null) {
    const hint = port.suggestions.length ? ` もしかして ${port.suggestions.join('、')}？` : '';
    return { ok: false, message: `港名「${portName}」は登録簿にありません。${hint}` };
  }
  const kind = enumValueFor('applicationKind', kindName) as ApplicationKind | undefined;
  if (!kind) return { ok: false, message: `申請区分「${kindName}」を選んでください` };
  const text = filingSkeleton(port, kind);
  const read = parseFilingText('new.yaml', text);
  if (!read.ok) return { ok: false, message: read.message };
  return filingFrom(`${port.name}_事業計画.yaml`, text, read.data);
}

function save(filing: Pick<OfflineFiling, 'name' | 'format' | 'text'>, data: Record<string, unknown>): WorkerAnswer {
  try {
    const text = filing.format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : applyDataToYaml(filing.text, data);
    return { ok: true, text, version: versionOf(text) };
  } catch (err) {
    if (err instanceof YamlEditError) return { ok: false, message: `${filing.name}: ${err.message}` };
    throw err;
  }
}

async function answer(request: WorkerRequest): Promise<WorkerAnswer> {
  switch (request.op) {
    case 'fonts':
      fontsReady ??= installBrowserHost(request.fonts, loadPdfjs);
      await fontsReady;
      return { ok: true };
    case 'open':
      return await open(request.name, request.bytes);
    case 'new':
      return create(request.port, request.kind);
    case 'save':
      return save(request.filing, request.data);
    case 'review': {
      // as `review --format xlsx,docx,pdf --notice [--bureau]` of the same files: each read with the CLI's bounds, one row each
      const reads: { file: string; read: Awaited<ReturnType<typeof readReceived>> }[] = [];
      for (const { name, bytes } of request.files) reads.push({ file: name, read: await readReceived(name, bytes) });
      if (!fontsReady) return { ok: false, message: '書体を読み込んでいません（ページを開き直してください）' };
      await fontsReady;
      const bureau = request.bureau ? parseBureau(request.bureau) : undefined;
      if (bureau === null) return { ok: false, message: `審査する局「${request.bureau}」は地方運輸局等の名前ではありません` };
      const { rows, outputs } = await reviewFilings(reads, { formats: ['xlsx', ...DOCUMENT_FORMATS], lang: 'ja', notice: true, templates, ...(bureau ? { bureau } : {}) });
      const own = new Set(['review.xlsx', ...DOCUMENT_FORMATS.map((f) => `review.${f}`)]);
      // the notices come in the order of the rows that get one, each in every document format
      const notices = outputs.filter((o) => !own.has(o.name));
      const perFormat = DOCUMENT_FORMATS.length;
      let next = 0;
      const perFile: ReviewedFileOutputs[] = rows.map((row, i) => {
        const read = reads[i]!.read;
        const own = row.state !== 'unreadable' && row.errors > 0 ? notices.slice(next, (next += perFormat)) : [];
        const extracted = read.ok && read.carrier ? extractFiling(read, { format: 'yaml' }) : null;
        return { notices: own, ...(extracted?.status === 'extracted' ? { extracted: { name: `${stemOf(row.file)}.yaml`, text: extracted.text } } : {}) };
      });
      const reviewDocuments = outputs.filter((o) => own.has(o.name) && o.name !== 'review.xlsx');
      return { ok: true, rows, xlsx: outputs.find((o) => o.name === 'review.xlsx')!.bytes, reviewDocuments, perFile };
    }
    case 'diff': {
      // as `tos-filing diff before after`: both validated, the 新旧対照表 as .docx and .pdf
      const sides: { name: string; read: Awaited<ReturnType<typeof readReceived>> }[] = [];
      for (const { name, bytes } of [request.before, request.after]) sides.push({ name, read: await readReceived(name, bytes) });
      for (const { name, read } of sides) if (!read.ok) return { ok: false, message: `${name}: ${read.message}` };
      const [b, a] = sides.map(({ name, read }) => ({ file: name, data: (read as { data: unknown }).data }));
      if (!fontsReady) return { ok: false, message: '書体を読み込んでいません（ページを開き直してください）' };
      await fontsReady;
      const outcome = await compareFilings(b!, a!, { documents: ['docx', 'pdf'], templates });
      if (outcome.status === 'invalid') {
        const errors = outcome.findings.filter((f) => f.severity === 'error').slice(0, 10);
        return { ok: false, message: [`${outcome.file} にエラーがあるため比較しませんでした。`, ...errors.map((f) => `・${fieldWords(f.segments)}：${findingMessage(f, 'ja')}`)].join('\n') };
      }
      return { ok: true, outputs: outcome.outputs, changes: outcome.diff.changes.length, alerts: outcome.diff.alerts.map((x) => x.text.ja) };
    }
    case 'templates': {
      if (!request.files) {
        templates = bundled;
        return { ok: true };
      }
      const read = await readChosenFiles(request.folder, request.files);
      if (!Array.isArray(read)) return read;
      const chosen = chosenTemplates(request.folder, read);
      if (!chosen.ok) return chosen;
      templates = chosen.templates;
      return { ok: true };
    }
    case 'build': {
      if (!fontsReady) return { ok: false, message: '書体を読み込んでいません（ページを開き直してください）' };
      await fontsReady;
      const made = await editorDocuments(request.name, request.data, request.formats, templates, request.kind);
      return made.ok ? { ok: true, draft: made.draft, stem: made.stem, documents: made.documents } : made;
    }
  }
}

let queue: Promise<unknown> = Promise.resolve();
self.onmessage = (event: MessageEvent<{ id: number; request: WorkerRequest }>) => {
  const { id, request } = event.data;
  // the fonts unpack beside the queue: opening a file does not wait for them, only a build does
  if (request.op === 'fonts') {
    void answer(request).then(
      (reply) => self.postMessage({ id, reply }),
      (err: unknown) => self.postMessage({ id, reply: { ok: false, message: `書体を読み込めません（${(err as Error).message}）` } }),
    );
    return;
  }
  queue = queue.then(async () => {
    let reply: WorkerAnswer;
    try {
      reply = await answer(request);
    } catch (err) {
      reply = { ok: false, message: `処理できませんでした（${err instanceof RangeError ? '入れ子か大きさが上限を超えています' : (err as Error).message}）` };
    }
    const transfer =
      'documents' in reply
        ? Object.values(reply.documents).map((b) => b.buffer as ArrayBuffer)
        : 'xlsx' in reply
          ? [reply.xlsx, ...reply.reviewDocuments.map((d) => d.bytes), ...reply.perFile.flatMap((f) => f.notices.map((n) => n.bytes))].map((b) => b.buffer as ArrayBuffer)
          : 'outputs' in reply
            ? reply.outputs.map((o) => o.bytes.buffer as ArrayBuffer)
            : [];
    self.postMessage({ id, reply }, transfer);
  });
};
