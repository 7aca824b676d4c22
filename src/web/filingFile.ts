import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseFilingText } from '../io/readFiling.ts';
import { kindOf } from '../readers/readSource.ts';
import { applyDataToYaml, YamlEditError } from './yamlEdits.ts';

/**
 * A Word or PDF document given to the editor, which edits filing files: what it is and the way on (the data of a
 * document tos-filing made can be taken out with `extract`).
 */
export function notAFilingMessage(path: string, document: 'pdf' | 'docx'): string {
  const what = document === 'pdf' ? 'PDF の書類' : 'Word の書類（.docx）';
  const stem = basename(path).replace(/\.[^.]+$/u, '');
  return (
    `${path}: ${what}です。編集画面で開けるのは届出ファイル（.yaml / .yml / .json）です。` +
    `tos-filing で作成した書類なら extract で届出データを取り出せます（例：tos-filing extract ${basename(path)} > ${stem}.yaml）。取り出したファイルを tos-filing edit ${stem}.yaml で開いてください。` +
    '他のソフトで作成した書類は、まだ読み込めません（tos-filing init --port 港名 でひな形を作り、内容を写してください）。'
  );
}

/**
 * The one file an editor session edits. Its version is the hash of its bytes ("absent" while it does not exist
 * yet): a save names the version it was made from, and is refused when the file on disk is no longer that
 * version, so an edit made elsewhere is never overwritten silently.
 */

export const ABSENT = 'absent';

export interface FileState {
  version: string;
  exists: boolean;
  /** The text the editor starts from: the file's, or the skeleton's while the file does not exist. */
  text: string;
  data: unknown;
}

export type ReadOutcome = { ok: true; state: FileState } | { ok: false; message: string };

export type SaveOutcome =
  | { ok: true; version: string }
  | { ok: false; reason: 'conflict'; current: ReadOutcome }
  | { ok: false; reason: 'unwritable'; message: string };

const hashOf = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export class FilingFile {
  readonly path: string;

  /** @param skeleton the text to start from while the file does not exist (the `init` skeleton) */
  constructor(
    path: string,
    private readonly skeleton?: string,
  ) {
    this.path = resolve(path);
  }

  get name(): string {
    return basename(this.path);
  }

  private get isJson(): boolean {
    return extname(this.path).toLowerCase() === '.json';
  }

  read(): ReadOutcome {
    const stat = statSync(this.path, { throwIfNoEntry: false });
    if (!stat) {
      if (this.skeleton === undefined) return { ok: false, message: `${this.path}: ファイルが見つかりません` };
      return this.parse(this.skeleton, ABSENT, false);
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path);
    } catch (err) {
      return { ok: false, message: `${this.path}: ファイルを読めません（${(err as Error).message}）` };
    }
    const document = kindOf(this.path, bytes.subarray(0, 8));
    if (document !== 'filing') return { ok: false, message: notAFilingMessage(this.path, document) };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, message: `${this.path}: UTF-8 の文字コードではありません（UTF-8 で保存し直してください）` };
    }
    return this.parse(text, hashOf(bytes), true);
  }

  /** The last reading, by version: the page asks for the file at every load, and it rarely changed since. */
  private lastRead: { version: string; outcome: ReadOutcome } | undefined;

  private parse(text: string, version: string, exists: boolean): ReadOutcome {
    if (this.lastRead?.version === version) return this.lastRead.outcome;
    const outcome = this.parseText(text, version, exists);
    this.lastRead = { version, outcome };
    return outcome;
  }

  private parseText(text: string, version: string, exists: boolean): ReadOutcome {
    const read = parseFilingText(this.path, text);
    if (!read.ok) return { ok: false, message: `${this.path}: ${read.message}` };
    if (!isRecord(read.data)) return { ok: false, message: `${this.path}: 届出ファイルの最上位は「項目名: 値」の並びである必要があります` };
    return { ok: true, state: { version, exists, text: text.replace(/^\uFEFF/, ''), data: read.data } };
  }

  /** The version on disk now, without parsing. */
  currentVersion(): string {
    try {
      return hashOf(readFileSync(this.path));
    } catch {
      return ABSENT;
    }
  }

  /**
   * Writes `data` over the version it was edited from, keeping the file's comments and layout; refuses when the
   * file changed on disk since. Atomic: a temporary file in the same folder, then a rename.
   */
  save(baseVersion: string, data: Record<string, unknown>): SaveOutcome {
    const current = this.read();
    const currentVersion = current.ok ? current.state.version : this.currentVersion();
    if (!current.ok || currentVersion !== baseVersion) return { ok: false, reason: 'conflict', current };
    let text: string;
    try {
      text = this.isJson ? `${JSON.stringify(data, null, 2)}\n` : applyDataToYaml(current.state.text, data);
    } catch (err) {
      if (err instanceof YamlEditError) return { ok: false, reason: 'unwritable', message: err.message };
      throw err;
    }
    const bytes = Buffer.from(text, 'utf8');
    try {
      writeAtomically(this.path, bytes);
    } catch (err) {
      return { ok: false, reason: 'unwritable', message: `${this.path}: 保存できませんでした（${(err as Error).message}）` };
    }
    return { ok: true, version: hashOf(bytes) };
  }
}

/** Temp file beside the target (same file system), flushed, given the target's permissions, then renamed over it. */
export function writeAtomically(path: string, bytes: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = statSync(path, { throwIfNoEntry: false })?.mode;
  try {
    const fd = openSync(temp, 'wx', mode === undefined ? 0o644 : mode & 0o777);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
