import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OutputError } from './outputError.ts';
import { systemReason } from './systemReason.ts';
import { tempPathFor } from './tempFiles.ts';

function existing(path: string) {
  try {
    return statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new OutputError(`出力先 ${path} を確かめられません（${systemReason(err)}）`);
  }
}

/**
 * Makes sure the output folder exists and takes files, creating it (and the folders above it) when needed;
 * called before any document is made, so that a bad --out fails at once with nothing written. Folders are
 * created one at a time up from the nearest that exists: Node's recursive mkdir never ends under /proc.
 */
export function prepareOutputFolder(dir: string): void {
  const absolute = resolve(dir);
  const missing: string[] = [];
  for (let current = absolute; ; current = dirname(current)) {
    const stats = existing(current);
    if (stats) {
      if (!stats.isDirectory()) throw new OutputError(`出力先 ${dir} を作成できません（${current} はフォルダではありません）`);
      break;
    }
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && existing(folder)?.isDirectory()) continue;
      throw new OutputError(`出力先フォルダ ${dir} を作成できません（${systemReason(err)}）`);
    }
  }
  const probe = tempPathFor(resolve(absolute, 'probe'), 'tmp');
  try {
    writeFileSync(probe, '', { flag: 'wx' });
  } catch (err) {
    throw new OutputError(`出力先フォルダ ${dir} にファイルを書き込めません（${systemReason(err)}）`);
  }
  rmSync(probe, { force: true });
}
