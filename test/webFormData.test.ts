import { describe, expect, it } from 'vitest';
import { checkFiling } from '../src/validate/validate.ts';
import { dateReading, storedChoice, storedText, storedYesNo, yesNoOf, choiceOf } from '../src/web/page/fieldValues.ts';
import { addItem, blankItem, getAt, moveItem, pathId, removeItem, setAt } from '../src/web/page/filingData.ts';
import { differences } from '../src/web/page/differences.ts';
import { placeOf } from '../src/web/page/findingsView.ts';

/** The page's rules that need no browser: how edits change the data, and how values are shown and stored. */

describe('filing data edits', () => {
  it('removes a measure whose every field was cleared, so it reads as not given', () => {
    const data: Record<string, any> = { measures: { 'security-audit': { status: '実施済み', description: 'x' } } };
    setAt(data, ['measures', 'security-audit', 'description'], undefined);
    expect(data.measures['security-audit']).toEqual({ status: '実施済み' });
    setAt(data, ['measures', 'security-audit', 'status'], undefined);
    expect(data.measures).toEqual({});
    expect(checkFiling(data).findings.some((f) => f.code === 'MEASURE_MISSING')).toBe(false); // no port: nothing applies yet
  });

  it('keeps a required group that becomes empty', () => {
    const data: Record<string, any> = { applicant: { representative: { title: '社長' } } };
    setAt(data, ['applicant', 'representative', 'title'], undefined);
    expect(data.applicant.representative).toEqual({});
  });

  it('makes the containers on the way to a new value, and replaces a wrong-shaped one', () => {
    const data: Record<string, any> = { port: '横浜' };
    setAt(data, ['port', 'terminals', 0, 'name'], 'A');
    expect(data).toEqual({ port: { terminals: [{ name: 'A' }] } });
  });

  it('adds a blank item with the required fields to fill in, removes and reorders', () => {
    const data: Record<string, any> = {};
    const path = ['port', 'terminals', 0, 'tos', 'externalConnections'];
    const blank = blankItem(path) as Record<string, unknown>;
    // a new connection starts as the init skeleton writes one: a 専用線 behind a firewall, never a blocking blank choice
    expect(blank).toEqual({ counterparty: '', purpose: '', method: '専用線', terminatingDevice: '', firewall: 'はい' });
    expect(checkFiling({ port: { terminals: [{ tos: { externalConnections: [blank] } }] } }).findings.some((f) => f.path.endsWith('externalConnections[0].firewall') || f.path.endsWith('externalConnections[0].method'))).toBe(false);
    addItem(data, path, { counterparty: 'A' });
    addItem(data, path, { counterparty: 'B' });
    expect(moveItem(data, path, 1, -1)).toBe(true);
    expect(moveItem(data, path, 0, -1)).toBe(false);
    expect((getAt(data, path) as { counterparty: string }[]).map((c) => c.counterparty)).toEqual(['B', 'A']);
    removeItem(data, path, 0);
    expect(getAt(data, path)).toEqual([{ counterparty: 'A' }]);
  });

  it('keeps a key named __proto__ as data', () => {
    const data: Record<string, any> = {};
    setAt(data, ['__proto__'], 'x');
    expect(Object.keys(data)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });

  it('gives every path its own element id', () => {
    expect(pathId('f', ['measures', 'security-audit', 'details'])).toBe('f-measures__security-audit__details');
    expect(pathId('f', ['port', 'terminals', 0])).not.toBe(pathId('f', ['port', 'terminals0']));
  });
});

describe('values between the file and the controls', () => {
  it('writes a choice as its Japanese label, unless the file used the English value there', () => {
    expect(storedChoice('connectionMethod', 'leased-line', undefined)).toBe('専用線');
    expect(storedChoice('connectionMethod', 'vpn', 'leased-line')).toBe('vpn');
    expect(storedChoice('connectionMethod', '', '専用線')).toBeUndefined();
    expect(choiceOf('hostingKind', '自社設置')).toBe('on-premises');
    expect(choiceOf('hostingKind', 'どこか')).toBe('');
  });

  it('writes yes/no as はい／いいえ, unless the file used true/false there', () => {
    expect(storedYesNo('yes', undefined)).toBe('はい');
    expect(storedYesNo('no', true)).toBe(false);
    expect(yesNoOf('いいえ')).toBe('no');
    expect(yesNoOf(true)).toBe('yes');
    expect(yesNoOf('たぶん')).toBe('');
  });

  it('removes an emptied optional field and leaves a required one blank', () => {
    expect(storedText('  ', { optional: true })).toBeUndefined();
    expect(storedText('', { optional: false })).toBe('');
    expect(storedText(' 東京 ', { optional: false })).toBe(' 東京 ');
  });

  it('reads typed dates as 和暦', () => {
    expect(dateReading('R8.4.1')).toBe('令和8年4月1日');
    expect(dateReading('2026-04-01')).toBe('令和8年4月1日');
    expect(dateReading('平成32年1月1日')).toBeNull();
  });
});

describe('where findings and differences are shown', () => {
  it('places a finding at the nearest part of the form that is drawn', () => {
    const slots = new Map([[pathId('f', ['port']), {} as never], [pathId('f', ['port', 'name']), {} as never]]);
    expect(placeOf(['port', 'name'], slots)).toEqual(['port', 'name']);
    expect(placeOf(['port', 'unknownField'], slots)).toEqual(['port']);
    expect(placeOf(['elsewhere'], slots)).toEqual([]);
  });

  it('lists differences in the clerk’s words, never as paths', () => {
    const rows = differences({ applicant: { name: '甲' }, port: { terminals: [{ name: 'A' }] } }, { applicant: { name: '乙' }, port: { terminals: [] } });
    expect(rows).toContainEqual({ where: '申請者 › 名称', mine: '甲', theirs: '乙' });
    expect(rows).toContainEqual({ where: '港 › ターミナル', mine: '1件', theirs: '0件' });
    expect(rows.map((r) => r.where).join()).not.toMatch(/applicant|terminals/);
  });
});
