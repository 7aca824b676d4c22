import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PDFDocument, rgb } from 'pdf-lib';
import { readPlanDocx } from '../src/readers/plan/readPlanDocx.ts';
import { readPlanPdf } from '../src/readers/plan/readPlanPdf.ts';
import { buildDocs } from './helpers/buildDocs.ts';
import { formatNumber } from '../src/readers/plan/wordNumbering.ts';
import type { PlanRead, TextBlock } from '../src/readers/plan/textBlock.ts';
import { HEADING_STYLES, numbering, p, planDocx, table, textBox } from './helpers/planDocx.ts';

const blocksOf = (read: PlanRead): TextBlock[] => {
  if (!read.ok) throw new Error(read.message);
  return read.blocks;
};

describe('the reader of hand-typed Word plans', () => {
  it('reads paragraphs in order, headings by style name or outline level, and skips empty ones', () => {
    const blocks = blocksOf(
      readPlanDocx(
        planDocx([p('事業計画', { style: '1' }), p(''), p('当社は横浜港で事業を行う。'), p('体制', { style: '2' }), p('小見出し', { style: 'Midashi3' }), p('直接の見出し', { outline: 0 })].join(''), { styles: HEADING_STYLES }),
      ),
    );
    expect(blocks.map((b) => [b.index, b.kind, b.level, b.text])).toEqual([
      [1, 'heading', 1, '事業計画'],
      [2, 'paragraph', undefined, '当社は横浜港で事業を行う。'],
      [3, 'heading', 2, '体制'],
      [4, 'heading', 3, '小見出し'],
      [5, 'heading', 1, '直接の見出し'],
    ]);
    expect(blocks.every((b) => b.page === undefined)).toBe(true);
  });

  it('computes the numbers Word shows for numbered paragraphs: （１）, ①, ア, restarting deeper levels', () => {
    const num = numbering({
      1: [
        ['decimalFullWidth', '（%1）'],
        ['decimalEnclosedCircle', '%2'],
        ['aiueoFullWidth', '%3'],
      ],
      2: [['decimal', '%1.']],
      3: [['bullet', '\uf0b7']],
    });
    const body = [
      p('資産管理', { num: [1, 0] }),
      p('台帳を作る', { num: [1, 1] }),
      p('毎年見直す', { num: [1, 1] }),
      p('担当者', { num: [1, 2] }),
      p('委託先管理', { num: [1, 0] }),
      p('契約に定める', { num: [1, 1] }),
      p('別の一覧', { num: [2, 0] }),
      p('箇条書き', { num: [3, 0] }),
    ].join('');
    const blocks = blocksOf(readPlanDocx(planDocx(body, { numbering: num })));
    expect(blocks.map((b) => [b.label, b.text, b.kind, b.level])).toEqual([
      ['（１）', '資産管理', 'list-item', 1],
      ['①', '台帳を作る', 'list-item', 2],
      ['②', '毎年見直す', 'list-item', 2],
      ['ア', '担当者', 'list-item', 3],
      ['（２）', '委託先管理', 'list-item', 1],
      ['①', '契約に定める', 'list-item', 2],
      ['1.', '別の一覧', 'list-item', 1],
      ['・', '箇条書き', 'list-item', 1],
    ]);
  });

  it('formats the counters of the numbering formats Japanese plans use', () => {
    expect([3, 12].map((n) => formatNumber(n, 'decimalFullWidth'))).toEqual(['３', '１２']);
    expect([1, 20, 21].map((n) => formatNumber(n, 'decimalEnclosedCircle'))).toEqual(['①', '⑳', '㉑']);
    expect([1, 3].map((n) => formatNumber(n, 'aiueoFullWidth'))).toEqual(['ア', 'ウ']);
    expect([1, 3].map((n) => formatNumber(n, 'irohaFullWidth'))).toEqual(['イ', 'ハ']);
    expect([3, 10, 14, 21].map((n) => formatNumber(n, 'japaneseCounting'))).toEqual(['三', '十', '十四', '二十一']);
    expect([4, 9].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['IV', 'IX']);
    expect(formatNumber(2, 'decimalEnclosedParen')).toBe('⑵');
  });

  it('reads each table cell with its table, row and column; a cell of several paragraphs is one block', () => {
    const body = [p('前文'), table([['項目', '内容'], ['資産の管理', '台帳で管理する。\n年1回見直す。']]), table([['別表']])].join('');
    const blocks = blocksOf(readPlanDocx(planDocx(body)));
    expect(blocks.map((b) => [b.kind, b.text, b.cell])).toEqual([
      ['paragraph', '前文', undefined],
      ['table-cell', '項目', { table: 1, row: 0, column: 0 }],
      ['table-cell', '内容', { table: 1, row: 0, column: 1 }],
      ['table-cell', '資産の管理', { table: 1, row: 1, column: 0 }],
      ['table-cell', '台帳で管理する。\n年1回見直す。', { table: 1, row: 1, column: 1 }],
      ['table-cell', '別表', { table: 2, row: 0, column: 0 }],
    ]);
  });

  it('reads a text box once (not again from its VML fallback), and leaves headers out', () => {
    const body = [p('本文の一'), textBox('枠内の注記', '図1'), p('本文の二')].join('');
    const blocks = blocksOf(readPlanDocx(planDocx(body, { header: '株式会社ヘッダー　社外秘' })));
    const texts = blocks.map((b) => b.text);
    expect(texts.filter((t) => t === '枠内の注記')).toHaveLength(1);
    expect(texts).toEqual(['本文の一', '枠内の注記', '図1', '本文の二']);
    expect(texts.join('')).not.toContain('ヘッダー');
  });

  it('leaves out hidden text and deleted revisions, keeps inserted ones', () => {
    const body =
      '<w:p><w:r><w:t>見える本文</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隠し文字</w:t></w:r>' +
      '<w:del><w:r><w:delText>削除した文</w:delText></w:r></w:del><w:ins><w:r><w:t>と追加した文</w:t></w:r></w:ins></w:p>' +
      '<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>段落記号だけが隠しの段落</w:t></w:r></w:p>';
    expect(blocksOf(readPlanDocx(planDocx(body))).map((b) => b.text)).toEqual(['見える本文と追加した文', '段落記号だけが隠しの段落']);
  });

  it('reads the text of a .docm and nothing of its macro project', () => {
    const docm = planDocx(p('マクロ付きの計画'), { extra: { 'word/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) } });
    expect(blocksOf(readPlanDocx(docm)).map((b) => b.text)).toEqual(['マクロ付きの計画']);
  });

  it('refuses a broken zip, a zip without a body, and a zip bomb with the reading bounds', () => {
    const bad = readPlanDocx(strToU8('PK\u0003\u0004 not a zip'));
    expect(bad).toMatchObject({ ok: false, problem: 'damaged' });
    expect(readPlanDocx(zipSync({ 'x.txt': strToU8('x') }))).toMatchObject({ ok: false, problem: 'damaged' });
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
    const read = readPlanDocx(bomb);
    expect(read).toMatchObject({ ok: false, problem: 'too-large' });
    if (!read.ok) expect(read.message).toMatch(/大きすぎる/);
  });
});

describe('the reader of PDFs with a text layer', () => {
  it('reads our own PDF as blocks with their pages: the cover on page 1, later text on later pages, the running head left out', async () => {
    const { pdf } = await buildDocs('sample/specified-complete.yaml', false);
    const read = await readPlanPdf(pdf);
    const blocks = blocksOf(read);
    expect(read.ok && read.pages).toBeGreaterThan(5);
    const name = blocks.find((b) => b.text.includes('港北みなと運輸株式会社'));
    expect(name?.page).toBe(1);
    expect(blocks.find((b) => b.text.startsWith('令和7年4月1日'))?.text).toBe('令和7年4月1日'); // the date stands alone, not joined to 宛先
    expect(blocks.some((b) => b.kind === 'heading' && b.text.includes('TOSの概要'))).toBe(true);
    expect(Math.max(...blocks.map((b) => b.page ?? 0))).toBe(read.ok ? read.pages : -1);
    // the header our writer repeats on every page after the first is not body text
    expect(blocks.filter((b) => /事業計画（TOSの概要及び情報セキュリティ）$/.test(b.text) && b.text.startsWith('港北みなと運輸株式会社'))).toHaveLength(0);
    expect(blocks.map((b) => b.index)).toEqual(blocks.map((_, i) => i + 1));
    // Japanese text runs on without spaces put in by the layout
    expect(blocks.some((b) => b.text.includes('TOSの概要'))).toBe(true);
  });

  it('says a PDF without text is scanned and that tos-filing does no OCR', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) });
    const read = await readPlanPdf(await doc.save());
    expect(read).toMatchObject({ ok: false, problem: 'no-text-layer' });
    if (!read.ok) expect(read.message).toMatch(/スキャン.*OCR/);
  });

  it('refuses a file that only starts like a PDF', async () => {
    const read = await readPlanPdf(strToU8('%PDF-1.7\nthis is not a pdf at all\n%%EOF'));
    expect(read).toMatchObject({ ok: false, problem: 'damaged' });
  });
});
