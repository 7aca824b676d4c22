import { constants, statSync } from 'node:fs';
import { copyFile, link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { lockFolder } from './folderLock.ts';
import { MAX_FILE_NAME_BYTES } from './limits.ts';
import { OutputError } from './outputError.ts';
import { prepareOutputFolder } from './outputFolder.ts';
import { refuseOverwritingInputs } from './protectInputs.ts';
import { Interrupted, openSignalWindow } from './signalWindow.ts';
import { systemReason } from './systemReason.ts';
import { removeStaleTemps, tempPathFor } from './tempFiles.ts';

export { OutputError } from './outputError.ts';

export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

/** A point between the steps of a replacement; tests use it to fail or interrupt a run there. */
export type WriteStep = { step: 'written' | 'backed-up' | 'replaced'; path: string };

export interface WriteOptions {
  /** Files the outputs were made from: an output that is one of them (by any name) is refused. */
  inputs?: readonly string[];
  onStep?: (step: WriteStep) => void | Promise<void>;
}

function checkNames(files: readonly OutputFile[]): string {
  const folder = resolve(dirname(files[0]!.path));
  for (const { path } of files) {
    if (resolve(dirname(path)) !== folder) throw new Error('writeOutputs: every output goes into one folder');
    const name = basename(path);
    if (Buffer.byteLength(name) > MAX_FILE_NAME_BYTES) {
      throw new OutputError(
        `出力ファイル名が長すぎます（${[...name].slice(0, 20).join('')}…、${Buffer.byteLength(name)}バイト）。ファイル名は${MAX_FILE_NAME_BYTES}バイト（日本語でおよそ85文字）までです。入力ファイルの名前を短くしてください`,
      );
    }
  }
  return folder;
}

function refuseFoldersInTheWay(files: readonly OutputFile[]): void {
  for (const { path } of files) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch (err) {
      throw new OutputError(`${path} に書き出せません（${systemReason(err)}）`);
    }
    if (isFolder) throw new OutputError(`${path} には同じ名前のフォルダがあるため書き出せません`);
  }
}

async function writeExclusive(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  try {
    await handle.writeFile(bytes);
  } finally {
    await handle.close();
  }
}

/** A second name for the current file, kept until the new one is in place, so that it can be put back. */
async function backUp(path: string): Promise<string | null> {
  if (!statSync(path, { throwIfNoEntry: false })) return null;
  const backup = tempPathFor(path, 'bak');
  try {
    await link(path, backup);
  } catch {
    await copyFile(path, backup, constants.COPYFILE_EXCL);
  }
  return backup;
}

/**
 * Replaces a set of outputs in one folder so that the folder holds either the whole new set or the whole
 * previous one, never a mix, a half-written file or a temporary file:
 * each file is written to an unpredictable temporary name created exclusively, the current files get a
 * second name (a hard link) as backup, then the temporary files are renamed into place. If any step fails,
 * or SIGINT/SIGTERM/SIGHUP arrives, the files already replaced are put back from their backups and the
 * temporary files removed (a signal is then raised again). Runs into one folder take turns (a lock file).
 * The folder is created if needed; outputs that are one of `inputs` are refused before anything is written.
 */
export async function writeOutputs(files: readonly OutputFile[], options: WriteOptions = {}): Promise<void> {
  if (!files.length) return;
  const folder = checkNames(files);
  prepareOutputFolder(folder);
  refuseFoldersInTheWay(files);
  refuseOverwritingInputs(
    files.map((f) => f.path),
    options.inputs ?? [],
  );

  const window = openSignalWindow();
  const temps = new Map<string, string>();
  const backups = new Map<string, string | null>();
  const replaced: string[] = [];
  let release: (() => void) | undefined;
  const step = async (s: WriteStep) => {
    await options.onStep?.(s);
    if (window.received) throw new Interrupted(window.received);
  };
  try {
    release = await lockFolder(folder, () => window.received !== null);
    removeStaleTemps(folder);
    for (const { path, bytes } of files) {
      const temp = tempPathFor(path, 'tmp');
      await writeExclusive(temp, bytes);
      temps.set(path, temp);
      await step({ step: 'written', path });
    }
    for (const { path } of files) {
      backups.set(path, await backUp(path));
      await step({ step: 'backed-up', path });
    }
    for (const [i, { path }] of files.entries()) {
      await rename(temps.get(path)!, path);
      temps.delete(path);
      replaced.push(path);
      if (i < files.length - 1) await step({ step: 'replaced', path });
    }
  } catch (err) {
    const kept = await rollBack(replaced, backups);
    await Promise.all([...temps.values()].map((t) => rm(t, { force: true })));
    await removeBackups(backups, kept);
    release?.();
    window.close();
    if (err instanceof OutputError) throw err;
    const why = err instanceof Interrupted ? `中断されました（${err.signal}）` : systemReason(err);
    const left = kept.length ? `。元のファイルは ${kept.join('、')} に残っています` : '。以前の書類はそのまま残っています';
    throw new OutputError(`${folder} に書類を書き出せませんでした（${why}）${left}`);
  }
  await removeBackups(backups, []);
  release?.();
  window.close();
}

/** Puts the previous files back over the new ones; returns the backups it could not put back. */
async function rollBack(replaced: readonly string[], backups: Map<string, string | null>): Promise<string[]> {
  const kept: string[] = [];
  for (const path of [...replaced].reverse()) {
    const backup = backups.get(path) ?? null;
    try {
      if (backup) {
        await rename(backup, path);
        backups.delete(path);
      } else await rm(path, { force: true });
    } catch {
      if (backup) kept.push(backup);
    }
  }
  return kept;
}

async function removeBackups(backups: Map<string, string | null>, keep: readonly string[]): Promise<void> {
  for (const backup of backups.values()) if (backup && !keep.includes(backup)) await rm(backup, { force: true });
  backups.clear();
}
