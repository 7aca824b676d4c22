import { beforeAll, describe, expect, it } from 'vitest';
import { parseMarkup } from '../src/document/parseMarkup.ts';
import { type Block, type DocumentTree, type Inline, LIST_STYLES, listMarker } from '../src/document/tree.ts';
import { writeDocx } from '../src/render/docx/writeDocx.ts';
import { pageGeometry } from '../src/render/pdf/pageStyle.ts';
import { writePdf } from '../src/render/pdf/writePdf.ts';
import { type DocxParagraph, type DocxTable, readDocx } from './helpers/readDocx.ts';
import { type PdfReadBack, readPdf } from './helpers/readPdf.ts';

/**
 * One tree holding every element and style of the markup vocabulary, through both writers, read back: each
 * writer must show each of them (what one writer cannot show is not in the vocabulary).
 */
const MARKUP = `<document title="全要素の文書" author="港北みなと運輸株式会社" date="2025-04-01" draft="true">
<header><p align="right" size="small">ヘッダ<b>太字</b><u>下線</u></p><p>二つ目のヘッダ</p></header>
<footer><p align="center" size="small">－ <page/> ／ <pages/> －</p></footer>
<h1 align="center">見出し一<br/>二行目</h1>
<h2>見出し二</h2>
<h3 align="right">見出し三</h3>
<p align="left" indent="1" left="2" size="small">左寄せ<b>太字</b><u>下線</u><b><u>太字下線</u></b><missing/><review>確認事項</review><check on="true"/><check on="false"/>改行前<br/>改行後ＡＢＣ１２３</p>
<p align="center">中央揃え</p>
<p align="right">右揃え</p>
<p>両端揃えの段落は、行末をそろえるために文字の間隔を広げる。${'港湾運送事業者は情報セキュリティを確保する。'.repeat(4)}</p>
<ol><li>一項<ol><li>入れ子<ol><li>三段目<ol><li>四段目</li></ol></li></ol></li></ol></li><li>二項</li></ol>
${LIST_STYLES.map((s) => (s === 'bullet' ? '<ul><li>点一</li><li>点二</li></ul>' : `<ol style="${s}"><li>${s}一</li><li>${s}二</li></ol>`)).join('')}
<table widths="1 2 2"><tr header="true"><th colspan="3">表題</th></tr><tr header="true"><th>甲</th><th align="center">乙</th><th>丙</th></tr>
<tr><td rowspan="2">縦結合</td><td align="right">右寄せのセル</td><td><p>セルの段落</p><ul><li>セル内の点</li></ul></td></tr>
<tr><td>下の行</td><td><table widths="1 1"><tr><td>入れ子の表</td><td>その右</td></tr></table></td></tr></table>
<pagebreak/>
<p>改ページの後</p>
</document>`;

const tree: DocumentTree = parseMarkup(MARKUP);
let pdf: PdfReadBack;
let docx: ReturnType<ReturnType<typeof readDocx>['read']>;

beforeAll(async () => {
  pdf = await readPdf(await writePdf(tree));
  const bytes = readDocx(await writeDocx(tree));
  expect(bytes.problems).toEqual([]);
  docx = bytes.read();
});

/** Every docx paragraph in document order, also inside tables. */
function docxParagraphs(blocks = docx.blocks): DocxParagraph[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : b.rows.flatMap((r) => r.cells.flatMap((c) => docxParagraphs(c.blocks)))));
}
const docxText = () => docxParagraphs().map((p) => p.text).join('\n');
const pdfText = () => pdf.pages.join('\n');
const flat = (s: string) => s.replace(/\s+/g, '');

/** The text of the tree's inline content with the given style, as the writers show it (half-width digits and letters). */
function styledText(pick: (c: Extract<Inline, { type: 'text' }>) => boolean, blocks: readonly Block[] = tree.body): string {
  let out = '';
  for (const b of blocks) {
    if (b.type === 'paragraph' || b.type === 'heading') for (const c of b.children) if (c.type === 'text' && pick(c)) out += c.text;
    if (b.type === 'list') b.items.forEach((item) => (out += styledText(pick, item)));
    if (b.type === 'table') for (const r of b.rows) for (const cell of r.cells) out += styledText(pick, cell.children);
  }
  return out.replace(/[０-９Ａ-Ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

describe('the PDF and the Word writer agree on every element of the vocabulary', () => {
  it('show the same text in the same order, digits and Latin letters half-width', () => {
    const words = ['見出し一', '二行目', '見出し二', '見出し三', '左寄せ', '改行前', '改行後ABC123', '中央揃え', '右揃え', '両端揃え', '一項', '入れ子', '三段目', '四段目', '二項', '点一', '表題', '甲', '乙', '丙', '縦結合', '右寄せのセル', 'セルの段落', 'セル内の点', '下の行', '入れ子の表', 'その右', '改ページの後'];
    for (const [name, text] of [['pdf', flat(pdfText())], ['docx', flat(docxText())]] as const) {
      let at = 0;
      for (const word of words) {
        const found = text.indexOf(word, at);
        expect(found, `${name}: ${word}`).toBeGreaterThanOrEqual(at);
        at = found;
      }
      expect(text, name).not.toMatch(/[０-９Ａ-Ｚａ-ｚ]/);
    }
  });

  it('show bold, underline, gap marks and check boxes on the same text', () => {
    const bold = flat(styledText((c) => c.style.bold));
    const underlined = flat(styledText((c) => c.style.underline || !!c.style.mark));
    const missing = styledText((c) => c.style.mark === 'missing');
    const review = styledText((c) => c.style.mark === 'review');
    // PDF: bold is the bold font; an underline is a line under the run; marks are coloured
    const bodyRuns = pdf.runs.flat().filter((r) => !r.rotated && r.y < pageGeometry('portrait').height - pageGeometry('portrait').top);
    const isHeading = (size: number) => size > 10.5;
    expect(flat(bodyRuns.filter((r) => r.font.includes('Bold') && !isHeading(r.size)).map((r) => r.text).join(''))).toBe(bold);
    const underlinedRuns = pdf.runs.flatMap((runs, page) =>
      runs.filter((r) => pdf.lines[page]!.some((l) => Math.abs(l.y1 - (r.y - r.size * 0.15)) < 0.5 && l.x1 <= r.x + 0.5 && l.x2 >= r.x + 0.5)),
    );
    expect(flat(underlinedRuns.filter((r) => r.y < pageGeometry('portrait').height - pageGeometry('portrait').top).map((r) => r.text).join(''))).toBe(underlined);
    expect(bodyRuns.filter((r) => r.color[0] > 0.75 && r.color[1] < 0.1).map((r) => r.text).join('')).toBe(missing);
    expect(bodyRuns.filter((r) => r.color[0] > 0.6 && r.color[1] > 0.3 && r.color[1] < 0.5).map((r) => r.text).join('')).toBe(review);
    // Word: run properties
    const runs = docxParagraphs().filter((p) => !p.style?.startsWith('Heading')).flatMap((p) => p.runs);
    expect(flat(runs.filter((r) => r.bold).map((r) => r.text).join(''))).toBe(bold);
    expect(flat(runs.filter((r) => r.underline).map((r) => r.text).join(''))).toBe(underlined);
    expect(runs.filter((r) => r.color === 'CC0000').map((r) => r.text).join('')).toBe(missing);
    expect(runs.filter((r) => r.color === 'B36600').map((r) => r.text).join('')).toBe(review);
    for (const text of [flat(pdfText()), flat(docxText())]) expect(text).toContain('■□改行前');
  });

  it('show headings as headings: bookmarks and heading sizes in the PDF, heading styles in Word', () => {
    const headings = tree.body.flatMap((b) => (b.type === 'heading' ? [{ level: b.level, text: styledText(() => true, [b]) }] : []));
    expect(docxParagraphs().filter((p) => p.style?.startsWith('Heading')).map((p) => ({ level: Number(p.style!.slice(-1)), text: p.text.replace(/\n/g, '') }))).toEqual(headings);
    const sizes = { 1: 15, 2: 12.5, 3: 11 } as const;
    for (const h of headings) expect(flat(pdf.runs[0]!.filter((r) => r.size === sizes[h.level]).map((r) => r.text).join('')), `h${h.level}`).toContain(h.text);
    expect(pdf.outline.map((o) => [o.title, o.children.map((c) => c.title)])).toEqual([['見出し二', ['見出し三']]]);
  });

  it('align and indent paragraphs alike', () => {
    const g = pageGeometry('portrait');
    const run = (text: string) => pdf.runs[0]!.find((r) => r.text.startsWith(text))!;
    const right = (r: { x: number; text: string; size: number }) => r.x + r.text.length * r.size;
    expect(Math.abs(run('中央揃え').x + 2 * 10.5 - (g.left + g.contentWidth / 2))).toBeLessThan(1);
    expect(Math.abs(right(run('右揃え')) - (g.left + g.contentWidth))).toBeLessThan(1);
    expect(run('左寄せ').x - g.left).toBeCloseTo((2 + 1) * 9, 1); // left 2 em + first-line indent 1 em, at the small size
    expect(run('左寄せ').size).toBe(9);
    const p = (text: string) => docxParagraphs().find((q) => q.text.startsWith(text))!;
    expect([p('中央揃え').align, p('右揃え').align, p('両端揃え').align, p('左寄せ').align]).toEqual(['center', 'right', 'both', undefined]);
    expect(p('左寄せ').style).toBe('TfSmall');
  });

  it('number lists 1 → （1） → ア → （ア） and by the named style, each list from 1', () => {
    const expected: string[] = [];
    const walk = (blocks: readonly Block[]) =>
      blocks.forEach((b) => {
        if (b.type !== 'list') return;
        b.items.forEach((item, i) => {
          const first = item[0];
          expected.push(`${listMarker(b.style, i + 1)}${first?.type === 'paragraph' ? styledText(() => true, [first]) : ''}`);
          walk(item);
        });
      });
    walk(tree.body);
    expect(expected.slice(0, 5)).toEqual(['1一項', '（1）入れ子', 'ア三段目', '（ア）四段目', '2二項']);
    // PDF: the marker is drawn before the item's text
    const pdfFlat = flat(pdfText());
    for (const item of expected) expect(pdfFlat, item).toContain(item);
    // Word: numbering definitions, counted per list
    const counts = new Map<string, number>();
    const shown = docxParagraphs()
      .filter((p) => p.numbering && p.style !== 'TfCell')
      .map((p) => {
        const n = (counts.get(p.numbering!.numId) ?? 0) + 1;
        counts.set(p.numbering!.numId, n);
        const def = docx.numbering.get(p.numbering!.numId)!;
        const number = def.format === 'decimal' ? String(n) : def.format === 'aiueoFullWidth' ? 'アイウエオ'[n - 1]! : '';
        return `${def.format === 'bullet' ? def.text : def.text.replace('%1', number)}${p.text}`;
      });
    expect(shown).toEqual(expected.filter((e) => !e.includes('セル内')));
  });

  it('show tables with header rows (repeated in Word), merged cells, cell alignment and a nested table', () => {
    const table = docx.blocks.find((b): b is DocxTable => b.kind === 'table')!;
    expect(table.rows.map((r) => r.header)).toEqual([true, true, false, false]);
    expect(table.rows.every((r) => r.cantSplit)).toBe(true);
    expect(table.rows[0]!.cells[0]!.span).toBe(3);
    expect(table.rows.slice(2).map((r) => r.cells[0]!.merge)).toEqual(['restart', 'continue']);
    expect((table.rows[2]!.cells[1]!.blocks[0] as DocxParagraph).align).toBe('right');
    expect(table.rows[3]!.cells.at(-1)!.blocks.some((b) => b.kind === 'table')).toBe(true);
    // PDF: the right-aligned cell text ends at its cell's right edge (less padding), left of the third column
    const cell = pdf.runs[0]!.find((r) => r.text === '右寄せのセル')!;
    const third = pdf.runs[0]!.find((r) => r.text === 'セルの段落')!;
    expect(third.x - (cell.x + 6 * 9.5)).toBeGreaterThan(4);
    expect(third.x - (cell.x + 6 * 9.5)).toBeLessThan(12);
  });

  it('break the page where the tree says', () => {
    expect(pdf.pages.at(-1)).toContain('改ページの後');
    expect(pdf.pages.at(-2)).not.toContain('改ページの後');
    const paragraphs = docxParagraphs();
    const after = paragraphs.findIndex((p) => p.text === '改ページの後');
    expect(paragraphs.slice(after - 2, after).some((p) => p.pageBreakBefore)).toBe(true);
  });

  it('leave the running header off the cover, fit it on the other pages, and number pages in the footer', () => {
    expect(pdf.pages[0]).not.toContain('ヘッダ');
    pdf.pages.slice(1).forEach((page) => expect(page).toMatch(/ヘッダ太字下線[\s\S]*二つ目のヘッダ/));
    pdf.pages.forEach((page, i) => expect(page).toContain(`－ ${i + 1} ／ ${pdf.pages.length} －`));
    expect(docx.titlePage).toBe(true);
    const headerText = (h: typeof docx.headers.first) => (h?.blocks ?? []).map((b) => (b.kind === 'paragraph' ? b.text : '')).join('\n');
    expect(headerText(docx.headers.first)).toBe('');
    expect(headerText(docx.headers.default)).toBe('ヘッダ太字下線\n二つ目のヘッダ');
    for (const footer of [docx.footers.first, docx.footers.default]) {
      const runs = (footer!.blocks[0] as DocxParagraph).runs;
      expect(runs.map((r) => r.field ?? r.text).join('')).toBe('－ PAGE ／ NUMPAGES －');
    }
  });

  it('mark a draft on every page: a watermark in both', () => {
    for (const runs of pdf.runs) expect(runs.filter((r) => r.rotated).map((r) => r.text)).toEqual(['下書き']);
    for (const header of [docx.headers.first, docx.headers.default]) expect(header!.xml).toMatch(/<v:shape [^>]*id="PowerPlusWaterMarkObject\d+"[\s\S]*string="下書き"/);
  });

  it('carry the title and the author into the document properties', () => {
    expect(pdf.info).toEqual({ title: '全要素の文書', author: '港北みなと運輸株式会社' });
    expect(docx.core).toEqual({ title: '全要素の文書', creator: '港北みなと運輸株式会社' });
  });
});
