#!/usr/bin/env node
// Runs the prebuilt bundle (dist/cli.cjs, made by `npm install`) when it is newer than every source file;
// otherwise runs the TypeScript sources through tsx, so that an edited checkout never runs stale code.
// The bundle is compiled with V8's code cache (dist/cli.cache) when the cache was made for this very bundle by
// this very Node; a missing, stale or foreign cache is ignored (V8 compiles from source, as without one).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli.cjs');
const cacheFile = join(root, 'dist', 'cli.cache');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** What a cache must have been made for: this bundle's bytes, this Node and V8, this machine's architecture. */
const cacheKey = (source) =>
  `${createHash('sha256').update(source).digest('hex')} ${process.version} ${process.versions.v8} ${process.arch}\n`;

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

function runBundle() {
  const source = readFileSync(bundle, 'utf8');
  const key = cacheKey(source);
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

if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource(join(root, 'src'))) {
  runBundle();
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli.ts')).href);
}
