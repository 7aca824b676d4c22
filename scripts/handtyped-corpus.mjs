#!/usr/bin/env node
/**
 * Makes the Word and PDF files of the hand-typed plan corpus (fixtures/handtyped/<plan>/plan.html →
 * plan.docx → plan.pdf) with LibreOffice, the way a clerk's word processor would: the HTML is opened in
 * Writer and saved as .docx, and that .docx is exported to PDF. The generated files are committed, so that
 * tests and the bench need no LibreOffice; run this again after changing a plan's source.
 *
 *   node scripts/handtyped-corpus.mjs            every plan
 *   node scripts/handtyped-corpus.mjs 03-kobe-table 07-osaka-mixed
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const corpus = resolve(import.meta.dirname, '..', 'fixtures', 'handtyped');
const wanted = process.argv.slice(2);
const plans = readdirSync(corpus, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(corpus, e.name, 'plan.html')))
  .map((e) => e.name)
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();
if (plans.length === 0) {
  console.error('変換する計画書がありません（fixtures/handtyped/<名前>/plan.html）。');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'handtyped-'));
// a profile of its own, so that a LibreOffice someone else is running does not take the job
const profile = `file://${join(work, 'profile')}`;
const soffice = (args) => execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });

try {
  const html = join(work, 'html');
  const out = join(work, 'out');
  mkdirSync(html);
  mkdirSync(out);
  for (const plan of plans) copyFileSync(join(corpus, plan, 'plan.html'), join(html, `${plan}.html`));
  soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, ...plans.map((p) => join(html, `${p}.html`))]);
  soffice(['--convert-to', 'pdf', '--outdir', out, ...plans.map((p) => join(out, `${p}.docx`))]);
  for (const plan of plans) {
    for (const ext of ['docx', 'pdf']) {
      const made = join(out, `${plan}.${ext}`);
      if (!existsSync(made)) throw new Error(`${plan}.${ext} が作成されませんでした`);
      copyFileSync(made, join(corpus, plan, `plan.${ext}`));
    }
    console.log(`${plan}: plan.docx, plan.pdf`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
