import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, fileSource } from '../src/platform/node.ts';
import { type FontSource, TrueTypeFont, bytesSource } from '../src/render/pdf/trueTypeFont.ts';

// fontkit is the independent reading the results are compared with
const files = { regular: readFileSync(FONT_FILES.regular.path), emoji: readFileSync(FONT_FILES.emoji.path) };
const reference = { regular: fontkit.create(files.regular), emoji: fontkit.create(files.emoji) };

/** The font with its full-Unicode cmap subtables hidden (their encoding ids changed), so that the format 4 table is used. */
function withoutFullUnicodeCmap(bytes: Buffer): Uint8Array {
  const copy = new Uint8Array(bytes);
  const v = new DataView(copy.buffer);
  for (let i = 0; i < v.getUint16(4); i++) {
    const entry = 12 + 16 * i;
    if (String.fromCharCode(...copy.subarray(entry, entry + 4)) !== 'cmap') continue;
    const cmap = v.getUint32(entry + 8);
    for (let r = 0; r < v.getUint16(cmap + 2); r++) {
      const record = cmap + 4 + 8 * r;
      const [platform, encoding] = [v.getUint16(record), v.getUint16(record + 2)];
      if ((platform === 3 && encoding === 10) || (platform === 0 && encoding === 4)) v.setUint16(record + 2, 99);
    }
  }
  return copy;
}

describe('TrueType font reader', () => {
  it.each(['regular', 'emoji'] as const)('maps every code point to the glyph fontkit finds, and gives its advance width (%s)', (role) => {
    const font = new TrueTypeFont(fileSource(FONT_FILES[role].path));
    const ref = reference[role];
    let mapped = 0;
    for (let cp = 0; cp < 0x30000; cp++) {
      const gid = font.glyphId(cp);
      if (gid !== ref.glyphForCodePoint(cp).id) expect.fail(`U+${cp.toString(16)}: ${gid} vs ${ref.glyphForCodePoint(cp).id}`);
      if (gid) mapped++;
    }
    expect(mapped).toBeGreaterThan(role === 'regular' ? 16000 : 1400);
    for (let gid = 0; gid < ref.numGlyphs; gid++) if (font.advance(gid) !== ref.getGlyph(gid).advanceWidth) expect.fail(`glyph ${gid} advance`);
    expect(font.unitsPerEm).toBe(ref.unitsPerEm);
  });

  it('reads the format 4 cmap the same way when a font has no full-Unicode table', () => {
    const font = new TrueTypeFont(bytesSource(withoutFullUnicodeCmap(files.regular)));
    for (let cp = 0; cp <= 0xffff; cp++) if (font.glyphId(cp) !== reference.regular.glyphForCodePoint(cp).id) expect.fail(`U+${cp.toString(16)}`);
    expect(font.glyphId(0x20bb7)).toBe(0); // 𠮷 is beyond what format 4 can hold
  });

  it('finds glyph variants in cmap format 14: listed variants, default variants and sequences the font lacks', () => {
    const font = new TrueTypeFont(fileSource(FONT_FILES.regular.path));
    // 侮 + VS1 is the standardized variant whose glyph is also the compatibility ideograph U+FA30
    expect(font.variantGlyphId(0x4fae, 0xfe00)).toBe(font.glyphId(0xfa30));
    expect(font.glyphId(0xfa30)).not.toBe(font.glyphId(0x4fae));
    // 葛 + VS17 (Adobe-Japan1 IVS) has a glyph of its own
    const katsura = font.variantGlyphId(0x845b, 0xe0100);
    expect(katsura).toBeGreaterThan(0);
    expect(katsura).not.toBe(font.glyphId(0x845b));
    // 、 + VS1 is listed as the default glyph
    expect(font.variantGlyphId(0x3001, 0xfe00)).toBe(font.glyphId(0x3001));
    // sequences the font does not list
    expect(font.variantGlyphId(0x41, 0xe0100)).toBeUndefined();
    expect(font.variantGlyphId(0x845b, 0xe01ef)).toBeUndefined();
  });

  it('lists the components of composite glyphs', () => {
    const font = new TrueTypeFont(fileSource(FONT_FILES.emoji.path));
    const composites = Array.from({ length: font.numGlyphs }, (_, g) => g).filter((g) => font.components(g).length);
    expect(composites.length).toBeGreaterThan(100);
    for (const g of composites) for (const c of font.components(g)) expect(c).toBeLessThan(font.numGlyphs);
    expect(font.components(font.glyphId(0x41))).toEqual([]); // a simple glyph
  });

  it('reads only the tables and glyphs asked for, not the whole file', () => {
    let read = 0;
    const whole = fileSource(FONT_FILES.regular.path);
    const counting: FontSource = { size: whole.size, read: (offset, length) => ((read += length), whole.read(offset, length)) };
    const font = new TrueTypeFont(counting);
    for (const ch of '港湾運送事業者は、情報セキュリティの確保に関する事項を記載する。') font.glyph(font.glyphId(ch.codePointAt(0)!));
    expect(read).toBeLessThan(300_000);
    expect(read).toBeGreaterThan(0);
    expect(files.regular.length).toBeGreaterThan(7_000_000);
  });

  it('rejects what is not a TrueType font', () => {
    expect(() => new TrueTypeFont(bytesSource(new TextEncoder().encode('OTTO and then some bytes')))).toThrow(/not a TrueType font/);
  });
});
