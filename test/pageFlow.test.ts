import { describe, expect, it } from 'vitest';
import { parseMarkup } from '../src/document/parseMarkup.ts';
import { keepsWithNext } from '../src/render/keepWithNext.ts';
import { type Box, type BoxTag, mayBreakBeforeLine, tableBreaks } from '../src/render/pdf/layout.ts';
import { type PlacedBox, paginate } from '../src/render/pdf/pageFlow.ts';

/** Synthetic boxes: the page flow sees only heights and break permissions. */
let blocks = 0;
const draw = () => {};
function paragraph(lines: number, height = 10): Box[] {
  const block = blocks++;
  return Array.from({ length: lines }, (_, line) => ({ height, breakBefore: mayBreakBeforeLine(line, lines), tag: { kind: 'line', block, line, lines }, draw }));
}
function heading(): Box[] {
  const block = blocks++;
  return [
    { height: 5, breakBefore: true, tag: { kind: 'space' }, draw },
    { height: 10, breakBefore: false, tag: { kind: 'heading', block, level: 2, line: 0, lines: 1, title: 'h' }, draw },
  ];
}
/** Marks the first box of `boxes` as kept with what came before (a heading). */
const kept = (boxes: Box[]) => [{ ...boxes[0]!, breakBefore: false }, ...boxes.slice(1)];

function table(rows: number[], headerRows: number): Box[] {
  const headers: Box[] = [];
  return rows.map((height, row) => {
    const header = row < headerRows;
    const tag: BoxTag = { kind: 'row', table: 0, row, header, part: 'whole', height };
    const box: Box = {
      height,
      breakBefore: row === 0 || row > headerRows,
      tag,
      draw,
      repeat: header ? undefined : headers,
      split: (room) => [
        { height: room, breakBefore: true, tag: { ...tag, part: 'head' }, draw },
        { height: height - room + 4, breakBefore: true, tag: { ...tag, part: 'rest' }, draw },
      ],
    };
    if (header) headers.push(box);
    return box;
  });
}

const describePages = (pages: PlacedBox[][]) =>
  pages.map((page) =>
    page.map(({ box: { tag }, repeated }) =>
      tag.kind === 'line' ? `p${tag.block}.${tag.line}` : tag.kind === 'row' ? `${repeated ? 'R' : 'r'}${tag.row}${tag.part === 'whole' ? '' : tag.part[0]}` : tag.kind === 'heading' ? 'H' : tag.kind[0],
    ),
  );

describe('page flow', () => {
  it('moves a line back so that no page starts with the last line of a paragraph (widow)', () => {
    blocks = 0;
    // 5 lines of 10 on pages of 40: 4 + 1 would leave a widow, so 3 + 2
    expect(describePages(paginate(paragraph(5), 40))).toEqual([
      ['p0.0', 'p0.1', 'p0.2'],
      ['p0.3', 'p0.4'],
    ]);
  });

  it('never leaves the first line of a paragraph alone at a page foot (orphan)', () => {
    blocks = 0;
    const boxes = [...paragraph(3), ...paragraph(4)];
    // 3 lines + 1 would fit on a page of 40, but one line alone must go over with the rest
    expect(describePages(paginate(boxes, 40))).toEqual([
      ['p0.0', 'p0.1', 'p0.2'],
      ['p1.0', 'p1.1', 'p1.2', 'p1.3'],
    ]);
  });

  it('keeps a heading with two lines of the paragraph after it, and drops space at the top of a page', () => {
    blocks = 0;
    const boxes = [...paragraph(2), ...heading(), ...kept(paragraph(3))];
    // the heading and one line would fit under the paragraph, but not the heading and two
    expect(describePages(paginate(boxes, 45))).toEqual([['p0.0', 'p0.1'], ['H', 'p2.0', 'p2.1', 'p2.2']]);
  });

  it('keeps a heading with a table’s header row and first body row, and repeats the header row after a break', () => {
    blocks = 0;
    const boxes = [...paragraph(2), ...heading(), ...kept(table([10, 10, 10, 10, 10], 1))];
    const pages = describePages(paginate(boxes, 45));
    expect(pages[0]).toEqual(['p0.0', 'p0.1']);
    expect(pages[1]).toEqual(['H', 'r0', 'r1', 'r2']);
    expect(pages[2]).toEqual(['R0', 'r3', 'r4']);
  });

  it('moves a table that fits on a page to the next page whole, with its heading, rather than leave its last rows alone', () => {
    blocks = 0;
    const boxes = [...paragraph(2), ...heading(), ...kept(table([10, 10, 10, 10], 0))];
    tableBreaks(boxes, 4, 60);
    // the heading and three rows would fit under the paragraph, the last row alone overleaf
    expect(describePages(paginate(boxes, 60))).toEqual([['p0.0', 'p0.1'], ['H', 'r0', 'r1', 'r2', 'r3']]);
  });

  it('counts the notes under a table with it: a table that fits only without them splits, two rows on each side, the notes going with the last', () => {
    blocks = 0;
    // a note's lines are kept with the table's last row (layout.ts bodyBoxes)
    const note = () => paragraph(1).map((b) => ({ ...b, breakBefore: false }));
    const boxes = [...paragraph(2), ...heading(), ...kept(table([10, 10, 10, 10], 0)), ...note(), ...note()];
    tableBreaks(boxes, 4, 60);
    // the heading and the table (55) fit on a page, but not with their notes (75): not the notes alone overleaf
    expect(describePages(paginate(boxes, 60))).toEqual([
      ['p0.0', 'p0.1', 's', 'H', 'r0', 'r1'],
      ['r2', 'r3', 'p2.0', 'p3.0'],
    ]);
  });

  it('splits a table longer than a page only where two body rows are left on each side', () => {
    blocks = 0;
    const rows = (n: number) => [10, ...Array.from({ length: n }, () => 10)];
    for (const n of [4, 5, 6, 7, 9]) {
      const boxes = [...paragraph(2), ...heading(), ...kept(table(rows(n), 1))];
      tableBreaks(boxes, 4, 45);
      const pages = describePages(paginate(boxes, 45));
      const bodyRows = pages.map((page) => page.filter((b) => /^r[1-9]/.test(b ?? '')).length).filter((k) => k > 0);
      expect(bodyRows.reduce((a, b) => a + b, 0)).toBe(n);
      expect(bodyRows.length).toBeGreaterThan(1);
      for (const k of bodyRows) expect(k).toBeGreaterThanOrEqual(2);
      // every page that continues the table starts with its header row
      for (const page of pages.slice(2)) expect(page[0]).toBe('R0');
    }
  });

  it('moves a row that does not fit to the next page whole, and splits only a row taller than a page', () => {
    blocks = 0;
    const short = describePages(paginate([...paragraph(2), ...table([10, 25], 1)], 50));
    expect(short).toEqual([['p0.0', 'p0.1'], ['r0', 'r1']]);
    blocks = 0;
    const tall = describePages(paginate([...paragraph(2), ...table([10, 10, 130], 1)], 100));
    expect(tall[0]).toEqual(['p0.0', 'p0.1', 'r0', 'r1', 'r2h']);
    expect(tall[1]).toEqual(['R0', 'r2r']);
  });

  it('starts a new page at a page break, but not a blank one', () => {
    blocks = 0;
    const pagebreak: Box = { height: 0, breakBefore: true, tag: { kind: 'pagebreak' }, draw };
    expect(describePages(paginate([pagebreak, ...paragraph(2), pagebreak, pagebreak, ...paragraph(2)], 100))).toEqual([
      ['p0.0', 'p0.1'],
      ['p1.0', 'p1.1'],
    ]);
  });

  it('breaks anyway when nothing on the page allows a break, rather than loop or lose text', () => {
    blocks = 0;
    const chain: Box[] = Array.from({ length: 12 }, (_, i) => ({ height: 10, breakBefore: false, tag: { kind: 'line', block: 0, line: i, lines: 12 }, draw }));
    const pages = paginate(chain, 50);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
  });

  it('places every box exactly once, in order, and within the page', () => {
    blocks = 0;
    const boxes = [...heading(), ...kept(paragraph(7)), ...paragraph(2), ...heading(), ...kept(table([12, 8, 8, 30, 8, 8, 8], 2)), ...paragraph(9)];
    const pages = paginate(boxes, 60);
    const order = pages.flat().filter((p) => !p.repeated && p.box.tag.kind !== 'space').map((p) => p.box);
    expect(order).toEqual(boxes.filter((b) => b.tag.kind !== 'space'));
    for (const page of pages) for (const p of page) expect(p.top + p.box.height).toBeLessThanOrEqual(60 + 1e-6);
  });
});

describe('what is kept with the block after it', () => {
  const block = (markup: string) => parseMarkup(`<document title="t" date="2025-04-01">${markup}</document>`).body[0]!;

  it('headings and bold captions, but not a paragraph of gap marks alone (a draft’s note), though marks are bold', () => {
    expect(keepsWithNext(block('<h3>（１）見出し</h3>'))).toBe(true);
    expect(keepsWithNext(block('<p><b>（１）ターミナル</b></p>'))).toBe(true);
    // a caption whose name is missing in a draft is still a caption
    expect(keepsWithNext(block('<p><b>（１）</b><missing>ターミナルの名称</missing></p>'))).toBe(true);
    expect(keepsWithNext(block('<p size="small"><review>書類の第3段落から読み取った記載です。</review></p>'))).toBe(false);
    expect(keepsWithNext(block('<p><missing>講じている措置</missing></p>'))).toBe(false);
    expect(keepsWithNext(block('<p>本文の<b>一部</b>が太字</p>'))).toBe(false);
  });
});
