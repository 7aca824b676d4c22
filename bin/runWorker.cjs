// A worker thread of the CLI (dist/pdfWorker.cjs, see src/platform/pdfWorkerWriter.ts), run from V8's code cache
// as tos-filing.js runs the CLI's bundle; when the caches are recorded (scripts/bundle.mjs), the cache is written
// after each job.
'use strict';
const { statSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const { runBundle } = require('./runBundle.cjs');

const { bundle, cacheFile, recordCache } = workerData;
const { exports: worker, writeCache } = runBundle(bundle, statSync(bundle), cacheFile);
worker.serve(recordCache ? writeCache : undefined);
