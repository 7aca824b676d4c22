import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MAX_FILE_NAME_BYTES, STALE_TEMP_MS } from './limits.ts';

/** Our temporary files: `.<target name, shortened>.<16 random hex digits>.tos-tmp` (or `.tos-bak`, a backup). */
const OURS = /^\..*\.[0-9a-f]{16}\.tos-(tmp|bak)$/;

/** The first characters of `name` that fit in `bytes` bytes of UTF-8, never splitting a character. */
export function fitBytes(name: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of name) {
    const size = Buffer.byteLength(ch);
    if (used + size > bytes) break;
    out += ch;
    used += size;
  }
  return out;
}

/**
 * A name beside `target` that nobody can predict (so that nobody can put a link there first), that fits
 * the file-name limit however long the target's name is, and that says what it is a temporary copy of.
 */
export function tempPathFor(target: string, kind: 'tmp' | 'bak'): string {
  const suffix = `.${randomBytes(8).toString('hex')}.tos-${kind}`;
  const stem = fitBytes(basename(target), MAX_FILE_NAME_BYTES - 1 - Buffer.byteLength(suffix));
  return join(dirname(target), `.${stem}${suffix}`);
}

/** Temporary files of ours left by a run that was killed outright (SIGKILL, power loss), once they are old. */
export function removeStaleTemps(folder: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!OURS.test(name)) continue;
    const path = join(folder, name);
    try {
      const stats = statSync(path);
      if (stats.isFile() && now - stats.mtimeMs > STALE_TEMP_MS) {
        rmSync(path, { force: true });
        removed.push(path);
      }
    } catch {
      // gone already, or not ours to judge
    }
  }
  return removed;
}
