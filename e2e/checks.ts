import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readDocx } from '../test/helpers/readDocx.ts';

/**
 * Checks with real readers (poppler, qpdf, LibreOffice). Each returns the problems it finds, so that a test
 * can show both that good files pass and that broken files fail.
 */

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 2 ** 20 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const squash = (s: string) => s.replace(/\s+/g, '');

export function pdfText(file: string): string {
  return run('pdftotext', ['-enc', 'UTF-8', file, '-']).stdout;
}

function missingTexts(text: string, expected: readonly string[]): string[] {
  const flat = squash(text);
  return expected.filter((e) => !flat.includes(squash(e))).map((e) => `text not found: ${e}`);
}

/** Dark pixels of a page rendered in grey at 50 dpi. */
export function ink(file: string, page = 1): number {
  const dir = mkdtempSync(join(tmpdir(), 'tos-ink-'));
  try {
    const r = run('pdftoppm', ['-r', '50', '-gray', '-f', String(page), '-l', String(page), '-singlefile', file, join(dir, 'p')]);
    if (r.status !== 0) return -1;
    const pgm = readFileSync(join(dir, 'p.pgm'));
    // P5 header: magic, width height, maxval, each on its own line
    let offset = 0;
    for (let lines = 0; lines < 3; offset++) if (pgm[offset] === 0x0a) lines++;
    let dark = 0;
    for (let i = offset; i < pgm.length; i++) if (pgm[i]! < 128) dark++;
    return dark;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PdfCheckOptions {
  expected: readonly string[];
  /** A rendering of the same document with whole fonts: the subset must draw the same ink. */
  reference?: string;
}

export function checkPdf(file: string, options: PdfCheckOptions): string[] {
  const problems: string[] = [];
  const qpdf = run('qpdf', ['--check', file]);
  if (qpdf.status !== 0 || !qpdf.stdout.includes('No syntax or stream encoding errors')) problems.push(`qpdf --check: ${qpdf.stdout}${qpdf.stderr}`.trim());
  const fonts = run('pdffonts', [file]);
  const rows = fonts.stdout.split('\n').slice(2).filter((l) => l.trim());
  if (!rows.length) problems.push('pdffonts lists no font');
  for (const row of rows) {
    // columns: name type encoding emb sub uni object ID; emb is the 4th field from the end but 3
    const cells = row.trim().split(/\s+/);
    const emb = cells.at(-5);
    if (emb !== 'yes') problems.push(`font not embedded: ${row.trim()}`);
  }
  const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  problems.push(...missingTexts(text.stdout, options.expected));
  for (const out of [fonts.stderr, text.stderr]) {
    if (/Syntax Error|may be invalid|Mismatch|Couldn't/i.test(out)) problems.push(`poppler: ${out.trim().split('\n')[0]}`);
  }
  if (options.reference) {
    const got = ink(file);
    const want = ink(options.reference);
    if (want <= 0) problems.push('the reference rendering has no ink');
    else if (Math.abs(got - want) / want > 0.02) problems.push(`page 1 draws ${got} dark pixels, the full-font rendering ${want}: glyphs are missing or broken`);
  }
  return problems;
}

/** The .docx package must be sound, and LibreOffice must convert it to a PDF that holds the expected text. */
export function checkDocx(file: string, expected: readonly string[]): string[] {
  const problems = readDocx(readFileSync(file)).problems.map((p) => `package: ${p}`);
  const dir = mkdtempSync(join(tmpdir(), 'tos-lo-'));
  try {
    const profile = join(dir, 'profile');
    const r = run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file], { HOME: dir });
    const pdf = join(dir, `${basename(file, '.docx')}.pdf`);
    if (r.status !== 0 || !existsSync(pdf)) {
      problems.push(`LibreOffice could not convert it: ${r.stderr.trim() || r.stdout.trim()}`);
      return problems;
    }
    problems.push(...missingTexts(pdfText(pdf), expected).map((p) => `LibreOffice: ${p}`));
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function writeTemp(name: string, bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tos-e2e-')), name);
  writeFileSync(file, bytes);
  return file;
}
