import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { requirementsFor } from '../src/catalog/requirementsFor.ts';
import { fixturePath, loadFixture, root } from './helpers/fixtures.ts';
import { runCli } from './helpers/runCli.ts';

const SPECIFIED = fixturePath('sample/specified-complete.yaml');

function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tos-filing-')), name);
  writeFileSync(file, content);
  return file;
}

describe('tos-filing validate', () => {
  it('exits 0 with no error findings for the complete specified-port filing (json)', async () => {
    const { code, stdout } = await runCli(['validate', SPECIFIED, '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      file: SPECIFIED,
      port: { input: '横浜港', name: '横浜港', specified: true, specifiedPort: '京浜港' },
      findings: [],
    });
  });

  it('exits 1 and names the requirement when one measure is removed', async () => {
    const filing = loadFixture('sample/specified-complete.yaml');
    delete (filing.measures as Record<string, unknown>)['security-audit'];
    const file = tempFile('f.yaml', stringify(filing));
    const before = readFileSync(file, 'utf8');
    const { code, stdout } = await runCli(['validate', file, '--format', 'json']);
    expect(code).toBe(1);
    const { findings } = JSON.parse(stdout);
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'MEASURE_MISSING', requirementId: 'security-audit', path: 'measures.security-audit' }),
    ]);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('writes English messages with --lang en', async () => {
    const { stdout } = await runCli(['validate', fixturePath('incomplete/unknown-port.yaml'), '--lang', 'en']);
    expect(stdout).toContain('Did you mean 名古屋港?');
    expect(stdout).toContain('1 error(s)');
  });

  it('exits 2 for a missing file, a YAML syntax error and bad arguments, without a stack trace', async () => {
    const missing = await runCli(['validate', 'no/such/file.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/file.yaml');
    expect(missing.stderr).toContain('ファイルが見つかりません');

    const syntax = await runCli(['validate', fixturePath('invalid/yaml-syntax.yaml')]);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/yaml-syntax\.yaml: 5行1列：/);

    const badFormat = await runCli(['validate', SPECIFIED, '--format', 'xml']);
    expect(badFormat.code).toBe(2);
    for (const r of [missing, syntax, badFormat]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports wrong types and unknown fields with the file and field path, exit 1', async () => {
    const { code, stdout } = await runCli(['validate', fixturePath('invalid/wrong-types.yaml')]);
    expect(code).toBe(1);
    expect(stdout).toContain('wrong-types.yaml');
    expect(stdout).toContain('申請 › adressee（application.adressee）');
    expect(stdout).toContain('不明な項目「adressee」です。もしかして 「addressee」 ですか。');
    expect(stdout).toContain('port.terminals[0].tos.components.servers');
  });
});

describe('reading hostile YAML', () => {
  it.each([
    ['duplicate keys', 'application:\n  kind: new-license\n  kind: plan-change-approval\n', /重複/],
    ['custom tags', 'application: !!js/function "return 1"\n', /タグ/],
    ['an alias bomb', `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`).join('\n')}\n`, /展開後の文字数の上限/],
    ['an empty file', '', /空/],
  ])('refuses %s with exit 2', async (_name, content, message) => {
    const file = tempFile('hostile.yaml', content);
    const { code, stderr } = await runCli(['validate', file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('reads JSON as well as YAML', async () => {
    const file = tempFile('filing.json', JSON.stringify(loadFixture('sample/general-complete.yaml')));
    const { code } = await runCli(['validate', file]);
    expect(code).toBe(0);
  });
});

describe('tos-filing catalog, init, schema', () => {
  it('lists the requirements for a port as JSON', async () => {
    const general = JSON.parse((await runCli(['catalog', '--port', '衣浦港', '--format', 'json'])).stdout);
    const specified = JSON.parse((await runCli(['catalog', '--port', '東京港', '--format', 'json'])).stdout);
    const everything = JSON.parse((await runCli(['catalog', '--format', 'json'])).stdout);
    expect(general).toHaveLength(15);
    expect(specified).toHaveLength(25);
    expect(everything).toHaveLength(25);
    expect(Object.keys(general[0]).sort()).toEqual(['id', 'references', 'scope', 'title']);
    expect(general[0].references[0]).toMatchObject({ volume: 'SR', section: '1.2.1', heading: '資産の特定' });
  });

  it('refuses an unknown port for catalog with exit 2 and a suggestion', async () => {
    const { code, stderr } = await runCli(['catalog', '--port', '名古尾']);
    expect(code).toBe(2);
    expect(stderr).toContain('名古屋港');
  });

  it('prints a skeleton with every applicable measure that parses as a filing outline', async () => {
    const { code, stdout } = await runCli(['init', '--port', '神戸', '--kind', 'plan-change-approval']);
    expect(code).toBe(0);
    const skeleton = parse(stdout);
    expect(Object.keys(skeleton.measures).sort()).toEqual(requirementsFor({ specified: true }).map((r) => r.id).sort());
    expect(skeleton.applicant.existingLicense).toBeDefined();
    expect(stdout).toContain('ガイドライン: システム構築・運用者編 2.7.2 バックアップ');
    const general = parse((await runCli(['init', '--port', '苫小牧港'])).stdout);
    expect(Object.keys(general.measures)).toHaveLength(15);
  });

  it('reports the blanks of an unfilled skeleton as required fields', async () => {
    const file = tempFile('skeleton.yaml', (await runCli(['init', '--port', '苫小牧港'])).stdout);
    const { code, stdout } = await runCli(['validate', file, '--format', 'json']);
    expect(code).toBe(1);
    const findings = JSON.parse(stdout).findings as { code: string; path: string }[];
    expect(findings).toContainEqual(expect.objectContaining({ code: 'SCHEMA_REQUIRED', path: 'applicant.name' }));
    expect(findings).toContainEqual(expect.objectContaining({ code: 'MEASURE_DESCRIPTION_MISSING', path: 'measures.bcp-training.description' }));
    // every finding asks for something to be written; none is about the form of what is there
    expect([...new Set(findings.map((f) => f.code))].sort()).toEqual(['MEASURE_DESCRIPTION_MISSING', 'MEASURE_DETAIL_MISSING', 'SCHEMA_REQUIRED']);
    // an optional field the skeleton leaves blank is not reported at all
    expect(findings.some((f) => f.path === 'applicant.contact.department')).toBe(false);
  });

  it('prints a JSON Schema that knows the measure ids and rejects unknown fields', async () => {
    const schema = JSON.parse((await runCli(['schema'])).stdout);
    expect(schema.$schema).toContain('json-schema.org');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.measures.properties)).toHaveLength(25);
  });
});

describe('the installed bin', () => {
  it('runs through npx from the repo root', () => {
    const out = execFileSync('npx', ['--no-install', 'tos-filing', 'validate', SPECIFIED, '--format', 'json'], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out).findings).toEqual([]);
    const bad = spawnSync('npx', ['--no-install', 'tos-filing', 'validate', 'missing.yaml'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
  }, 60_000);
});

describe('the command line speaks Japanese', () => {
  it('prints help with Japanese headings, defaults and choices', async () => {
    const { stdout } = await runCli(['build', '--help']);
    expect(stdout).toContain('使い方: tos-filing build [オプション]');
    expect(stdout).toContain('オプション:');
    expect(stdout).toContain('（既定：out）');
    expect(stdout).not.toMatch(/Usage:|Options:|default:/);
  });

  it('explains wrong arguments in Japanese, exit 2', async () => {
    const unknown = await runCli(['valdate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('不明なコマンド「valdate」です。もしかして validate ですか。');
    const choice = await runCli(['validate', 'x.yaml', '--format', 'xml']);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toContain('の値「xml」は使えません');
    expect(choice.stderr).not.toMatch(/error:|Allowed choices/);
  });
});
