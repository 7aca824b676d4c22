import { describe, expect, it } from 'vitest';
import { blockText } from '../src/document/tree.ts';
import { checkFiling } from '../src/validate/validate.ts';
import { findingMessage } from '../src/validate/messages.ts';
import { filingTreeOf } from './helpers/documentTrees.ts';
import { loadFixture } from './helpers/fixtures.ts';

/** A choice left blank is an error for the final document, not a reason to refuse a draft (issue 22). */

const text = (data: unknown) => filingTreeOf(data, true).body.map(blockText).join('\n');

function sample(change: (data: any) => void) {
  const data = loadFixture('sample/general-complete.yaml') as any;
  change(data);
  return data;
}

describe('a draft with a choice left blank', () => {
  it('is made, with 【未記入】 where the choice goes, and the final document is still refused', () => {
    for (const blank of [undefined, '', null]) {
      const data = sample((d) => {
        d.port.terminals[0].tos.externalConnections[0].firewall = blank;
        if (blank === undefined) delete d.port.terminals[0].tos.externalConnections[0].firewall;
      });
      const findings = checkFiling(data).findings.filter((f) => f.severity === 'error');
      expect(findings.map((f) => `${f.code} ${f.path}`)).toEqual(['SCHEMA_REQUIRED port.terminals[0].tos.externalConnections[0].firewall']);
      const doc = text(data);
      // the connection's row says what is missing, and neither あり nor なし (the other connections do)
      expect(doc).toMatch(/ファイアウォール\t【未記入：[^】]*ファイアウォール】/);
      const connections = data.port.terminals[0].tos.externalConnections.length;
      expect(doc.match(/ファイアウォール\t(あり|なし)/g)).toHaveLength(connections - 1);
    }
  });

  it('marks a blank option (接続方式, 実施状況) and a blank yes/no in a check column, and never shows the stand-in', () => {
    const data = sample((d) => {
      const c = d.port.terminals[0].tos.externalConnections[0];
      c.method = '';
      d.measures['asset-network-inventory'].status = '';
      d.port.terminals[0].tos.network.devices[0].externalFacing = '';
      d.port.terminals[0].tos.removableMedia.used = '';
    });
    const doc = text(data);
    expect(doc).toMatch(/接続方式\t【未記入：[^】]*接続方式】/);
    expect(doc.match(/接続方式\t(専用線|VPN|NAT|インターネット|その他)/g)).toHaveLength(data.port.terminals[0].tos.externalConnections.length - 1);
    // every status box empty, the gap said beside them
    expect(doc).toMatch(/実施状況\t□実施済み　□一部実施　□実施予定　□代替措置　□該当なし\n?【未記入：実施状況】/);
    expect(doc).toMatch(/使用の有無\t□使用する　□使用しない【未記入：[^】]*使用の有無】/);
    expect(doc).toMatch(/\t【未記入】/); // the device's 外部接続 column
    // said in place, so no note under the measure's table repeats it
    expect(doc).not.toMatch(/「実施状況」は必須/);
  });

  it('still refuses a choice that is written but is not one of the options', () => {
    const data = sample((d) => {
      d.port.terminals[0].tos.externalConnections[0].method = '伝書鳩';
    });
    expect(() => filingTreeOf(data, true)).toThrow(/not a filing/);
  });

  it('marks a list left blank in place (外部接続 【未記入】, not 「接続はない」); the final document asks for the entries or なし', () => {
    const data = sample((d) => {
      d.port.terminals[0].tos.externalConnections = '';
      delete d.port.terminals[0].tos.outsourcing;
    });
    const errors = checkFiling(data).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.code} ${f.path}`).sort()).toEqual(['SCHEMA_REQUIRED port.terminals[0].tos.externalConnections', 'SCHEMA_REQUIRED port.terminals[0].tos.outsourcing']);
    expect(findingMessage(errors[0]!)).toContain('ない場合は「なし」と書いてください');
    const doc = text(data);
    expect(doc).toMatch(/【未記入：[^】]*外部接続】/);
    expect(doc).toMatch(/【未記入：[^】]*外部委託】/);
    expect(doc).not.toContain('TOSに外部との接続はない');
    expect(doc).not.toContain('外部に委託していない');
    // the mark in place says it: no note on the cover repeats it
    expect(doc.match(/外部接続】/g)).toHaveLength(1);
  });

  it('reads なし written for a list as no entries', () => {
    const data = sample((d) => {
      d.port.terminals[0].tos.externalConnections = 'なし';
      d.port.terminals[0].tos.outsourcing = '無し';
    });
    const findings = checkFiling(data).findings.filter((f) => f.path.includes('externalConnections') || f.path.includes('outsourcing'));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(text(data)).toContain('TOSに外部との接続はない');
  });
});
