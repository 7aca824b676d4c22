import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentTree } from '../document/tree.ts';
import type { PdfReply } from './pdfWorker.ts';
import { packageRoot } from './packageRoot.ts';

/**
 * A build's PDFs written on a second thread (platform/pdfWorker.ts) while this one writes the .docx: the same
 * code on the same tree, so the same bytes. Only the installed bundle has the worker (dist/pdfWorker.cjs, made
 * with dist/cli.cjs by scripts/bundle.mjs); run from the sources, or when the thread cannot start or fails, each
 * PDF is written on this thread as before (so too with a single core).
 */
export interface PdfWriter {
  write(tree: DocumentTree): Promise<Uint8Array>;
}

const inThisThread = async (tree: DocumentTree) => (await import('../render/pdf/writePdf.ts')).writePdf(tree);

/** The writer of PDFs in a worker thread, started now; this thread's writer when there is no bundle to run. */
export function pdfWriter(): PdfWriter {
  const root = packageRoot();
  const bundle = join(root, 'dist', 'pdfWorker.cjs');
  const runningBundle = fileURLToPath(import.meta.url) === join(root, 'dist', 'cli.cjs');
  // with one core the second thread would only take turns with this one, and cost its start
  if (!runningBundle || !existsSync(bundle) || availableParallelism() < 2) return { write: inThisThread };
  let worker: Worker | undefined;
  try {
    worker = new Worker(join(root, 'bin', 'runWorker.cjs'), {
      workerData: { bundle, cacheFile: join(root, 'dist', 'pdfWorker.cache'), recordCache: Boolean(process.env.TOS_FILING_WRITE_CODE_CACHE) },
    });
  } catch {
    return { write: inThisThread };
  }
  const waiting = new Map<number, (bytes: Uint8Array | undefined) => void>();
  let broken = false;
  const stop = () => {
    broken = true;
    for (const answer of waiting.values()) answer(undefined);
    waiting.clear();
  };
  worker.on('message', (reply: PdfReply) => {
    const answer = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!waiting.size) worker.unref();
    answer?.('bytes' in reply ? reply.bytes : undefined);
  });
  worker.on('error', stop);
  worker.on('exit', stop);
  // the thread never keeps the process alive: it waits for work only while a build waits for its answer
  // (after the listeners: adding a 'message' listener refs the worker again)
  worker.unref();
  let next = 0;
  return {
    async write(tree) {
      if (!broken) {
        const id = next++;
        const answered = new Promise<Uint8Array | undefined>((resolve) => waiting.set(id, resolve));
        worker.ref();
        try {
          worker.postMessage({ id, tree });
        } catch {
          waiting.delete(id);
          if (!waiting.size) worker.unref();
          return inThisThread(tree);
        }
        const bytes = await answered;
        if (bytes) return bytes;
      }
      return inThisThread(tree);
    },
  };
}
