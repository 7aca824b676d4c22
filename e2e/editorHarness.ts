import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page, type Request, chromium } from 'playwright-core';

/**
 * Runs `tos-filing edit` as a person would (a separate process, its URL read from its output) and drives the
 * page with Debian's Chromium through playwright-core: no browser is ever downloaded.
 */

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const ROOT = join(import.meta.dirname, '..');

export interface RunningEditor {
  url: string;
  origin: string;
  port: number;
  token: string;
  output: () => string;
  stop(): Promise<number | null>;
}

export async function startEditorProcess(args: string[], httpPort = 0): Promise<RunningEditor> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin', 'tos-filing.js'), 'edit', ...args, '--no-open', '--http-port', String(httpPort)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: 'Asia/Tokyo' },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the editor did not start:\n${out}`)), 60_000);
    const look = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the editor exited (${code}):\n${out}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token')!,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`the editor's browser checks need Debian's Chromium at ${CHROMIUM}. Install it with:\n  apt-get update && apt-get install -y --no-install-recommends chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Opens the editor page and waits until the form is drawn and validated; records every request the page makes. */
export async function openEditor(browser: Browser, url: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r: Request) => void requests.push(r.url()));
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, requests };
}

/** How many times the page has run the validator so far. */
export const validationCount = (page: Page) => page.evaluate(() => Number(document.body.dataset.validations ?? 0));
