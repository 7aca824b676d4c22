import { Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { memoProperties } from '../src/render/docx/memoProperties.ts';

/** Paragraph properties made from the same options take the tree made the first time; other keys make their own. */

const prepare = (p: Paragraph) => p.prepForXml({ stack: [] } as never) as { 'w:p': unknown[] };

describe('properties reused by key', () => {
  it('give the tree made first for the same key, and a tree of its own for another', () => {
    const first = prepare(memoProperties(new Paragraph({ keepNext: true, children: [] }), 'w:pPr', 'test-keep'));
    const again = prepare(memoProperties(new Paragraph({ keepNext: true, children: [] }), 'w:pPr', 'test-keep'));
    const other = prepare(memoProperties(new Paragraph({ pageBreakBefore: true, children: [] }), 'w:pPr', 'test-break'));
    expect(again['w:p'][0]).toBe(first['w:p'][0]);
    expect(other['w:p'][0]).not.toBe(first['w:p'][0]);
    expect(JSON.stringify(other['w:p'][0])).toContain('w:pageBreakBefore');
  });

  it('leave an element without that child as it is', () => {
    const p = new Paragraph({ children: [] });
    expect(prepare(memoProperties(p, 'w:trPr', 'x'))).toEqual(prepare(new Paragraph({ children: [] })));
  });
});
