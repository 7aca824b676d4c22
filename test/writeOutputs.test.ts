import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LOCK_NAME } from '../src/io/folderLock.ts';
import { STALE_TEMP_MS } from '../src/io/limits.ts';
import { prepareOutputFolder } from '../src/io/outputFolder.ts';
import { OutputError, writeOutputs } from '../src/io/writeAtomically.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'tos-write-'));
const bytes = (text: string) => new TextEncoder().encode(text);
const pair = (dir: string, a: string, b: string) => [
  { path: join(dir, 'doc.docx'), bytes: bytes(a) },
  { path: join(dir, 'doc.pdf'), bytes: bytes(b) },
];
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

async function failure(promise: Promise<unknown>): Promise<OutputError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(OutputError);
    return err as OutputError;
  }
  throw new Error('expected the write to fail');
}

describe('replacing a set of outputs', () => {
  it('writes both files and leaves nothing else behind', async () => {
    const dir = tempDir();
    await writeOutputs(pair(dir, 'A', 'B'));
    expect(readdirSync(dir).sort()).toEqual(['doc.docx', 'doc.pdf']);
    expect([read(dir, 'doc.docx'), read(dir, 'doc.pdf')]).toEqual(['A', 'B']);
  });

  it('keeps the previous set when the second file cannot be put in place', async () => {
    const dir = tempDir();
    await writeOutputs(pair(dir, 'old A', 'old B'));
    const err = await failure(
      writeOutputs(pair(dir, 'new A', 'new B'), {
        onStep: ({ step, path }) => {
          // the second rename will find its temporary file gone
          if (step === 'replaced' && path.endsWith('doc.docx')) for (const name of readdirSync(dir)) if (name.startsWith('.doc.pdf.')) rmSync(join(dir, name));
        },
      }),
    );
    expect(err.message).toContain('以前の書類はそのまま残っています');
    expect(readdirSync(dir).sort()).toEqual(['doc.docx', 'doc.pdf']);
    expect([read(dir, 'doc.docx'), read(dir, 'doc.pdf')]).toEqual(['old A', 'old B']);
  });

  it('leaves no file behind when a folder is in the way of one output', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'doc.pdf'));
    const err = await failure(writeOutputs(pair(dir, 'A', 'B')));
    expect(err.message).toContain('同じ名前のフォルダがあるため書き出せません');
    expect(readdirSync(dir)).toEqual(['doc.pdf']);
  });

  it('writes temporary files under unpredictable names, created exclusively', async () => {
    const dir = tempDir();
    const seen: string[] = [];
    const spy = () => void seen.push(...readdirSync(dir).filter((n) => n.endsWith('.tos-tmp')));
    await writeOutputs(pair(dir, 'A', 'B'), { onStep: spy });
    await writeOutputs(pair(dir, 'A', 'B'), { onStep: spy });
    const names = [...new Set(seen)];
    expect(names.length).toBe(4);
    for (const name of names) expect(name).toMatch(/^\.doc\.(docx|pdf)\.[0-9a-f]{16}\.tos-tmp$/);
  });

  it('handles an output name near the file-name limit and refuses one over it clearly', async () => {
    const dir = tempDir();
    const long = 'あ'.repeat(83); // 249 bytes, and 254 with ".docx": its temporary name must be shortened
    await writeOutputs([{ path: join(dir, `${long}.docx`), bytes: bytes('A') }]);
    expect(readdirSync(dir)).toEqual([`${long}.docx`]);
    const err = await failure(writeOutputs([{ path: join(dir, `${long}あ.docx`), bytes: bytes('A') }]));
    expect(err.message).toMatch(/出力ファイル名が長すぎます.*255バイト/);
  });

  it('removes old temporary files of ours and nothing else', async () => {
    const dir = tempDir();
    const old = join(dir, '.doc.pdf.0123456789abcdef.tos-tmp');
    const fresh = join(dir, '.doc.pdf.fedcba9876543210.tos-tmp');
    const other = join(dir, '.notes.0123456789abcdef.tmp');
    for (const f of [old, fresh, other]) writeFileSync(f, 'x');
    const past = (Date.now() - STALE_TEMP_MS - 60_000) / 1000;
    utimesSync(old, past, past);
    utimesSync(other, past, past);
    await writeOutputs(pair(dir, 'A', 'B'));
    expect(readdirSync(dir).sort()).toEqual(['.doc.pdf.fedcba9876543210.tos-tmp', '.notes.0123456789abcdef.tmp', 'doc.docx', 'doc.pdf']);
  });
});

describe('outputs that are inputs', () => {
  const YAML = 'application: {}\n';
  it.each([
    ['has the same name (a filing named doc.pdf)', (dir: string) => (writeFileSync(join(dir, 'doc.pdf'), YAML), join(dir, 'doc.pdf'))],
    ['is a symbolic link to it', (dir: string) => (writeFileSync(join(dir, 'filing.yaml'), YAML), symlinkSync(join(dir, 'filing.yaml'), join(dir, 'doc.pdf')), join(dir, 'filing.yaml'))],
    ['is a hard link to it', (dir: string) => (writeFileSync(join(dir, 'filing.yaml'), YAML), linkSync(join(dir, 'filing.yaml'), join(dir, 'doc.pdf')), join(dir, 'filing.yaml'))],
  ])('refuses an output that %s, before writing anything', async (_, makeInput) => {
    const dir = tempDir();
    const input = makeInput(dir);
    const before = readdirSync(dir).sort();
    const err = await failure(writeOutputs(pair(dir, 'A', 'B'), { inputs: [input] }));
    expect(err.message).toContain(`入力ファイル ${input} と同じファイルです`);
    expect(err.message).toContain('何も書き出しませんでした');
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(input, 'utf8')).toBe(YAML);
  });
});

describe('runs writing into one folder', () => {
  it('take turns, so that a run starting in the middle of another cannot leave a mixed set', async () => {
    const dir = tempDir();
    let second: Promise<void> | undefined;
    let sawLock = false;
    await writeOutputs(pair(dir, 'first', 'first'), {
      onStep: async ({ step, path }) => {
        if (step !== 'replaced' || !path.endsWith('.docx')) return;
        // the first run has replaced one file of two when the second starts; without the lock the second
        // would replace both at once and the first would then put its PDF beside the second's Word file
        sawLock = readdirSync(dir).includes(LOCK_NAME);
        second = writeOutputs(pair(dir, 'second', 'second'));
        await Promise.race([second, sleep(1000)]);
      },
    });
    await second;
    expect(sawLock).toBe(true);
    expect([read(dir, 'doc.docx'), read(dir, 'doc.pdf')]).toEqual(['second', 'second']);
    expect(readdirSync(dir).sort()).toEqual(['doc.docx', 'doc.pdf']);
  });

  it('many at once end with one run’s whole set', async () => {
    const dir = tempDir();
    await Promise.all(Array.from({ length: 6 }, (_, i) => writeOutputs(pair(dir, `run ${i}`, `run ${i}`), { onStep: () => sleep(Math.random() * 10) })));
    expect(read(dir, 'doc.docx')).toBe(read(dir, 'doc.pdf'));
    expect(readdirSync(dir).sort()).toEqual(['doc.docx', 'doc.pdf']);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = tempDir();
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, LOCK_NAME), `${ended}\n`);
    await writeOutputs(pair(dir, 'A', 'B'));
    expect(readdirSync(dir).sort()).toEqual(['doc.docx', 'doc.pdf']);
  });
});

describe('the output folder', () => {
  it('is created with the folders above it', () => {
    const dir = tempDir();
    prepareOutputFolder(join(dir, 'a/b/c'));
    expect(readdirSync(join(dir, 'a/b'))).toEqual(['c']);
    expect(readdirSync(join(dir, 'a/b/c'))).toEqual([]);
  });

  it('cannot be made under a file, and says so', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    expect(() => prepareOutputFolder(join(dir, 'file/out'))).toThrow(/出力先 .* を作成できません（.*file はフォルダではありません）/);
    expect(() => prepareOutputFolder(join(dir, 'file'))).toThrow(OutputError);
  });
});
