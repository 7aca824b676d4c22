import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { reviewRows } from '../src/review/reviewFilings.ts';
import { reviewXlsx } from '../src/review/reviewXlsx.ts';
import { fixtureData } from '../test/helpers/buildDocs.ts';

/**
 * The review workbook printed through LibreOffice: every sheet landscape and one page wide, the header row on
 * every page, a reasonable number of pages, and no text cut off by a row too low. LibreOffice leaves out the
 * lines a cell clips, so the text of the pages is compared with that of the same workbook with every row made
 * three times as tall, where nothing can be clipped.
 */

const dir = mkdtempSync(join(tmpdir(), 'tos-e2e-print-'));
const run = (command: string, args: string[]) => {
  const r = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, HOME: dir }, maxBuffer: 64 * 2 ** 20, timeout: 170_000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
};

function printed(name: string, xlsx: Uint8Array) {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, xlsx);
  const r = run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file]);
  expect(r.status, r.stderr).toBe(0);
  const pdf = join(dir, `${name}.pdf`);
  const pageCount = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]).stdout)?.[1]);
  const pages = Array.from({ length: pageCount }, (_, i) => run('pdftotext', ['-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), pdf, '-']).stdout);
  const sizes = [...run('pdfinfo', ['-f', '1', '-l', String(pageCount), pdf]).stdout.matchAll(/size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  return { pdf, pages, sizes };
}

type Box = { page: number; x0: number; y0: number; x1: number; y1: number; text: string };

/** The words poppler finds on the pages, with their boxes. */
function wordBoxes(pdf: string): Box[] {
  const html = run('pdftotext', ['-enc', 'UTF-8', '-bbox', pdf, '-']).stdout;
  const boxes: Box[] = [];
  html.split('<page ').slice(1).forEach((page, p) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g))
      boxes.push({ page: p + 1, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5]! });
  });
  return boxes;
}

/**
 * Words drawn over other words. LibreOffice puts the whole text of a cell in the PDF and clips what does not fit
 * in the row; the clipped lines lie under the text of the rows below, so a row too low shows as overlapping words.
 */
function overlaps(boxes: readonly Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.page !== b.page) continue;
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      const smaller = Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
      if (w > 0 && h > 0 && w * h > 0.3 * smaller) out.push(`page ${a.page}: 「${a.text}」 over 「${b.text}」`);
    }
  return out;
}

/** The same workbook with every row's height changed. */
function withRowHeights(xlsx: Uint8Array, height: (points: number) => number): Uint8Array {
  const files = unzipSync(xlsx);
  for (const name of Object.keys(files))
    if (name.startsWith('xl/worksheets/')) files[name] = strToU8(strFromU8(files[name]!).replace(/ ht="([\d.]+)"/g, (_, h) => ` ht="${Math.round(height(Number(h)))}"`));
  return zipSync(files);
}

describe('the review workbook printed through LibreOffice', () => {
  const names = ['sample/specified-complete.yaml', 'sample/general-complete.yaml', 'incomplete/common-omissions.yaml', 'incomplete/contradictions.yaml'];
  const rows = reviewRows(names.map((name) => ({ file: name, read: { ok: true as const, data: fixtureData(name) } })));
  const xlsx = reviewXlsx(rows);
  const ours = printed('review', xlsx);
  const sheetOf = (page: string) => page.trim().split('\n')[0]!.trim(); // the page header names the sheet

  it('prints every page landscape, each sheet one page wide, in a reasonable number of pages', () => {
    expect(ours.sizes.length).toBe(ours.pages.length);
    for (const [w, h] of ours.sizes) expect(w).toBeGreaterThan(h);
    const perSheet = new Map<string, number>();
    for (const page of ours.pages) perSheet.set(sheetOf(page), (perSheet.get(sheetOf(page)) ?? 0) + 1);
    expect([...perSheet.keys()]).toEqual(['審査一覧', '指摘事項', '記載内容', '要件', '凡例']);
    expect(perSheet.get('審査一覧')).toBe(1); // four filings, all 37 columns on one page
    expect(perSheet.get('凡例')).toBe(1);
    expect(ours.pages.length).toBeLessThanOrEqual(14);
  });

  it('repeats the header row on every page', () => {
    const firstHeader: Record<string, string> = { 審査一覧: '事業者', 指摘事項: 'ガイドライン', 記載内容: '講じている措置', 要件: '適用', 凡例: '意味' };
    for (const [i, page] of ours.pages.entries()) expect(page, `page ${i + 1}`).toContain(firstHeader[sheetOf(page)]);
  });

  it('cuts no text: no row is too low for its text (no words drawn over others)', () => {
    expect(overlaps(wordBoxes(ours.pdf))).toEqual([]);
    // and the check sees rows that are too low: every row one line high
    const squat = printed('squat', withRowHeights(xlsx, () => 15));
    expect(overlaps(wordBoxes(squat.pdf)).length).toBeGreaterThan(20);
  });

  it('shows the substance: the opening of 講じている措置 beside its mark', () => {
    const text = ours.pages.filter((p) => sheetOf(p) === '記載内容').join('').replace(/\s+/g, '');
    const opening = [...String((fixtureData('sample/specified-complete.yaml') as any).measures['asset-network-inventory'].description).replace(/\s+/g, '')].slice(0, 12).join('');
    expect(text).toContain(opening);
  });
});
