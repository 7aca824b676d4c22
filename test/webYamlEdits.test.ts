import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { filingSkeleton } from '../src/app/init.ts';
import { classifyPort } from '../src/catalog/classifyPort.ts';
import { applyDataToYaml, YAML_PARSE_OPTIONS } from '../src/web/yamlEdits.ts';

const dataOf = (text: string) => parseDocument(text, YAML_PARSE_OPTIONS).toJS() as Record<string, any>;
const clone = <T>(v: T): T => structuredClone(v);

/** Lines of `after` that are not in `before` (a multiset difference, enough to see what a save touched). */
function changedLines(before: string, after: string): string[] {
  const pool = new Map<string, number>();
  for (const line of before.split('\n')) pool.set(line, (pool.get(line) ?? 0) + 1);
  const out: string[] = [];
  for (const line of after.split('\n')) {
    const n = pool.get(line) ?? 0;
    if (n > 0) pool.set(line, n - 1);
    else out.push(line);
  }
  return out;
}

const skeleton = filingSkeleton(classifyPort('清水港'), 'new-license');
const sample = readFileSync('fixtures/sample/general-complete.yaml', 'utf8');

describe('applyDataToYaml', () => {
  it('returns the text unchanged when the data did not change', () => {
    expect(applyDataToYaml(skeleton, dataOf(skeleton))).toBe(skeleton);
  });

  it('changes only the value of an edited field, keeping its quotes, comment and alignment', () => {
    const data = dataOf(skeleton);
    data.applicant.name = '清水港運株式会社';
    const out = applyDataToYaml(skeleton, data);
    // the comment stays in its column as the file is seen in an editor (a full-width character is two columns wide)
    expect(out).toBe(skeleton.replace('  name: ""                   # 名称', '  name: "清水港運株式会社"   # 名称'));
    expect(dataOf(out)).toEqual(data);
  });

  it('keeps every comment of the skeleton through many edits', () => {
    const data = dataOf(skeleton);
    data.application.filingDate = '令和8年4月1日';
    data.port.terminals[0].tos.externalConnections = [
      { counterparty: '船社A', purpose: 'EDI', method: '専用線', terminatingDevice: 'ルータ', firewall: 'はい' },
    ];
    data.port.terminals[0].tos.ownership.assurance = '覚書を締結';
    delete data.applicant.contact.department;
    data.measures['security-audit'] = { status: '実施済み', description: '年1回の内部監査' };
    const out = applyDataToYaml(skeleton, data);
    expect(dataOf(out)).toEqual(data);
    const comments = (t: string) => t.split('\n').filter((l) => l.trimStart().startsWith('#'));
    expect(comments(out)).toEqual(comments(skeleton));
    // the comment after `externalConnections: []` stays on the key's line
    expect(out).toMatch(/externalConnections:\s+# - \{ counterparty/);
  });

  it('writes a multi-line text as a literal block indented under its key', () => {
    const data = dataOf(skeleton);
    data.port.terminals[0].tos.manualOperation.description = '一行目\n二行目';
    const out = applyDataToYaml(skeleton, data);
    expect(out).toContain('description: |-\n            一行目\n            二行目\n');
    expect(dataOf(out)).toEqual(data);
  });

  it('edits the hand-written sample touching only the lines of the change', () => {
    const data = dataOf(sample);
    data.applicant.contact.phone = '022-000-9999';
    data.port.terminals[0].tos.externalConnections.push({ counterparty: '新しい接続先', purpose: '保守', method: 'vpn', terminatingDevice: 'VPN装置', sourceRestriction: '保守拠点のIPのみ', firewall: true });
    const out = applyDataToYaml(sample, data);
    expect(dataOf(out)).toEqual(data);
    const changed = changedLines(sample, out);
    expect(changed[0]).toContain('phone: 022-000-9999');
    expect(changed.slice(1).join('\n')).toContain('新しい接続先');
    expect(changed.length).toBeLessThanOrEqual(1 + 6);
  });

  it('removes a list item in the middle without rewriting its neighbours', () => {
    const data = dataOf(sample);
    const connections = data.port.terminals[0].tos.externalConnections;
    expect(connections.length).toBeGreaterThanOrEqual(2);
    connections.splice(0, 1);
    const out = applyDataToYaml(sample, data);
    expect(dataOf(out)).toEqual(data);
    expect(changedLines(sample, out)).toEqual([]);
  });

  it('reorders list items by rewriting them in place', () => {
    const data = dataOf(sample);
    const c = data.port.terminals[0].tos.externalConnections;
    [c[0], c[1]] = [c[1], c[0]];
    const out = applyDataToYaml(sample, data);
    expect(dataOf(out)).toEqual(data);
    expect(out.split('\n').length).toBe(sample.split('\n').length);
  });

  it('quotes text that would otherwise read as another type', () => {
    const data = dataOf(sample);
    data.applicant.contact.phone = '0312345678';
    data.applicant.representative.title = 'true';
    const out = applyDataToYaml(sample, data);
    expect(dataOf(out)).toEqual(data);
  });

  it('keeps values inside flow collections valid flow text', () => {
    const data = dataOf(skeleton);
    data.port.terminals[0].tos.functions.vesselPlanning.description = 'ベイプラン, 積付計画: [案]';
    data.organization.ciso = { name: '山田, 太郎', title: '取締役' };
    const out = applyDataToYaml(skeleton, data);
    expect(dataOf(out)).toEqual(data);
  });

  it('gives back exactly the data asked for, for arbitrary text values (property)', () => {
    const base = dataOf(skeleton);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.boolean(), (a, b, flag) => {
        const data = clone(base);
        data.applicant.name = a;
        data.port.terminals[0].tos.functions.yardPlanning.description = b;
        data.port.terminals[0].tos.removableMedia.used = flag;
        if (flag) data.port.terminals[0].tos.network.lines = [{ carrier: a || 'x', lineType: b }];
        const out = applyDataToYaml(skeleton, data);
        expect(dataOf(out)).toEqual(data);
        // only the edited lines change (a text with line breaks spans several)
        const lines = (s: string) => s.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/).length + 1;
        expect(changedLines(skeleton, out).length).toBeLessThanOrEqual(lines(a) + lines(b) + (flag ? 2 * lines(a) + lines(b) + 2 : 0));
      }),
      { numRuns: 150 },
    );
  });
});

describe('aligned comments', () => {
  it('keeps a comment after a changed value in the column the person aligned it to', async () => {
    const { applyDataToYaml } = await import('../src/web/yamlEdits.ts');
    const source = 'a:\n  name: ""        # 名称\n  phone: ""       # 電話\n  mail: x          # メール\n';
    const out = applyDataToYaml(source, { a: { name: '港運', phone: '054-000-1234-5678', mail: 'x' } });
    const lines = out.split('\n');
    // `# 名称` was in column 18; "港運" is six columns wide where "" was two
    expect(lines[1]).toBe('  name: "港運"    # 名称');
    // a value longer than the room keeps one space before its comment
    expect(lines[2]).toMatch(/054-000-1234-5678" # 電話$/);
    expect(lines[3]).toBe('  mail: x          # メール');
  });
});
