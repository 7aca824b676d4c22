import { describe, expect, it } from 'vitest';
import { type Inline, PLAIN, type Table } from '../src/document/tree.ts';
import { type ColumnMeasure, fitColumns, tableContentWidths } from '../src/render/columnWidths.ts';
import { displayText, japaneseTextWidth, japaneseWidth, listIndent } from '../src/render/displayText.ts';
import { ELLIPSIS, fitOnOneLine } from '../src/render/fitLine.ts';
import { breakLines } from '../src/render/pdf/lineBreak.ts';
import { breakOpportunities, unbreakableSegments } from '../src/render/textSegments.ts';

const text = (t: string) => [{ type: 'text' as const, text: t, style: PLAIN }];
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('text as the writers show it', () => {
  it('shows full-width digits and Latin letters half-width, and nothing else changed', () => {
    expect(displayText('令和７年３月　ＴＯＳ（ｖｅｒ．２）ファイアウォール①')).toBe('令和7年3月　TOS（ver．2）ファイアウォール①');
  });

  it('gives list markers room for the widest of them', () => {
    expect(listIndent('decimal', 9)).toBe(1.5);
    expect(listIndent('paren', 12)).toBeGreaterThan(listIndent('paren', 3));
    expect(listIndent('paren-katakana', 3)).toBe(3.5);
  });
});

describe('words a line may not break', () => {
  it('keeps katakana words (and Latin attached to them) whole only when asked', () => {
    expect(unbreakableSegments('ファイアウォール（SG-FW 610）とVPNルータ')).toEqual(['ファイアウォール', '（SG-', 'FW', '610）', 'と', 'VPNルータ']);
    const inside = breakOpportunities('ファイアウォール').map((b) => b.position);
    expect(inside.length).toBeGreaterThan(1); // body text may break a katakana word, as Japanese typesetting does
    expect(breakOpportunities('ファイアウォール', true).map((b) => b.position)).toEqual([8]);
  });

  it('gives the same breaks when a text is asked again, in either order (they are kept per process)', () => {
    const asked = 'VPNルータとファイアウォール';
    const kept = breakOpportunities(asked, true).map((b) => b.position);
    const strict = breakOpportunities(asked).map((b) => b.position);
    expect(kept).toEqual([6, 7, 15]);
    expect(strict.length).toBeGreaterThan(kept.length);
    expect(breakOpportunities(asked, true).map((b) => b.position)).toEqual(kept);
    expect(breakOpportunities(asked).map((b) => b.position)).toEqual(strict);
  });
});

describe('widths as Word sets a Mincho, erring wide', () => {
  it('sets wide Latin letters, capitals, the rest of ASCII, half-width kana and spaces apart from the full width', () => {
    expect(['M', 'W', 'm', 'w', '@', '%'].map(japaneseWidth)).toEqual([0.9, 0.9, 0.9, 0.9, 0.9, 0.9]);
    expect(['A', 'Z', '&'].map(japaneseWidth)).toEqual([0.7, 0.7, 0.7]);
    expect(['a', '1', ' ', '[', '\u00e9'].map(japaneseWidth)).toEqual([0.55, 0.55, 0.55, 0.55, 0.55]);
    expect(['ｱ', '\u2002'].map(japaneseWidth)).toEqual([0.5, 0.5]);
    expect(['あ', '１', '𠮷'].map(japaneseWidth)).toEqual([1, 1, 1]);
    expect(japaneseTextWidth('TOSの𠮷m')).toBe(0.7 + 0.7 + 0.7 + 1 + 1 + 0.9);
  });

  it('in a cell, moves a katakana word to the next line whole, and breaks one wider than a line where UAX #14 lets it', () => {
    const lines = (t: string, width: number) => breakLines(text(t), width, 0, true).map((l) => l.pieces.map((p) => p.text).join(''));
    expect(lines('装置はファイアウォール', 9)).toEqual(['装置は', 'ファイアウォール']);
    const long = lines('コンティンジェンシープランニング', 6);
    expect(long.join('')).toBe('コンティンジェンシープランニング');
    for (const line of long.slice(1)) expect(line).not.toMatch(/^[ーァィゥェォッャュョ]/u);
  });
});

describe('column widths from content', () => {
  it('keeps the template’s shares when every column’s longest word fits', () => {
    expect(fitColumns([1, 3], 400, [{ min: 50, max: 80 }, { min: 120, max: 900 }])).toEqual([100, 300]);
  });

  it('widens a column that cannot hold its word, first from room other columns never use', () => {
    const widths = fitColumns([1, 1, 2], 400, [
      { min: 30, max: 40 }, // uses 40 of 100
      { min: 160, max: 160 }, // needs 60 more
      { min: 60, max: 600 },
    ]);
    expect(sum(widths)).toBeCloseTo(400, 6);
    expect(widths[1]).toBeCloseTo(160, 6);
    expect(widths[0]).toBeCloseTo(40, 6);
    expect(widths[2]).toBeCloseTo(200, 6);
  });

  it('when not every word can fit, satisfies the smallest needs first', () => {
    const widths = fitColumns([1, 1, 1], 600, [
      { min: 210, max: 210 }, // needs 10
      { min: 240, max: 240 }, // needs 40
      { min: 170, max: 900 }, // can give 30
    ]);
    expect(sum(widths)).toBeCloseTo(600, 6);
    expect(widths[0]).toBeCloseTo(210, 6);
    expect(widths[1]).toBeCloseTo(220, 6);
    expect(widths[2]).toBeCloseTo(170, 6);
  });
});

describe('one-line running text', () => {
  const measure = () => 1; // every character one unit wide
  const join = (r: ReturnType<typeof fitOnOneLine>) => r.children.map((c) => (c.type === 'text' ? c.text : `{${c.type}}`)).join('');

  it('leaves a line that fits as it is, and sets a slightly long one a little smaller', () => {
    expect(fitOnOneLine(text('申請者名'), 10, measure)).toMatchObject({ scale: 1, truncated: false });
    const slightly = fitOnOneLine(text('あ'.repeat(11)), 10, measure);
    expect(slightly.scale).toBeCloseTo(10 / 11, 6);
    expect(join(slightly)).toBe('あ'.repeat(11));
  });

  it('drops the middle of a long line for an ellipsis, keeping its start, its end and the page fields', () => {
    const fitted = fitOnOneLine([...text(`頭${'中'.repeat(500)}尾`), { type: 'page' }], 20, measure);
    const shown = join(fitted);
    expect(fitted.truncated).toBe(true);
    expect(shown.startsWith('頭')).toBe(true);
    expect(shown.endsWith('尾{page}')).toBe(true);
    expect(shown).toContain(ELLIPSIS);
    expect([...shown.replace('{page}', '999')].length * fitted.scale).toBeLessThanOrEqual(20);
  });
});

describe('content widths measured again', () => {
  const BOLD = { ...PLAIN, bold: true };
  const cellOf = (children: Inline[]) => ({ header: false, colspan: 1, rowspan: 1, align: 'left' as const, children: [{ type: 'paragraph' as const, align: 'left' as const, indent: 0, left: 0, size: 'normal' as const, children }] });
  const tableOf = (...cells: Inline[][]): Table => ({ type: 'table', widths: cells.map(() => 1), rows: [{ header: false, cells: cells.map(cellOf) }] });
  // bold letters twice as wide, so that a width tells which weight each character was measured in
  const measureOf = (): ColumnMeasure => ({ text: (t, bold) => [...t].length * (bold ? 2 : 1), em: 1, padding: 0 });

  it('gives the same widths for a second table with a measure that measured a first one (texts and characters are kept)', () => {
    const first = tableOf(text('ファイアウォール 装置'), [{ type: 'text', text: 'VPN ルータ', style: BOLD }]);
    const second = tableOf(
      text('ファイアウォール 装置'),
      [{ type: 'text', text: 'VPN ルータ', style: PLAIN }],
      [{ type: 'text', text: 'VPN', style: BOLD }, { type: 'text', text: ' ルータ', style: PLAIN }],
    );
    const used = measureOf();
    tableContentWidths(first, used);
    const again = tableContentWidths(second, used).map(({ min, max }) => [min, max]);
    expect(again).toEqual(tableContentWidths(second, measureOf()).map(({ min, max }) => [min, max]));
    // plain and bold apart, and mixed text per character: VPN bold (6) and the space and ルータ plain (4)
    expect(again).toEqual([[8.05, 11.05], [3.05, 7.05], [6.05, 10.05]]);
  });
});
