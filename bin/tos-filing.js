#!/usr/bin/env node
// Runs the prebuilt bundle (dist/cli.cjs, made by `npm install`) when it is newer than every source file;
// otherwise runs the TypeScript sources through tsx, so that an edited checkout never runs stale code.
// The bundle is compiled from V8's code cache when one fits it (runBundle.cjs).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runBundle } from './runBundle.cjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

// two caches of the same bundle (made by scripts/bundle.mjs): one holds only what starting takes (--help,
// --version: small, quick to read), the other also every function a build of the sample compiled
const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
const cacheFile = join(root, 'dist', command && command !== 'help' ? 'cli.command.cache' : 'cli.start.cache');

const bundled = existsSync(bundle) ? statSync(bundle) : undefined;
if (bundled && bundled.mtimeMs >= newestSource(join(root, 'src'))) {
  const { writeCache } = runBundle(bundle, bundled, cacheFile);
  if (process.env.TOS_FILING_WRITE_CODE_CACHE) process.once('beforeExit', writeCache);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli.ts')).href);
}
