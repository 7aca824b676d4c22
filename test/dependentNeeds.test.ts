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
