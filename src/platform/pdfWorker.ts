import { parentPort } from 'node:worker_threads';
import { type Cell, type DocumentTree, type Inline, PLAIN, type Paragraph } from '../document/tree.ts';
import { writePdf } from '../render/pdf/writePdf.ts';
import { installNodeHost } from './node.ts';

/**
 * The worker thread that writes a build's PDFs while the CLI's own thread writes the .docx (pdfWorkerWriter.ts):
 * the entry of dist/pdfWorker.cjs, which bin/runWorker.cjs runs. It answers each tree with the PDF's bytes, or
 * with `failed` (the CLI then writes that PDF itself, so that an error is reported as without the worker).
 */

export interface PdfJob {
  id: number;
  tree: DocumentTree;
}
export type PdfReply = { id: number; bytes: Uint8Array } | { id: number; failed: true };

/**
 * Serves the CLI's thread. beforeReply (when recording the code cache) runs once each PDF is made, before it is
 * sent: the CLI may end as soon as it has its last PDF.
 */
export function serve(beforeReply?: () => void): void {
  installNodeHost();
  const port = parentPort;
  if (!port) throw new Error('tos-filing: the PDF worker runs only as a worker thread');
  port.on('message', async ({ id, tree }: PdfJob) => {
    let reply: PdfReply;
    try {
      reply = { id, bytes: await writePdf(tree) };
    } catch {
      reply = { id, failed: true };
    }
    beforeReply?.();
    // the bytes move to the other thread rather than being copied, when they fill their buffer alone
    const bytes = 'bytes' in reply ? reply.bytes : undefined;
    port.postMessage(reply, bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : []);
  });
  // while the CLI reads and checks the filing, this thread would wait: it writes a small PDF meanwhile, so that the
  // filing's PDF runs on code already compiled (and the text fonts' tables already read). Its bytes are dropped;
  // a PDF written after another in one process has the same bytes (as in a build of many filings).
  setImmediate(() => void writePdf(WARM_UP).catch(() => undefined));
}

const text = (t: string, bold = false): Inline => ({ type: 'text', text: t, style: { ...PLAIN, bold } });
const paragraph = (children: Inline[]): Paragraph => ({ type: 'paragraph', align: 'justify', indent: 1, left: 0, size: 'normal', children });
const cell = (t: string, header = false): Cell => ({ header, colspan: 1, rowspan: 1, align: 'left', children: [paragraph([text(t, header)])] });

/** What warms the writer up: a page with the kinds of block a filing has, in text the fonts have (no emoji). */
const WARM_UP: DocumentTree = {
  title: '事業計画（準備）',
  author: '準備',
  draft: false,
  orientation: 'portrait',
  date: '2025-04-01',
  header: [paragraph([text('港湾運送事業'), { type: 'br' }, text('ページ '), { type: 'page' }, text('／'), { type: 'pages' }])],
  footer: [],
  body: [
    { type: 'heading', level: 1, align: 'center', children: [text('情報セキュリティ対策の概要', true)] },
    paragraph([text('ターミナルオペレーションシステム（TOS）の外部接続は、VPN装置を経由し、多要素認証とアクセス制御を行っている。バックアップは毎日取得し、復旧の手順を年に一度確認する。')]),
    { type: 'list', style: 'decimal', items: [[paragraph([text('ログを１年間保存する。')])], [paragraph([text('USBメモリの利用を制限する。')])]] },
    { type: 'table', widths: [30, 70], rows: [{ header: true, cells: [cell('項目', true), cell('内容', true)] }, { header: false, cells: [cell('責任者'), cell('情報システム部長　港湾　太郎（0123-45-6789）')] }] },
  ],
};
