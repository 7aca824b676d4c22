import { describe, expect, it } from 'vitest';
import { dependentNeedAt } from '../src/validate/dependentNeeds.ts';
import { checkFiling } from '../src/validate/validate.ts';
import { loadFixture } from './helpers/fixtures.ts';

const connection = ['port', 'terminals', 0, 'tos', 'externalConnections', 0] as const;

function withConnection(change: Record<string, unknown>) {
  const data = loadFixture('sample/general-complete.yaml') as any;
  const c = data.port.terminals[0].tos.externalConnections[0];
  Object.assign(c, change);
  for (const [k, v] of Object.entries(change)) if (v === undefined) delete c[k];
  return data;
}

describe('fields whose need depends on another value (one table for the validator and the editor)', () => {
  it('asks for 接続元の制限 of a VPN connection at once, even while its ファイアウォール is not chosen yet', () => {
    const data = withConnection({ method: 'VPN', sourceRestriction: undefined, firewall: undefined });
    const paths = checkFiling(data).findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.path}`);
    expect(paths).toContain('CONNECTION_SOURCE_UNRESTRICTED port.terminals[0].tos.externalConnections[0].sourceRestriction');
    expect(paths).toContain('SCHEMA_REQUIRED port.terminals[0].tos.externalConnections[0].firewall');
    // once well formed, the same single finding (not two)
    const fixed = withConnection({ method: 'VPN', sourceRestriction: undefined, firewall: true });
    expect(checkFiling(fixed).findings.filter((f) => f.code === 'CONNECTION_SOURCE_UNRESTRICTED')).toHaveLength(1);
  });

  it('tells the editor the field is asked for exactly when the validator asks for it', () => {
    for (const [method, asked] of [['vpn', true], ['internet', true], ['leased-line', false]] as const) {
      const data = withConnection({ method, sourceRestriction: undefined });
      expect(dependentNeedAt(data, [...connection, 'sourceRestriction'])?.asked).toBe(asked);
      expect(checkFiling(data).findings.some((f) => f.code === 'CONNECTION_SOURCE_UNRESTRICTED')).toBe(asked);
    }
    expect(dependentNeedAt({}, [...connection, 'counterparty'])).toBeNull();
    expect(dependentNeedAt({ application: { kind: 'plan-change-approval' } }, ['applicant', 'existingLicense'])?.asked).toBe(true);
    expect(dependentNeedAt({ application: { kind: 'new-license' } }, ['applicant', 'existingLicense'])?.asked).toBe(false);
  });
});

describe('a measure’s fields follow its 実施状況, from the same table', () => {
  const measure = ['measures', 'asset-network-inventory'] as const;
  const CODES = { description: 'MEASURE_DESCRIPTION_MISSING', plannedDate: 'MEASURE_PLANNED_DATE_MISSING', reason: 'MEASURE_REASON_MISSING' } as const;

  function withStatus(status: string, broken = false) {
    const data = loadFixture('sample/general-complete.yaml') as any;
    data.measures['asset-network-inventory'] = { status };
    // another part that does not parse: the filing as a whole has not the right shape
    if (broken) data.port.terminals[0].tos.externalConnections[0].method = 'carrier-pigeon';
    return data;
  }

  it.each(['implemented', 'partial', 'planned', 'alternative', 'not-applicable'])('%s: the editor marks asked exactly the fields the validator asks for', (status) => {
    for (const broken of [false, true]) {
      const data = withStatus(status, broken);
      const raised = new Set(checkFiling(data).findings.filter((f) => f.path.startsWith('measures.asset-network-inventory.')).map((f) => f.code));
      for (const [field, code] of Object.entries(CODES)) {
        const asked = dependentNeedAt(data, [...measure, field])?.asked;
        expect({ status, broken, field, asked }).toEqual({ status, broken, field, asked: raised.has(code) });
      }
    }
  });

  it('asks a planned measure for its date and a measure not applicable for its reason, and nothing of a measure the catalog does not know', () => {
    expect(dependentNeedAt(withStatus('planned'), [...measure, 'plannedDate'])?.asked).toBe(true);
    expect(dependentNeedAt(withStatus('implemented'), [...measure, 'plannedDate'])?.asked).toBe(false);
    expect(dependentNeedAt(withStatus('not-applicable'), [...measure, 'reason'])?.asked).toBe(true);
    expect(dependentNeedAt(withStatus('not-applicable'), [...measure, 'description'])?.asked).toBe(false);
    expect(dependentNeedAt({ measures: { 'no-such-requirement': { status: 'implemented' } } }, ['measures', 'no-such-requirement', 'description'])?.asked).toBe(false);
    // the status as a clerk types it (Japanese) is read the same
    const typed = withStatus('実施予定');
    expect(checkFiling(typed).findings.some((f) => f.code === 'MEASURE_PLANNED_DATE_MISSING' && f.path === 'measures.asset-network-inventory.plannedDate')).toBe(true);
  });
});
