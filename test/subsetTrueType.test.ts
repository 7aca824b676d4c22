import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import type { FontRole } from '../src/render/pdf/fonts.ts';
import { FONT_FILES, fileSource } from '../src/platform/node.ts';
import { subsetTrueType } from '../src/render/pdf/subsetTrueType.ts';
import { TrueTypeFont, bytesSource } from '../src/render/pdf/trueTypeFont.ts';

const open = (role: FontRole) => new TrueTypeFont(fileSource(FONT_FILES[role].path));
const idsOf = (font: TrueTypeFont, text: string) => [...text].map((c) => font.glyphId(c.codePointAt(0)!));
const locaFormat = (bytes: Uint8Array) => {
  const head = new TrueTypeFont(bytesSource(bytes)).table('head');
  return new DataView(head.buffer, head.byteOffset).getInt16(50);
};

/** Sum of a byte range as big-endian 32-bit words, the last one padded with zeros (the sfnt checksum). */
function checksum(bytes: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < bytes.length; i += 4) {
    let word = 0;
    for (let k = 0; k < 4; k++) word = word * 256 + (bytes[i + k] ?? 0);
    s = (s + word) >>> 0;
  }
  return s;
}

/** Reads the subset back with fontkit: every glyph must draw the outline, and have the advance, it has in the original. */
function expectSameGlyphs(role: FontRole, gids: number[]) {
  const result = subsetTrueType(open(role), gids);
  const original = fontkit.create(readFileSync(FONT_FILES[role].path));
  const subset = fontkit.create(Buffer.from(result.bytes));
  expect(subset.numGlyphs).toBe(result.newIds.size);
  for (const [gid, newId] of result.newIds) {
    expect(subset.getGlyph(newId).path.toSVG(), `glyph ${gid}`).toBe(original.getGlyph(gid).path.toSVG());
    expect(subset.getGlyph(newId).advanceWidth).toBe(original.getGlyph(gid).advanceWidth);
  }
  return result;
}

describe('TrueType subsetter', () => {
  it('copies the glyphs used, renumbered in their original order, with .notdef first', () => {
    const { newIds, bytes } = expectSameGlyphs('regular', idsOf(open('regular'), '令和７年３月２８日　髙﨑　「申請書」『別紙』□■①②③〒𠮷'));
    expect(newIds.get(0)).toBe(0);
    const order = [...newIds.keys()];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect([...newIds.values()]).toEqual(order.map((_, i) => i));
    expect(bytes.length).toBeLessThan(30_000);
    expect(locaFormat(bytes)).toBe(0); // short offsets suffice for a small subset
  });

  it('follows composite glyphs to the glyphs they are made of and renumbers the references', () => {
    const font = open('emoji');
    const composites = Array.from({ length: font.numGlyphs }, (_, g) => g)
      .filter((g) => font.components(g).length)
      .slice(0, 40);
    expect(composites.length).toBe(40);
    const { newIds } = expectSameGlyphs('emoji', composites);
    for (const g of composites) for (const c of font.components(g)) expect(newIds.has(c)).toBe(true);
    expect(newIds.size).toBeGreaterThan(composites.length + 1);
  });

  it('uses long loca offsets when the glyphs exceed what short ones can address', () => {
    const many = Array.from({ length: 900 }, (_, i) => 1000 + i * 7);
    const { bytes } = expectSameGlyphs('regular', many);
    expect(bytes.length).toBeGreaterThan(0x20000);
    expect(locaFormat(bytes)).toBe(1);
  });

  it('writes a well-formed sfnt: sorted table directory, aligned tables, their checksums and the head checksum adjustment', () => {
    const font = open('regular');
    const { bytes } = subsetTrueType(font, idsOf(font, '港湾運送事業'));
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const tags: string[] = [];
    for (let i = 0; i < v.getUint16(4); i++) {
      const entry = 12 + 16 * i;
      const tag = String.fromCharCode(...bytes.subarray(entry, entry + 4));
      tags.push(tag);
      const [sum, offset, length] = [v.getUint32(entry + 4), v.getUint32(entry + 8), v.getUint32(entry + 12)];
      expect(offset % 4, tag).toBe(0);
      const table = bytes.slice(offset, offset + length);
      if (tag === 'head') new DataView(table.buffer).setUint32(8, 0); // its checksum is taken with the adjustment zeroed
      expect(checksum(table), tag).toBe(sum);
    }
    expect(tags).toEqual([...tags].sort());
    expect(tags).toEqual(expect.arrayContaining(['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']));
    expect(checksum(bytes)).toBe(0xb1b0afba);
  });

  it('gives the same bytes for the same glyphs in any order', () => {
    const font = open('regular');
    const ids = idsOf(font, '情報セキュリティ');
    expect(Buffer.from(subsetTrueType(font, ids).bytes).equals(Buffer.from(subsetTrueType(font, [...ids].reverse()).bytes))).toBe(true);
  });
});
