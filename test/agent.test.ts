import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { buildFiling } from '../src/app/build.ts';
import { filingSkeleton } from '../src/app/init.ts';
import { officeAgent, withOfficeAgent } from '../src/app/office.ts';
import { classifyPort } from '../src/catalog/classifyPort.ts';
import { isPossibleRegistration, registrationDigits, registrationNumberText } from '../src/model/agentRegistration.ts';
import type { Agent } from '../src/model/filing.ts';
import { fieldAt } from '../src/model/schemaWalk.ts';
import { agentLine, filingFacts } from '../src/review/filingFacts.ts';
import { DEFAULT_TEMPLATES_DIR, compileTemplates } from '../src/platform/nodeTemplates.ts';
import { TemplateError } from '../src/templates/templateError.ts';
import { findingMessage } from '../src/validate/messages.ts';
import { checkFiling } from '../src/validate/validate.ts';
import { fixturePath, loadFixture } from './helpers/fixtures.ts';
import { readDocx } from './helpers/readDocx.ts';
import { readPdf } from './helpers/readPdf.ts';
import { runCli } from './helpers/runCli.ts';

const templates = compileTemplates();
const tempDir = () => mkdtempSync(join(tmpdir(), 'tos-filing-agent-'));

const AGENT: Agent = {
  qualification: 'administrative-scrivener',
  name: '山田 花子',
  office: '山田行政書士事務所',
  registrationNumber: '12345678',
  address: '東京都港区芝浦九丁目9番9号',
  phone: '03-0000-9876',
};

const withAgent = (agent: unknown, name = 'sample/general-complete.yaml') => ({ ...loadFixture(name), agent }) as unknown;

async function build(data: unknown, options: { draft?: boolean; file?: string } = {}) {
  const outcome = await buildFiling({ file: options.file ?? 'filing.yaml', data }, { formats: ['docx', 'pdf'], templates, draft: options.draft });
  if (outcome.status !== 'built') throw new Error(`not built: ${outcome.findings.map((f) => findingMessage(f)).join(' / ')}`);
  const byName = new Map(outcome.outputs.map((o) => [o.name, o.bytes]));
  return { outcome, byName };
}

/** The text of each output, by name: the docx's document.xml as text and its XML, the PDF's pages. */
async function texts(byName: Map<string, Uint8Array>) {
  const out = new Map<string, { text: string; xml?: string; pages?: string[] }>();
  for (const [name, bytes] of byName) {
    if (name.endsWith('.docx')) {
      const docx = readDocx(bytes);
      expect(docx.problems, name).toEqual([]);
      out.set(name, { text: docx.text, xml: docx.document });
    } else {
      const pdf = await readPdf(bytes);
      expect(pdf.notdef, name).toBe(0);
      out.set(name, { text: pdf.pages.join('\n'), pages: pdf.pages });
    }
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('the agent on the cover', () => {
  it('prints 上記代理人 with the office, address, phone and 登録番号 beneath the applicant, in both writers', async () => {
    const { byName } = await build(withAgent(AGENT));
    const read = await texts(byName);
    for (const name of ['filing.docx', 'filing.pdf']) {
      const text = squash(name.endsWith('.pdf') ? read.get(name)!.pages![0]! : read.get(name)!.text);
      for (const expected of ['上記代理人行政書士山田花子', '事務所名山田行政書士事務所', '所在地東京都港区芝浦九丁目9番9号', '電話番号03-0000-9876', '日本行政書士会連合会登録番号第12345678号']) {
        expect(text, `${name}: ${expected}`).toContain(expected);
      }
      // beneath the applicant and above the title
      const at = (s: string) => text.indexOf(s);
      expect(at('法人番号'), name).toBeLessThan(at('上記代理人'));
      expect(at('上記代理人'), name).toBeLessThan(at('事業計画書（別紙）'));
    }
    // the docx says it in its document.xml, as text runs
    expect(read.get('filing.docx')!.xml).toContain('上記代理人');
  });

  it('is absent without an agent, and the filing alone is written', async () => {
    const { byName } = await build(loadFixture('sample/general-complete.yaml'));
    expect([...byName.keys()]).toEqual(['filing.docx', 'filing.pdf']);
    const read = await texts(byName);
    for (const [name, { text }] of read) {
      expect(text, name).not.toContain('上記代理人');
      expect(text, name).not.toContain('登録番号');
    }
    expect(read.get('filing.docx')!.xml).not.toContain('代理人');
  });

  it('names the 登録番号 as each register does: 弁護士登録番号 in digits, その他 as written, and no title before an その他 agent', async () => {
    const attorney = await texts((await build(withAgent({ ...AGENT, qualification: 'attorney', registrationNumber: '第１２３４５号' }))).byName);
    expect(squash(attorney.get('filing.pdf')!.pages![0]!)).toContain('上記代理人弁護士山田花子');
    expect(squash(attorney.get('filing.pdf')!.pages![0]!)).toContain('弁護士登録番号第12345号');
    const other = await texts((await build(withAgent({ qualification: 'other', name: '港 次郎', registrationNumber: '東京都 第A-7号' }))).byName);
    const page = squash(other.get('filing.pdf')!.pages![0]!);
    expect(page).toContain('上記代理人港次郎');
    expect(page).toContain('登録番号東京都第A-7号');
    expect(page).not.toContain('その他');
  });
});

describe('the 委任状', () => {
  it('is written only for a filing with an agent, as <name>.委任状.docx / .pdf, one page, the same bytes each time', async () => {
    const first = await build(withAgent(AGENT));
    expect([...first.byName.keys()]).toEqual(['filing.docx', 'filing.pdf', 'filing.委任状.docx', 'filing.委任状.pdf']);
    const again = await build(withAgent(AGENT));
    for (const [name, bytes] of first.byName) expect(Buffer.from(again.byName.get(name)!).equals(Buffer.from(bytes)), name).toBe(true);
    const pdf = await readPdf(first.byName.get('filing.委任状.pdf')!);
    expect(pdf.pages).toHaveLength(1);
  });

  it('names 委任者 and 受任者, the matters delegated for the port and the 申請区分, and leaves the date and the seal for the applicant', async () => {
    const read = await texts((await build(withAgent(AGENT))).byName);
    for (const name of ['filing.委任状.docx', 'filing.委任状.pdf']) {
      const text = squash(read.get(name)!.text);
      for (const expected of [
        '委任状',
        '（受任者）',
        '事務所の所在地東京都港区芝浦九丁目9番9号',
        '事務所の名称山田行政書士事務所',
        '行政書士山田花子',
        '日本行政書士会連合会登録番号第12345678号',
        '私は、上記の者を代理人と定め、下記の事項を委任します。',
        '仙台塩釜港における一般港湾運送事業の許可申請（東北運輸局長あて）について、申請書及び添付書類',
        '第1号の申請に係る補正及び取下げに関すること',
        '第1号の申請に係る許可書その他の書類の受領に関すること',
        '令和年月日',
        '（委任者）',
        '住所宮城県塩竈市港町九丁目99番地',
        '名称塩釜北港運株式会社',
        '代表者代表取締役社長潮見浩一印',
      ]) {
        expect(text, `${name}: ${expected}`).toContain(expected);
      }
      // the date is the applicant's to write: the filing date is not printed
      expect(text, name).not.toContain('令和7年4月1日');
      expect(text.indexOf('（受任者）'), name).toBeLessThan(text.indexOf('（委任者）'));
    }
  });

  it('says 届出 for a notification of a change (nothing is granted), and 認可書 for an approval', async () => {
    const notification = withAgent(AGENT) as { application: Record<string, unknown>; applicant: Record<string, unknown> };
    notification.application = { ...notification.application, kind: 'plan-change-notification', changeSummary: 'クラウドへの移行' };
    notification.applicant = { ...notification.applicant, existingLicense: { number: '東北運輸局 第1号', date: '2010-04-01' } };
    const text = squash((await texts((await build(notification)).byName)).get('filing.委任状.pdf')!.text);
    expect(text).toContain('仙台塩釜港における一般港湾運送事業の事業計画変更届出（東北運輸局長あて）について、届出書及び添付書類');
    expect(text).toContain('第1号の届出に係る補正及び取下げに関すること');
    expect(text).toContain('第1号の届出に係る書類の受領に関すること');
    expect(text).not.toContain('許可書');
    notification.application.kind = 'plan-change-approval';
    const approval = squash((await texts((await build(notification)).byName)).get('filing.委任状.pdf')!.text);
    expect(approval).toContain('事業計画変更認可申請（東北運輸局長あて）について、申請書');
    expect(approval).toContain('第1号の申請に係る認可書その他の書類の受領');
  });

  it('is not made for the copies for sharing (--redact makes the filing’s copies only)', async () => {
    const outcome = await buildFiling({ file: 'filing.yaml', data: withAgent(AGENT) }, { formats: ['pdf'], templates, redact: true });
    if (outcome.status !== 'built') throw new Error('not built');
    expect(outcome.outputs.map((o) => o.name)).toEqual(['filing.pdf', 'filing.委任状.pdf', 'filing.redacted.pdf']);
  });

  it('comes from the template folder, like the other documents: a folder without power-of-attorney.hbs says what to copy', async () => {
    const dir = tempDir();
    cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'power-of-attorney.hbs'), '<document title="委任状"><p>当事務所の委任状　{{agent.name}}　{{principal.name}}</p></document>');
    const own = compileTemplates(dir);
    const made = await buildFiling({ file: 'filing.yaml', data: withAgent(AGENT) }, { formats: ['pdf'], templates: own });
    if (made.status !== 'built') throw new Error('not built');
    const text = (await readPdf(made.outputs.find((o) => o.name === 'filing.委任状.pdf')!.bytes)).pages.join('');
    expect(squash(text)).toContain('当事務所の委任状山田花子塩釜北港運株式会社');

    rmSync(join(dir, 'power-of-attorney.hbs'));
    const without = compileTemplates(dir);
    await expect(buildFiling({ file: 'filing.yaml', data: withAgent(AGENT) }, { formats: ['pdf'], templates: without })).rejects.toThrow(TemplateError);
    await expect(buildFiling({ file: 'filing.yaml', data: withAgent(AGENT) }, { formats: ['pdf'], templates: without })).rejects.toThrow(/power-of-attorney\.hbs: テンプレートが見つかりません（代理人のある届出では委任状も作成します/);
    // a filing without an agent needs no 委任状
    expect((await buildFiling({ file: 'filing.yaml', data: loadFixture('sample/general-complete.yaml') }, { formats: ['pdf'], templates: without })).status).toBe('built');
    // build --agent with such a folder stops before it writes anything (exit 2)
    const out = join(dir, 'out');
    const cli = await runCli(['build', fixturePath('sample/general-complete.yaml'), '--agent', fixturePath('agent/office.yaml'), '--templates', dir, '--out', out]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(`${join(dir, 'power-of-attorney.hbs')}: テンプレートが見つかりません`);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('templates check tries the 委任状 too, with a stand-in agent for the samples', async () => {
    const dir = tempDir();
    cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'power-of-attorney.hbs'), '<document title="x"><p>{{agent.nosuch}}</p></document>');
    const { code, stderr } = await runCli(['templates', 'check', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, 'power-of-attorney.hbs')}:1:`);
  });

  it('in a draft, marks the missing 氏名 in place and tells the applicant not to sign', async () => {
    const { byName } = await build(withAgent({ qualification: 'administrative-scrivener', name: '' }), { draft: true });
    const read = await texts(byName);
    const poa = squash(read.get('filing.委任状.pdf')!.text);
    expect(poa).toContain('【下書き】届出が未完成です。このまま署名・押印しないでください。');
    expect(poa).toContain('【未記入：代理人の氏名】');
    expect(squash(read.get('filing.pdf')!.pages![0]!)).toContain('上記代理人行政書士【未記入：代理人の氏名】');
  });

  it('in a draft, a 資格 left blank is marked where the title goes, in the cover and the 委任状', async () => {
    const { byName } = await build(withAgent({ ...AGENT, qualification: '' }), { draft: true });
    const read = await texts(byName);
    expect(squash(read.get('filing.pdf')!.pages![0]!)).toContain('上記代理人【未記入：代理人の資格】山田花子');
    expect(squash(read.get('filing.委任状.pdf')!.text)).toContain('【未記入：代理人の資格】山田花子');
  });
});

describe('findings on the agent', () => {
  const findingsOf = (agent: unknown, name?: string) => checkFiling(withAgent(agent, name)).findings.filter((f) => f.path.startsWith('agent'));

  it('a missing or blank 氏名 is AGENT_NAME_MISSING, an error that says 代理人の氏名', () => {
    for (const agent of [{ qualification: '行政書士' }, { qualification: 'administrative-scrivener', name: '　' }]) {
      const found = findingsOf(agent);
      expect(found.map((f) => [f.severity, f.code, f.path])).toEqual([['error', 'AGENT_NAME_MISSING', 'agent.name']]);
      expect(findingMessage(found[0]!)).toMatch(/^代理人の氏名が記載されていません。代理人（行政書士）の氏名を記入してください/);
    }
  });

  it('a 登録番号 the register could not have issued is AGENT_REGISTRATION_NUMBER_INVALID, an error that says what is expected', () => {
    const codes = (qualification: string, registrationNumber: string) => findingsOf({ qualification, name: '山田 花子', registrationNumber }).map((f) => f.code);
    for (const ok of ['12345678', '第12345678号', '第１２３４５６７８号', ' 第 12345678 号 ']) expect(codes('行政書士', ok), ok).toEqual([]);
    for (const bad of ['1234567', '123456789', '第1234-5678号', '東京都第123号']) expect(codes('行政書士', bad), bad).toEqual(['AGENT_REGISTRATION_NUMBER_INVALID']);
    for (const ok of ['1', '12345', '第５０１２３号']) expect(codes('弁護士', ok), ok).toEqual([]);
    for (const bad of ['123456', '12345678', 'A123']) expect(codes('弁護士', bad), bad).toEqual(['AGENT_REGISTRATION_NUMBER_INVALID']);
    for (const free of ['東京都第A-7号', '123']) expect(codes('その他', free), free).toEqual([]);
    const [finding] = findingsOf({ qualification: 'attorney', name: '山田 花子', registrationNumber: '123456' });
    expect(finding).toMatchObject({ severity: 'error', path: 'agent.registrationNumber' });
    expect(findingMessage(finding!)).toBe('代理人の登録番号「123456」は、弁護士の登録番号の形ではありません。弁護士登録番号は5桁までの数字（例：12345、または 第12345号）で記入してください。');
  });

  it('are found even when another part of the filing is not well formed', () => {
    const data = withAgent({ qualification: 'administrative-scrivener', registrationNumber: '99' }) as { port: Record<string, unknown> };
    data.port = { ...data.port, terminals: 'なし' };
    const result = checkFiling(data);
    expect(result.filing).toBeNull();
    expect(result.findings.filter((f) => f.path.startsWith('agent')).map((f) => f.code).sort()).toEqual(['AGENT_NAME_MISSING', 'AGENT_REGISTRATION_NUMBER_INVALID']);
  });

  it('a complete agent raises nothing, and the registration helpers read the ways people write a number', () => {
    expect(findingsOf(AGENT)).toEqual([]);
    expect(registrationDigits('第１２３４５６７８号')).toBe('12345678');
    expect(registrationDigits('登録第1号')).toBeNull();
    expect(isPossibleRegistration('administrative-scrivener', '1234567')).toBe(false);
    expect(registrationNumberText('administrative-scrivener', '12345678')).toBe('第12345678号');
    expect(registrationNumberText('other', '東京都 第A-7号')).toBe('東京都 第A-7号');
  });

  it('the examiner’s review names the 登録番号 as the cover does', () => {
    const facts = filingFacts(withAgent({ ...AGENT, registrationNumber: '１２３４５６７８' }));
    expect(agentLine(facts.agent)).toBe('行政書士　山田 花子（山田行政書士事務所、登録番号 第12345678号）');
  });

  it('the editor’s fields for the agent carry Japanese labels from the model', () => {
    const part = fieldAt(['agent'])!;
    expect(part.title).toBe('代理人');
    const labels = part.fields!.map((k) => fieldAt(['agent', k])!.title);
    expect(labels).toEqual(['資格', '氏名', '事務所の名称', '登録番号', '事務所の所在地', '電話番号']);
    expect(fieldAt(['agent', 'qualification'])!.options!.map((o) => o.label)).toEqual(['行政書士', '弁護士', 'その他']);
  });
});

describe('the office file', () => {
  const OFFICE = fixturePath('agent/office.yaml');

  it('the sample office file is a valid agent', () => {
    const office = officeAgent(OFFICE, parse(readFileSync(OFFICE, 'utf8')));
    expect(office).toMatchObject({ ok: true, agent: { qualification: '行政書士', name: '港田 みなと', office: '港田行政書士事務所' } });
  });

  it('is used unless the filing has an agent of its own (an empty agent: is none)', () => {
    const office = { qualification: '行政書士', name: '港田 みなと' };
    const own = withAgent(AGENT);
    expect(withOfficeAgent(own, office)).toBe(own);
    expect((withOfficeAgent(loadFixture('sample/general-complete.yaml'), office) as { agent: unknown }).agent).toEqual(office);
    expect((withOfficeAgent(withAgent(null), office) as { agent: unknown }).agent).toEqual(office);
    expect(withOfficeAgent(withAgent(null), undefined)).toEqual(withAgent(null));
  });

  it('is refused with a Japanese message naming the file and each field, in the office file’s own keys', () => {
    const bad = officeAgent('office.yaml', { qualification: '司法書士', nmae: '山田', registrationNumber: '1234' });
    expect(bad.ok).toBe(false);
    const message = (bad as { message: string }).message;
    expect(message).toMatch(/^office\.yaml: 事務所ファイルの記載に誤りがあります/);
    expect(message).toContain('代理人 › 資格（qualification）：「資格」：「司法書士」は選べません。');
    expect(message).toContain('代理人 › 氏名（name）：代理人の氏名が記載されていません。');
    expect(message).toContain('不明な項目「nmae」です。');
    const number = officeAgent('office.yaml', { agent: { qualification: '行政書士', name: '山田', registrationNumber: '1234' } });
    expect((number as { message: string }).message).toContain('代理人 › 登録番号（agent.registrationNumber）：代理人の登録番号「1234」は、行政書士の登録番号の形ではありません。');
    expect((officeAgent('x.yaml', ['行政書士']) as { message: string }).message).toMatch(/^x\.yaml: 事務所ファイルには、代理人の資格・氏名などを/);
    expect((officeAgent('x.yaml', loadFixture('sample/general-complete.yaml')) as { message: string }).message).toMatch(/^x\.yaml: 届出ファイルのようです/);
  });

  it('build --agent: the office’s agent for a filing without one (cover and 委任状), the filing’s own agent otherwise', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain.yaml'), readFileSync(fixturePath('sample/general-complete.yaml')));
    writeFileSync(join(dir, 'own.yaml'), stringify(withAgent(AGENT)));
    cpSync(OFFICE, join(dir, 'office.yaml'));
    const before = readFileSync(join(dir, 'plain.yaml'));
    const out = join(dir, 'out');
    // the office file lies among the filings: it is not built as one
    const { code, stdout, stderr } = await runCli(['build', dir, '--agent', join(dir, 'office.yaml'), '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').map((p) => p.slice(out.length + 1))).toEqual(['own.docx', 'own.pdf', 'own.委任状.docx', 'own.委任状.pdf', 'plain.docx', 'plain.pdf', 'plain.委任状.docx', 'plain.委任状.pdf']);
    const page = async (name: string) => squash((await readPdf(readFileSync(join(out, name)))).pages[0]!);
    expect(await page('plain.pdf')).toContain('上記代理人行政書士港田みなと');
    expect(await page('plain.委任状.pdf')).toContain('港田行政書士事務所');
    expect(await page('own.pdf')).toContain('上記代理人行政書士山田花子');
    expect(await page('own.pdf')).not.toContain('港田');
    // the filing file is read, never changed
    expect(readFileSync(join(dir, 'plain.yaml')).equals(before)).toBe(true);
  });

  it('given where a filing is expected, is told as an office file, not as a filing that lacks every part', () => {
    for (const data of [parse(readFileSync(OFFICE, 'utf8')), { agent: AGENT }]) {
      const { findings } = checkFiling(data);
      expect(findings.map((f) => [f.code, f.severity, f.path])).toEqual([['OFFICE_FILE_NOT_FILING', 'error', '(root)']]);
      expect(findingMessage(findings[0]!)).toContain('事務所ファイル（代理人の記載）のようです');
    }
    // a filing that happens to hold only a few parts is still judged as a filing
    expect(checkFiling({ applicant: {}, agent: AGENT }).findings.some((f) => f.code === 'OFFICE_FILE_NOT_FILING')).toBe(false);
  });

  it('a folder of documents built through an agent is reviewed without its 委任状 (which carries no filing)', async () => {
    const dir = tempDir();
    const built = join(dir, 'built');
    expect((await runCli(['build', fixturePath('sample/general-complete.yaml'), '--agent', OFFICE, '--out', built])).code).toBe(0);
    expect(readdirSync(built).sort()).toEqual(['general-complete.docx', 'general-complete.pdf', 'general-complete.委任状.docx', 'general-complete.委任状.pdf']);
    const review = await runCli(['review', built, '--format', 'json', '--out', join(dir, 'review')]);
    expect(review.code).toBe(0);
    const rows = (JSON.parse(readFileSync(join(dir, 'review', 'review.json'), 'utf8')) as { filings: { file: string; agent: unknown }[] }).filings;
    expect(rows.map((r) => r.file.slice(built.length + 1))).toEqual(['general-complete.docx', 'general-complete.pdf']);
    expect(rows.every((r) => JSON.stringify(r.agent).includes('港田 みなと'))).toBe(true);
    // named on its own, it is read as a document tos-filing did not fill with data: screened, and no plan found in it
    const own = await runCli(['validate', join(built, 'general-complete.委任状.pdf')]);
    expect(own.code).toBe(1);
    expect(own.stdout).toContain('本文に強制要件の記載が一つも見つかりませんでした');
  });

  it('build --agent with a bad office file stops at once (exit 2) and writes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'office.yaml'), 'qualification: 行政書士\nname: 山田\nregistrationNumber: "第1234号"\n');
    const out = join(dir, 'out');
    const { code, stderr } = await runCli(['build', fixturePath('sample/general-complete.yaml'), '--agent', join(dir, 'office.yaml'), '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, 'office.yaml')}: 事務所ファイルの記載に誤りがあります`);
    expect(stderr).toContain('代理人 › 登録番号（registrationNumber）');
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    const missing = await runCli(['build', fixturePath('sample/general-complete.yaml'), '--agent', join(dir, 'none.yaml'), '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${join(dir, 'none.yaml')}: ファイルが見つかりません`);
  });

  it('init --agent writes the office’s agent into the skeleton; without it the agent part is a comment', async () => {
    const { code, stdout } = await runCli(['init', '--port', '清水港', '--agent', OFFICE]);
    expect(code).toBe(0);
    const data = parse(stdout) as { agent: Record<string, unknown> };
    expect(data.agent).toEqual({ qualification: '行政書士', name: '港田 みなと', office: '港田行政書士事務所', registrationNumber: '第12345678号', address: '東京都千代田区霞が関九丁目9番9号　みなとビル3階', phone: '03-0000-1234' });
    expect(checkFiling(data).findings.filter((f) => f.path.startsWith('agent'))).toEqual([]);
    const plain = filingSkeleton(classifyPort('清水港'), 'new-license');
    expect(parse(plain)).not.toHaveProperty('agent');
    expect(plain).toContain('# agent:');
    const bad = await runCli(['init', '--port', '清水港', '--agent', fixturePath('sample/general-complete.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('届出ファイルのようです');
  });
});
