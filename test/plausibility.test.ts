import { describe, expect, it } from 'vitest';
import { classifyPort } from '../src/catalog/classifyPort.ts';
import { findingMessage } from '../src/validate/messages.ts';
import { checkFiling } from '../src/validate/validate.ts';
import { loadFixture } from './helpers/fixtures.ts';

const sample = () => loadFixture('sample/general-complete.yaml') as unknown as Record<string, any>;
const codes = (data: unknown) => checkFiling(data).findings.map((f) => f.code);
const findingOf = (data: unknown, code: string) => checkFiling(data).findings.find((f) => f.code === code);

describe('plausibility checks examiners make by eye', () => {
  it('the sample is addressed to the bureau competent for its port and raises none of them', () => {
    expect(codes(sample())).toEqual([]);
  });

  it('an addressee naming another bureau is a finding naming the right one', () => {
    const data = sample();
    data.application.addressee = '関東運輸局長';
    const f = findingOf(data, 'ADDRESSEE_WRONG_BUREAU')!;
    expect(f.severity).toBe('warning');
    expect(findingMessage(f, 'ja')).toContain('「東北運輸局長」としてください');
    expect(findingMessage(f, 'ja')).toContain('仙台塩釜港');
  });

  it('an addressee naming no bureau at all says which one to write; a longer form that includes it is fine', () => {
    const data = sample();
    data.application.addressee = '国土交通大臣';
    expect(findingMessage(findingOf(data, 'ADDRESSEE_NO_BUREAU')!, 'ja')).toContain('「東北運輸局長」');
    data.application.addressee = '東北運輸局長　殿';
    expect(codes(data)).toEqual([]);
  });

  it('removable media in use with no stated use asks what to write', () => {
    const data = sample();
    data.port.terminals[0].tos.removableMedia = { used: true };
    const f = findingOf(data, 'REMOVABLE_MEDIA_PURPOSE_MISSING')!;
    expect(f.path).toBe('port.terminals[0].tos.removableMedia.useCases');
    expect(findingMessage(f, 'ja')).toContain('「使用する場面」に');
  });

  it('an outsourcing contract missing a required clause names the clause', () => {
    const data = sample();
    const clauses = data.measures['outsourcing-security-contract'].details.contractClauses;
    clauses.nonPerformance = false;
    delete clauses.confidentiality;
    const message = findingMessage(findingOf(data, 'CONTRACT_CLAUSE_MISSING')!, 'ja');
    expect(message).toContain('「機密保持（目的外利用の禁止を含む）」');
    expect(message).toContain('「対策の履行が不十分な場合の対処手順」');
    expect(message).not.toContain('システム障害に対する対処手順');
  });

  it('a planned date after the filing’s own effective date is a finding; on or before it is not', () => {
    const data = sample();
    data.measures['security-audit'] = { status: 'planned', description: '外部監査を受ける', plannedDate: '2025-12-01' };
    data.application.effectiveDate = '2025-10-01';
    const f = findingOf(data, 'MEASURE_PLANNED_AFTER_TARGET')!;
    expect(findingMessage(f, 'ja')).toContain('事業の開始予定日（令和7年10月1日）より後');
    data.application.effectiveDate = '2025-12-01';
    expect(codes(data)).not.toContain('MEASURE_PLANNED_AFTER_TARGET');
  });
});

describe('port name suggestions', () => {
  it('a different port is never offered for a short name that differs in a character', () => {
    expect(classifyPort('静岡港').suggestions).toEqual([]); // not 博多港 (福岡)
    expect(classifyPort('静岡').suggestions).toEqual([]);
  });

  it('near-certain misspellings are still offered', () => {
    expect(classifyPort('名古尾港').suggestions).toEqual(['名古屋港']);
    expect(classifyPort('横浜港x').suggestions).toEqual(['横浜港']);
    expect(classifyPort('Yokohma').suggestions).toEqual(['横浜港']);
    expect(classifyPort('北九洲港').suggestions).toEqual(['北九州港']);
  });
});
