import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixturePath, root } from '../test/helpers/fixtures.ts';

/**
 * What the file system and the operating system can throw at the CLI: a FIFO where a filing should be,
 * an output folder under /proc, a signal in the middle of replacing the outputs. Each runs the real CLI
 * (or the real writer) in its own process, with a time limit, because the failure before the fix was a
 * process that never ended.
 */

const bin = join(root, 'bin/tos-filing.js');
const tempDir = () => mkdtempSync(join(tmpdir(), 'tos-e2e-system-'));
const cli = (args: string[], timeout = 60_000) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout });

describe('inputs that are not files', () => {
  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const dir = tempDir();
    const fifo = join(dir, 'filing.yaml');
    execFileSync('mkfifo', [fifo]);
    const result = cli(['validate', fifo]);
    expect(result.signal).toBeNull(); // not killed by the time limit
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${fifo}: 通常のファイルではありません（名前付きパイプ）`);
  });

  it('reviews a folder holding a FIFO named like a filing, reporting it in its row', () => {
    const dir = tempDir();
    cpSync(fixturePath('sample/general-complete.yaml'), join(dir, 'a.yaml'));
    execFileSync('mkfifo', [join(dir, 'b.yaml')]);
    const result = cli(['review', dir, '--format', 'text']);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2); // a file that gives no filing is exit 2 in every command (README 終了コード); the others are still reviewed
    expect(result.stdout).toContain('通常のファイルではありません（名前付きパイプ）');
    expect(result.stdout).toContain('塩釜北港運株式会社');
  });
});

describe('an output folder that cannot be made', () => {
  it('fails at once with exit 2 under /proc, where recursive mkdir never ends', () => {
    const result = cli(['build', fixturePath('sample/general-complete.yaml'), '--out', '/proc/tos-filing/out'], 30_000);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('出力先フォルダ /proc/tos-filing/out を作成できません');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a signal while the outputs are being replaced', () => {
  /** A process that replaces doc.docx and doc.pdf and sends itself `signal` after the first temporary file is written. */
  function interrupted(dir: string, signal: 'SIGINT' | 'SIGTERM') {
    const script = join(dir, 'write.mts');
    const writer = pathToFileURL(join(root, 'src/io/writeAtomically.ts')).href;
    writeFileSync(
      script,
      `import { writeOutputs } from ${JSON.stringify(writer)};
const out = ${JSON.stringify(join(dir, 'out'))};
const bytes = (t) => new TextEncoder().encode(t);
await writeOutputs([{ path: out + '/doc.docx', bytes: bytes('new A') }, { path: out + '/doc.pdf', bytes: bytes('new B') }], {
  onStep: ({ step, path }) => { if (step === 'written' && path.endsWith('doc.docx')) process.kill(process.pid, ${JSON.stringify(signal)}); },
});
console.log('finished');
`,
    );
    return spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  }

  it.each(['SIGINT', 'SIGTERM'] as const)('%s: the previous documents stay, no temporary file or lock is left, the process ends by the signal', (signal) => {
    const dir = tempDir();
    const out = join(dir, 'out');
    cpSync(fixturePath('sample'), out, { recursive: true }); // some other files in the folder
    writeFileSync(join(out, 'doc.docx'), 'old A');
    writeFileSync(join(out, 'doc.pdf'), 'old B');
    const before = readdirSync(out).sort();
    const result = interrupted(dir, signal);
    expect(result.signal).toBe(signal);
    expect(result.stdout).not.toContain('finished');
    expect(readdirSync(out).sort()).toEqual(before);
    expect(readFileSync(join(out, 'doc.docx'), 'utf8')).toBe('old A');
    expect(readFileSync(join(out, 'doc.pdf'), 'utf8')).toBe('old B');
  });
});
