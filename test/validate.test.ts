import { describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../src/catalog/requirements.ts';
import { checkFiling } from '../src/validate/validate.ts';
import { loadFixture } from './helpers/fixtures.ts';
import type { Finding } from '../src/validate/finding.ts';
import { findingMessage } from '../src/validate/messages.ts';

const message = (f: Finding | undefined) => (f ? findingMessage(f, 'ja') : '');

const SPECIFIED = 'sample/specified-complete.yaml';
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');
const codes = (findings: Finding[]) => findings.map((f) => f.code);

describe('validate: the complete filings', () => {
  it('finds nothing wrong in the complete specified-port filing', () => {
    const result = checkFiling(loadFixture(SPECIFIED));
    expect(result.port?.specifiedPort).toBe('京浜港');
    expect(result.findings).toEqual([]);
  });

  it('finds nothing wrong in the complete general-port filing', () => {
    const result = checkFiling(loadFixture('sample/general-complete.yaml'));
    expect(result.port?.specified).toBe(false);
    expect(result.findings).toEqual([]);
  });

  it.each(REQUIREMENTS.map((r) => [r.id, r.confidence] as const))('removing %s is reported with that id', (id, confidence) => {
    const filing = loadFixture(SPECIFIED);
    delete (filing.measures as Record<string, unknown>)[id];
    const missing = checkFiling(filing).findings.filter((f) => f.code === 'MEASURE_MISSING');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ requirementId: id, path: `measures.${id}`, severity: confidence === 'low' ? 'warning' : 'error' });
    const title = REQUIREMENTS.find((r) => r.id === id)!.title;
    expect(message(missing[0])).toContain(title);
    // what a clerk reads names the requirement by its title, never by its id
    expect(message(missing[0])).not.toContain(id);
    expect(findingMessage(missing[0]!, 'en')).toContain(title);
  });

  it('reports no error for specified-only items when the same filing moves to a general port', () => {
    const filing = loadFixture(SPECIFIED);
    filing.port.name = '阪南港';
    filing.application.addressee = '近畿運輸局長';
    const findings = checkFiling(filing).findings;
    expect(errors(findings)).toEqual([]);
    const infos = findings.filter((f) => f.code === 'MEASURE_NOT_REQUIRED_HERE').map((f) => f.requirementId);
    expect(infos.sort()).toEqual(REQUIREMENTS.filter((r) => r.scope === 'specified').map((r) => r.id).sort());
    expect(findings.every((f) => f.severity === 'info')).toBe(true);
  });

  it('does not require specified-only items at a general port', () => {
    const filing = loadFixture(SPECIFIED);
    filing.port.name = '北九州港';
    filing.application.addressee = '九州運輸局長';
    for (const r of REQUIREMENTS) if (r.scope === 'specified') delete (filing.measures as Record<string, unknown>)[r.id];
    expect(checkFiling(filing).findings).toEqual([]);
  });
});

describe('validate: measure rules', () => {
  it('needs a date for a planned measure, and warns when it lies before the filing date', () => {
    const filing = loadFixture(SPECIFIED);
    filing.measures['bcp-training']!.status = 'planned';
    expect(codes(checkFiling(filing).findings)).toEqual(['MEASURE_PLANNED_DATE_MISSING']);
    filing.measures['bcp-training']!.plannedDate = '2025-03-01';
    expect(codes(checkFiling(filing).findings)).toEqual(['MEASURE_PLANNED_DATE_PAST']);
    filing.measures['bcp-training']!.plannedDate = '2025-09-30';
    expect(checkFiling(filing).findings).toEqual([]);
  });

  it.each(['partial', 'alternative'] as const)('needs a reason for a %s measure', (status) => {
    const filing = loadFixture(SPECIFIED);
    filing.measures['server-antimalware']!.status = status;
    const [f] = checkFiling(filing).findings;
    expect(f).toMatchObject({ code: 'MEASURE_REASON_MISSING', path: 'measures.server-antimalware.reason', requirementId: 'server-antimalware' });
    filing.measures['server-antimalware']!.reason = '一部のサーバはメーカー保証の都合で別製品';
    expect(checkFiling(filing).findings).toEqual([]);
  });

  it('accepts not-applicable only where the filing shows the condition', () => {
    const filing = loadFixture(SPECIFIED);
    filing.measures['removable-media-scan'] = { status: 'not-applicable', reason: 'USBメモリは使用しない' };
    expect(codes(checkFiling(filing).findings)).toEqual(['MEASURE_NOT_APPLICABLE_CONTRADICTED']);
    filing.port.terminals[0]!.tos.removableMedia = { used: false };
    expect(checkFiling(filing).findings).toEqual([]);
  });

  it('rejects not-applicable for external-connection items while connections exist, and accepts it without them', () => {
    const filing = loadFixture(SPECIFIED);
    const ids = ['ext-source-ip-restriction', 'ext-multifactor-auth', 'ext-account-lockout-detection', 'ext-device-vulnerability-management', 'ext-device-replace-after-attack'] as const;
    for (const id of ids) filing.measures[id] = { status: 'not-applicable', reason: '外部接続なし' };
    const contradicted = checkFiling(filing).findings.filter((f) => f.code === 'MEASURE_NOT_APPLICABLE_CONTRADICTED');
    expect(contradicted.map((f) => f.requirementId).sort()).toEqual([...ids].sort());
    filing.port.terminals[0]!.tos.externalConnections = [];
    expect(checkFiling(filing).findings).toEqual([]);
  });

  it('never accepts not-applicable for an item the TOS always needs', () => {
    const filing = loadFixture(SPECIFIED);
    filing.measures['backup-targets-frequency'] = { status: 'not-applicable', reason: 'クラウドのため' };
    expect(codes(checkFiling(filing).findings)).toEqual(['MEASURE_NOT_APPLICABLE_UNSUPPORTED']);
  });

  it('asks for the key details of a measure read from a hand-typed plan as empty fields, not as text not written', () => {
    const filing = loadFixture(SPECIFIED);
    const measure = filing.measures['log-collection-offsystem']!;
    delete measure.details;
    measure.importedFrom = '第12段落';
    const detail = checkFiling(filing).findings.find((f) => f.code === 'MEASURE_DETAIL_MISSING');
    expect(message(detail)).toContain('の欄が空です');
    expect(message(detail)).not.toContain('詳細に記載されていません');
  });

  it('needs a description, and warns when an implemented measure lacks the key details', () => {
    const filing = loadFixture(SPECIFIED);
    delete filing.measures['log-collection-offsystem']!.description;
    delete filing.measures['log-collection-offsystem']!.details;
    const findings = checkFiling(filing).findings;
    expect(codes(findings)).toEqual(['MEASURE_DESCRIPTION_MISSING', 'MEASURE_DETAIL_MISSING']);
    expect(message(findings[1])).toContain('取得しているログ');
    expect(message(findings[1])).not.toContain('logSets');
  });
});

describe('validate: cross-field checks', () => {
  it('flags a VPN without source restriction', () => {
    const filing = loadFixture(SPECIFIED);
    delete filing.port.terminals[0]!.tos.externalConnections[0]!.sourceRestriction;
    const [f] = checkFiling(filing).findings;
    expect(f).toMatchObject({
      severity: 'error',
      code: 'CONNECTION_SOURCE_UNRESTRICTED',
      requirementId: 'ext-source-ip-restriction',
      path: 'port.terminals[0].tos.externalConnections[0].sourceRestriction',
    });
  });

  it('flags a TOS owned by someone else with no assurance arrangement', () => {
    const filing = loadFixture(SPECIFIED);
    const ownership = filing.port.terminals[0]!.tos.ownership;
    ownership.applicantRole = 'user';
    ownership.owner = '横浜ベイ荷役株式会社';
    delete ownership.assurance;
    expect(codes(checkFiling(filing).findings)).toEqual(['TOS_OWNER_ASSURANCE_MISSING']);
  });

  it('reports an unknown port as an error with a suggestion, and accepts a confirmed unlisted port', () => {
    const filing = loadFixture(SPECIFIED);
    filing.port.name = '名古尾港';
    const [f] = checkFiling(filing).findings;
    expect(f).toMatchObject({ severity: 'error', code: 'PORT_UNKNOWN', path: 'port.name' });
    expect(message(f)).toContain('名古屋港');
    filing.port.name = '架空島港';
    filing.port.unlisted = true;
    const findings = checkFiling(filing).findings;
    expect(errors(findings)).toEqual([]);
    expect(findings[0]!.code).toBe('PORT_UNLISTED');
  });

  it('needs the existing licence for a change application', () => {
    const filing = loadFixture(SPECIFIED);
    filing.application.kind = 'plan-change-notification';
    expect(codes(checkFiling(filing).findings)).toEqual(['LICENSE_MISSING', 'CHANGE_SUMMARY_MISSING']);
  });

  it('wants a CSIRT at a specified port', () => {
    const filing = loadFixture(SPECIFIED);
    delete filing.organization.csirt;
    expect(codes(checkFiling(filing).findings)).toEqual(['CSIRT_MISSING']);
  });
});

describe('validate: schema problems become findings with the field path', () => {
  it('names the path, the label and what is expected', () => {
    const filing = loadFixture(SPECIFIED) as unknown as Record<string, any>;
    filing.application.filingDate = '2025-02-30';
    filing.applicant.corporateNumber = '2020001098766';
    filing.port.terminals[0].tos.components.servers = 6;
    delete filing.applicant.name;
    filing.measures['backup-generation-isolation'] = filing.measures['backup-generations-isolation'];
    const findings = checkFiling(filing).findings;
    const byPath = Object.fromEntries(findings.map((f) => [f.path, f]));
    expect(byPath['application.filingDate']?.code).toBe('SCHEMA_INVALID');
    expect(message(byPath['applicant.corporateNumber'])).toContain('チェックデジット');
    expect(message(byPath['port.terminals[0].tos.components.servers'])).toContain('サーバ');
    expect(message(byPath['port.terminals[0].tos.components.servers'])).toContain('文字で入力してください');
    expect(message(byPath['application.filingDate'])).toContain('日付');
    expect(byPath['applicant.name']).toMatchObject({ code: 'SCHEMA_REQUIRED' });
    expect(byPath['measures.backup-generation-isolation']).toMatchObject({ code: 'SCHEMA_UNKNOWN_FIELD' });
    expect(message(byPath['measures.backup-generation-isolation'])).toContain('backup-generations-isolation');
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });
});
