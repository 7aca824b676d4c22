import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes every file to a temporary name beside its target, then renames them all into place, so that a
 * failed run leaves no half-written document behind.
 */
export function writeFilesAtomically(files: readonly { path: string; bytes: Uint8Array }[]): void {
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const { path, bytes } of files) {
      mkdirSync(dirname(path), { recursive: true });
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      temps.push({ temp, path });
      writeFileSync(temp, bytes);
    }
    for (const { temp, path } of temps) renameSync(temp, path);
  } catch (err) {
    for (const { temp } of temps) rmSync(temp, { force: true });
    throw err;
  }
}
