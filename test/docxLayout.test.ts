import { describe, expect, it } from 'vitest';
import { parseMarkup } from '../src/document/parseMarkup.ts';
import type { Table } from '../src/document/tree.ts';
import { keepRowWithNext, writeDocx } from '../src/render/docx/writeDocx.ts';
import { japaneseTextWidth } from '../src/render/displayText.ts';
import { filingTree } from './helpers/documentTrees.ts';
import { type DocxParagraph, type DocxTable, readDocx } from './helpers/readDocx.ts';

/** The page rules of the Word writer, read back from the package (Word and LibreOffice apply them). */

const doc = (body: string, head = '') => parseMarkup(`<document title="t" date="2025-04-01">${head}${body}</document>`);
const read = async (tree: ReturnType<typeof doc>) => readDocx(await writeDocx(tree));

describe('Word page rules', () => {
  it('keeps headings and bold captions with what follows, and a table that fits on a page with itself', async () => {
    const docx = (await read(doc('<h2>見出し</h2><p><b>（１）ターミナル</b></p><table widths="1 1"><tr header="true"><th>項目</th><th>内容</th></tr><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table><p>本文</p>'))).read();
    const [heading, caption, table] = docx.blocks as [DocxParagraph, DocxParagraph, DocxTable];
    expect(heading.style).toBe('Heading2');
    expect(caption.keepNext).toBe(true);
    const cellParagraphs = (t: DocxTable, row: number) => t.rows[row]!.cells.flatMap((c) => c.blocks as DocxParagraph[]);
    // every paragraph of every row but the last keeps with the next: Word and LibreOffice keep the table on one page
    expect(cellParagraphs(table, 0).every((p) => p.keepNext)).toBe(true);
    expect(cellParagraphs(table, 1).every((p) => p.keepNext)).toBe(true);
    expect(cellParagraphs(table, 2).some((p) => p.keepNext)).toBe(false);
    // the same without a caption above
    const bare = (await read(doc('<p>本文</p><table widths="1 1"><tr header="true"><th>項目</th><th>内容</th></tr><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>'))).read();
    const bareTable = bare.blocks[1] as DocxTable;
    expect([0, 1, 2].map((r) => cellParagraphs(bareTable, r).every((p) => p.keepNext))).toEqual([true, true, false]);
    expect(table.rows.map((r) => [r.header, r.cantSplit])).toEqual([
      [true, true],
      [false, true],
      [false, true],
    ]);
    const styles = readDocx(await writeDocx(doc('<p>x</p>'))).xml('word/styles.xml');
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading2">[\s\S]*?<w:keepNext\/>[\s\S]*?<w:outlineLvl w:val="1"\/>[\s\S]*?<\/w:style>/);
  });

  it('lets a table longer than a page break only between body rows that leave two on each side, repeating its header row', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `<tr><td>第${i + 1}行</td><td>第${i + 1}行の内容を記載する。</td></tr>`).join('');
    const docx = (await read(doc(`<h3>一覧</h3><table widths="1 2"><tr header="true"><th>項目</th><th>内容</th></tr>${rows}</table>`))).read();
    const table = docx.blocks[1] as DocxTable;
    const keeps = table.rows.map((r) => r.cells.flatMap((c) => c.blocks as DocxParagraph[]).every((p) => p.keepNext));
    // header row and first body row kept with the next; the second-to-last with the last; free in between
    expect(keeps.slice(0, 3)).toEqual([true, true, false]);
    expect(keeps.slice(3, -2).every((k) => !k)).toBe(true);
    expect(keeps.slice(-2)).toEqual([true, false]);
    expect(table.rows.map((r) => r.header)).toEqual([true, ...Array.from({ length: 60 }, () => false)]);
    expect(table.rows.every((r) => r.cantSplit)).toBe(true);
  });

  it('keeps every paragraph of a table inside a kept row with the next row, so that Word reads the whole row as kept', async () => {
    const nested = '<table widths="1 1"><tr header="true"><th>区分</th><th>名称</th></tr><tr><td>a</td><td>b</td></tr></table>';
    const docx = (await read(doc(`<table widths="1 3"><tr><th>相手先</th><td>${nested}</td></tr><tr><th>最後</th><td>x</td></tr></table>`))).read();
    const outer = docx.blocks[0] as DocxTable;
    const inner = outer.rows[0]!.cells[1]!.blocks.find((b) => 'rows' in b) as DocxTable;
    expect(inner.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks as DocxParagraph[])).every((p) => p.keepNext)).toBe(true);
  });

  it('keeps a note under a table with the table’s last row, and the notes together', async () => {
    const docx = (await read(doc('<table widths="1 1"><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table><p size="small">注記一</p><p size="small">注記二</p><p>本文</p>'))).read();
    const [table, spacer, first, second] = docx.blocks as [DocxTable, DocxParagraph, DocxParagraph, DocxParagraph];
    expect(table.rows.at(-1)!.cells.flatMap((c) => c.blocks as DocxParagraph[]).every((p) => p.keepNext)).toBe(true);
    expect([spacer.keepNext, first.keepNext, second.keepNext]).toEqual([true, true, false]);
    // a draft's notes are gap marks, in bold: still notes, not captions of the heading after them
    const marked = (await read(doc('<table widths="1 1"><tr><td>a</td><td>b</td></tr></table><p size="small"><review>注記一</review></p><p size="small"><review>注記二</review></p><h3>次の措置</h3><p>本文</p>'))).read();
    expect((marked.blocks.slice(1, 4) as DocxParagraph[]).map((p) => p.keepNext ?? false)).toEqual([true, true, false]);
    // without a note the last row keeps with nothing
    const bare = (await read(doc('<table widths="1 1"><tr><td>a</td><td>b</td></tr></table><p>本文</p>'))).read();
    expect(((bare.blocks[0] as DocxTable).rows[0]!.cells[0]!.blocks[0] as DocxParagraph).keepNext).toBeFalsy();
  });

  it('counts the notes under a table with it: a table that fits on a page only without its notes breaks, two rows on each side', async () => {
    const row = (r: number) => `<tr><th>項目${r}</th><td>${`第${r}行の講じている措置の記載。`.repeat(22)}</td></tr>`;
    const notes = Array.from({ length: 3 }, (_, n) => `<p size="small"><review>${`注記${n + 1}：書類から読み取った記載です。原文と照らして確認してください。`.repeat(8)}</review></p>`).join('');
    const table = `<h3>（１）措置</h3><table widths="24 76">${[1, 2, 3, 4].map(row).join('')}</table>`;
    const keeps = async (markup: string) => {
      const t = (await read(doc(markup))).read().blocks.find((b) => 'rows' in b) as DocxTable;
      return t.rows.map((r) => r.cells.flatMap((c) => c.blocks as DocxParagraph[]).every((p) => p.keepNext));
    };
    // alone it fits: kept whole; with its notes it does not: a break after the second row only, the last row with the notes
    expect(await keeps(`${table}<p>本文</p>`)).toEqual([true, true, true, false]);
    expect(await keeps(`${table}${notes}<p>本文</p>`)).toEqual([true, false, true, true]);
  });

  it('keeps rows joined by a rowspan together, and a short table whole, in the rule it gives Word', () => {
    const t = (body: string) => doc(`<table widths="1 1">${body}</table>`).body[0] as Table;
    const row = (a: string) => `<tr><td>${a}</td><td>x</td></tr>`;
    expect(keepRowWithNext(t(row('a') + row('b') + row('c')), true)).toEqual([true, true, false]);
    // too long for a page: breaks only where two body rows are on each side
    expect(keepRowWithNext(t(['a', 'b', 'c', 'd', 'e', 'f'].map(row).join('')), false)).toEqual([true, false, false, false, true, false]);
    // rows 2 and 3 joined by a rowspan count as one row and are never parted
    const joined = row('a') + row('b') + '<tr><td rowspan="2">c</td><td>x</td></tr><tr><td>y</td></tr>' + row('d') + row('e');
    expect(keepRowWithNext(t(joined), false)).toEqual([true, false, true, false, true, false]);
  });

  it('turns on widow control and turns off the space Word adds between Japanese and Latin letters or digits', async () => {
    const styles = (await read(doc('<p>TOSの概要</p>'))).xml('word/styles.xml');
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:widowControl\/><w:autoSpaceDE w:val="0"\/><w:autoSpaceDN w:val="0"\/><w:spacing /);
  });

  it('writes digits and Latin letters half-width, and keeps the tree as typed', async () => {
    const tree = doc('<p>令和７年　ＴＯＳ</p>');
    expect((await read(tree)).text).toBe('令和7年　TOS');
    expect(JSON.stringify(tree)).toContain('令和７年　ＴＯＳ');
  });

  it.each([160, 100_000])('leaves the running header off the first page and fits a %i-character name on one header line', async (n) => {
    const name = '港北みなと運輸'.repeat(Math.ceil(n / 7)).slice(0, n);
    const docx = (await read(doc('<p>x</p>', `<header><p align="right" size="small">${name}　事業計画（TOSの概要及び情報セキュリティ）</p></header>`))).read();
    expect(docx.titlePage).toBe(true);
    expect(docx.headers.first!.blocks.map((b) => (b as DocxParagraph).text).join('')).toBe('');
    const [line] = docx.headers.default!.blocks as DocxParagraph[];
    expect(line!.text).toMatch(/^港北みなと運輸.*….*事業計画（TOSの概要及び情報セキュリティ）$/);
    // set at 7.5 pt (9 pt shrunk as far as it goes), it must fit in the A4 text width of 165 mm
    expect(docx.headers.default!.xml).toContain('<w:sz w:val="15"/>');
    expect(japaneseTextWidth(line!.text) * 7.5).toBeLessThanOrEqual((165 * 72) / 25.4);
  });

  it('widens a column so that ファイアウォール fits, taking room the other columns do not use', async () => {
    const docx = (await read(doc('<table widths="5 10 85"><tr><td>1</td><td>ファイアウォール</td><td>短い</td></tr></table>'))).read();
    const [table] = docx.blocks as [DocxTable];
    // 8 full-width characters at 9.5 pt are 1520 twips, plus the cell margins
    expect(table.columns[1]).toBeGreaterThanOrEqual(1520 + 120);
    expect(table.columns.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9355);
  });

  it('puts the applicant into the document properties of the sample as soon as the template passes it', async () => {
    const { tree } = filingTree('sample/specified-complete.yaml');
    const docx = (await read({ ...tree, author: '港北みなと運輸株式会社' })).read();
    expect(docx.core.creator).toBe('港北みなと運輸株式会社');
    expect(docx.core.title).toBe(tree.title);
  });
});
