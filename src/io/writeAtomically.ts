import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The output folder could not take the documents; nothing was left behind. */
export class OutputError extends Error {}

/**
 * Writes every file to a temporary name beside its target, then renames them all into place, so that a
 * failed run leaves no half-written document behind (and no new document of a set whose other half failed).
 */
export function writeFilesAtomically(files: readonly { path: string; bytes: Uint8Array }[]): void {
  const temps: { temp: string; path: string }[] = [];
  const placed: string[] = [];
  try {
    for (const { path } of files) {
      const existing = statSync(path, { throwIfNoEntry: false });
      if (existing?.isDirectory()) throw new Error(`${path}: a folder is in the way`);
    }
    for (const { path, bytes } of files) {
      mkdirSync(dirname(path), { recursive: true });
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      temps.push({ temp, path });
      writeFileSync(temp, bytes);
    }
    for (const { temp, path } of temps) {
      renameSync(temp, path);
      placed.push(path);
    }
  } catch (err) {
    for (const { temp } of temps) rmSync(temp, { force: true });
    for (const path of placed) rmSync(path, { force: true });
    const folder = files[0] ? dirname(files[0].path) : '.';
    throw new OutputError(`${folder}: 書類を書き出せませんでした（${(err as Error).message}）`);
  }
}
