/**
 * npm run bench: (a) one filing validated and built by the CLI in a new process; (b) 1,000 generated filings
 * validated and built in-process, with memory; (c) LibreOffice headless converting our .docx to PDF.
 * Prints the figures and ratios and writes bench/results.json. Not part of npm test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem, tmpdir } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../src/util/packageRoot.ts';
import { buildMany } from './buildMany.ts';
import { generateFilings } from './generateFilings.ts';

const root = packageRoot();
const SAMPLE = join(root, 'fixtures/sample/specified-complete.yaml');
const COUNT = Number(process.env.BENCH_FILINGS ?? 1000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => Math.round(ms) / 1000;

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

// (a) the CLI, a new process each time, from the bundle that `npm install` builds (rebuilt here so it is fresh)
execFileSync(process.execPath, [join(root, 'scripts/bundle.mjs')], { cwd: root, stdio: 'inherit' });
const work = mkdtempSync(join(tmpdir(), 'tos-bench-cli-'));
const cli = Array.from({ length: 7 }, () =>
  time(() => execFileSync(process.execPath, [join(root, 'bin/tos-filing.js'), 'build', SAMPLE, '--out', work], { stdio: 'pipe' })),
);
const docx = join(work, 'specified-complete.docx');
console.log(`(a) CLI build, new process: median ${seconds(median(cli))} s, min ${seconds(Math.min(...cli))} s (7 runs)`);

// (b) in-process, one thread, then two worker threads
const filings = generateFilings(COUNT);
let start = performance.now();
const single = await buildMany(filings);
const singleMs = performance.now() - start;
const rss = single.rss;
const avg = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : NaN);
const firstTenth = (xs: number[]) => xs.slice(0, Math.max(1, Math.floor(xs.length / 10)));
const lastTenth = (xs: number[]) => xs.slice(-Math.max(1, Math.floor(xs.length / 10)));
const heap = single.liveHeap;
console.log(
  `(b) ${COUNT} filings in-process, 1 thread: ${seconds(singleMs)} s (${Math.round(singleMs / COUNT)} ms each)${single.failed ? `, ${single.failed} invalid` : ''}\n` +
    `    RSS peak ${Math.round(Math.max(...rss))} MB (first tenth ${avg(firstTenth(rss))}, last tenth ${avg(lastTenth(rss))}); ` +
    (heap.length ? `live heap after GC: first tenth ${avg(firstTenth(heap))} MB, last tenth ${avg(lastTenth(heap))} MB` : 'live heap not measured (run with --expose-gc)'),
);

const threads = Math.min(2, cpus().length);
start = performance.now();
const half = Math.ceil(COUNT / threads);
await Promise.all(
  Array.from({ length: threads }, (_, i) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { count: Math.min(half, COUNT - i * half), offset: i * half } });
      worker.once('message', resolve);
      worker.once('error', reject);
    }),
  ),
);
const parallelMs = performance.now() - start;
console.log(`    ${COUNT} filings in-process, ${threads} worker threads: ${seconds(parallelMs)} s (${Math.round(parallelMs / COUNT)} ms a filing)`);

// (c) LibreOffice converting our .docx
let office: { cold: number; warm: number } | null = null;
const soffice = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).stdout.trim();
if (soffice) {
  const profile = mkdtempSync(join(tmpdir(), 'tos-bench-lo-'));
  const convert = () =>
    time(() =>
      execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'pipe' }),
    );
  const cold = convert();
  const warm = median([convert(), convert(), convert()]);
  office = { cold, warm };
  rmSync(profile, { recursive: true, force: true });
  console.log(`(c) LibreOffice headless .docx → .pdf: first run (new profile) ${seconds(cold)} s, then median ${seconds(warm)} s`);
} else {
  console.log('(c) LibreOffice is not installed (apt-get install libreoffice-writer-nogui); skipped');
}
rmSync(work, { recursive: true, force: true });

const perFiling = singleMs / COUNT;
const ratios = office && {
  libreOfficeWarmVsCli: office.warm / median(cli),
  libreOfficeColdVsCli: office.cold / median(cli),
  libreOfficeWarmVsInProcessFiling: office.warm / perFiling,
};
if (ratios) {
  console.log(`ratios: LibreOffice (warm) / CLI cold = ${ratios.libreOfficeWarmVsCli.toFixed(1)}×, LibreOffice (new profile) / CLI cold = ${ratios.libreOfficeColdVsCli.toFixed(1)}×, LibreOffice (warm) / in-process filing = ${ratios.libreOfficeWarmVsInProcessFiling.toFixed(1)}×`);
}
const aims = {
  cliColdAtMost1s: median(cli) <= 1000,
  inProcess1000AtMost60s: { oneThread: singleMs <= 60000, workers: parallelMs <= 60000 },
  twentyTimesLibreOffice: ratios ? { cliCold: ratios.libreOfficeWarmVsCli >= 20, inProcess: ratios.libreOfficeWarmVsInProcessFiling >= 20 } : null,
  memoryFlat: heap.length ? avg(lastTenth(heap)) <= avg(firstTenth(heap)) * 1.2 : null,
};
console.log('aims:', JSON.stringify(aims));

const results = {
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  cli: { runsMs: cli.map(Math.round), medianMs: Math.round(median(cli)) },
  inProcess: {
    filings: COUNT,
    oneThreadMs: Math.round(singleMs),
    perFilingMs: Math.round(perFiling),
    workers: threads,
    workersMs: Math.round(parallelMs),
    rssMB: { peak: Math.round(Math.max(...rss)), firstTenth: avg(firstTenth(rss)), lastTenth: avg(lastTenth(rss)) },
    liveHeapAfterGcMB: heap.length ? { firstTenth: avg(firstTenth(heap)), lastTenth: avg(lastTenth(heap)) } : null,
  },
  libreOffice: office && { coldMs: Math.round(office.cold), warmMedianMs: Math.round(office.warm) },
  ratios,
  aims,
};
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('written bench/results.json');
