// fontkit serves the tests as an independent reading of the fonts that src/render/pdf parses and subsets itself.
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    path: { toSVG(): string };
  }
  export interface Font {
    type: string;
    numGlyphs: number;
    unitsPerEm: number;
    glyphForCodePoint(codePoint: number): Glyph;
    getGlyph(id: number): Glyph;
  }
  export function create(buffer: Buffer): Font;
}
