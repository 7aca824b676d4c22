import { describe, expect, it } from 'vitest';
import { MarkupError, parseMarkup } from '../src/document/parseMarkup.ts';
import { type Block, PLAIN, blockText, listMarker, type Paragraph, type Table } from '../src/document/tree.ts';

const doc = (body: string) => parseMarkup(`<document title="t" date="2025-04-01">${body}</document>`);

describe('markup → document tree', () => {
  it('drops template line breaks and indentation without adding spaces, and keeps <br/>', () => {
    const tree = doc('<p>\n    申請者は、\n    港湾運送事業者である。<br/>二行目</p>');
    const p = tree.body[0] as Paragraph;
    expect(blockText(p)).toBe('申請者は、港湾運送事業者である。\n二行目');
    expect(p.align).toBe('justify');
  });

  it('decodes the escapes Handlebars writes, so user text comes out as typed', () => {
    const tree = doc('<p>&lt;b&gt;A&amp;B&lt;/b&gt; &quot;x&quot; &#x27;y&#x27; &#x60;z&#x60; &#x3D;</p>');
    expect(blockText(tree.body[0]!)).toBe('<b>A&B</b> "x" \'y\' `z` =');
  });

  it('flattens emphasis into styled runs and marks gaps', () => {
    const tree = doc('<p>a<b>b<u>c</u></b><missing/><review>確認</review></p>');
    const p = tree.body[0] as Paragraph;
    expect(p.children.map((c) => (c.type === 'text' ? [c.text, c.style.bold, c.style.underline, c.style.mark] : c.type))).toEqual([
      ['a', false, false, null],
      ['b', true, false, null],
      ['c', true, true, null],
      ['【未記入】', true, false, 'missing'],
      ['【要確認：確認】', true, false, 'review'],
    ]);
  });

  it('never makes a mark of text that only looks like one', () => {
    const tree = doc('<p>利用者が書いた【未記入】と【要確認】</p>');
    const p = tree.body[0] as Paragraph;
    expect(p.children).toEqual([{ type: 'text', text: '利用者が書いた【未記入】と【要確認】', style: PLAIN }]);
  });

  it('reads tables with header rows, merged cells and relative widths', () => {
    const tree = doc(
      '<table widths="1 2 1"><tr header="true"><th colspan="3">見出し</th></tr>' +
        '<tr><td rowspan="2">A</td><td>B</td><td align="center"><check on="true"/></td></tr>' +
        '<tr><td>C</td><td><check on="false"/></td></tr></table>',
    );
    const t = tree.body[0] as Table;
    expect(t.widths).toEqual([1, 2, 1]);
    expect(t.rows[0]!.header).toBe(true);
    expect(t.rows[0]!.cells[0]).toMatchObject({ header: true, colspan: 3 });
    expect(t.rows[1]!.cells[0]).toMatchObject({ rowspan: 2 });
    expect(blockText(t)).toBe('見出し\nA\tB\t■\nC\t□');
  });

  it('reads lists, page breaks, header and footer with page fields', () => {
    const tree = parseMarkup(
      '<document title="t" date="2025-04-01" draft="true"><header><p>h</p></header><footer><p><page/>/<pages/></p></footer>' +
        '<ol style="paren"><li>一</li><li><p>二</p><ul><li>入れ子</li></ul></li></ol><pagebreak/></document>',
    );
    expect(tree.draft).toBe(true);
    expect(tree.footer[0]!.children.map((c) => c.type)).toEqual(['page', 'text', 'pages']);
    expect(tree.body.map((b) => b.type)).toEqual(['list', 'pagebreak']);
    expect(listMarker('paren', 2)).toBe('（2）');
    expect(listMarker('paren-katakana', 3)).toBe('（ウ）');
  });

  it('numbers nested ordered lists 1 → （1） → ア → （ア） unless a style is named', () => {
    const tree = doc('<ol><li>a<ol><li>b<ul><li>c<ol><li>d<ol><li>e</li></ol></li></ol></li></ul></li></ol></li></ol><ol style="katakana"><li>f</li></ol>');
    const styles: string[] = [];
    const walk = (blocks: readonly Block[]) =>
      blocks.forEach((b) => {
        if (b.type === 'list') {
          styles.push(b.style);
          b.items.forEach(walk);
        }
      });
    walk(tree.body);
    expect(styles).toEqual(['decimal', 'paren', 'bullet', 'katakana', 'paren-katakana', 'katakana']);
  });

  it('reads the author for the document properties, empty when not given', () => {
    expect(parseMarkup('<document title="t" author="港北みなと運輸株式会社" date="2025-04-01"/>').author).toBe('港北みなと運輸株式会社');
    expect(doc('<p>x</p>').author).toBe('');
  });

  it.each([
    ['<p>x<foo/></p>', /1:\d+: <foo>: unknown element/],
    ['<p colour="red">x</p>', /unknown attribute "colour"/],
    ['<table widths="1 1"><tr><td>a</td></tr></table>', /widths names 2 columns but the rows have 1/],
    ['<p>x', /1:\d+:/],
    ['<p><check on="yes"/></p>', /on must be "true" or "false"/],
    ['<p>a</q>', /1:\d+:/],
    ['<p><i>斜体</i></p>', /<i>: unknown element/],
    ['<p><page/></p>', /<page>: is allowed only in <header> and <footer>/],
    ['<table widths="1"><tr><td><h2>x</h2></td></tr></table>', /<h2>: is not allowed inside a table cell or a list item/],
    ['<ul><li><pagebreak/></li></ul>', /<pagebreak>: is not allowed inside a table cell or a list item/],
  ])('rejects %s with line and column', (body, message) => {
    expect(() => doc(body)).toThrow(MarkupError);
    expect(() => doc(body)).toThrow(message);
  });
});
