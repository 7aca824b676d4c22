/** The editor's HTML shell; the page script builds the form into it. No inline script or style (the CSP forbids both). */

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function pageHtml({ token, title }: { token: string; title: string }): string {
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="tos-filing-token" content="${escape(token)}">
<link rel="icon" href="data:,">
<title>${escape(title)} — 届出の編集</title>
<link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/app.js"></script>
</head>
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
