import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { REDACTED, redactFiling } from '../src/redact/redactFiling.ts';
import { readDocumentBytes } from '../src/readers/readSource.ts';
import { fixturePath, loadFixture, root } from './helpers/fixtures.ts';
import { readPdf } from './helpers/readPdf.ts';
import { runCli } from './helpers/runCli.ts';

/** The sample with the kinds of detail a shared copy must not show, written into free text as people do. */
function sensitiveFiling() {
  const data = loadFixture('sample/specified-complete.yaml') as unknown as Record<string, any>;
  const tos = data.port.terminals[0].tos;
  tos.externalConnections[0].sourceRestriction = '接続元を 203.0.113.24/29 と 2001:db8:10::5 に限定。管理画面は vpn-gw01.kohoku-minato.example.jp';
  tos.components.servers = 'APサーバ tos-ap01.terminal.local（192.168.10.11）、DBサーバ 192.168.10.12';
  tos.manualOperation.description = '停止時は汐田 奈緒（内線なし、携帯 090-1234-5678）に連絡し、紙の荷役指示書で継続する。問合せ shioda@kohoku-minato.example.jp、代表 045(000)9999';
  data.measures['incident-response-procedure'].description += ' 初動は汐田が判断する。';
  return data;
}

const SECRETS = [
  '203.0.113.24',
  '2001:db8:10::5',
  'vpn-gw01.kohoku-minato.example.jp',
  'tos-ap01.terminal.local',
  '192.168.10.11',
  '192.168.10.12',
  '090-1234-5678',
  '045(000)9999',
  '045-000-1234',
  'shioda@kohoku-minato.example.jp',
  '汐田 奈緒',
  '汐田',
];

describe('build --redact', () => {
  it('replaces addresses, host names, e-mail addresses, phone numbers and contact names, and keeps everything else', () => {
    const data = sensitiveFiling();
    const before = JSON.stringify(data);
    const redacted = redactFiling(data) as Record<string, any>;
    expect(JSON.stringify(data)).toBe(before); // the input is not modified
    const text = JSON.stringify(redacted);
    for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
    expect(redacted.applicant.contact.name).toBe(REDACTED);
    expect(redacted.applicant.contact).not.toHaveProperty('email');
    // public facts stay: the company, its representative, dates, choices, product model numbers
    expect(redacted.applicant.name).toBe(data.applicant.name);
    expect(redacted.applicant.representative.name).toBe(data.applicant.representative.name);
    expect(redacted.application.filingDate).toBe(data.application.filingDate);
    expect(redacted.port.terminals[0].tos.components.servers).toBe(`APサーバ ${REDACTED}（${REDACTED}）、DBサーバ ${REDACTED}`);
  });

  it('leaves none of it in the PDF text, the docx XML or the embedded data', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tos-redact-'));
    const input = join(dir, 'shared.yaml');
    writeFileSync(input, stringify(sensitiveFiling()));
    const { code } = await runCli(['build', input, '--redact', '--out', dir]);
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['shared.docx', 'shared.pdf', 'shared.redacted.docx', 'shared.redacted.pdf', 'shared.yaml']);
    const pdf = readFileSync(join(dir, 'shared.redacted.pdf'));
    const docx = readFileSync(join(dir, 'shared.redacted.docx'));
    const pdfText = (await readPdf(pdf)).pages.join('\n');
    const docxXml = Object.values(unzipSync(docx)).map((part) => strFromU8(part)).join('\n');
    const carried = [pdf, docx].map((bytes, i) => {
      const read = readDocumentBytes('x', i ? 'docx' : 'pdf', bytes);
      if (!read.ok) throw new Error(read.message);
      expect(read.carrier?.redacted).toBe(true);
      return JSON.stringify(read.data);
    });
    for (const secret of SECRETS) {
      for (const [where, text] of [['pdf text', pdfText], ['docx xml', docxXml], ['pdf data', carried[0]!], ['docx data', carried[1]!]] as const)
        expect(text.replace(/\s/g, ''), `${secret} in ${where}`).not.toContain(secret.replace(/\s/g, ''));
    }
    expect(pdfText).toContain(REDACTED);
    // the ordinary documents still say everything
    expect((await readPdf(readFileSync(join(dir, 'shared.pdf')))).pages.join('').replace(/\s/g, '')).toContain('203.0.113.24/29');
  });
});

describe('the new outputs are the same bytes in every time zone', () => {
  it('redacted copies, the 新旧対照表 and the xlsx review', { timeout: 180_000 }, () => {
    const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
    const runs = ['Asia/Tokyo', 'America/Los_Angeles'].map((tz) => {
      const out = mkdtempSync(join(tmpdir(), 'tos-tz-'));
      const run = (...args: string[]) => execFileSync(process.execPath, ['bin/tos-filing.js', ...args, '--out', out], { cwd: root, env: { ...process.env, TZ: tz }, stdio: 'pipe' });
      run('build', fixturePath('sample/general-complete.yaml'), '--redact');
      run('diff', fixturePath('change/before.yaml'), fixturePath('change/after.yaml'));
      run('review', fixturePath('sample'), '--format', 'xlsx');
      return out;
    });
    const names = readdirSync(runs[0]!).sort();
    expect(names).toEqual(['after.diff.docx', 'after.diff.pdf', 'general-complete.docx', 'general-complete.pdf', 'general-complete.redacted.docx', 'general-complete.redacted.pdf', 'review.xlsx']);
    for (const name of names) expect(new Set(runs.map((d) => sha(join(d, name)))).size, name).toBe(1);
  });
});
