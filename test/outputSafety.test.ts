import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from './helpers/fixtures.ts';
import { runCli } from './helpers/runCli.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'tos-out-safety-'));
const SAMPLE = fixturePath('sample/general-complete.yaml');

describe('the CLI never writes over its input', () => {
  it('build: a filing named filing.pdf is not replaced by its own PDF', async () => {
    const dir = tempDir();
    const input = join(dir, 'filing.pdf');
    cpSync(SAMPLE, input);
    const before = readFileSync(input);
    const { code, stderr, stdout } = await runCli(['build', input, '--out', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain(`入力ファイル ${input} と同じファイルです`);
    expect(stdout).toBe('');
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['filing.pdf']);
  });

  it('review: a filing named review.json is not replaced by the review', async () => {
    const dir = tempDir();
    const input = join(dir, 'review.json');
    writeFileSync(input, JSON.stringify({ application: { kind: 'new-license' } }));
    const before = readFileSync(input);
    const { code, stderr } = await runCli(['review', input, '--out', dir, '--format', 'json,csv']);
    expect(code).toBe(2);
    expect(stderr).toContain('と同じファイルです');
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['review.json']);
  });
});

describe('review does not read its own outputs back', () => {
  it('leaves out the output folder inside a reviewed folder', async () => {
    const dir = tempDir();
    cpSync(SAMPLE, join(dir, 'a.yaml'));
    const out = join(dir, 'out');
    const first = await runCli(['review', dir, '--out', out, '--format', 'json']);
    expect(first.code).toBe(0);
    writeFileSync(join(out, 'stray.yaml'), 'not: [a filing');
    const second = await runCli(['review', dir, '--out', out, '--format', 'json']);
    expect(second.code).toBe(0);
    const files = JSON.parse(readFileSync(join(out, 'review.json'), 'utf8')).filings.map((f: { file: string }) => f.file);
    expect(files).toEqual([join(dir, 'a.yaml')]);
  });

  it('leaves out review.json when the output folder is the reviewed folder', async () => {
    const dir = tempDir();
    cpSync(SAMPLE, join(dir, 'a.yaml'));
    expect((await runCli(['review', dir, '--out', dir, '--format', 'json'])).code).toBe(0);
    const second = await runCli(['review', dir, '--out', dir, '--format', 'json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'review.json'), 'utf8')).filings).toHaveLength(1);
  });
});

describe('an output folder that cannot be used', () => {
  it('stops build before any document is made, with exit 2 and the reason', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    const { code, stderr, stdout } = await runCli(['build', SAMPLE, '--out', join(dir, 'file', 'out')]);
    expect(code).toBe(2);
    expect(stderr).toContain(`出力先 ${join(dir, 'file', 'out')} を作成できません（${join(dir, 'file')} はフォルダではありません）`);
    expect(stdout).toBe('');
  });

  it('refuses an output name over the file-name limit with exit 2, not an internal error', async () => {
    const dir = tempDir();
    const input = join(dir, `${'a'.repeat(251)}.yml`); // .yml → .docx: 255 → 256 bytes
    cpSync(SAMPLE, input);
    const { code, stderr } = await runCli(['build', input, '--out', join(dir, 'out')]);
    expect(code).toBe(2);
    expect(stderr).toContain('出力ファイル名が長すぎます');
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it('writes a 245-character name, whose temporary file name used to be too long (exit 70)', async () => {
    const dir = tempDir();
    const input = join(dir, `${'a'.repeat(245)}.yaml`);
    cpSync(SAMPLE, input);
    mkdirSync(join(dir, 'out'));
    const { code } = await runCli(['build', input, '--out', join(dir, 'out'), '--format', 'docx']);
    expect(code).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toEqual([`${'a'.repeat(245)}.docx`]);
  });
});
