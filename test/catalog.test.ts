import { describe, expect, it } from 'vitest';
import { REQUIREMENTS, requirementById } from '../src/catalog/requirements.ts';
import { requirementsFor } from '../src/catalog/requirementsFor.ts';
import { MEASURE_DETAILS } from '../src/model/measureDetails.ts';

// The ids are a contract with requirements-catalog.md §0, the filing files and the JSON output.
const CONTRACT = {
  all: [
    'asset-network-inventory', 'outsourcing-security-contract', 'bcp-system-failure', 'bcp-training',
    'security-awareness-training', 'ext-device-vulnerability-management', 'ext-source-ip-restriction',
    'ext-account-lockout-detection', 'internal-admin-credentials', 'log-collection-offsystem',
    'ext-device-replace-after-attack', 'server-antimalware', 'internal-software-update',
    'backup-targets-frequency', 'backup-generations-isolation',
  ],
  specified: [
    'incident-response-procedure', 'incident-response-training', 'external-expert-liaison',
    'incident-response-organization', 'security-info-collection', 'tos-good-practice-sharing', 'security-audit',
    'ext-multifactor-auth', 'internal-admin-multifactor-auth', 'removable-media-scan',
  ],
};

describe('requirement catalog', () => {
  it('has the 25 contract ids with their scopes, each once', () => {
    const ids = REQUIREMENTS.map((r) => r.id);
    expect(new Set(ids).size).toBe(25);
    expect(REQUIREMENTS.filter((r) => r.scope === 'all').map((r) => r.id).sort()).toEqual([...CONTRACT.all].sort());
    expect(REQUIREMENTS.filter((r) => r.scope === 'specified').map((r) => r.id).sort()).toEqual([...CONTRACT.specified].sort());
  });

  it('marks the low-confidence items as the catalog does', () => {
    expect(REQUIREMENTS.filter((r) => r.confidence === 'low').map((r) => r.id).sort()).toEqual(
      ['internal-software-update', 'tos-good-practice-sharing'],
    );
  });

  it('gives every item a reference with a section number and a heading, and a summary', () => {
    for (const r of REQUIREMENTS) {
      expect(r.references.length, r.id).toBeGreaterThan(0);
      for (const ref of r.references) {
        expect(ref.section, r.id).toMatch(/^\d+(\.\d+){1,2}$/);
        expect(ref.heading.length, r.id).toBeGreaterThan(1);
      }
      expect(r.summary.length, r.id).toBeGreaterThan(20);
    }
  });

  it('names only detail fields that the measure schema has', () => {
    for (const r of REQUIREMENTS) {
      const shape = MEASURE_DETAILS[r.id].shape as Record<string, unknown>;
      for (const key of r.keyDetails) expect(Object.keys(shape), `${r.id}.${key}`).toContain(key);
    }
  });

  it('applies 15 items at a general port and all 25 at a specified port', () => {
    expect(requirementsFor({ specified: false })).toHaveLength(15);
    expect(requirementsFor({ specified: true })).toHaveLength(25);
    expect(requirementById('security-audit')?.scope).toBe('specified');
    expect(requirementById('no-such-id')).toBeUndefined();
  });
});
