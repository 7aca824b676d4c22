import { parentPort } from 'node:worker_threads';
import type { DocumentTree } from '../document/tree.ts';
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
  // one PDF at a time, in the order asked, as on one thread (writePdf awaits while it saves)
  let queue = Promise.resolve();
  port.on('message', (job: PdfJob) => {
    queue = queue.then(() => answer(job));
  });
  async function answer({ id, tree }: PdfJob) {
    let reply: PdfReply;
    try {
      reply = { id, bytes: await writePdf(tree) };
    } catch {
      reply = { id, failed: true };
    }
    beforeReply?.();
    // the bytes move to the other thread rather than being copied, when they fill their buffer alone
    const bytes = 'bytes' in reply ? reply.bytes : undefined;
    port!.postMessage(reply, bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : []);
  }
}
