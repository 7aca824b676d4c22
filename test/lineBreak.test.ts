import { describe, expect, it } from 'vitest';
import { PLAIN } from '../src/document/tree.ts';
import { REPLACEMENT, breakLines, sanitize } from '../src/render/pdf/lineBreak.ts';

const text = (t: string) => [{ type: 'text' as const, text: t, style: PLAIN }];
const lineTexts = (t: string, width: number) => breakLines(text(t), width).map((l) => l.pieces.map((p) => p.text).join(''));

describe('Japanese line breaking', () => {
  const sentence = '港湾運送事業者は、TOSの情報セキュリティ対策（接続元の限定、多要素認証、ログの取得等）を講じ、「事業計画」に記載する。ヴィッキーのコンピューターは、ちょっと待ってください。';

  it.each([8, 9, 10, 11, 12, 13, 17])('never starts a line with closing punctuation or small kana (width %i em)', (width) => {
    const lines = lineTexts(sentence, width);
    expect(lines.join('')).toBe(sentence);
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[、。，．」』）】ぁぃぅぇぉっゃゅょァィゥェォッャュョー]/u);
    for (const line of lines) expect(line).not.toMatch(/[「『（【]$/u);
  });

  it('keeps every line within the width, splitting a word longer than a line', () => {
    const url = `https://example.jp/${'a'.repeat(200)}`;
    const lines = breakLines(text(`参照：${url}`), 20);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(20 + 1e-9);
    expect(lines.map((l) => l.pieces.map((p) => p.text).join('')).join('')).toBe(`参照：${url}`);
  });

  it('breaks at <br/> and marks only the last line of each part as unjustified', () => {
    const lines = breakLines([...text('一行目'), { type: 'br' }, ...text('二行目')], 30);
    expect(lines.map((l) => [l.pieces.map((p) => p.text).join(''), l.last])).toEqual([
      ['一行目', true],
      ['二行目', true],
    ]);
  });

  it('draws pictographs with the emoji font and replaces what no font has', () => {
    const [line] = breakLines(text('錨⚓と𠮷と\u{10FFFD}'), 40);
    expect(line!.pieces.map((p) => [p.text, p.role])).toEqual([
      ['錨', 'regular'],
      ['⚓', 'emoji'],
      [`と𠮷と${REPLACEMENT}`, 'regular'],
    ]);
  });

  it('removes invisible and control characters before drawing', () => {
    expect(sanitize('A\u0007B\u202eC\u200dD\uFFFE\uD800E\tF')).toBe('ABCDE F');
  });
});
