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

describe('cell properties reused by key', () => {
  it('take the width the table gives each cell as part of the key', async () => {
    const { Table, TableCell, TableRow, WidthType } = await import('docx');
    const { memoCellProperties } = await import('../src/render/docx/memoProperties.ts');
    const cell = () => memoCellProperties(new TableCell({ children: [new Paragraph({ children: [] })] }), 'test-cell');
    const table = new Table({ rows: [new TableRow({ children: [cell(), cell()] })], columnWidths: [1000, 2000], width: { size: 3000, type: WidthType.DXA } });
    const xml = JSON.stringify(table.prepForXml({ stack: [] } as never));
    const widths = [...xml.matchAll(/"w:tcW":\{"_attr":\{[^}]*"w:w":(\d+)/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([1000, 2000]);
  });
});
