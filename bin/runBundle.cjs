// Runs a CommonJS bundle compiled with V8's code cache, when the cache was made for this very bundle file by this
// very Node (its first line says which); a missing, stale, foreign or damaged cache is ignored and V8 compiles from
// source, as without one. writeCache, called once the command is done, records a cache holding every function the
// run compiled (not only the outermost).
// CommonJS, so that a worker thread (runWorker.cjs) starts without Node's ES module loader.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');

/** What a cache must have been made for: this bundle file (size and time), this Node and V8, this architecture. */
const cacheKey = ({ size, mtimeMs }) => `${size} ${mtimeMs} ${process.version} ${process.versions.v8} ${process.arch}\n`;

/** The cache's code when its first line is `key`, else undefined. */
function cachedCode(cacheFile, key) {
  try {
    const bytes = readFileSync(cacheFile);
    const newline = bytes.indexOf(10);
    return newline > 0 && bytes.subarray(0, newline + 1).toString('latin1') === key ? bytes.subarray(newline + 1) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs the bundle; gives its exports and says whether V8 took the cache ('used'), had none that fit ('none') or refused it ('rejected'). */
function runBundle(bundle, stat, cacheFile) {
  const source = readFileSync(bundle, 'utf8');
  const key = cacheKey(stat);
  const cachedData = cachedCode(cacheFile, key);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return {
    cache: cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used',
    exports: module.exports,
    writeCache: () => writeFileSync(cacheFile, Buffer.concat([Buffer.from(key, 'latin1'), script.createCachedData()])),
  };
}

module.exports = { cacheKey, runBundle };
