// Bundles the CLI into dist/cli.cjs (run by `npm install` through the prepare script), then runs it once on the
// sample to record V8's compiled code for it in dist/cli.cache (bin/tos-filing.js loads both). One prebuilt
// script starts far faster than transpiling every module through tsx, and the code cache spares compiling it.
// The bundle is CommonJS because Node (20 and up) can hand V8 a code cache only for a script, not an ES module.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // the sources are ES modules; in the script, import.meta.url is the bundle's own file URL
  define: { 'import.meta.url': '__tosFilingUrl' },
  banner: { js: "const __tosFilingUrl = require('node:url').pathToFileURL(__filename).href;" },
});
rmSync('dist/cli.mjs', { force: true }); // the earlier ES-module bundle, if an older install left one

// the code cache: functions a build of the sample compiles, recorded after that build (see bin/tos-filing.js)
const out = mkdtempSync(join(tmpdir(), 'tos-filing-cache-'));
const warm = spawnSync(process.execPath, ['bin/tos-filing.js', 'build', 'fixtures/sample/specified-complete.yaml', '--out', out], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, TOS_FILING_WRITE_CODE_CACHE: '1' },
});
rmSync(out, { recursive: true, force: true });
if (warm.status !== 0) console.warn('tos-filing: the code cache was not made; the CLI works without it, only starts slower');
