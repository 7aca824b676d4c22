import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { classifyPort } from '../src/catalog/classifyPort.ts';
import { diffFilings } from '../src/diff/diffFilings.ts';
import type { Filing } from '../src/model/filing.ts';
import { blockText } from '../src/document/tree.ts';
import { diffContext } from '../src/templates/diffContext.ts';
import { renderDocument } from '../src/templates/renderDocument.ts';
import { compileTemplates } from '../src/platform/nodeTemplates.ts';
import { diffWords, words } from '../src/templates/wordSegments.ts';
import { fixturePath, loadFixture } from './helpers/fixtures.ts';
import { readDocx } from './helpers/readDocx.ts';
import { readPdf } from './helpers/readPdf.ts';
import { runCli } from './helpers/runCli.ts';

const ports = (a: Filing, b: Filing) => ({ before: classifyPort(a.port.name), after: classifyPort(b.port.name) });
const diff = (a: Filing, b: Filing) => diffFilings(a, b, ports(a, b));
const summary = (a: Filing, b: Filing) => diff(a, b).changes.map((c) => `${c.kind} ${c.path}${c.beforePath ? ` <- ${c.beforePath}` : ''}`);
const base = () => loadFixture('sample/specified-complete.yaml');

describe('diff: nested lists', () => {
  it('finds nothing between a filing and itself', () => {
    expect(diff(base(), base())).toEqual({ changes: [], alerts: [] });
  });

  it('matches terminals by name: added, removed, changed and reordered', () => {
    const a = base();
    const second = structuredClone(a.port.terminals[0]!);
    second.name = '第4ターミナル';
    a.port.terminals.push(second);
    const b = structuredClone(a);
    b.port.terminals.reverse(); // reordered
    b.port.terminals[0]!.berths = 'MC-4号岸壁'; // changed, now at index 0, was at 1
    const third = structuredClone(second);
    third.name = '第5ターミナル';
    b.port.terminals.push(third); // added
    expect(summary(a, b)).toEqual([
      'changed port.terminals[0].berths <- port.terminals[1].berths',
      'added port.terminals[2]',
      'reordered port.terminals',
    ]);
    const c = structuredClone(a);
    c.port.terminals.splice(0, 1); // removed
    expect(summary(a, c)).toEqual(['removed port.terminals[0]']);
    expect(diff(a, c).alerts.map((x) => x.code)).toEqual(['TERMINAL_REMOVED']);
  });

  it('matches external connections by counterparty, and calls out an added one', () => {
    const a = base();
    const b = structuredClone(a);
    const conns = b.port.terminals[0]!.tos.externalConnections;
    conns[1]!.sourceRestriction = '連携基盤の2アドレスのみ許可';
    conns.splice(0, 0, { counterparty: '新クラウド', purpose: '運用管理', method: 'vpn', terminatingDevice: '仮想VPN', sourceRestriction: '本社のみ', firewall: true });
    conns.splice(3, 1); // removes 船社・NVOCCのEDI (index 2 before)
    const result = diff(a, b);
    expect(result.changes.map((c) => `${c.kind} ${c.path}`)).toEqual([
      'added port.terminals[0].tos.externalConnections[0]',
      'changed port.terminals[0].tos.externalConnections[2].sourceRestriction',
      'removed port.terminals[0].tos.externalConnections[2]',
    ]);
    expect(result.changes[1]).toMatchObject({ beforePath: 'port.terminals[0].tos.externalConnections[1].sourceRestriction', before: '連携基盤側の接続元アドレスのみ許可' });
    expect(result.alerts).toEqual([expect.objectContaining({ code: 'EXTERNAL_CONNECTION_ADDED', path: 'port.terminals[0].tos.externalConnections[0]' })]);
  });

  it('matches contacts by role: changed, added, removed and reordered', () => {
    const a = base();
    const b = structuredClone(a);
    const contacts = b.organization.emergencyContacts;
    contacts.reverse();
    contacts[0]!.phone = '090-9999-9999'; // ターミナル所長, was last
    contacts.splice(1, 1); // CSIRT責任者 removed
    contacts.push({ role: '広報', name: '灯 明', phone: '090-0000-0009' });
    expect(summary(a, b)).toEqual([
      'changed organization.emergencyContacts[0].phone <- organization.emergencyContacts[2].phone',
      'added organization.emergencyContacts[2]',
      'removed organization.emergencyContacts[1]',
      'reordered organization.emergencyContacts',
    ]);
  });

  it('compares lists of plain values as sets, with order changes reported', () => {
    const a = base();
    const b = structuredClone(a);
    const sources = b.measures['security-info-collection']!.details!.sources!;
    sources.reverse();
    sources.push('交通ISAC');
    const changes = diff(a, b).changes;
    expect(changes.map((c) => `${c.kind} ${c.path}`)).toEqual([
      'added measures.security-info-collection.details.sources[4]',
      'reordered measures.security-info-collection.details.sources',
    ]);
    expect(changes.every((c) => c.requirementId === 'security-info-collection')).toBe(true);
  });
});

describe('diff: changes that matter for the review', () => {
  it('calls out a status that got worse, a port class change and a new TOS owner', () => {
    const a = base();
    const b = structuredClone(a);
    b.measures['security-audit']!.status = 'planned';
    b.measures['security-audit']!.plannedDate = '2026-03-31';
    delete (b.measures as Record<string, unknown>)['backup-targets-frequency'];
    b.port.terminals[0]!.tos.ownership = { owner: '横浜ベイ荷役株式会社', applicantRole: 'user', assurance: '覚書' };
    const codes = diff(a, b).alerts.map((x) => `${x.code}:${x.requirementId ?? ''}`);
    expect(codes).toEqual(['REQUIREMENT_STATUS_WORSENED:security-audit', 'REQUIREMENT_STATUS_WORSENED:backup-targets-frequency', 'TOS_OWNER_CHANGED:']);

    const general = loadFixture('sample/general-complete.yaml');
    const moved = structuredClone(general);
    moved.port.name = '博多港';
    const alert = diff(general, moved).alerts.find((x) => x.code === 'PORT_CLASS_CHANGED');
    expect(alert?.text.ja).toContain('自己点検及び独立性を有する者による情報セキュリティ監査');
  });
});

describe('新旧対照表: the plan as it reads, section by section', () => {
  const templates = compileTemplates();
  const side = (filing: Filing) => ({ filing, port: classifyPort(filing.port.name) });
  const context = (a: Filing, b: Filing) => diffContext(side(a), side(b), diff(a, b), templates);
  const show = (segments: { text: string; changed: boolean }[]) => segments.map((x) => (x.changed ? `[${x.text}]` : x.text)).join('');

  it('cuts Japanese text into words and keeps katakana and Latin runs whole', () => {
    expect(words('国内リージョンのクラウドサービス')).toEqual(['国内', 'リージョン', 'の', 'クラウドサービス']);
    expect(words('BX-VPN 3200')).toEqual(['BX', '-', 'VPN', ' ', '3200']);
  });

  it('underlines changed phrases as whole words, never part of a word', () => {
    const d = diffWords('TOS保守業務委託契約（令和6年4月1日締結）', 'TOS開発保守業務委託契約（令和7年8月1日締結）');
    expect(show(d.before)).toBe('TOS保守業務委託契約（令和[6]年[4]月1日締結）'); // 年 is a word of its own, not a particle
    expect(show(d.after)).toBe('TOS[開発]保守業務委託契約（令和[7]年[8]月1日締結）');
    const cloud = diffWords('設置形態：データセンター', '設置形態：クラウドサービス');
    expect(show(cloud.after)).toBe('設置形態：[クラウドサービス]');
    // every underlined run starts and ends on a word boundary of its text
    for (const [a, b] of [['神奈川県内の国内データセンター（専用ラック）', '国内リージョンのクラウドサービス（閉域接続）'], ['年1回実施', '四半期ごとに実施']]) {
      const result = diffWords(a!, b!);
      for (const [text, segments] of [[a!, result.before], [b!, result.after]] as const) {
        const bounds = new Set([0]);
        words(text).reduce((at, w) => (bounds.add(at + w.length), at + w.length), 0);
        let at = 0;
        for (const s of segments) {
          expect(bounds.has(at), `${text} @${at}`).toBe(true);
          at += s.text.length;
        }
        expect(segments.map((x) => x.text).join('')).toBe(text);
      }
    }
  });

  it('shows a changed section with its number and heading as printed, old and new side by side', () => {
    const a = base();
    const b = structuredClone(a);
    b.measures['security-audit']!.status = 'planned';
    b.measures['security-audit']!.plannedDate = '2026-03-31';
    const { rows, unchanged } = context(a, b);
    const cells = rows.map((r) => `${r.heading ? '#' : ''}${show(r.after)} | ${show(r.before)}`);
    expect(cells).toContain('#３　情報セキュリティの確保に関する事項 | ３　情報セキュリティの確保に関する事項');
    expect(cells).toContain('#（13）自己点検及び独立性を有する者による情報セキュリティ監査 | （13）自己点検及び独立性を有する者による情報セキュリティ監査');
    expect(cells).toContain('実施状況：[□実施済み]　□一部実施　[■実施予定]　□代替措置　□該当なし | 実施状況：[■実施済み]　□一部実施　[□実施予定]　□代替措置　□該当なし');
    expect(cells).toContain('[実施予定日：令和8年3月31日] | ');
    // the sections that did not change, by number, runs of siblings as ranges
    expect(unchanged).toEqual(['表紙', '１', '２', '３（１）から３（12）まで', '３（14）から３（25）まで']);
    // and the 別表 shows only the row that changed, the rest elided
    expect(cells.filter((c) => c.startsWith('記載箇所：'))).toHaveLength(1);
    expect(cells.filter((c) => c === '（略） | （略）').length).toBeGreaterThanOrEqual(2);
  });

  it('splits a long added section row by row: an added terminal is many short rows, never one cell', () => {
    const ctx = context(loadFixture('change/before.yaml'), loadFixture('change/after.yaml'));
    const added = ctx.rows.findIndex((r) => r.heading && show(r.after) === '[（２）港北みなと第4コンテナターミナル]');
    expect(added).toBeGreaterThan(0);
    expect(show(ctx.rows[added]!.before)).toBe('（新設）');
    const terminalRows = ctx.rows.slice(added + 1).filter((r) => !r.before.length);
    expect(terminalRows.length).toBeGreaterThan(40);
    for (const r of ctx.rows) expect(show(r.after).length + show(r.before).length).toBeLessThan(400);
    // a connection that went away is shown on the old side, marked 削除 on the new
    expect(ctx.rows.some((r) => r.heading && show(r.after) === '（削除）' && show(r.before).includes('湾岸システムソリューションズ株式会社'))).toBe(true);
    // a row that moved down keeps its pair: the same 委託先 compared, only its number marked
    expect(ctx.rows.map((r) => `${show(r.after)} | ${show(r.before)}`)).toContain(
      '番号：[３]\n委託先：神奈川データセンター株式会社\n委託内容：運用\nリモート保守：なし\n契約：ハウジングサービス契約（令和3年7月1日締結） | 番号：[２]\n委託先：神奈川データセンター株式会社\n委託内容：運用\nリモート保守：なし\n契約：ハウジングサービス契約（令和3年7月1日締結）',
    );
    // the review alerts stay, in words
    expect(ctx.alerts.join('\n')).toContain('実施状況が後退します：実施済み → 実施予定');
  });

  it('puts 変更後 on the left and 変更前 on the right, as the template says', () => {
    const tree = renderDocument(templates, 'diff', context(loadFixture('change/before.yaml'), loadFixture('change/after.yaml')));
    const table = tree.body.find((b) => b.type === 'table' && blockText(b).startsWith('変更後\t変更前'));
    expect(table).toBeDefined();
    const text = tree.body.map(blockText).join('\n');
    expect(text).toContain('（下線部分は変更部分）');
    expect(text.indexOf('設置形態：クラウドサービス\t設置形態：データセンター')).toBeGreaterThan(0);
  });
});

describe('tos-filing diff', () => {
  it('writes a 新旧対照表 in docx and pdf and a JSON change list for the fixture pair', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tos-diff-'));
    const before = fixturePath('change/before.yaml');
    const after = fixturePath('change/after.yaml');
    const json = await runCli(['diff', before, after, '--format', 'json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.alerts.map((a: { code: string }) => a.code)).toEqual(
      expect.arrayContaining(['REQUIREMENT_STATUS_WORSENED', 'HOSTING_CHANGED', 'EXTERNAL_CONNECTION_ADDED', 'TERMINAL_ADDED']),
    );
    expect(report.changes).toContainEqual(expect.objectContaining({ kind: 'changed', path: 'measures.internal-admin-multifactor-auth.status', requirementId: 'internal-admin-multifactor-auth', before: 'implemented', after: 'planned' }));

    const docs = await runCli(['diff', before, after, '--out', out]);
    expect(docs.code).toBe(0);
    const pdf = (await readPdf(readFileSync(join(out, 'after.diff.pdf')))).pages.join('\n');
    const docx = readDocx(readFileSync(join(out, 'after.diff.docx')));
    expect(docx.problems).toEqual([]);
    for (const text of [pdf, docx.text]) {
      // the writers show every digit half-width
      for (const expected of ['新旧対照表', '（下線部分は変更部分）', '変更前', '変更後', '審査上留意すべき変更', '（2）港北みなと第4コンテナターミナル', '（新設）', '変更のない事項']) expect(text).toContain(expected);
    }
    expect(docx.document).toMatch(/<w:u w:val="single"\/>[\s\S]*?クラウド/);
  });

  it('reports an invalid filing instead of comparing it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tos-diff-'));
    const broken = base();
    delete (broken.measures as Record<string, unknown>)['security-audit'];
    writeFileSync(join(dir, 'broken.yaml'), stringify(broken));
    const result = await runCli(['diff', fixturePath('change/before.yaml'), join(dir, 'broken.yaml'), '--out', dir, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('security-audit');
    expect(result.stderr).toContain('比較しませんでした');
  });
});
