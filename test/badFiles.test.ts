import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/fixtures.ts';
import { runCli } from './helpers/runCli.ts';

const dir = join(root, 'test/bad-files');

/** Each bad file, the exit code validate must give, and what its message must say. */
const EXPECTED: Record<string, [number, RegExp]> = {
  'alias-bomb.yaml': [2, /YAMLを展開できません/],
  'binary.yaml': [2, /UTF-8 の文字コードではありません/],
  'custom-tag.yaml': [2, /1:14 使用できないタグです/],
  'python-tag.yaml': [2, /使用できないタグです/],
  'deep-nesting.yaml': [2, /入れ子が深すぎます/],
  'duplicate-keys.yaml': [2, /3:3 同じ項目名が重複しています/],
  'empty.yaml': [2, /ファイルが空です/],
  'only-comments.yaml': [2, /ファイルが空です/],
  'shift-jis.yaml': [2, /Shift_JIS/],
  'tab-indent.yaml': [2, /2:1 YAMLの構文エラー/],
  'unclosed-quote.yaml': [2, /YAMLの構文エラー/],
  'null-fields.yaml': [1, /申請（application）\n\s+「申請」は必須の項目です[\s\S]*管理体制（organization）\n\s+「管理体制」：項目の並び/],
  'prototype-keys.yaml': [1, /不明な項目「__proto__」です[\s\S]*不明な項目「constructor」です/],
  'top-level-list.yaml': [1, /ファイル全体\n\s+.*項目の並び（「名前: 値」の形）で入力してください/],
  'top-level-scalar.yaml': [1, /ファイル全体\n\s+.*項目の並び（「名前: 値」の形）で入力してください/],
  'trailing-comma.json': [1, /申請 › 申請日（application.filingDate）\n\s+「申請日」は必須の項目です/],
};

describe('the corpus of bad files', () => {
  it('has an expectation for every file in it', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: exit %i with a clear message naming the file, no stack trace, file untouched', async (name, [code, message]) => {
    const file = join(dir, name);
    const before = readFileSync(file);
    const result = await runCli(['validate', file]);
    expect(result.code).toBe(code);
    const output = result.stdout + result.stderr;
    expect(output).toContain(file);
    expect(output).toMatch(message);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
