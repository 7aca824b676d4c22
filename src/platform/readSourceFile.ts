import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { readReceived } from '../app/readReceived.ts';
import { readFiling } from '../io/readFiling.ts';
import { READ_LIMITS } from '../readers/limits.ts';
import { type SourceRead, kindOf } from '../readers/readSource.ts';

export type { SourceRead } from '../readers/readSource.ts';

function firstBytes(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const buffer = new Uint8Array(8);
    const n = readSync(fd, buffer, 0, 8, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a filing from any file a person may name: YAML, JSON, a .pdf/.docx made by tos-filing, or a plan typed
 * by hand (.docx, or a PDF with text), read as a draft filing. Never writes.
 */
export async function readSource(file: string): Promise<SourceRead> {
  let kind: 'pdf' | 'docx' | 'filing';
  try {
    // never open what is not a regular file (a FIFO would block): the YAML reader refuses it with a message
    kind = statSync(file).isFile() ? kindOf(file, firstBytes(file)) : 'filing';
  } catch {
    kind = 'filing'; // the YAML reader says why the file cannot be read
  }
  if (kind === 'filing') return readFiling(file);
  let bytes: Uint8Array;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { ok: false, file, reason: 'unreadable', message: 'フォルダです。ファイルを指定してください' };
    if (stat.size > READ_LIMITS.fileBytes)
      return { ok: false, file, reason: 'unreadable', message: `ファイルが大きすぎます（${READ_LIMITS.fileBytes / 1024 / 1024}MBまで）` };
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, file, reason: 'unreadable', message: code === 'ENOENT' ? 'ファイルが見つかりません' : code === 'EACCES' ? 'ファイルを読む権限がありません' : String((err as Error).message) };
  }
  return readReceived(file, bytes);
}
