// Bundles the CLI into dist/cli.cjs (run by `npm install` through the prepare script), then runs it once on the
// sample to record V8's compiled code for it in dist/cli.cache (bin/tos-filing.js loads both). One prebuilt
// script starts far faster than transpiling every module through tsx, and the code cache spares compiling it.
// The bundle is CommonJS because Node (20 and up) can hand V8 a code cache only for a script, not an ES module.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/** A CommonJS bundle for Node, in which import.meta.url is the bundle's own file URL (the sources are ES modules). */
const nodeBundle = (entry, outfile, options = {}) =>
  build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    ...options,
  });

await nodeBundle('src/cli.ts', 'dist/cli.cjs', { minify: true });
// the worker thread that writes a build's PDFs while the CLI writes the .docx (src/platform/pdfWorkerWriter.ts)
await nodeBundle('src/platform/pdfWorker.ts', 'dist/pdfWorker.cjs', { minify: true });
// PDF.js (for hand-typed PDFs) as a CommonJS file of its own, required by the Node host only when such a PDF is
// read (platform/node.ts): the CLI's bundle stays as small as before, and a script from a code cache cannot
// import() the package's ES modules
await nodeBundle('scripts/pdfjsEntry.mjs', 'dist/pdfjs.cjs', { minify: true, logLevel: 'error', external: ['@napi-rs/canvas'] });
// the bundled templates compiled ahead of time (dist/templates.cjs, src/platform/precompiledTemplates.ts), written
// by a script bundled for the moment; without the file, templates are compiled from their text as before
const precompile = 'dist/precompile-templates.tmp.cjs';
await nodeBundle('scripts/precompileTemplates.ts', precompile);
rmSync('dist/templates.cjs', { force: true });
if (spawnSync(process.execPath, [precompile], { stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) {
  rmSync('dist/templates.cjs', { force: true });
  console.warn('tos-filing: the templates were not compiled ahead of time; the CLI compiles them when it runs, only slower');
}
rmSync(precompile, { force: true });
// a script compiled from a code cache cannot import() at run time (Node 20 needs --experimental-vm-modules)
for (const script of ['dist/cli.cjs', 'dist/pdfWorker.cjs'])
  if (/\bimport\(/.test(readFileSync(script, 'utf8'))) {
    console.error(`tos-filing: ${script} calls import() at run time; require() the package, or import a module the bundle holds`);
    process.exit(1);
  }
for (const old of ['dist/cli.mjs', 'dist/cli.cache']) rmSync(old, { force: true }); // what an older install left

// the code caches, each recorded after a run compiled from source (see bin/tos-filing.js): what --version
// compiles (for --help and --version), and what a build of the sample compiles (for the commands; its PDF
// worker records its own, dist/pdfWorker.cache)
for (const cache of ['dist/cli.start.cache', 'dist/cli.command.cache', 'dist/pdfWorker.cache']) rmSync(cache, { force: true });
const out = mkdtempSync(join(tmpdir(), 'tos-filing-cache-'));
const record = (args) =>
  spawnSync(process.execPath, ['bin/tos-filing.js', ...args], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, TOS_FILING_WRITE_CODE_CACHE: '1' } }).status === 0;
const made = record(['--version']) && record(['build', 'fixtures/sample/specified-complete.yaml', '--out', out]);
rmSync(out, { recursive: true, force: true });
if (!made) console.warn('tos-filing: the code cache was not made; the CLI works without it, only starts slower');

// the offline single file (`tos-filing app` copies it): made here, while esbuild, a development dependency, is at hand
const app = spawnSync(process.execPath, ['bin/tos-filing.js', 'app', '--out', 'dist/app'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (app.status !== 0) console.warn('tos-filing: the offline page (dist/app/tos-filing.html) was not made; `tos-filing app` will make it when esbuild is installed');
