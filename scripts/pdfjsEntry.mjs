// The entry of dist/pdfjs.cjs (scripts/bundle.mjs): PDF.js with its worker's handler on globalThis, so that it
// parses in this thread and never loads a worker script.
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

globalThis.pdfjsWorker = worker;
export { getDocument, version } from 'pdfjs-dist/legacy/build/pdf.mjs';
