import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_MARKUP_DEPTH, parseMarkup } from '../src/document/parseMarkup.ts';
import { MAX_TEMPLATE_NESTING } from '../src/templates/lintTemplate.ts';
import { MAX_PARTIAL_DEPTH, MAX_TEMPLATE_ITERATIONS, TemplateError } from '../src/templates/renderTemplates.ts';
import { compileTemplates, DEFAULT_TEMPLATES_DIR } from '../src/platform/nodeTemplates.ts';
import { MAX_TEMPLATE_BYTES } from '../src/templates/templateFolder.ts';
import { fixturePath } from './helpers/fixtures.ts';
import { runCli } from './helpers/runCli.ts';

const SAMPLE = fixturePath('sample/general-complete.yaml');

/** A copy of the bundled templates, changed by `edit`. */
function templatesWith(edit: (dir: string) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'tos-tpl-safety-')), 'tpl');
  cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
  edit(dir);
  return dir;
}

const prepend = (file: string, text: string) => writeFileSync(file, text + readFileSync(file, 'utf8'));

async function buildWith(dir: string) {
  const out = join(dir, '..', 'out');
  return runCli(['build', SAMPLE, '--out', out, '--templates', dir, '--format', 'pdf']);
}

async function expectTemplateError(dir: string, message: RegExp) {
  const result = await buildWith(dir);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toContain('内部エラー');
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe('');
}

describe('only the documented template language', () => {
  it('has no log helper, which wrote to stdout and broke diff --format json', async () => {
    const dir = templatesWith((d) => prepend(join(d, 'diff.hbs'), '{{log "HELLO"}}'));
    const json = await runCli(['diff', fixturePath('change/before.yaml'), fixturePath('change/after.yaml'), '--format', 'json', '--templates', dir]);
    expect(json.code).toBe(0);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    const out = join(dir, '..', 'out');
    const documents = await runCli(['diff', fixturePath('change/before.yaml'), fixturePath('change/after.yaml'), '--out', out, '--format', 'pdf,json', '--templates', dir]);
    expect(documents.code).toBe(2);
    expect(documents.stdout).not.toContain('HELLO');
    expect(documents.stderr).toContain(`${join(dir, 'diff.hbs')}:1:1:`);
    expect(documents.stderr).toContain('unknown helper log');
  });

  it('has no lookup helper', async () => {
    await expectTemplateError(
      templatesWith((d) => prepend(join(d, 'partials/cover.hbs'), '<p>{{lookup applicant "name"}}</p>\n')),
      /partials\/cover\.hbs:1:4: .*unknown helper lookup/,
    );
  });

  it.each([
    ['an inline partial', '{{#*inline "x"}}<p>x</p>{{/inline}}', /cover\.hbs:1:1: インラインパーシャル/],
    ['a decorator', '{{* foo}}', /cover\.hbs:1:1: インラインパーシャル（\{\{#\*inline\}\}）やデコレータは使用できません/],
    ['a partial block', '{{#> appendix}}<p>x</p>{{/appendix}}', /cover\.hbs:1:1: 部品のブロック呼び出し/],
    ['a dynamic partial name', '{{> (join list)}}', /cover\.hbs:1:1: 部品（パーシャル）の名前は/],
    ['a partial that does not exist', '{{> ../../etc/passwd}}', /cover\.hbs:1:1: 部品（パーシャル）「\.\.\/\.\.\/etc\/passwd」がありません/],
  ])('refuses %s with its place', async (_, text, message) => {
    await expectTemplateError(
      templatesWith((d) => prepend(join(d, 'partials/cover.hbs'), text)),
      message,
    );
  });
});

describe('only regular files inside the templates folder', () => {
  it('refuses a partial that is a symbolic link out of the folder', async () => {
    const outside = join(mkdtempSync(join(tmpdir(), 'tos-outside-')), 'secret.hbs');
    writeFileSync(outside, '<p>秘密</p>');
    await expectTemplateError(
      templatesWith((d) => symlinkSync(outside, join(d, 'partials/secret.hbs'))),
      /partials\/secret\.hbs: テンプレートのフォルダの外を指すリンクです/,
    );
  });

  it('accepts a symbolic link that stays inside the folder', async () => {
    const dir = templatesWith((d) => {
      writeFileSync(join(d, 'partials/extra.hbs'), '<p>共通</p>\n');
      symlinkSync(join(d, 'partials/extra.hbs'), join(d, 'partials/same.hbs'));
    });
    expect((await buildWith(dir)).code).toBe(0);
  });

  it('refuses a folder named like a template', async () => {
    await expectTemplateError(
      templatesWith((d) => mkdirSync(join(d, 'partials/x.hbs'))),
      /partials\/x\.hbs: テンプレートではありません（フォルダです）/,
    );
  });

  it('refuses a partial that is not UTF-8, naming it', async () => {
    await expectTemplateError(
      templatesWith((d) => writeFileSync(join(d, 'partials/cover.hbs'), Buffer.from([0x3c, 0x70, 0x3e, 0x82, 0xa0, 0x3c, 0x2f, 0x70, 0x3e]))),
      /partials\/cover\.hbs: UTF-8 の文字コードではありません/,
    );
  });

  it('refuses a template over the size limit', async () => {
    await expectTemplateError(
      templatesWith((d) => writeFileSync(join(d, 'partials/cover.hbs'), '<p>x</p>\n'.repeat(MAX_TEMPLATE_BYTES / 9 + 1))),
      /partials\/cover\.hbs: テンプレートが大きすぎます（1ファイル256KBまで）/,
    );
  });
});

describe('templates that would not end', () => {
  it('refuses blocks nested deeper than the limit, with the place', async () => {
    const depth = 3_000;
    await expectTemplateError(
      templatesWith((d) => prepend(join(d, 'partials/cover.hbs'), `${'{{#if true}}'.repeat(depth)}x${'{{/if}}'.repeat(depth)}\n`)),
      new RegExp(`cover\\.hbs:1:${MAX_TEMPLATE_NESTING * 12 + 1}: 入れ子が深すぎます`),
    );
  });

  it('refuses a partial that calls itself', async () => {
    await expectTemplateError(
      templatesWith((d) => prepend(join(d, 'partials/appendix.hbs'), '{{> appendix}}')),
      new RegExp(`appendix\\.hbs: 部品（パーシャル）の呼び出しが深すぎます（上限${MAX_PARTIAL_DEPTH}段`),
    );
  });

  it('refuses loops in loops beyond the iteration limit, with the place', async () => {
    const loops = '{{#each @root.requirements}}'.repeat(6) + '{{/each}}'.repeat(6);
    await expectTemplateError(
      templatesWith((d) => prepend(join(d, 'partials/measures.hbs'), loops)),
      new RegExp(`measures\\.hbs:1:\\d+: テンプレートの展開に失敗しました：\\{\\{#each\\}\\} の繰り返しが多すぎます（1回の展開で${MAX_TEMPLATE_ITERATIONS.toLocaleString('en-US')}回まで）`),
    );
  });
});

describe('compiling', () => {
  it('keeps a folder’s templates once compiled, and sees a changed file', () => {
    const dir = templatesWith(() => {});
    const first = compileTemplates(dir);
    expect(compileTemplates(dir)).toBe(first);
    writeFileSync(join(dir, 'partials/appendix.hbs'), '<p>付録なし</p>\n');
    expect(compileTemplates(dir)).not.toBe(first);
  });

  it('compiles only the document being built: a broken review.hbs does not stop build, but templates check finds it', async () => {
    const dir = templatesWith((d) => writeFileSync(join(d, 'review.hbs'), '{{#if}}\n'));
    expect((await buildWith(dir)).code).toBe(0);
    const check = await runCli(['templates', 'check', dir]);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain(join(dir, 'review.hbs'));
  });

  it('reports a template error as a TemplateError', () => {
    const dir = templatesWith((d) => writeFileSync(join(d, 'partials/cover.hbs'), '{{{applicant.name}}}'));
    expect(() => compileTemplates(dir).checkAll()).toThrow(TemplateError);
  });
});

describe('markup limits', () => {
  const doc = (body: string) => parseMarkup(`<document title="t" date="2025-04-01">${body}</document>`);

  it.each([
    ['indent="1e308"', '<p indent="1e308">x</p>', /indent must be a number from 0 to 20/],
    ['left="-1"', '<p left="-1">x</p>', /left must be a number from 0 to 20/],
    ['indent=""', '<p indent="">x</p>', /indent must be a number/],
    ['colspan="1e9"', '<table><tr><td colspan="1000000000">x</td></tr></table>', /colspan must be a whole number from 1 to 50/],
    ['colspan="1.5"', '<table><tr><td colspan="1.5">x</td></tr></table>', /colspan must be a whole number/],
    ['a rowspan past the last row', '<table><tr><td rowspan="3">x</td></tr><tr><td>y</td></tr></table>', /rowspan 3 in row 1 reaches past the last row \(2\)/],
    ['widths of Infinity', '<table widths="1e308 1e309"><tr><td>x</td><td>y</td></tr></table>', /widths must be numbers above 0 and up to 1000/],
    ['too many widths', `<table widths="${'1 '.repeat(60)}"><tr><td>x</td></tr></table>`, /widths names 60 columns; a table has at most 50/],
  ])('refuses %s', (_, body, message) => {
    expect(() => doc(body)).toThrow(message);
  });

  it(`refuses elements nested deeper than ${MAX_MARKUP_DEPTH} (5,000 nested <b> crashed the writers)`, () => {
    expect(() => doc(`<p>${'<b>'.repeat(5000)}x${'</b>'.repeat(5000)}</p>`)).toThrow(/elements nest deeper than 64 levels/);
    expect(() => doc(`<p>${'<b>'.repeat(40)}x${'</b>'.repeat(40)}</p>`)).not.toThrow();
  });
});
