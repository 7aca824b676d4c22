import { statSync } from 'node:fs';
import { OutputError } from './outputError.ts';

const identity = (path: string) => {
  try {
    const stats = statSync(path);
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return null;
  }
};

/**
 * Refuses outputs that are an input under another name: the same path, a symbolic link to it or a hard
 * link (same device and inode). A filing named `filing.pdf` would otherwise be replaced by its own PDF.
 */
export function refuseOverwritingInputs(outputs: readonly string[], inputs: readonly string[]): void {
  const inputsById = new Map<string, string>();
  for (const input of inputs) {
    const id = identity(input);
    if (id) inputsById.set(id, input);
  }
  if (!inputsById.size) return;
  for (const output of outputs) {
    const id = identity(output);
    const input = id && inputsById.get(id);
    if (input) {
      throw new OutputError(
        `出力先 ${output} は入力ファイル ${input} と同じファイルです。入力ファイルを上書きしないよう、何も書き出しませんでした（--out で別のフォルダを指定するか、入力ファイルの名前を変えてください）`,
      );
    }
  }
}
