import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_EXPANDED_CHARS, MAX_FILING_BYTES, MAX_MAPPING_KEYS, MAX_NESTING_DEPTH } from '../src/io/limits.ts';
import { readFiling } from '../src/io/readFiling.ts';
import { readProblemMessage } from '../src/io/readProblems.ts';
import { root } from './helpers/fixtures.ts';
import { runCli } from './helpers/runCli.ts';

const dir = join(root, 'test/bad-files');

/** Each bad file, the exit code validate must give, and what its message must say. */
const EXPECTED: Record<string, [number, RegExp]> = {
  'alias-bomb.yaml': [2, /6行\d+列：参照（\*名前）を展開すると文字数が多すぎます（展開後の文字数の上限1,048,576文字/],
  'alias-expansion.yaml': [2, /2行\d+列：参照（\*名前）を展開すると文字数が多すぎます/],
  'alias-cycle.yaml': [2, /2行9列：参照「\*org」が自分自身を含む項目を指しています/],
  'unknown-alias.yaml': [2, /1行14列：参照「\*defaults」の参照先（&defaults）がありません/],
  'bad-escape.yaml': [2, /1行5列：YAMLの構文エラー：二重引用符（"）の中の「\\」の使い方が誤っています/],
  'binary.yaml': [2, /UTF-8 の文字コードではありません/],
  'cr-only-line-ends.yaml': [1, /申請 › 申請日（application\.filingDate）\n\s+「申請日」は必須の項目です/],
  'custom-tag.yaml': [2, /1行14列：使用できないタグです（!!js\/function）/],
  'python-tag.yaml': [2, /1行14列：使用できないタグです（!!python\/object\/apply/],
  'deep-nesting.yaml': [2, /入れ子が深すぎます（入れ子の深さの上限64段を超えています）/],
  'deep-compact-list.yaml': [2, /1行129列：入れ子が深すぎます（入れ子の深さの上限64段/],
  'duplicate-keys.yaml': [2, /3行3列：同じ項目名「kind」が重複しています（最初は2行目）/],
  'empty.yaml': [2, /ファイルが空です/],
  'only-comments.yaml': [2, /ファイルが空です/],
  'fullwidth-space-indent.yaml': [2, /2行1列：YAMLの書き方に誤りがあります。字下げに全角スペース（　）が使われています。字下げは半角スペースで/],
  'fullwidth-space-key.yaml': [2, /3行1列：項目名「　　filingDate」に全角スペースが含まれています。字下げに全角スペース/],
  'fullwidth-colon.yaml': [2, /2行3列：YAMLの構文エラー：「項目名: 値」の形になっていない行があります。項目名の後のコロンが全角の「：」です/],
  'no-space-after-colon.yaml': [2, /2行3列：YAMLの構文エラー：「項目名: 値」の形になっていない行があります。「項目名:」のコロンの後に半角スペースが必要です/],
  'list-as-key.yaml': [2, /1行3列：項目名には文字を書いてください/],
  'reserved-start.yaml': [2, /2行9列：YAMLの構文エラー：値を「@」で始めることはできません。値全体を引用符（"）で囲んでください/],
  'shift-jis.yaml': [2, /Shift_JIS/],
  'tab-indent.yaml': [2, /2行1列：YAMLの構文エラー：字下げにタブが使われています。字下げは半角スペースで入力してください/],
  'two-documents.yaml': [2, /3行1列：YAMLの構文エラー：1つのファイルに複数の文書（区切り「---」）があります/],
  'unclosed-bracket.yaml': [2, /YAMLの構文エラー：括弧（\[ \] または \{ \}）の対応がとれていないか/],
  'unclosed-quote.yaml': [2, /2行14列：YAMLの構文エラー：引用符（" または '）が閉じられていません/],
  'null-fields.yaml': [1, /申請（application）\n\s+「申請」は必須の項目です[\s\S]*管理体制（organization）\n\s+「管理体制」：項目の並び/],
  'prototype-keys.yaml': [1, /不明な項目「__proto__」です[\s\S]*不明な項目「constructor」です/],
  'top-level-list.yaml': [1, /ファイル全体\n\s+.*項目の並び（「名前: 値」の形）で入力してください/],
  'top-level-scalar.yaml': [1, /ファイル全体\n\s+.*項目の並び（「名前: 値」の形）で入力してください/],
  'trailing-comma.json': [1, /申請 › 申請日（application.filingDate）\n\s+「申請日」は必須の項目です/],
};

async function expectClearFailure(file: string, code: number, message: RegExp, regularFile = true) {
  const before = regularFile ? readFileSync(file) : null;
  const result = await runCli(['validate', file]);
  expect(result.code).toBe(code);
  const output = result.stdout + result.stderr;
  expect(output).toContain(file);
  expect(output).toMatch(message);
  expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  if (before) expect(readFileSync(file).equals(before)).toBe(true);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('the corpus of bad files', () => {
  it('has an expectation for every file in it', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: exit %i with a clear message naming the file, no stack trace, file untouched', async (name, [code, message]) => {
    await expectClearFailure(join(dir, name), code, message);
  });
});

/** Files too big to keep in the repository, made when the test runs. */
describe('bad files made at run time', () => {
  const temp = mkdtempSync(join(tmpdir(), 'tos-bad-'));
  const write = (name: string, text: string) => {
    const file = join(temp, name);
    writeFileSync(file, text);
    return file;
  };

  it('refuses a file over the size limit while reading it, naming the limit', async () => {
    const file = write('huge-description.yaml', `measures:\n  backup:\n    description: "${'あ'.repeat(MAX_FILING_BYTES / 3)}"\n`);
    await expectClearFailure(file, 2, /ファイルが大きすぎます。読み込めるのは1MBまでです（ファイルの大きさの上限）/);
  });

  it('refuses a device, whose size says 0, without reading it to the end', async () => {
    await expectClearFailure('/dev/zero', 2, /通常のファイルではありません（デバイス）/, false);
  });

  it('refuses a folder', async () => {
    await expectClearFailure(temp, 2, /フォルダです/, false);
  });

  it('refuses a mapping with more items than the limit, at the first item over it', async () => {
    const keys = Array.from({ length: MAX_MAPPING_KEYS + 1 }, (_, i) => `  k${i}: v\n`).join('');
    const file = write('many-keys.yaml', `note:\n${keys}`);
    await expectClearFailure(file, 2, new RegExp(`${MAX_MAPPING_KEYS + 2}行3列：1つの区分に項目が多すぎます（1区分の項目数の上限1,000個`));
  });

  it('finds a duplicate among a thousand item names, with its line', async () => {
    const keys = Array.from({ length: MAX_MAPPING_KEYS - 1 }, (_, i) => `  k${i}: v\n`).join('');
    const file = write('late-duplicate.yaml', `note:\n${keys}  k7: again\n`);
    await expectClearFailure(file, 2, new RegExp(`${MAX_MAPPING_KEYS + 1}行3列：同じ項目名「k7」が重複しています（最初は9行目）`));
  });

  it('refuses aliases that expand beyond the limit even when few aliases are used', async () => {
    const chunk = 'x'.repeat(Math.ceil(MAX_EXPANDED_CHARS / 50));
    const file = write('few-aliases.yaml', `text: &t "${chunk}"\nmany: [${Array(60).fill('*t').join(', ')}]\n`);
    await expectClearFailure(file, 2, /展開後の文字数の上限1,048,576文字/);
  });

  it('refuses nesting deeper than the limit in block style as well', async () => {
    const lines = Array.from({ length: MAX_NESTING_DEPTH + 2 }, (_, i) => `${' '.repeat(i)}a:\n`).join('');
    const file = write('deep-block.yaml', lines);
    await expectClearFailure(file, 2, /入れ子が深すぎます（入れ子の深さの上限64段/);
  });
});

describe('read problems as data', () => {
  it('gives a code, the place and the hint, and the message in either language', () => {
    const read = readFiling(join(dir, 'no-space-after-colon.yaml'));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problem).toEqual({ code: 'YAML_NOT_KEY_VALUE', params: {}, line: 2, column: 3, hint: { code: 'NO_SPACE_AFTER_COLON', line: 2 } });
    expect(read.message).toBe(readProblemMessage(read.problem, 'ja'));
    expect(readProblemMessage(read.problem, 'en')).toBe(
      'line 2, column 3: YAML syntax error: a line is not of the form "name: value". Put a space after the colon of "name:" (e.g. kind: new-license).',
    );
  });

  it('names the hint line when it is not the line of the error', () => {
    expect(
      readProblemMessage({ code: 'YAML_NOT_KEY_VALUE', params: {}, line: 3, column: 1, hint: { code: 'FULLWIDTH_COLON', line: 2 } }),
    ).toBe('3行1列：YAMLの構文エラー：「項目名: 値」の形になっていない行があります。（2行目）項目名の後のコロンが全角の「：」です。半角の「:」と半角スペースにしてください（例：name: 横浜港）。');
  });

  it('drops control characters from names it quotes', () => {
    expect(readProblemMessage({ code: 'YAML_DUPLICATE_KEY', params: { key: 'a\u001b[31mb\u0007', firstLine: 1 }, line: 2, column: 1 })).toBe(
      '2行1列：同じ項目名「a[31mb」が重複しています（最初は1行目）',
    );
  });
});
