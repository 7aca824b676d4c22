#!/usr/bin/env node
// Runs the prebuilt bundle (dist/cli.cjs, made by `npm install`) when it is newer than every source file;
// otherwise runs the TypeScript sources through tsx, so that an edited checkout never runs stale code.
// The bundle is compiled with V8's code cache (dist/cli.*.cache) when the cache was made for this very bundle by
// this very Node; a missing, stale or foreign cache is ignored (V8 compiles from source, as without one).
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli.cjs');
// two caches of the same bundle: one holds only what starting takes (--help, --version: small, quick to read),
// the other also every function a build of the sample compiled (made by scripts/bundle.mjs)
const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
const cacheFile = join(root, 'dist', command && command !== 'help' ? 'cli.command.cache' : 'cli.start.cache');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** What a cache must have been made for: this bundle file (size and time), this Node and V8, this architecture. */
const cacheKey = ({ size, mtimeMs }) => `${size} ${mtimeMs} ${process.version} ${process.versions.v8} ${process.arch}\n`;

/** The cache's code when its first line is this bundle's key, else undefined. */
function cachedCode(key) {
  try {
    const bytes = readFileSync(cacheFile);
    const newline = bytes.indexOf(10);
    return bytes.subarray(0, newline + 1).toString('latin1') === key ? bytes.subarray(newline + 1) : undefined;
  } catch {
    return undefined;
  }
}

function runBundle(stat) {
  const source = readFileSync(bundle, 'utf8');
  const key = cacheKey(stat);
  const cachedData = cachedCode(key);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    cachedData,
    importModuleDynamically: (specifier) => import(specifier),
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  if (process.env.TOS_FILING_WRITE_CODE_CACHE)
    // after the command: the cache then holds every function it compiled, not only the outermost
    process.once('beforeExit', () => writeFileSync(cacheFile, Buffer.concat([Buffer.from(key, 'latin1'), script.createCachedData()])));
}

const bundled = existsSync(bundle) ? statSync(bundle) : undefined;
if (bundled && bundled.mtimeMs >= newestSource(join(root, 'src'))) {
  runBundle(bundled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli.ts')).href);
}
