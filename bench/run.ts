/**
 * npm run bench — side by side on this machine, each comparison alternated A B A B… so that a busy moment
 * hits both sides, with the ratio taken pair by pair:
 *  (a) the CLI building the sample (validate, .docx, .pdf) in a new process vs LibreOffice headless
 *      converting the same .docx to PDF (a new process each time, its profile already made);
 *  (c) one filing built in-process (warm) vs one document converted by LibreOffice, both over the same
 *      BENCH_LO_BATCH generated filings (LibreOffice converts them in one call);
 *  (b) BENCH_FILINGS generated filings (default 1,000) built in one process: ms per filing, split by step
 *      (the docx package's share apart), and the live heap after a full GC at the start and the end;
 *  (d) reading the 7.7 MB font lazily vs whole, in a new process each (bench/fontReading.ts);
 *  (e) `tos-filing --version` (starting alone) vs `node -e 0`, a new process each;
 *  (f) `tos-filing build` of a folder of BENCH_CLI_FILINGS generated filings (default 30) in one call, as a clerk
 *      would (the PDFs on the CLI's second thread): ms per filing, its start included.
 * First of all it checks that every document still has the bytes recorded in bench/outputs.sha256.json
 * (bench/outputs.ts) and stops if any changed: a speed-up must not change a byte.
 * Prints the figures and writes bench/results.json. Not part of npm test. Run with --expose-gc (npm run bench does).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { packageRoot } from '../src/platform/packageRoot.ts';
import { buildMany } from './buildMany.ts';
import { changedOutputs } from './outputs.ts';
import { compareFontReading } from './fontReading.ts';
import { generateFilings } from './generateFilings.ts';

const root = packageRoot();
const SAMPLE = join(root, 'fixtures/sample/specified-complete.yaml');
const FILINGS = Number(process.env.BENCH_FILINGS ?? 100);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 7);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const LO_BATCH = Number(process.env.BENCH_LO_BATCH ?? 10);

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (v: number, places = 1) => Math.round(v * 10 ** places) / 10 ** places;
const ms = (v: number) => `${round(v)} ms`;
async function time(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const work = mkdtempSync(join(tmpdir(), 'tos-bench-'));
const load: { start: number[]; end?: number[] } = { start: loadavg().map((l) => round(l, 2)) };
console.log(`machine: ${cpus().length} cores, load average ${load.start.join(' ')} (other work on the machine slows both sides of each pair alike)`);

// (a)–(e) only measure the build that makes the recorded bytes
execFileSync(process.execPath, [join(root, 'scripts/bundle.mjs')], { cwd: root, stdio: 'inherit' }); // the bundle and code caches `npm install` makes
const changed = changedOutputs();
if (changed.length) {
  console.error(`outputs changed from bench/outputs.sha256.json, not measured:\n  ${changed.join('\n  ')}`);
  process.exit(1);
}
console.log('outputs: every document has the bytes recorded in bench/outputs.sha256.json');

// LibreOffice, with its own profile made once (that first run is reported, not compared)
const soffice = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).stdout.trim();
const profile = join(work, 'lo-profile');
const convert = (files: string[], outDir: string) =>
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
    stdio: 'pipe',
    env: { ...process.env, HOME: work },
  });

// (a) CLI in a new process vs LibreOffice in a new process, on the sample
const cliOut = join(work, 'cli');
const cli = () => execFileSync(process.execPath, [join(root, 'bin/tos-filing.js'), 'build', SAMPLE, '--out', cliOut], { stdio: 'pipe' });
cli();
const samplePdfBytes = statSync(join(cliOut, 'specified-complete.pdf')).size;
const sampleDocxBytes = statSync(join(cliOut, 'specified-complete.docx')).size;
let office: { firstRunMs: number } | null = null;
const pairsA: { cliMs: number; libreOfficeMs: number; ratio: number }[] = [];
if (soffice) {
  const loOut = join(work, 'lo-a');
  office = { firstRunMs: await time(() => convert([join(cliOut, 'specified-complete.docx')], loOut)) };
  for (let i = 0; i < PAIRS; i++) {
    const cliMs = await time(cli);
    const libreOfficeMs = await time(() => convert([join(cliOut, 'specified-complete.docx')], loOut));
    pairsA.push({ cliMs: round(cliMs), libreOfficeMs: round(libreOfficeMs), ratio: round(libreOfficeMs / cliMs, 2) });
  }
} else {
  for (let i = 0; i < PAIRS; i++) pairsA.push({ cliMs: round(await time(cli)), libreOfficeMs: NaN, ratio: NaN });
  console.log('LibreOffice is not installed (apt-get install libreoffice-writer-nogui): only our side is measured');
}
const cliMedian = median(pairsA.map((p) => p.cliMs));
console.log(
  `(a) sample, new process each: CLI median ${ms(cliMedian)}` +
    (soffice ? `, LibreOffice median ${ms(median(pairsA.map((p) => p.libreOfficeMs)))}, LibreOffice ÷ CLI per pair: median ${median(pairsA.map((p) => p.ratio))}× (${pairsA.map((p) => p.ratio).join(', ')})` : ''),
);
console.log(`    sample PDF ${samplePdfBytes.toLocaleString('en')} bytes, .docx ${sampleDocxBytes.toLocaleString('en')} bytes (LibreOffice's first run with a new profile: ${office ? ms(office.firstRunMs) : '—'})`);

// (c) in-process per filing vs LibreOffice per document, over the same filings
const batch = generateFilings(LO_BATCH, 7);
const docxDir = join(work, 'c-docx');
mkdirSync(docxDir);
await buildMany(batch, docxDir, { names: 'indexed' }); // also warms up the process
const docxFiles = readdirSync(docxDir)
  .filter((f) => f.endsWith('.docx'))
  .map((f) => join(docxDir, f));
const pairsC: { inProcessMsPerFiling: number; libreOfficeMsPerDocument: number; ratio: number }[] = [];
const scratch = join(work, 'c-build');
mkdirSync(scratch);
for (let i = 0; i < ROUNDS; i++) {
  const ours = (await time(() => buildMany(batch, scratch))) / LO_BATCH;
  const theirs = soffice ? (await time(() => convert(docxFiles, join(work, 'lo-c')))) / LO_BATCH : NaN;
  pairsC.push({ inProcessMsPerFiling: round(ours), libreOfficeMsPerDocument: round(theirs), ratio: round(theirs / ours, 1) });
}
console.log(
  `(c) per filing in-process (validate, .docx, .pdf, write) median ${ms(median(pairsC.map((p) => p.inProcessMsPerFiling)))}` +
    (soffice
      ? `, LibreOffice per document (${LO_BATCH} in one call) median ${ms(median(pairsC.map((p) => p.libreOfficeMsPerDocument)))}, LibreOffice ÷ ours per pair: median ${median(pairsC.map((p) => p.ratio))}× (${pairsC.map((p) => p.ratio).join(', ')})`
      : ''),
);

// (b) a batch in one process
const filings = generateFilings(FILINGS);
const batchDir = join(work, 'b');
mkdirSync(batchDir);
let bResult!: Awaited<ReturnType<typeof buildMany>>;
const totalMs = await time(async () => {
  bResult = await buildMany(filings, batchDir, { sampleEvery: Math.max(1, Math.floor(FILINGS / 20)) });
});
const per = (v: number) => round(v / bResult.built);
const steps = { tree: per(bResult.steps.tree), docx: per(bResult.steps.docx), pdf: per(bResult.steps.pdf), write: per(bResult.steps.write) };
const heap = bResult.liveHeap;
console.log(
  `(b) ${FILINGS} filings in one process: ${round(totalMs / 1000)} s, ${ms(totalMs / bResult.built)} a filing` +
    `${bResult.failed ? ` (${bResult.failed} invalid)` : ''} = validate+tree ${steps.tree} + docx ${steps.docx} + pdf ${steps.pdf} + write ${steps.write} ms\n` +
    (heap.length ? `    live heap after GC: ${round(heap[0]!)} MB at the start, ${round(heap.at(-1)!)} MB at the end (peak RSS ${Math.round(Math.max(...bResult.rss))} MB)` : '    live heap not measured (run node with --expose-gc)'),
);

// (f) the CLI building a folder of generated filings in one call (its start included): the PDFs on its second thread
const CLI_FILINGS = Number(process.env.BENCH_CLI_FILINGS ?? 30);
const folder = join(work, 'f-in');
mkdirSync(folder);
generateFilings(CLI_FILINGS, 11).forEach((f, i) => writeFileSync(join(folder, `filing-${String(i + 1).padStart(3, '0')}.yaml`), stringify(f)));
const cliBatch = () => execFileSync(process.execPath, [join(root, 'bin/tos-filing.js'), 'build', folder, '--out', join(work, 'f-out')], { stdio: 'pipe' });
const cliBatchMs: number[] = [];
for (let i = 0; i < 3; i++) cliBatchMs.push(round(await time(cliBatch)));
const cliBatchPerFiling = round(median(cliBatchMs) / CLI_FILINGS);
console.log(`(f) tos-filing build of a folder of ${CLI_FILINGS} filings, one call: median ${ms(median(cliBatchMs))} (${cliBatchMs.join(', ')}), ${ms(cliBatchPerFiling)} a filing`);

// (d) lazy font reading
const fontReading = compareFontReading(PAIRS);
console.log(
  `(d) open the regular font, find ${fontReading.glyphs} glyphs and subset them, new process each: lazy ${ms(fontReading.lazy.medianMs)} (${Math.round(fontReading.lazy.bytesRead / 1024)} KB read), ` +
    `whole file ${ms(fontReading.whole.medianMs)} (${Math.round(fontReading.whole.bytesRead / 1024)} KB); whole ÷ lazy per pair ${fontReading.wholeVsLazyPerPair.join(', ')}`,
);

// (e) starting alone
const startPairs: { versionMs: number; nodeMs: number; ratio: number }[] = [];
const newProcess = (args: string[]) => () => execFileSync(process.execPath, args, { stdio: 'pipe' });
for (let i = 0; i < PAIRS * 2; i++) {
  const versionMs = await time(newProcess([join(root, 'bin/tos-filing.js'), '--version']));
  const nodeMs = await time(newProcess(['-e', '0']));
  startPairs.push({ versionMs: round(versionMs), nodeMs: round(nodeMs), ratio: round(versionMs / nodeMs, 2) });
}
const versionMedian = median(startPairs.map((p) => p.versionMs));
console.log(
  `(e) tos-filing --version median ${ms(versionMedian)}, node -e 0 median ${ms(median(startPairs.map((p) => p.nodeMs)))}, --version ÷ node per pair: median ${round(median(startPairs.map((p) => p.ratio)), 2)}×`,
);

load.end = loadavg().map((l) => round(l, 2));
rmSync(work, { recursive: true, force: true });

const ratios = {
  libreOfficeVsCliPerPair: soffice ? median(pairsA.map((p) => p.ratio)) : null,
  libreOfficeVsInProcessPerPair: soffice ? median(pairsC.map((p) => p.ratio)) : null,
};
const perFiling = totalMs / bResult.built;
const results = {
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverage: load },
  sample: { pdfBytes: samplePdfBytes, docxBytes: sampleDocxBytes },
  a_cliVsLibreOffice: { pairs: pairsA, cliMedianMs: cliMedian, libreOfficeMedianMs: soffice ? median(pairsA.map((p) => p.libreOfficeMs)) : null, libreOfficeFirstRunMs: office && round(office.firstRunMs) },
  c_inProcessVsLibreOffice: { filings: LO_BATCH, pairs: pairsC },
  b_batch: {
    filings: FILINGS,
    built: bResult.built,
    totalMs: Math.round(totalMs),
    perFilingMs: round(perFiling),
    perFilingStepsMs: steps,
    liveHeapAfterGcMB: heap.length ? { start: round(heap[0]!), end: round(heap.at(-1)!), samples: heap.map((h) => round(h)) } : null,
    peakRssMB: Math.round(Math.max(...bResult.rss)),
  },
  f_cliFolder: { filings: CLI_FILINGS, runsMs: cliBatchMs, perFilingMs: cliBatchPerFiling },
  d_fontReading: fontReading,
  e_startup: { pairs: startPairs, versionMedianMs: versionMedian, nodeMedianMs: median(startPairs.map((p) => p.nodeMs)) },
  ratios,
  aims: {
    perFilingAtMost50ms: perFiling <= 50,
    cliAtMost450ms: cliMedian <= 450,
    cliAtLeast2_2xLibreOffice: soffice ? median(pairsA.map((p) => p.ratio)) >= 2.2 : null,
    versionAtMost120ms: versionMedian <= 120,
    samplePdfAtMost200KB: samplePdfBytes <= 200_000,
    memoryFlat: heap.length ? heap.at(-1)! <= heap[0]! * 1.2 : null,
  },
};
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('aims:', JSON.stringify(results.aims));
console.log('written bench/results.json');
