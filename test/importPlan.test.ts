import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildFiling } from '../src/app/build.ts';
import { importPlan } from '../src/app/import.ts';
import { checkRead } from '../src/app/check.ts';
import { reviewFilings } from '../src/app/review.ts';
import { filing as filingSchema } from '../src/model/filing.ts';
import { fillTextGaps } from '../src/templates/draftGaps.ts';
import { normalizeInput } from '../src/model/normalizeInput.ts';
import { readPlanDocx } from '../src/readers/plan/readPlanDocx.ts';
import { type SourceRead, readDocumentBytes } from '../src/readers/readSource.ts';
import { screenPlan, screenRead, screenedRow } from '../src/app/screening.ts';
import { reviewText } from '../src/review/reviewOutputs.ts';
import { buildDocs, templates } from './helpers/buildDocs.ts';
import { p, planDocx, table } from './helpers/planDocx.ts';
import { runCli } from './helpers/runCli.ts';
import { readSource } from '../src/platform/readSourceFile.ts';
import { startEditor } from '../src/web/runEditor.ts';
import { TOKEN_HEADER } from '../src/web/guard.ts';

/** A plan as a clerk types it in Word: a cover, a heading per topic, a table for two items. */
const PLAN = planDocx(
  [
    p('令和8年4月1日'),
    p('関東運輸局長　殿'),
    p('住所　神奈川県横浜市中区海岸通一丁目1番地'),
    p('名称　みなと港運株式会社'),
    p('代表者　代表取締役　山田太郎'),
    p('事業計画（TOSの概要及び情報セキュリティ）'),
    p('当社が横浜港で使用するTOSについて、情報セキュリティの確保に関する事項を次のとおり記載する。'),
    p('１．資産の管理'),
    p('TOSを構成するサーバ、端末及びネットワーク機器を資産台帳に記録し、ネットワーク構成図とあわせて年1回見直している。'),
    p('２．外部からの接続'),
    p('保守会社からのリモート接続にはワンタイムパスワードによる二要素認証を導入している。'),
    table([
      ['項目', '内容'],
      ['バックアップ', 'TOSのデータベースは毎日バックアップを取得している。'],
      ['教育', '全社員に情報セキュリティ研修を令和8年度中に開始する予定である。'],
    ]),
  ].join(''),
);

const ok = (read: SourceRead) => {
  if (!read.ok) throw new Error(read.message);
  return read;
};

describe('a hand-typed Word plan', () => {
  const read = ok(screenRead(readDocumentBytes('plan.docx', 'docx', PLAN)));

  it('is read as a plan (not refused for having no tos-filing data) and screened', () => {
    expect(read.carrier?.document).toBe('plan');
    const plan = screenPlan(read.carrier!.handTyped!);
    expect((read.data as { applicant: { name: string } }).applicant.name).toBe('みなと港運株式会社');
    expect(plan.blocks.length).toBe(readPlanDocx(PLAN).ok ? (readPlanDocx(PLAN) as { blocks: unknown[] }).blocks.length : -1);
    expect(plan.matches.map((m) => m.requirement)).toEqual(expect.arrayContaining(['asset-network-inventory', 'ext-multifactor-auth', 'backup-targets-frequency']));
  });

  it('imports as a draft filing in the filing shape: found measures hold the document own words, nothing else is invented', () => {
    const outcome = importPlan(read, { format: 'yaml' });
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    const data = parse(outcome.text) as { applicant: { name: string; representative: { title: string; name: string } }; port: { name: string }; measures: Record<string, { status: string; description: string; importedFrom: string }> };
    expect(data.applicant.name).toBe('みなと港運株式会社');
    expect(data.port.name).toBe('横浜港');
    const mfa = data.measures['ext-multifactor-auth']!;
    expect(mfa.description).toBe('保守会社からのリモート接続にはワンタイムパスワードによる二要素認証を導入している。');
    expect(mfa.status).toBe('実施済み');
    expect(mfa.importedFrom).toMatch(/^第\d+段落$/);
    expect(data.measures['security-awareness-training']?.status).toBe('実施予定');
    expect(data.measures['security-awareness-training']?.importedFrom).toMatch(/^表1の\d行目$/);
    // nothing about outsourcing, audits or logs is in the text: no measure for them, only a commented stub
    for (const id of ['outsourcing-security-contract', 'security-audit', 'log-collection-offsystem']) expect(data.measures[id]).toBeUndefined();
    expect(outcome.text).toContain('# outsourcing-security-contract:');
    expect(outcome.text).toMatch(/# 要確認: 書類の第\d+段落から読み取り/);
    // blanks stay blank for the person to fill in
    expect((data as unknown as { applicant: { contact: { name: string } } }).applicant.contact.name).toBe('');
    // the draft is the filing's own shape once its blanks are stood in for, as build --draft does
    const parsed = filingSchema.safeParse(fillTextGaps(normalizeInput(data)).data);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(outcome.report).toMatch(/記載が見つかった要件 \d+件/);
    expect(outcome.report).toMatch(/記載が見つからなかった要件 \d+件/);
    expect(outcome.report).toContain('外部委託を行う場合の情報セキュリティの確保');
  });

  it('leaves the choices it did not read blank, so that the draft never states a default as a fact', async () => {
    const outcome = importPlan(read, { format: 'yaml' });
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    const tos = (parse(outcome.text) as any).port.terminals[0].tos;
    // the plan has a maintenance vendor's remote line: the connections are to be listed, not 「ない」
    expect(tos.externalConnections).toBe('');
    expect(outcome.text).toMatch(/externalConnections: "" # 未記入: 書類には外部接続のある記載があります/);
    expect([tos.outsourcing, tos.removableMedia.used, tos.manualOperation.possible, tos.hosting.kind, tos.functions.vesselPlanning.used]).toEqual(['', '', '', '', '']);
    const built = await buildFiling({ file: 'draft.yaml', data: parse(outcome.text) }, { formats: ['docx'], templates, draft: true });
    if (built.status !== 'built') throw new Error(built.status);
    const docx = readPlanDocx(built.outputs.find((o) => o.name.endsWith('.docx'))!.bytes);
    const text = docx.ok ? docx.blocks.map((b) => b.text).join('\n') : '';
    expect(text).not.toContain('TOSに外部との接続はない');
    expect(text).not.toContain('外部に委託していない');
    expect(text).toMatch(/【未記入：[^】]*外部接続】/);
    expect(text).toMatch(/【未記入：[^】]*外部委託】/);
    expect(text).toMatch(/【未記入：[^】]*使用の有無】/);
  });

  it('fills a list as empty only where the plan says its premise is absent, marked for review', () => {
    const none = ok(screenRead(readDocumentBytes('none.docx', 'docx', planDocx([p('名称　みなと港運株式会社'), p('TOSは外部との接続はない。'), p('TOSの開発及び保守は外部に委託していない。'), p('USBメモリ等の外部記憶媒体は使用していない。')].join('')))));
    const outcome = importPlan(none, { format: 'yaml' });
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    const tos = (parse(outcome.text) as any).port.terminals[0].tos;
    expect(tos.externalConnections).toEqual([]);
    expect(tos.outsourcing).toEqual([]);
    expect(outcome.text).toMatch(/externalConnections: \[\] # 要確認: 書類の第2段落に外部接続はないとあります/);
    expect(tos.removableMedia.used).toBe('いいえ');
  });

  it('reads the kind of application where the document names it, and says so where it does not', () => {
    const outcome = importPlan(read, { format: 'yaml' });
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    expect(outcome.text).toMatch(/kind: .*# 要確認: 申請区分は書類から読み取れませんでした/);
    expect(outcome.report).toMatch(/読み取れなかった項目.*申請区分/);
    const change = ok(screenRead(readDocumentBytes('change.docx', 'docx', planDocx([p('事業計画変更届出書'), p('TOSのサーバは毎日バックアップを取得している。')].join('')))));
    const changed = importPlan(change, { format: 'yaml' });
    if (changed.status !== 'imported') throw new Error(changed.status);
    expect((parse(changed.text) as { application: { kind: string; changeSummary: string } }).application).toMatchObject({ kind: '事業計画変更届出', changeSummary: '' });
    expect(screenedRow('change.docx', change.carrier!.handTyped!, change.data).kind).toBe('事業計画変更届出');
    expect(screenedRow('plan.docx', read.carrier!.handTyped!, read.data).kind).toBeNull();
  });

  it('as JSON gives the same data', () => {
    const yaml = importPlan(read, { format: 'yaml' });
    const json = importPlan(read, { format: 'json' });
    if (yaml.status !== 'imported' || json.status !== 'imported') throw new Error('not imported');
    expect(JSON.parse(json.text)).toEqual(parse(yaml.text));
  });

  it('builds as a draft whose document marks what was read 【要確認】 and what is missing 【未記入】', async () => {
    const outcome = importPlan(read, { format: 'yaml' });
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    const built = await buildFiling({ file: 'draft.yaml', data: parse(outcome.text) }, { formats: ['docx'], templates, draft: true });
    expect(built.status).toBe('built');
    if (built.status !== 'built') return;
    const docx = readPlanDocx(built.outputs.find((o) => o.name.endsWith('.docx'))!.bytes);
    const text = docx.ok ? docx.blocks.map((b) => b.text).join('\n') : '';
    expect(text).toContain('保守会社からのリモート接続にはワンタイムパスワードによる二要素認証を導入している。');
    expect(text).toMatch(/【要確認：書類の第\d+段落から読み取った記載です/);
    expect(text).toContain('【未記入');
    expect(built.findings.filter((f) => f.code === 'MEASURE_IMPORTED').length).toBeGreaterThanOrEqual(3);
  });

  it('validates as a screening: found requirements quoted with their place, mandatory ones not found are errors', () => {
    const { findings } = checkRead(read);
    const found = findings.filter((f) => f.code === 'PLAN_REQUIREMENT_FOUND');
    expect(found.map((f) => f.requirementId)).toContain('ext-multifactor-auth');
    expect(found.find((f) => f.requirementId === 'ext-multifactor-auth')?.params.passage).toContain('ワンタイムパスワード');
    const missing = findings.filter((f) => f.code === 'PLAN_REQUIREMENT_NOT_FOUND' && f.severity === 'error');
    expect(missing.map((f) => f.requirementId)).toContain('outsourcing-security-contract');
    expect(findings.some((f) => f.code === 'PLAN_SCREENED')).toBe(true);
    // the draft's blanks (contact, CISO…) are not what the screening reports
    expect(findings.some((f) => f.code === 'SCHEMA_REQUIRED')).toBe(false);
  });

  it('shows in the review as ○ labelled 推定, with ✗ for the mandatory ones not found', () => {
    const row = screenedRow('plan.docx', read.carrier!.handTyped!, read.data);
    expect(row!.screened).toBe(true);
    expect(row!.cells['ext-multifactor-auth']).toBe('○');
    expect(row!.cells['outsourcing-security-contract']).toBe('✗');
    expect(row!.operator).toBe('みなと港運株式会社');
    const text = reviewText([row!]);
    expect(text).toContain('推定（本文の読み取り）');
    expect(text).toMatch(/本文の第\d+段落に記載があります（推定）：「保守会社からのリモート接続/);
  });

  it('review --notice drafts a 補正 request listing the requirements not found, saying it comes from a screening', async () => {
    const { rows, outputs } = await reviewFilings([{ file: 'plan.docx', read }], { formats: ['docx'], templates, notice: true, lang: 'ja' });
    expect(rows[0]!.screened).toBe(true);
    const notice = outputs.find((o) => o.name === 'plan.notice.docx');
    expect(notice).toBeDefined();
    const blocks = readPlanDocx(notice!.bytes);
    const text = blocks.ok ? blocks.blocks.map((b) => b.text).join('\n') : '';
    expect(text).toContain('「外部委託を行う場合の情報セキュリティの確保」の記載が本文に見つかりませんでした');
    expect(text).not.toContain('「外部接続機器における外部ユーザの多要素認証」の記載が本文に見つかりませんでした');
    expect(text).toContain('スクリーニング（推定）の結果から作成');
    expect(text).not.toContain('一般港湾運送事業の許可申請のあった'); // the kind is init's, not the document's
    const review = outputs.find((o) => o.name === 'review.docx')!;
    const reviewBlocks = readPlanDocx(review.bytes);
    expect(reviewBlocks.ok && reviewBlocks.blocks.some((b) => b.text.includes('推定（本文の読み取り）'))).toBe(true);
  });

  it('a Word document that is no plan: no requirement found, not a crash', () => {
    const other = ok(readDocumentBytes('memo.docx', 'docx', planDocx(p('来週の会議は水曜日の午後に変更します。'))));
    const { findings } = checkRead(other);
    expect(findings.some((f) => f.code === 'PLAN_NO_REQUIREMENT' && f.severity === 'error')).toBe(true);
    const outcome = importPlan(other, { format: 'yaml' });
    expect(outcome.status === 'imported' && outcome.report).toContain('一つも見つかりませんでした');
  });
});

describe('tos-filing import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tos-import-'));
  const plan = join(dir, 'plan.docx');
  writeFileSync(plan, PLAN);

  it('writes the draft to stdout and what it found where to stderr', async () => {
    const r = await runCli(['import', plan]);
    expect(r.code).toBe(0);
    expect((parse(r.stdout) as { applicant: { name: string } }).applicant.name).toBe('みなと港運株式会社');
    expect(r.stderr).toContain('本文の読み取りによる推定');
    expect(r.stderr).toMatch(/外部接続機器における外部ユーザの多要素認証 … 第\d+段落/);
  });

  it('writes --out, and never over its input', async () => {
    const out = join(dir, 'draft.yaml');
    const r = await runCli(['import', plan, '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('importedFrom:');
    const before = readFileSync(plan);
    const again = await runCli(['import', plan, '--out', plan]);
    expect(again.code).toBe(2);
    expect(readFileSync(plan)).toEqual(before);
  });

  it('validate says first that this is a screening, and exits 1 for the mandatory requirements not found', async () => {
    const r = await runCli(['validate', plan]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toContain('【スクリーニング（推定）】');
    expect(r.stdout).toContain('記載が本文に見つかりませんでした');
  });

  it('edit on a Word plan opens the draft import makes as <name>.yaml, written only when saved', { timeout: 60_000 }, async () => {
    const target = plan.replace(/\.docx$/, '.yaml');
    const outcome = importPlan(ok(await readSource(plan)), { format: 'yaml' });
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    const lines: string[] = [];
    const server = await startEditor({ file: target, httpPort: 0, open: false, log: (l) => lines.push(l), start: { text: outcome.text, from: plan } });
    try {
      expect(lines.join('\n')).toContain(`${plan} の本文から作った下書きを ${target} として開きます`);
      const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path: '/api/filing', headers: { Host: `127.0.0.1:${server.port}`, [TOKEN_HEADER]: server.token } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('みなと港運株式会社');
      expect(answer.text).toContain('ワンタイムパスワード');
      expect(existsSync(target)).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('edit on a Word plan whose draft exists already says to open that file', async () => {
    const target = plan.replace(/\.docx$/, '.yaml');
    writeFileSync(target, 'note: 既存\n');
    const r = await runCli(['edit', plan, '--no-open']);
    rmSync(target);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`下書きの ${target} は既にあります`);
    expect(r.stderr).not.toContain('UTF-8');
  });

  it('sends a filing or a document tos-filing made elsewhere, in Japanese', async () => {
    const yaml = join(dir, 'x.yaml');
    writeFileSync(yaml, readFileSync(join(dir, 'draft.yaml')));
    const r = await runCli(['import', yaml]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('届出ファイルです');
    const made = join(dir, 'made.docx');
    writeFileSync(made, (await buildDocs('sample/specified-complete.yaml', false)).docx);
    const d = await runCli(['import', made]);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('tos-filing extract');
  });
});
