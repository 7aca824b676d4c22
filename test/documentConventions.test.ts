import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Block, type DocumentTree, blockText, inlineText } from '../src/document/tree.ts';
import type { Filing } from '../src/model/filing.ts';
import { templateContext } from '../src/templates/context.ts';
import { fillTextGaps, markGaps } from '../src/templates/draftGaps.ts';
import { planSections } from '../src/templates/planSections.ts';
import { renderDocument } from '../src/templates/renderDocument.ts';
import { DEFAULT_TEMPLATES_DIR, compileTemplates } from '../src/platform/nodeTemplates.ts';
import { katakanaNumber, parenNumber } from '../src/util/documentNumbers.ts';
import { checkFiling } from '../src/validate/validate.ts';
import { loadFixture } from './helpers/fixtures.ts';

const templates = compileTemplates();

/** The filing document's tree, a draft (with gaps marked in place) when asked. */
function filingTree(data: unknown, draft = false): DocumentTree {
  let checked = checkFiling(data);
  let gaps: (string | number)[][] = [];
  if (draft && !checked.filing) {
    const filled = fillTextGaps(data);
    gaps = filled.gaps;
    checked = { ...checkFiling(filled.data), findings: checked.findings };
  }
  const { filing, port, findings } = checked;
  if (!filing || !port) throw new Error('not a filing');
  return renderDocument(templates, 'filing', templateContext(markGaps(filing, gaps), port, findings, draft));
}

const textOf = (tree: DocumentTree) => tree.body.map(blockText).join('\n');

function cells(blocks: readonly Block[]): { header: boolean; text: string; children: Block[] }[] {
  return blocks.flatMap((b) =>
    b.type === 'table'
      ? b.rows.flatMap((r) => r.cells.flatMap((c) => [{ header: c.header, text: c.children.map(blockText).join('\n'), children: c.children }, ...cells(c.children)]))
      : b.type === 'list'
        ? b.items.flatMap(cells)
        : [],
  );
}

/** The rows of the table that follows each heading, as 「見出し」 → cell, for the sections of ３. */
function measureRows(tree: DocumentTree): Map<string, Map<string, Block[]>> {
  const out = new Map<string, Map<string, Block[]>>();
  let current: string | null = null;
  for (const block of tree.body) {
    if (block.type === 'heading') current = inlineText(block.children);
    else if (block.type === 'table' && current && !out.has(current))
      out.set(current, new Map(block.rows.filter((r) => r.cells.length === 2 && r.cells[0]!.header).map((r) => [blockText(r.cells[0]!.children[0]!), r.cells[1]!.children])));
  }
  return out;
}

describe('the filing document reads as a Japanese official document', () => {
  const specified = filingTree(loadFixture('sample/specified-complete.yaml'));

  it('numbers every section 1 → (1) → ア → (ア), section 2 included, with one-digit numbers full-width and longer ones half-width', () => {
    const sections = planSections(specified).slice(1);
    expect(sections.filter((s) => s.level === 1).map((s) => s.heading)).toEqual(['１　TOSの概要', '２　管理体制', '３　情報セキュリティの確保に関する事項', '別表　要件対照表']);
    // every section has a number, and siblings count up without a gap in the style of their level
    const expected = [(n: number) => String.fromCharCode(0xff10 + n), parenNumber, katakanaNumber, (n: number) => `（${katakanaNumber(n)}）`];
    const siblings = new Map<string, number>();
    for (const s of sections) {
      if (s.number === '別表') continue;
      const parent = String(s.parent);
      const n = (siblings.get(parent) ?? 0) + 1;
      siblings.set(parent, n);
      expect(s.number, s.heading).toBe(expected[s.level - 1]!(n));
    }
    expect(sections.map((s) => s.path)).toContain('１（１）カ（ウ）');
    expect(sections.map((s) => s.path)).toContain('２（３）');
    expect(sections.map((s) => s.heading)).toContain('（10）TOS担当者間のグッドプラクティス・ヒヤリハット共有');
    const text = textOf(specified);
    expect(text).not.toMatch(/[０-９]－[０-９]|（[０-９]{2,}）/);
  });

  it('points the 別表 to the numbers the requirements carry in section ３', () => {
    const sections = planSections(specified);
    const three = sections.findIndex((s) => s.path === '３');
    const items = sections.filter((s) => s.parent === three).map((s) => `${s.path}${s.heading.replace(s.number, '')}`);
    const appendix = sections.find((s) => s.number === '別表')!;
    const pointed = appendix.lines.filter((l) => l.text.startsWith('記載箇所：')).map((l) => {
      const [place, title] = l.text.split('\n');
      return `${place!.replace('記載箇所：', '')}${title!.replace('要件：', '')}`;
    });
    expect(pointed).toHaveLength(25);
    expect(pointed).toEqual(items);
  });

  it('writes every column and row head in Japanese', () => {
    for (const name of ['sample/specified-complete.yaml', 'sample/general-complete.yaml']) {
      const heads = cells(filingTree(loadFixture(name)).body).filter((c) => c.header).map((c) => c.text);
      expect(heads.length).toBeGreaterThan(50);
      expect(heads.filter((h) => /^[\x20-\x7e]+$/.test(h))).toEqual([]);
      expect(heads).toContain('番号');
      expect(heads).toContain('ファイアウォール');
    }
  });

  it('inserts no half-width space next to Japanese in the templates', () => {
    const files = [...readdirSync(DEFAULT_TEMPLATES_DIR).filter((f) => f.endsWith('.hbs')), ...readdirSync(join(DEFAULT_TEMPLATES_DIR, 'partials')).map((f) => `partials/${f}`)];
    const offending = files.flatMap((file) => {
      // the text the templates print: what is left outside tags and {{…}}
      const printed = readFileSync(join(DEFAULT_TEMPLATES_DIR, file), 'utf8').replace(/\{\{[^}]*\}\}/g, '\u0000').replace(/<[^>]*>/g, '\u0000');
      return [...printed.matchAll(/[^\x00-\x7f] |\S [^\x00-\x7f]/g)].map((m) => `${file}: 「${m[0]}」`);
    });
    expect(offending).toEqual([]);
  });

  it('lists the details of a measure as lists and small tables, not one string joined by ／', () => {
    const rows = measureRows(specified);
    const info = rows.get('（９）情報セキュリティに関する継続的な情報収集')!;
    expect(info.get('情報源')!.map((b) => b.type)).toEqual(['list']);
    const sources = info.get('情報源')![0]!;
    expect(sources.type === 'list' && sources.items.length).toBe(4);
    const contract = rows.get('（２）外部委託を行う場合の情報セキュリティの確保')!.get('契約に定めている事項')!;
    expect(blockText(contract[0]!).split('\n')).toEqual(['■委託業務における情報セキュリティ対策', '■機密保持（目的外利用の禁止を含む）', '■システム障害に対する対処手順', '■対策の履行が不十分な場合の対処手順']);
    const logs = cells(specified.body).find((c) => c.children.some((b) => b.type === 'table' && blockText(b).startsWith('対象機器')));
    expect(logs).toBeDefined();
    expect(textOf(specified)).not.toContain('／');
  });

  it('shows all five statuses with the chosen one checked', () => {
    const data = loadFixture('sample/specified-complete.yaml');
    data.measures['security-audit']!.status = 'planned';
    data.measures['security-audit']!.plannedDate = '2026-03-31';
    const rows = new Map([...measureRows(filingTree(data))].filter(([, row]) => row.has('実施状況')));
    expect(rows.size).toBe(25);
    for (const [heading, row] of rows) {
      const status = blockText(row.get('実施状況')![0]!);
      expect(status, heading).toMatch(/^[■□]実施済み　[■□]一部実施　[■□]実施予定　[■□]代替措置　[■□]該当なし$/);
      expect(status.match(/■/g), heading).toHaveLength(1);
    }
    expect(blockText(rows.get('（13）自己点検及び独立性を有する者による情報セキュリティ監査')!.get('実施状況')![0]!)).toContain('■実施予定');
    expect(blockText(rows.get('（１）資産の管理（機器構成・ネットワーク構成・外部接続・未管理機器の把握）')!.get('実施状況')![0]!)).toContain('■実施済み');
  });

  it('checks 使用する for USB memory used without a stated purpose, never printing 使用する（）', () => {
    const data = loadFixture('sample/specified-complete.yaml');
    const withPurpose = textOf(filingTree(data));
    expect(withPurpose).toContain('使用の有無\t■使用する　□使用しない\n使用する場面\t本船（船社）');
    delete data.port.terminals[0]!.tos.removableMedia.useCases;
    const text = textOf(filingTree(data));
    expect(text).toContain('使用の有無\t■使用する　□使用しない');
    expect(text).not.toMatch(/使用する（\s*）/);
    expect(text).not.toContain('使用する場面');
  });
});

describe('draft marks say what is missing and where, in the document’s words', () => {
  it('marks each gap in its own row of the document', () => {
    const omissions = textOf(filingTree(loadFixture('incomplete/common-omissions.yaml'), true));
    for (const mark of ['実施予定日\t【未記入：実施予定日】', '理由\t【未記入：理由】', '講じている措置\t【未記入：講じている措置】', '講じている措置\t【要確認：講じている措置】'])
      expect(omissions).toContain(mark);
    const contradictions = textOf(filingTree(loadFixture('incomplete/contradictions.yaml'), true));
    expect(contradictions).toContain('所有者が講じる対策の担保方法\t【未記入：対策の担保方法】');
    expect(contradictions).toContain('接続元の制限\t【未記入：接続元の制限】');
    expect(contradictions).toContain('ファイアウォール\tなし【要確認：ファイアウォール】');
    const license = textOf(filingTree(loadFixture('incomplete/change-without-license.yaml'), true));
    expect(license).toContain('現に受けている許可\t【未記入：現に受けている許可】');
    expect(license).toContain('変更の概要\t【要確認：変更の概要】');
  });

  it('leaves no mark in a final document built despite a warning', () => {
    const data = loadFixture('incomplete/change-without-license.yaml') as Filing;
    data.applicant.existingLicense = { number: '関港運第1号', date: '2024-09-02' };
    const { findings } = checkFiling(data);
    expect(findings.map((f) => f.code)).toEqual(['CHANGE_SUMMARY_MISSING']);
    const text = textOf(filingTree(data));
    expect(text).not.toMatch(/【未記入|【要確認/);
    expect(text).not.toContain('変更の概要');
  });
});
