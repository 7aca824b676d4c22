import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LOCK_WAIT_MS } from './limits.ts';
import { OutputError } from './outputError.ts';
import { systemReason } from './systemReason.ts';

export const LOCK_NAME = '.tos-filing.lock';

/** A lock whose writer has not written its process id this long after creating it was left by a crash. */
const EMPTY_LOCK_STALE_MS = 10_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock whose process has ended (killed outright, so it could not remove it) no longer holds. */
function isStale(path: string): boolean {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (Number.isInteger(pid) && pid > 0) return !alive(pid);
    return Date.now() - statSync(path).mtimeMs > EMPTY_LOCK_STALE_MS;
  } catch {
    return false; // removed meanwhile: the next attempt will tell
  }
}

/**
 * Takes the output folder's lock (a file created exclusively, holding our process id), waiting while
 * another run holds it, so that runs writing into one folder replace their outputs one after the other.
 * Returns the function that releases it. `stop` is asked between attempts, to give up on a signal.
 */
export async function lockFolder(folder: string, stop: () => boolean = () => false): Promise<() => void> {
  const path = join(folder, LOCK_NAME);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return () => {
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new OutputError(`出力先フォルダ ${folder} に書き出せません（${systemReason(err)}）`);
    }
    if (isStale(path)) {
      rmSync(path, { force: true });
      continue;
    }
    if (stop()) throw new OutputError(`出力先フォルダ ${folder} への書き出しを中断しました`);
    if (Date.now() > deadline) {
      throw new OutputError(
        `出力先フォルダ ${folder} には別の tos-filing が書き出し中です（${LOCK_WAIT_MS / 1000}秒待ちました）。終わってからもう一度実行してください。実行中のものがない場合は ${path} を削除してください`,
      );
    }
    await sleep(25 + Math.floor(Math.random() * 50));
  }
}
