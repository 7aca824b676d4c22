import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import type { ReadProblem } from './readProblems.ts';

export type BoundedRead = { ok: true; bytes: Buffer } | { ok: false; problem: ReadProblem };

const problem = (code: ReadProblem['code'], params: ReadProblem['params'] = {}): BoundedRead => ({ ok: false, problem: { code, params } });

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'fifo';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

function notRegular(stats: Stats): BoundedRead | null {
  if (stats.isDirectory()) return problem('FILE_IS_FOLDER');
  if (!stats.isFile()) return problem('FILE_NOT_REGULAR', { kind: kindOf(stats) });
  return null;
}

/** Read errors in the words of the reader, not the system. */
export function problemOfError(err: unknown): ReadProblem {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { code: 'FILE_NOT_FOUND', params: {} };
    case 'EACCES':
    case 'EPERM':
      return { code: 'FILE_NO_PERMISSION', params: {} };
    case 'EISDIR':
      return { code: 'FILE_IS_FOLDER', params: {} };
    case 'ENAMETOOLONG':
      return { code: 'FILE_NAME_TOO_LONG', params: {} };
    case 'ELOOP':
      return { code: 'FILE_LINK_LOOP', params: {} };
    default:
      return { code: 'FILE_READ_FAILED', params: { detail: code ?? String((err as Error).message) } };
  }
}

/**
 * Reads a regular file, and only a regular file, of at most `maxBytes`. A FIFO, a device or a socket is
 * refused before it is opened (reading /dev/zero would never end, opening a FIFO waits for a writer), and
 * the size limit is enforced while reading, because a size from stat can be 0 or simply wrong.
 */
export function readRegularFile(path: string, maxBytes: number): BoundedRead {
  let fd: number | undefined;
  try {
    const refused = notRegular(statSync(path));
    if (refused) return refused;
    // O_NONBLOCK: if the path was swapped for a FIFO since the stat, opening it must not wait for a writer
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    const stats = fstatSync(fd);
    const swapped = notRegular(stats);
    if (swapped) return swapped;
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stats.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return problem('FILE_TOO_LARGE', { limit: maxBytes });
        const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return problem('FILE_TOO_LARGE', { limit: maxBytes });
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (err) {
    return { ok: false, problem: problemOfError(err) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
