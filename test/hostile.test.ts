import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fieldAt } from '../src/model/schemaWalk.ts';
import { LIMITS } from '../src/model/primitives.ts';
import { findingMessage } from '../src/validate/messages.ts';
import { buildInto } from './helpers/build.ts';
import { compileTemplates, DEFAULT_TEMPLATES_DIR } from '../src/platform/nodeTemplates.ts';
import { fixturePath, loadFixture } from './helpers/fixtures.ts';
import { readDocx } from './helpers/readDocx.ts';
import { readPdf } from './helpers/readPdf.ts';
import { runCli } from './helpers/runCli.ts';
import { cpSync } from 'node:fs';

const templates = compileTemplates();

/** Paths of every string in plain data. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

function setAt(data: unknown, path: (string | number)[], value: string) {
  let current = data as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) current = current[key] as Record<string | number, unknown>;
  current[path.at(-1)!] = value;
}

const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\u0000\u0007\u001b', '\uD800', 'a\uDFFFb', '\uFFFE\uFFFF', '\u202Eabc\u202C', '\u200D\uFE0F', '🚢⚓👨‍👩‍👧', '𠮷野家', '<b>&amp;</b>', ']]>', '{{x}}', ' ', '\n\n'),
  fc.string({ unit: 'grapheme-ascii', minLength: 200, maxLength: LIMITS.shortText }),
);

describe('hostile text in every field', () => {
  const base = loadFixture('sample/general-complete.yaml');
  // free-text fields only: a random string in a date or a choice is simply invalid, which the schema tests cover
  const paths = stringPaths(base).filter((p) => p[0] !== 'note' && fieldAt(p)?.kind === 'text');
  let built = 0;

  it('either builds sound documents or is rejected with a finding, never a crash or a partial file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(paths.length - 1), nasty), { minLength: 1, maxLength: 12 }), async (edits) => {
        const data = structuredClone(base);
        for (const [i, text] of edits) setAt(data, paths[i]!, text);
        const out = mkdtempSync(join(tmpdir(), 'tos-hostile-'));
        const result = await buildInto('hostile.yaml', data, out, { templates });
        if (result.status === 'built') {
          built++;
          expect(readdirSync(out).sort()).toEqual(['hostile.docx', 'hostile.pdf']);
          expect(readDocx(readFileSync(join(out, 'hostile.docx'))).problems).toEqual([]);
          const pdf = await readPdf(readFileSync(join(out, 'hostile.pdf')));
          expect(pdf.notdef).toBe(0);
          expect(pdf.pages.length).toBeGreaterThan(0);
        } else {
          expect(result.status).toBe('invalid');
          expect(readdirSync(out)).toEqual([]);
          if (result.status === 'invalid') {
            const errors = result.findings.filter((f) => f.severity === 'error');
            expect(errors.length).toBeGreaterThan(0);
            for (const f of errors) expect(f.path.length > 0 && findingMessage(f).length > 0).toBe(true);
          }
        }
      }),
      { numRuns: 25, seed: 20251122 },
    );
    expect(built).toBeGreaterThan(10); // most runs must reach the writers, or the property proves little
  }, 120_000);

  it('never changes the input file, whatever it holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(fc.nat(paths.length - 1), nasty), async ([i, text]) => {
        const data = structuredClone(base);
        setAt(data, paths[i]!, text);
        const dir = mkdtempSync(join(tmpdir(), 'tos-hostile-'));
        const file = join(dir, 'input.yaml');
        writeFileSync(file, stringify(data));
        const before = readFileSync(file);
        const { code } = await runCli(['build', file, '--out', join(dir, 'out'), '--format', 'pdf']);
        expect([0, 1]).toContain(code);
        expect(readFileSync(file).equals(before)).toBe(true);
      }),
      { numRuns: 8, seed: 7 },
    );
  }, 120_000);

  it(`builds a filing with as many external connections as the model allows (${LIMITS.listItems}), and refuses one more`, async () => {
    const data = structuredClone(base);
    const connections = data.port.terminals[0]!.tos.externalConnections;
    const template = connections[0]!;
    connections.length = 0;
    const last = LIMITS.listItems - 1;
    for (let i = 0; i <= last; i++) connections.push({ ...template, counterparty: `接続先${i}`, sourceRestriction: `固定IP ${i}` });
    const out = mkdtempSync(join(tmpdir(), 'tos-many-'));
    const result = await buildInto('many.yaml', data, out, { templates });
    expect(result.status).toBe('built');
    const pdf = await readPdf(readFileSync(join(out, 'many.pdf')));
    expect(pdf.pages.join('')).toContain(`接続先${last}`);
    expect(readDocx(readFileSync(join(out, 'many.docx'))).text).toContain(`接続先${last}`);
    connections.push({ ...template, counterparty: '一つ多い接続先' });
    const over = await buildInto('over.yaml', data, out, { templates });
    expect(over.status).toBe('invalid');
    const finding = over.findings.find((f) => f.path === 'port.terminals[0].tos.externalConnections')!;
    expect(findingMessage(finding)).toContain(`${LIMITS.listItems}件まで`);
  }, 300_000);
});

describe('YAML features that can hurt', () => {
  it('treats a merge key as an unknown field rather than merging', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tos-yaml-'));
    const file = join(dir, 'merge.yaml');
    writeFileSync(file, readFileSync(fixturePath('sample/general-complete.yaml'), 'utf8').replace('application:\n', 'defaults: &d\n  kind: new-license\napplication:\n  <<: *d\n'));
    const { code, stdout } = await runCli(['validate', file]);
    expect(code).toBe(1);
    expect(stdout).toContain('不明な項目「<<」');
  });
});

describe('templates reach neither prototypes nor the file system', () => {
  async function renderWith(partial: string) {
    const dir = join(mkdtempSync(join(tmpdir(), 'tos-tpl-')), 'tpl');
    cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'partials/cover.hbs'), partial);
    const out = join(dir, '..', 'out');
    return runCli(['build', fixturePath('sample/general-complete.yaml'), '--out', out, '--templates', dir, '--format', 'pdf']);
  }

  it('reaches no prototype property and pollutes nothing', async () => {
    // lookup is not among the template helpers at all
    const lookup = await renderWith('<p>[{{lookup applicant "constructor"}}][{{lookup applicant "__proto__"}}]</p>\n');
    expect(lookup.code).toBe(2);
    expect(lookup.stderr).toContain('lookup');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const r = await renderWith('<p>{{applicant.constructor.name}}</p>\n');
    expect(r.code).toBe(2);
  });

  it('cannot include a file as a partial', async () => {
    const { code, stderr } = await renderWith('{{> /etc/passwd}}\n');
    expect(code).toBe(2);
    expect(stderr).toMatch(/partial|パーシャル|could not be found/i);
    expect(stderr).not.toContain('root:');
  });
});
