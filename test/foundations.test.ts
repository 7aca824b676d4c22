import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildFiling } from '../src/app/build.ts';
import { ENUMS, type EnumName, enumLabel } from '../src/model/enums.ts';
import { mapAlongSchema } from '../src/model/schemaWalk.ts';
import { parseJapaneseDate, toWareki } from '../src/util/wareki.ts';
import { templateContext } from '../src/templates/context.ts';
import { describeValue } from '../src/templates/describeValue.ts';
import { renderDocument } from '../src/templates/renderDocument.ts';
import { compileTemplates } from '../src/platform/nodeTemplates.ts';
import { checkFiling } from '../src/validate/validate.ts';

import type { Block, Inline } from '../src/document/tree.ts';
import { loadFixture } from './helpers/fixtures.ts';
import { readPdf } from './helpers/readPdf.ts';
import { runCli } from './helpers/runCli.ts';

const templates = compileTemplates();
const SPECIFIED = 'sample/specified-complete.yaml';

function runs(blocks: readonly Block[]): Inline[] {
  return blocks.flatMap((b): Inline[] => {
    if (b.type === 'paragraph' || b.type === 'heading') return b.children;
    if (b.type === 'list') return b.items.flatMap(runs);
    if (b.type === 'table') return b.rows.flatMap((r) => r.cells.flatMap((c) => runs(c.children)));
    return [];
  });
}

describe('values are read as the schema says, not guessed from how they look', () => {
  it('builds a free-text detail that looks like an impossible date, printed as typed (it crashed the build)', async () => {
    const data = loadFixture(SPECIFIED);
    (data.measures['security-info-collection']!.details as Record<string, unknown>).frequency = '2025-02-30';
    const outcome = await buildFiling({ file: 'x.yaml', data }, { formats: ['pdf'], templates });
    expect(outcome.status).toBe('built');
    if (outcome.status !== 'built') return;
    expect((await readPdf(outcome.outputs[0]!.bytes)).pages.join('')).toContain('2025-02-30');
  });

  it('prints free text "other" as typed, and the choice other of an enum as その他', () => {
    expect(describeValue('other', ['measures', 'security-info-collection', 'details', 'frequency'])).toBe('other');
    expect(describeValue('other', ['organization', 'externalContacts', 0, 'kind'])).toBe('その他');
  });

  it('labels a value by the enum it belongs to: cloud hosting and cloud outsourcing read differently, the same in every document', () => {
    expect(describeValue('cloud', ['port', 'terminals', 0, 'tos', 'hosting', 'kind'])).toBe(enumLabel('hostingKind', 'cloud'));
    expect(describeValue(['cloud'], ['port', 'terminals', 0, 'tos', 'outsourcing', 0, 'scope'])).toBe(enumLabel('outsourcingScope', 'cloud'));
    expect(enumLabel('hostingKind', 'cloud')).not.toBe(enumLabel('outsourcingScope', 'cloud'));
    // the filing document's context uses the same labels as the describer the 新旧対照表 uses
    const data = loadFixture(SPECIFIED);
    data.port.terminals[0]!.tos.outsourcing[0]!.scope = ['cloud'];
    const { filing, port, findings } = checkFiling(data);
    const context = templateContext(filing!, port!, findings, false);
    expect(context.terminals[0]!.tos.outsourcing[0]!.scopeLabel).toBe(describeValue(['cloud'], ['port', 'terminals', 0, 'tos', 'outsourcing', 0, 'scope']));
  });
});

describe('draft marks come from the tool, never from what a person typed', () => {
  it('keeps 【要確認】 typed in a final document as plain text', () => {
    const data = loadFixture(SPECIFIED);
    data.measures['security-audit']!.description = '監査は外部に委託している【要確認】【未記入】';
    const { filing, port, findings } = checkFiling(data);
    const tree = renderDocument(templates, 'filing', templateContext(filing!, port!, findings, false));
    const typed = runs(tree.body).filter((r) => r.type === 'text' && r.text.includes('監査は外部に委託している'));
    expect(typed).toHaveLength(1);
    expect(typed.every((r) => r.type === 'text' && r.style.mark === null)).toBe(true);
    expect(runs(tree.body).some((r) => r.type === 'text' && r.style.mark !== null)).toBe(false);
  });
});

describe('language is chosen per call; documents are always Japanese', () => {
  it('writes Japanese marks into a draft built with --lang en, and English messages on the terminal', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tos-lang-'));
    const data = loadFixture(SPECIFIED);
    delete (data.measures as Record<string, unknown>)['security-audit'];
    const file = join(out, 'draft.yaml');
    writeFileSync(file, stringify(data));
    const { code, stderr } = await runCli(['build', file, '--out', out, '--draft', '--lang', 'en', '--format', 'pdf']);
    expect(code).toBe(0);
    expect(stderr).toContain('No measure is given');
    const text = (await readPdf(readFileSync(join(out, 'draft.pdf')))).pages.join('\n');
    expect(text).toContain('【未記入：実施状況】');
    expect(text).toContain('【未記入：講じている措置】');
    expect(text).not.toMatch(/No measure is given|mandatory|status|description/);
    // and a Japanese run right after prints Japanese: no language was left behind
    const again = await runCli(['validate', file]);
    expect(again.stdout).toContain('の措置が記載されていません');
  });
});

/** The sample rewritten as a clerk might: Japanese labels for every choice, 和暦 dates, はい／いいえ, full-width digits. */
function asAClerkWrites(data: unknown): unknown {
  return mapAlongSchema(data, (value, info) => {
    if (!info) return value;
    if (info.kind === 'enum' && typeof value === 'string') return enumLabel(info.enumName as EnumName, value as never);
    if (info.kind === 'date' && typeof value === 'string')
      return toWareki(value).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    if (info.kind === 'boolean' && typeof value === 'boolean') return value ? 'はい' : 'いいえ';
    return value;
  });
}

describe('input a clerk can get right', () => {
  it('accepts Japanese choices and 和暦 dates and builds the same documents as the canonical file', async () => {
    for (const name of [SPECIFIED, 'sample/general-complete.yaml']) {
      const canonical = loadFixture(name);
      const clerk = asAClerkWrites(canonical);
      expect(JSON.stringify(clerk)).toContain('令和');
      expect(checkFiling(clerk).findings).toEqual([]);
      const a = await buildFiling({ file: 'a.yaml', data: canonical }, { formats: ['docx', 'pdf'], templates });
      const b = await buildFiling({ file: 'a.yaml', data: clerk }, { formats: ['docx', 'pdf'], templates });
      if (a.status !== 'built' || b.status !== 'built') throw new Error('not built');
      for (const i of [0, 1]) expect(Buffer.from(b.outputs[i]!.bytes).equals(Buffer.from(a.outputs[i]!.bytes)), `${name} ${a.outputs[i]!.name}`).toBe(true);
    }
  });

  it.each([
    ['令和8年12月1日', '2026-12-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R8.12.1', '2026-12-01'],
    ['R8/12/1', '2026-12-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['２０２６年１２月１日', '2026-12-01'],
    ['2026/12/1', '2026-12-01'],
  ])('reads the date %s as %s', (written, iso) => {
    expect(parseJapaneseDate(written)).toBe(iso);
  });

  it.each(['令和8年2月30日', '平成32年1月1日', '令和元年4月30日', 'R8', '来年の春'])('does not read %s as a date', (written) => {
    expect(parseJapaneseDate(written)).toBeUndefined();
  });

  it('knows a Japanese label for every choice, and no two labels of one enum are the same', () => {
    for (const name of Object.keys(ENUMS) as EnumName[]) {
      const labels = Object.values(ENUMS[name]);
      expect(new Set(labels).size, name).toBe(labels.length);
    }
  });

  it('reports every problem of a file in one run: a broken part does not hide the rules for the parts that parse', () => {
    const data = loadFixture(SPECIFIED) as unknown as Record<string, any>;
    data.applicant.name = 42; // a shape error elsewhere
    data.measures['bcp-training'].status = 'done'; // a broken measure
    delete data.measures['security-audit']; // a missing measure
    delete data.port.terminals[0].tos.externalConnections[0].sourceRestriction; // a terminal rule
    const codes = checkFiling(data).findings.map((f) => `${f.code} ${f.path}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'SCHEMA_INVALID applicant.name',
        'SCHEMA_INVALID measures.bcp-training.status',
        'MEASURE_MISSING measures.security-audit',
        'CONNECTION_SOURCE_UNRESTRICTED port.terminals[0].tos.externalConnections[0].sourceRestriction',
      ]),
    );
    // the broken measure is reported once, by the schema, not again by the rules
    expect(codes.filter((c) => c.includes('bcp-training'))).toEqual(['SCHEMA_INVALID measures.bcp-training.status']);
  });

  it('offers the Japanese choices when a choice is wrong', async () => {
    const data = loadFixture(SPECIFIED) as unknown as Record<string, any>;
    data.port.terminals[0].tos.externalConnections[0].method = 'ＶＰＮ接続';
    const finding = checkFiling(data).findings[0]!;
    const { findingMessage } = await import('../src/validate/messages.ts');
    expect(findingMessage(finding)).toContain('「VPN」、「専用線」、「NAT」、「インターネット」、「その他」');
    expect(findingMessage(finding)).not.toContain('leased-line');
  });
});

describe('init', () => {
  it('addresses the filing to the bureau competent for the port, and leaves the date for the person', async () => {
    const { stdout } = await runCli(['init', '--port', '清水港']);
    expect(stdout).toContain('addressee: "中部運輸局長"');
    expect(stdout).toMatch(/filingDate: ""/);
    const kobe = await runCli(['init', '--port', '姫路港']);
    expect(kobe.stdout).toContain('addressee: "神戸運輸監理部長"');
  });

  it('writes Japanese choices that validate as they are once the blanks are filled', async () => {
    const { stdout } = await runCli(['init', '--port', '清水港']);
    expect(stdout).toContain('status: 実施済み');
    expect(stdout).not.toMatch(/^\s+status: implemented/m);
    const { parse } = await import('yaml');
    const skeleton = parse(stdout);
    const filled = mapAlongSchema(skeleton, (value, info) => (info?.kind === 'text' && value === '' ? '記入済み' : info?.kind === 'date' && value === '' ? '令和8年4月1日' : value));
    const codes = checkFiling(filled).findings.filter((f) => f.severity === 'error').map((f) => f.code);
    expect(codes.filter((c) => c.startsWith('SCHEMA_'))).toEqual([]);
  });
});

