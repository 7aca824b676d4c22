import { sha256 } from '../platform/sha256.ts';
import { base64Encode } from '../util/bytes.ts';

/**
 * The editor's HTML shell; the page script builds the form into it. No inline script or style (the CSP forbids
 * both); the file's state rides along in a JSON data block, which is never run.
 */

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON that can sit in an HTML data block: nothing in it can close the element or open a comment. */
export const jsonForHtml = (value: unknown) => JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * @param assetVersion names this build of the page's script and style, so the browser may keep them for the next
 *   time the editor is opened instead of fetching them again
 * @param filing the file's state as /api/filing answers it, carried in the page (a data block, never run) so the
 *   page can draw the form without a second round trip
 */
export function pageHtml({ token, title, filing, assetVersion }: { token: string; title: string; filing?: unknown; assetVersion: string }): string {
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="tos-filing-token" content="${escape(token)}">
<link rel="icon" href="data:,">
<title>${escape(title)} — 届出の編集</title>
<link rel="stylesheet" href="/assets/app.css?v=${escape(assetVersion)}">
<script type="module" src="/assets/app.js?v=${escape(assetVersion)}"></script>
${filing === undefined ? '' : `<script type="application/json" id="filing-state">${jsonForHtml(filing)}</script>\n`}</head>
<body>
<noscript>この画面を使うには JavaScript を有効にしてください。</noscript>
<div id="app" aria-busy="true"><p class="loading">読み込んでいます…</p></div>
</body>
</html>
`;
}

export function refusedHtml(): string {
  return `<!doctype html>
<html lang="ja">
<head><meta charset="utf-8"><title>開けません</title></head>
<body>
<h1>このURLでは開けません</h1>
<p>届出の編集画面は、<code>tos-filing edit</code> を実行したターミナルに表示された URL（token= を含むもの）で開いてください。
エディタを起動し直した場合は、新しく表示された URL を開いてください。保存していない変更は、同じ URL のブラウザに残っています。</p>
</body>
</html>
`;
}

/**
 * The policy of the offline page: nothing may be fetched or sent anywhere. The one script that may run is the
 * page's own, named by its SHA-256 (no other inline script, were one ever to get into the page, would run); the
 * Worker, the preview and the downloads are blob: URLs the page makes from bytes it holds.
 */
export function offlineContentSecurityPolicy(scriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    'worker-src blob:',
    "connect-src 'none'",
    'frame-src blob:',
    'object-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The base64 SHA-256 of a script's text as the browser hashes it (UTF-8), for script-src. */
export const scriptHash = (text: string) => base64Encode(sha256(new TextEncoder().encode(text)));

/** Text that sits inside a <script> element and must not end it (or open a comment that would hide its end). */
export function scriptText(text: string): string {
  return text.replace(/<(\/script|!--)/gi, (_m, rest: string) => `\\u003c${rest}`);
}

export interface OfflinePageParts {
  js: string;
  css: string;
  /** The Worker's script (a classic script), gzip then base64: the page unpacks it and runs it from a blob: URL. */
  worker: string;
  /** gzip + base64 of each font. */
  fonts: Record<'regular' | 'bold' | 'emoji', string>;
  version: string;
}

/**
 * The offline single file: the editor's very page (same script, same style) with the Worker that runs the core,
 * the templates inside it and the fonts, all in one file that never asks the network for anything.
 * The Worker's script and the fonts sit in blocks the browser never runs (type="text/plain"). The page's script
 * runs as soon as it is read, before the 12 MB of fonts after it: the first screen does not wait for them.
 */
export function offlinePageHtml(parts: OfflinePageParts): string {
  const data = (id: string, text: string) => `<script type="text/plain" id="${id}">${text}</script>\n`;
  const script = scriptText(parts.js);
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${offlineContentSecurityPolicy(scriptHash(script))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="tos-filing-backend" content="offline">
<meta name="tos-filing-version" content="${escape(parts.version)}">
<link rel="icon" href="data:,">
<title>tos-filing — 届出の作成・確認（オフライン版）</title>
<style>${parts.css.replace(/<\/style/gi, '<\\/style')}</style>
</head>
<body>
<noscript>この画面を使うには JavaScript を有効にしてください。</noscript>
<div id="app" aria-busy="true"><p class="loading">読み込んでいます…</p></div>
${data('tos-filing-worker', scriptText(parts.worker))}<script>${script}</script>
${data('tos-font-regular', parts.fonts.regular)}${data('tos-font-bold', parts.fonts.bold)}${data('tos-font-emoji', parts.fonts.emoji)}
</body>
</html>
`;
}
