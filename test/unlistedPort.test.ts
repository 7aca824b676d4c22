import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { fixturePath, loadFixture } from './helpers/fixtures.ts';
import { runCli } from './helpers/runCli.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'tos-filing-unlisted-'));

/** A clerk at a port outside the registry (小本港, 岩手県): init → fill in → validate → build. */
describe('a port outside the registry, through the CLI', () => {
  it('stops at the unknown name with the closest names and the command that goes on (exit 2)', async () => {
    const typo = await runCli(['init', '--port', '釜石湾']);
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toContain('「釜石港」');
    expect(typo.stderr).toContain('tos-filing init --port 釜石湾 --unlisted --prefecture');
    const catalog = await runCli(['catalog', '--port', '小本港']);
    expect(catalog.code).toBe(2);
    expect(catalog.stderr).toContain('tos-filing catalog --port 小本港 --unlisted');
    const general = await runCli(['catalog', '--port', '小本港', '--unlisted', '--format', 'json']);
    expect(general.code).toBe(0);
    expect(JSON.parse(general.stdout)).toHaveLength(15);
    const noPrefecture = await runCli(['init', '--port', '小本港', '--unlisted']);
    expect(noPrefecture.code).toBe(2);
    expect(noPrefecture.stderr).toContain('--prefecture');
  });

  it('goes init → validate → build in one step with --unlisted --prefecture, and checks the addressee', async () => {
    const init = await runCli(['init', '--port', '小本港', '--unlisted', '--prefecture', '岩手県']);
    expect(init.code).toBe(0);
    const skeleton = parse(init.stdout);
    expect(skeleton.port).toMatchObject({ name: '小本港', unlisted: 'はい', prefecture: '岩手県' });
    expect(skeleton.application.addressee).toBe('東北運輸局長');

    // the clerk fills in the rest (here: from the complete general sample)
    const filing = loadFixture('sample/general-complete.yaml');
    filing.application.addressee = skeleton.application.addressee;
    Object.assign(filing.port, { name: skeleton.port.name, unlisted: skeleton.port.unlisted, prefecture: skeleton.port.prefecture });
    const dir = folder();
    const file = join(dir, 'omoto.yaml');
    writeFileSync(file, stringify(filing));

    const ok = await runCli(['validate', file, '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).findings.map((f: { code: string }) => f.code)).toEqual(['PORT_UNLISTED']);

    const out = join(dir, 'out');
    const build = await runCli(['build', file, '--out', out]);
    expect(build.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['omoto.docx', 'omoto.pdf']);

    // addressed to the wrong bureau: a warning that names the right one
    writeFileSync(file, readFileSync(file, 'utf8').replace('東北運輸局長', '中部運輸局長'));
    const wrong = await runCli(['validate', file]);
    expect(wrong.code).toBe(0);
    expect(wrong.stdout).toContain('岩手県の港を管轄するのは東北運輸局です');
  });

  it('says at a known port that is not a 指定港 that the bureau should be asked, and still starts the filing', async () => {
    const init = await runCli(['init', '--port', '志布志港']);
    expect(init.code).toBe(0);
    expect(parse(init.stdout).application.addressee).toBe('九州運輸局長');
    expect(init.stderr).toContain('指定港ではありません');
  });
});

describe('tos-filing edit on a document', () => {
  it.each([
    ['plan.docx', 'PK\u0003\u0004rest-of-a-zip', 'Word文書（.docx）として読めません'],
    ['plan.pdf', '%PDF-1.7\n%\u00e2\u00e3', 'PDFとして読めません'],
  ])('a broken %s: names what it should be, exit 2, no talk of text encodings', async (name, head, what) => {
    const file = join(folder(), name);
    writeFileSync(file, Buffer.from(head, 'latin1'));
    const { code, stderr } = await runCli(['edit', file, '--no-open', '--http-port', '0']);
    expect(code).toBe(2);
    expect(stderr).toContain(what);
    expect(stderr).not.toContain('UTF-8');
  });

  it('a document tos-filing made: says to extract its data first, exit 2', async () => {
    const dir = folder();
    expect((await runCli(['build', fixturePath('sample/general-complete.yaml'), '--out', dir])).code).toBe(0);
    const { code, stderr } = await runCli(['edit', join(dir, 'general-complete.pdf'), '--no-open', '--http-port', '0']);
    expect(code).toBe(2);
    expect(stderr).toContain('tos-filing で作成した書類です');
    expect(stderr).toContain('extract');
  });

  it('does not start a new filing under a document name', async () => {
    const file = join(folder(), 'new.docx');
    const { code, stderr } = await runCli(['edit', file, '--port', '清水港', '--no-open', '--http-port', '0']);
    expect(code).toBe(2);
    expect(stderr).toContain('.yaml');
  });
});
