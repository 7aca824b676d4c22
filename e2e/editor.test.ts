import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { normalizeInput } from '../src/model/normalizeInput.ts';
import { launchBrowser, openEditor, type RunningEditor, startEditorProcess, validationCount } from './editorHarness.ts';

/**
 * The editor in a real browser (Debian's Chromium), driven as a clerk would: from an empty `init` file to a
 * valid filing with the keyboard only, saving, reloading, building; comments kept; an outside change caught;
 * an IME composition left alone; foreign requests refused; nothing fetched from outside 127.0.0.1.
 */

const ROOT = join(import.meta.dirname, '..');
const SHOTS = join(ROOT, 'out', 'screenshots');
let browser: Browser;
let dir: string;
const editors: RunningEditor[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'tos-editor-e2e-'));
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  for (const e of editors) await e.stop();
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function editor(args: string[], httpPort = 0): Promise<RunningEditor> {
  const e = await startEditorProcess(args, httpPort);
  editors.push(e);
  return e;
}

/**
 * Requests that leave the machine: anything on the network but the editor itself. (Chromium's own PDF viewer
 * loads its parts from chrome:// and chrome-extension:// inside the browser; those never reach the network.)
 */
const outside = (urls: string[], origin: string) => urls.filter((u) => !/^(chrome|chrome-extension|data|blob|about):/.test(u) && !u.startsWith(`${origin}/`));

const errorCount = async (page: Page) => Number((await page.locator('.counts .count.error').textContent())?.replace(/\D/g, ''));

/** What a clerk would type into a field, by its label. */
function answerFor(label: string): string {
  if (label.includes('申請日')) return '令和8年4月1日';
  if (label.includes('電話')) return '054-000-1234';
  return `${label.replace(/[（(].*$/, '').replace(/（\d+件目）/, '')}の記載`;
}

function cli(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'tos-filing.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Tokyo' } });
}

function rawRequest(port: number, path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

describe('the editor in a browser', () => {
  it('takes a clerk from an empty init file to a valid, saved filing with the keyboard only', async () => {
    const file = join(dir, 'shimizu.yaml');
    const ed = await editor([file, '--port', '清水港']);
    const { page, requests } = await openEditor(browser, ed.url);
    const startErrors = await errorCount(page);
    expect(startErrors).toBeGreaterThan(20);
    await page.screenshot({ path: join(SHOTS, 'editor-1-empty.png') });
    // a new licence has no licence yet and changes nothing: those parts stay out of the way
    expect(await page.locator('#f-applicant__existingLicense').isVisible()).toBe(false);
    expect(await page.locator('#f-application__changeSummary').isVisible()).toBe(false);
    // the untouched skeleton (blank 申請日 and all) already previews, as a draft marking every blank
    await page.getByRole('button', { name: 'プレビュー' }).click();
    await page.waitForFunction(() => document.body.dataset.previewed);
    expect(await page.locator('.preview-state').textContent()).toContain('下書き');
    await page.waitForTimeout(3000);
    await page.screenshot({ path: join(SHOTS, 'editor-1b-draft-preview.png') });
    await page.getByRole('button', { name: '閉じる' }).click();

    const seen = new Map<string, number>();
    for (let step = 0; step < 120 && (await errorCount(page)) > 0; step++) {
      await page.keyboard.press('F8');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | HTMLSelectElement | null;
        return { id: el?.id ?? '', tag: el?.tagName ?? '', value: el?.value ?? '', label: (el as HTMLInputElement)?.labels?.[0]?.textContent ?? '' };
      });
      expect(focused.tag, 'F8 moves the focus to a field with an error').toMatch(/INPUT|SELECT|TEXTAREA/);
      seen.set(focused.id, (seen.get(focused.id) ?? 0) + 1);
      expect(seen.get(focused.id), `${focused.label} is fixed by one answer`).toBeLessThanOrEqual(2);
      if (step === 3) await page.screenshot({ path: join(SHOTS, 'editor-2-errors.png') });
      if (focused.tag === 'SELECT') {
        await page.keyboard.press('ArrowDown');
      } else {
        await page.keyboard.press('Control+A');
        await page.keyboard.type(answerFor(focused.label));
      }
      await page.keyboard.press('Tab');
    }
    expect(await errorCount(page)).toBe(0);
    expect(await page.locator('.finding-list').textContent()).not.toMatch(/[a-z]+\.[a-z]+|measures|terminals/);
    await page.screenshot({ path: join(SHOTS, 'editor-3-valid.png') });

    await page.keyboard.press('Control+S');
    await page.waitForFunction(() => document.querySelector('.state')?.textContent?.startsWith('保存しました'));
    const saved = readFileSync(file, 'utf8');
    expect(saved).toContain('# TOSの概要及び情報セキュリティの確保に関する事業計画（清水港）');
    expect(saved).toContain('filingDate: "令和8年4月1日"');

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await errorCount(page)).toBe(0);
    expect(await page.locator('#f-applicant__name').inputValue()).toBe('名称の記載');

    // the saved file builds to the same bytes as the same filing written by hand in canonical form
    const handWritten = join(dir, 'hand', 'shimizu.yaml');
    mkdirSync(join(dir, 'hand'), { recursive: true });
    writeFileSync(handWritten, stringify(normalizeInput(parseDocument(saved).toJS())));
    expect(readFileSync(handWritten, 'utf8')).toContain('filingDate: 2026-04-01');
    const a = cli('build', file, '--out', join(dir, 'out-a'));
    const b = cli('build', handWritten, '--out', join(dir, 'out-b'));
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    for (const ext of ['pdf', 'docx']) expect(readFileSync(join(dir, 'out-a', `shimizu.${ext}`)).equals(readFileSync(join(dir, 'out-b', `shimizu.${ext}`)))).toBe(true);

    expect(requests.length).toBeGreaterThan(3);
    expect(outside(requests, ed.origin)).toEqual([]);
  });

  it('starts a filing at a port outside the registry with its 都道府県, and says what a typed name is', async () => {
    const file = join(dir, 'omoto.yaml');
    const ed = await editor([file, '--port', '小本港', '--unlisted', '--prefecture', '岩手県']);
    const { page } = await openEditor(browser, ed.url);
    expect(await page.locator('#f-application__addressee').inputValue()).toBe('東北運輸局長');
    expect(await page.locator('#f-port__prefecture').inputValue()).toBe('岩手県');
    expect(await page.locator('#prefecture-names option').count()).toBe(47);
    const reading = page.locator('#port-class');
    expect(await reading.textContent()).toContain('登録簿にない港名です');
    // the registry names are offered, every 指定港 among them
    expect(await page.locator('#port-names option[value="釜石港"]').count()).toBe(1);
    await page.locator('#f-port__name').fill('釜石湾');
    await page.keyboard.press('Tab');
    expect(await reading.textContent()).toContain('もしかして「釜石港」');
    await page.locator('#f-port__name').fill('北九州港');
    await page.keyboard.press('Tab');
    expect(await reading.textContent()).toContain('指定港「関門港」の一部');
    await page.locator('#f-port__name').fill('堺泉北港');
    await page.keyboard.press('Tab');
    expect(await reading.textContent()).toContain('指定港ではない港');
    await page.screenshot({ path: join(SHOTS, 'editor-unlisted-port.png') });
  });

  it('shows the preview beside the form, offers the documents, and stays usable at 200 % zoom', async () => {
    const file = join(dir, 'preview.yaml');
    copyFileSync(join(ROOT, 'fixtures', 'sample', 'general-complete.yaml'), file);
    const ed = await editor([file]);
    const { page, requests } = await openEditor(browser, ed.url);
    expect(await errorCount(page)).toBe(0);
    // another port shows at once which measures become mandatory (a specified port adds ten)
    const rule = page.locator('#measures-rule');
    expect(await rule.textContent()).toContain('必須：15項目');
    const audit = page.locator('details.measure[data-requirement="security-audit"] .badge');
    expect(await audit.textContent()).toMatch(/^任意/);
    await page.locator('#f-port__name').fill('横浜港');
    await page.keyboard.press('Tab');
    expect(await rule.textContent()).toContain('必須：25項目');
    expect(await audit.textContent()).toBe('必須');
    expect(await errorCount(page)).toBeGreaterThan(0);
    await page.locator('#f-port__name').fill('仙台塩釜港');
    await page.keyboard.press('Tab');
    expect(await errorCount(page)).toBe(0);
    // a change of the business plan asks for the licence held now: the part appears, with its error beside it
    const license = page.locator('#f-applicant__existingLicense');
    expect(await license.isVisible()).toBe(false);
    await page.locator('#f-application__kind').selectOption({ label: '事業計画変更認可申請' });
    expect(await license.isVisible()).toBe(true);
    expect(await page.locator('#f-applicant__existingLicense-m').textContent()).toContain('現に受けている許可');
    expect(await errorCount(page)).toBe(1);
    await page.locator('#f-application__kind').selectOption({ label: '一般港湾運送事業の許可申請' });
    expect(await license.isVisible()).toBe(false);
    expect(await errorCount(page)).toBe(0);
    // a measure shows the date a planned one starts only when it is planned, and asks for it then
    const measure = 'f-measures__bcp-training';
    const planned = page.locator(`#${measure}__plannedDate`);
    expect(await planned.isVisible()).toBe(false);
    expect(await page.locator(`[data-field="${measure}__description"] .opt`).isVisible()).toBe(false);
    await page.locator(`#${measure}__status`).selectOption({ label: '実施予定' });
    expect(await planned.isVisible()).toBe(true);
    expect(await planned.getAttribute('aria-invalid')).toBe('true');
    await page.locator(`#${measure}__status`).selectOption({ label: '実施済み' });
    expect(await planned.isVisible()).toBe(false);
    expect(await errorCount(page)).toBe(0);
    await page.getByRole('button', { name: 'プレビュー' }).click();
    await page.waitForFunction(() => document.body.dataset.previewed);
    const frame = page.locator('iframe[title="書類のプレビュー（PDF）"]');
    expect(await frame.getAttribute('src')).toMatch(/^\/api\/documents\/[0-9a-f]{16}\/pdf\?token=/);
    expect(await page.locator('.preview-state').textContent()).toContain('提出用');
    await page.waitForTimeout(4000);
    await page.screenshot({ path: join(SHOTS, 'editor-4-preview.png') });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Word（.docx）' }).click();
    expect((await download).suggestedFilename()).toBe('preview.docx');

    // 200 %: a 1280-pixel window at double zoom is 640 CSS pixels wide
    const zoomed = await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2, locale: 'ja-JP' });
    const small = await zoomed.newPage();
    small.on('request', (r) => void requests.push(r.url()));
    await small.goto(ed.url);
    await small.waitForSelector('body[data-ready="true"]');
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'no sideways scrolling at 200 %').toBeLessThanOrEqual(0);
    await small.locator('#f-applicant__name').focus();
    await small.screenshot({ path: join(SHOTS, 'editor-5-zoom200.png') });
    // far down the form, the counts and the save button are still in view, and the focused field is not under them
    const deep = small.locator('#f-measures__backup-generations-isolation__description');
    await deep.focus();
    const bar = (await small.locator('header.bar').boundingBox())!;
    expect(bar.y).toBe(0);
    expect(await small.locator('.counts .count.error').isVisible()).toBe(true);
    expect((await deep.boundingBox())!.y).toBeGreaterThanOrEqual(bar.height);
    await zoomed.close();
    expect(outside(requests, ed.origin)).toEqual([]);
  });

  it('says what the rules say: a new connection that does not block a draft, what a warning means, why a document is not made', async () => {
    const file = join(dir, 'rules.yaml');
    copyFileSync(join(ROOT, 'fixtures', 'sample', 'general-complete.yaml'), file);
    const ed = await editor([file]);
    const { page } = await openEditor(browser, ed.url, { width: 1400, height: 900 });
    expect(await page.locator('#severity-legend').textContent()).toContain('このままで提出できます');
    // a measure's 詳細 is what examiners look for, not 任意
    const details = page.locator('#f-measures__bcp-training__details > legend .opt');
    expect(await details.textContent()).toBe('審査で確認される事項');
    // a new external connection starts as the skeleton does: nothing about its 方式 or ファイアウォール blocks
    const before = await errorCount(page);
    const list = 'f-port__terminals__0__tos__externalConnections';
    const count = await page.locator(`#${list} > .items > .item`).count();
    await page.locator(`#${list} > button.add`).click();
    const item = `${list}__${count}`;
    expect(await page.locator(`#${item}__method`).inputValue()).toBe('leased-line');
    expect(await page.locator(`#${item}__firewall`).inputValue()).toBe('yes');
    expect(await page.locator(`#${item}__firewall`).getAttribute('aria-invalid')).toBeNull();
    // 接続元の制限: 任意 on a 専用線, 必須 with its error at once on a VPN (the validator's own rule)
    const restriction = page.locator(`[data-field="${item}__sourceRestriction"] .opt`);
    expect(await restriction.textContent()).toBe('任意');
    await page.locator(`#${item}__method`).selectOption({ label: 'VPN' });
    expect(await restriction.textContent()).toBe('必須');
    expect(await page.locator(`#${item}__sourceRestriction`).getAttribute('aria-invalid')).toBe('true');
    await page.locator(`#${item}__sourceRestriction`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'editor-6b-vpn-needs-restriction.png') });
    expect(await errorCount(page)).toBeGreaterThan(before); // its blank texts are asked for…
    await page.getByRole('button', { name: 'プレビュー' }).click();
    await page.waitForFunction(() => document.body.dataset.previewed);
    expect(await page.locator('.preview-state').textContent()).toContain('下書き'); // …and a draft is still made
    // the preview opens without the viewer's thumbnail strip, each page as wide as the frame
    expect(await page.locator('iframe[title="書類のプレビュー（PDF）"]').getAttribute('src')).toMatch(/#navpanes=0&view=FitH$/);
    for (const width of [1280, 1400, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(2500);
      const frame = (await page.locator('iframe[title="書類のプレビュー（PDF）"]').boundingBox())!;
      expect(frame.width, `preview at ${width}px`).toBeGreaterThanOrEqual(width * 0.45);
      await page.screenshot({ path: join(SHOTS, `editor-7-preview-${width}.png`) });
    }
    // a choice left blank is an error for the final document, not for a draft: the draft is made, marked 【未記入】
    await page.locator('#f-application__kind').selectOption('');
    const draft = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDF' }).click();
    await draft;
    await page.locator('#f-application__kind').selectOption({ label: '一般港湾運送事業の許可申請' });
    // a date written so that it cannot be read blocks even a draft: the reason and the field are said beside the buttons
    const date = page.locator('#f-application__filingDate');
    const written = await date.inputValue();
    await date.fill('令和7年13月45日');
    await date.blur();
    await page.getByRole('button', { name: 'PDF' }).click();
    const blocked = page.locator('#documents-blocked');
    await blocked.waitFor({ state: 'visible' });
    expect(await blocked.textContent()).toContain('申請日');
    await page.screenshot({ path: join(SHOTS, 'editor-8-blocked.png') });
    await blocked.locator('a').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-application__filingDate');
    await date.fill(written);
    await date.blur();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDF' }).click();
    await download;
    expect(await blocked.isHidden()).toBe(true);
  });

  it('keeps comments through a save and catches a change made to the file outside the editor', async () => {
    const file = join(dir, 'commented.yaml');
    copyFileSync(join(ROOT, 'fixtures', 'sample', 'general-complete.yaml'), file);
    const original = readFileSync(file, 'utf8');
    const ed = await editor([file]);
    const { page } = await openEditor(browser, ed.url);
    await page.locator('#f-applicant__contact__phone').fill('022-000-9999');
    await page.keyboard.press('Control+S');
    await page.waitForFunction(() => document.querySelector('.state')?.textContent?.startsWith('保存しました'));
    const saved = readFileSync(file, 'utf8');
    expect(saved).toBe(original.replace('phone: 022-000-1234', 'phone: 022-000-9999'));

    const outside = saved.replace('name: 塩釜北港運株式会社', 'name: 塩釜北港運株式会社（外部で変更）');
    writeFileSync(file, outside);
    await page.locator('#f-applicant__address').fill('宮城県塩竈市港町一丁目1番地');
    await page.keyboard.press('Control+S');
    const dialog = page.getByRole('dialog', { name: 'ファイルが変更されています' });
    await dialog.waitFor();
    expect(readFileSync(file, 'utf8')).toBe(outside);
    await dialog.getByRole('button', { name: '違いを見る' }).click();
    await expect.poll(() => dialog.locator('table').textContent()).toContain('塩釜北港運株式会社（外部で変更）');
    await page.screenshot({ path: join(SHOTS, 'editor-6-conflict.png') });
    await dialog.getByRole('button', { name: /ファイルを読み込み直す/ }).click();
    expect(await page.locator('#f-applicant__name').inputValue()).toBe('塩釜北港運株式会社（外部で変更）');
    expect(readFileSync(file, 'utf8')).toBe(outside);
  });

  it('offers なし for a list an imported plan left blank, and saves it as an empty list', async () => {
    const file = join(dir, 'blank-list.yaml');
    const sample = readFileSync(join(ROOT, 'fixtures', 'sample', 'general-complete.yaml'), 'utf8');
    const doc = parseDocument(sample);
    doc.setIn(['port', 'terminals', 0, 'tos', 'outsourcing'], '');
    writeFileSync(file, doc.toString());
    const ed = await editor([file]);
    const { page } = await openEditor(browser, ed.url);
    const list = page.locator('#f-port__terminals__0__tos__outsourcing');
    const before = await errorCount(page);
    expect(before).toBeGreaterThan(0);
    // the connections list is written out, so only the blank one offers なし
    expect(await page.locator('#f-port__terminals__0__tos__externalConnections > button.none').count()).toBe(0);
    await page.keyboard.press('F8'); // to the error, as a clerk goes
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-port__terminals__0__tos__outsourcing');
    // and in view, though the parts above it take their real height only once drawn
    await expect.poll(() => list.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'editor-blank-list.png') });
    await list.getByRole('button', { name: '外部委託はなし' }).click();
    await expect.poll(() => errorCount(page)).toBe(before - 1);
    expect(await list.locator('> button.none').count()).toBe(0);
    await page.keyboard.press('Control+S');
    await page.waitForFunction(() => document.querySelector('.state')?.textContent?.startsWith('保存しました'));
    expect(parseDocument(readFileSync(file, 'utf8')).toJS().port.terminals[0].tos.outsourcing).toEqual([]);
  });

  it('does not validate in the middle of an IME composition, and does after it ends', async () => {
    const file = join(dir, 'ime.yaml');
    const ed = await editor([file, '--port', '清水港']);
    const { page } = await openEditor(browser, ed.url);
    const cdp = await page.context().newCDPSession(page);
    const name = page.locator('#f-applicant__name');
    await name.focus();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    const before = await validationCount(page);
    for (const text of ['し', 'しみ', 'しみず', '清水']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await page.waitForTimeout(300);
    }
    await page.waitForTimeout(1200);
    expect(await validationCount(page), 'no validation while composing').toBe(before);
    expect(await name.inputValue()).toBe('清水');
    await cdp.send('Input.insertText', { text: '清水港運株式会社' });
    await expect.poll(() => validationCount(page), { timeout: 5000 }).toBeGreaterThan(before);
    expect(await name.inputValue()).toBe('清水港運株式会社');
    expect(await name.getAttribute('aria-invalid')).toBeNull();
    // the message of a field that still has an error is linked to it
    const date = page.locator('#f-application__filingDate');
    const describedBy = (await date.getAttribute('aria-describedby')) ?? '';
    const messageId = describedBy.split(' ').find((id) => id.startsWith('finding-'))!;
    expect(await page.locator(`#${messageId}`).textContent()).toContain('申請日');
  });

  it('keeps unsaved edits through a reload and a restart of the editor, and warns before leaving them', async () => {
    const file = join(dir, 'draft.yaml');
    const first = await editor([file, '--port', '清水港']);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(first.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('#f-applicant__name').click();
    await page.keyboard.type('未保存の名称');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(800);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(dialogs).toContain('beforeunload');
    expect(await page.locator('#f-applicant__name').inputValue()).toBe('未保存の名称');
    expect(await page.locator('.notice').textContent()).toContain('保存していない変更');

    // the editor stops and starts again at the same address: a new token, the same browser storage
    expect(await first.stop()).toBe(0);
    const again = await editor([file, '--port', '清水港'], first.port);
    expect(again.token).not.toBe(first.token);
    await page.goto(again.url);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#f-applicant__name').inputValue()).toBe('未保存の名称');
    expect(spawnSync('test', ['-e', file]).status, 'nothing was saved to the file').not.toBe(0);
    await context.close();
  });

  it('refuses a foreign Host header and requests without the token', async () => {
    const file = join(dir, 'guard.yaml');
    const ed = await editor([file, '--port', '清水港']);
    const own = `127.0.0.1:${ed.port}`;
    expect(await rawRequest(ed.port, `/?token=${ed.token}`, { Host: own })).toBe(200);
    expect(await rawRequest(ed.port, `/?token=${ed.token}`, { Host: `attacker.example:${ed.port}` })).toBe(403);
    expect(await rawRequest(ed.port, '/api/filing', { Host: own })).toBe(403);
    const body = JSON.stringify({ baseVersion: 'absent', data: { note: 'x' } });
    expect(await rawRequest(ed.port, '/api/save', { Host: own, Origin: `http://${own}`, 'Content-Type': 'application/json' }, 'POST', body)).toBe(403);
    expect(await rawRequest(ed.port, '/api/save', { Host: own, Origin: 'http://attacker.example', 'Content-Type': 'application/json', 'X-Tos-Filing-Token': ed.token }, 'POST', body)).toBe(403);
    expect(spawnSync('test', ['-e', file]).status, 'nothing was written').not.toBe(0);
    expect(await ed.stop()).toBe(0);
    expect(ed.output()).toContain('編集画面を終了しました');
  });
});
