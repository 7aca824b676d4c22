import { describe, expect, it } from 'vitest';
import { parseMarkup } from '../src/document/parseMarkup.ts';
import { writeDocx } from '../src/render/docx/writeDocx.ts';
import { writePdf } from '../src/render/pdf/writePdf.ts';
import { readDocx } from './helpers/readDocx.ts';
import { readPdf } from './helpers/readPdf.ts';

const rows = Array.from({ length: 60 }, (_, i) => `<tr><td>${i + 1}</td><td>${'長い本文の行です。'.repeat(1 + (i % 4))}</td></tr>`).join('');
const markup = `<document title="試験文書" date="2025-04-01">
<header><p align="right">ヘッダ</p></header>
<footer><p align="center">－ <page/> ／ <pages/> －</p></footer>
<h1 align="center">見出し一</h1>
<p indent="1">本文。<b>太字</b>と<u>下線</u>。</p>
<ol style="paren"><li>第一項</li><li>第二項</li></ol>
<table widths="1 4">
<tr header="true"><th>No.</th><th>内容</th></tr>
${rows}
</table>
<table widths="1 1 1"><tr><td rowspan="2">縦結合</td><td colspan="2">横結合</td></tr><tr><td>b</td><td>c</td></tr></table>
<pagebreak/>
<h2>別表</h2>
<p>最後のページ</p>
</document>`;

describe('pdf writer', () => {
  it('writes A4 pages with embedded subset fonts, the text in reading order and no .notdef glyph', async () => {
    const pdf = await readPdf(await writePdf(parseMarkup(markup)));
    expect(pdf.pageSizes.every((s) => Math.round(s.width) === 595 && Math.round(s.height) === 842)).toBe(true);
    // a subset's name starts with a six-letter tag (PDF 32000-1 §9.6.4)
    const names = pdf.fonts.map((f) => f.name);
    expect(names.every((n) => /^[A-Z]{6}\+/.test(n))).toBe(true);
    expect(names.map((n) => n.slice(7)).sort()).toEqual(['NotoSerifJP-Bold', 'NotoSerifJP-Regular']);
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
    expect(pdf.notdef).toBe(0);
    const all = pdf.pages.join('\f');
    const order = ['見出し一', '本文。', '（1）', '第一項', '（2）', '第二項', 'No.', '60', '縦結合', '横結合', '別表', '最後のページ'];
    let at = 0;
    for (const word of order) {
      const next = all.indexOf(word, at);
      expect(next, word).toBeGreaterThanOrEqual(at);
      at = next;
    }
  });

  it('splits a long table across pages, repeats its header row and numbers every page', async () => {
    const pdf = await readPdf(await writePdf(parseMarkup(markup)));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    const tablePages = pdf.pages.filter((p) => p.includes('長い本文'));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const page of tablePages) expect(page).toContain('No.内容');
    pdf.pages.forEach((page, i) => expect(page).toContain(`－ ${i + 1} ／ ${pdf.pages.length} －`));
    expect(pdf.pages.at(-1)).toContain('最後のページ');
    expect(pdf.pages.at(-2)).not.toContain('最後のページ');
  });

  it('is byte-identical when written twice', async () => {
    const tree = parseMarkup(markup);
    expect(Buffer.from(await writePdf(tree)).equals(Buffer.from(await writePdf(tree)))).toBe(true);
  });
});

describe('docx writer', () => {
  it('writes a well-formed package: A4, margins, Japanese font slots, page fields', async () => {
    const docx = readDocx(await writeDocx(parseMarkup(markup), { font: '游明朝' }));
    expect(docx.problems).toEqual([]);
    expect(docx.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(docx.xml('word/styles.xml')).toMatch(/<w:rFonts w:ascii="游明朝" w:cs="游明朝" w:eastAsia="游明朝" w:hAnsi="游明朝"\/>/);
    expect(docx.xml('word/styles.xml')).toContain('w:eastAsia="ja-JP"');
    const footer = Object.keys(docx.files).find((n) => /word\/footer\d*\.xml/.test(n))!;
    expect(docx.xml(footer)).toContain('PAGE');
    expect(docx.xml(footer)).toContain('NUMPAGES');
  });

  it('keeps the content and order, with header rows, merged cells and a page break', async () => {
    const docx = readDocx(await writeDocx(parseMarkup(markup)));
    const text = docx.text;
    expect(text.indexOf('見出し一')).toBeLessThan(text.indexOf('第一項'));
    expect(text.indexOf('第二項')).toBeLessThan(text.indexOf('No.'));
    expect(docx.document).toContain('<w:numPr>');
    expect(text.indexOf('縦結合')).toBeLessThan(text.indexOf('最後のページ'));
    expect(docx.document).toContain('<w:tblHeader/>');
    expect(docx.document).toContain('<w:gridSpan w:val="2"/>');
    expect(docx.document).toContain('<w:vMerge w:val="restart"/>');
    expect(docx.document).toContain('<w:pageBreakBefore/>');
    expect(docx.document).toMatch(/<w:b\/>[\s\S]*?太字/);
  });

  it('is byte-identical when written twice', async () => {
    const tree = parseMarkup(markup);
    expect(Buffer.from(await writeDocx(tree)).equals(Buffer.from(await writeDocx(tree)))).toBe(true);
  });
});
