import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { classifyPort } from '../src/catalog/classifyPort.ts';
import { diffFilings } from '../src/diff/diffFilings.ts';
import { markDifference } from '../src/templates/diffContext.ts';
import type { Filing } from '../src/model/filing.ts';
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

  it('marks the changed middle of a text and leaves the common parts plain', () => {
    expect(markDifference('年1回実施', '年2回実施')).toEqual({
      before: [{ text: '年', changed: false }, { text: '1', changed: true }, { text: '回実施', changed: false }],
      after: [{ text: '年', changed: false }, { text: '2', changed: true }, { text: '回実施', changed: false }],
    });
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
      for (const expected of ['新旧対照表', '変更前', '変更後', '審査上留意すべき変更', 'ターミナル「港北みなと第4コンテナターミナル」', '変更のない事項']) expect(text).toContain(expected);
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
