// PDF.js inside the offline page's Worker (web/offlineApp.ts bundles this as `tos-filing:pdfjs`): the same legacy
// build the CLI uses (dist/pdfjs.cjs), its worker's handler on globalThis so that it parses in this thread and never
// starts a worker of its own, and the Japanese character maps the page carries instead of fetching them.
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

globalThis.pdfjsWorker = worker;
export { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
export { default as cMaps } from 'tos-filing:cmaps';
