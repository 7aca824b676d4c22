import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFPage, PDFRawStream, decodePDFRawStream, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PLAIN } from '../src/document/tree.ts';
import { parseMarkup } from '../src/document/parseMarkup.ts';
import { PdfFont, subsetTag, widthsArray } from '../src/render/pdf/cidFont.ts';
import { PageWriter, num } from '../src/render/pdf/drawOps.ts';
import { REPLACEMENT, breakLines } from '../src/render/pdf/lineBreak.ts';
import { toUnicodeCMap } from '../src/render/pdf/toUnicodeCMap.ts';
import { TrueTypeFont, bytesSource } from '../src/render/pdf/trueTypeFont.ts';
import { glyphUnits } from '../src/render/pdf/variationSelectors.ts';
import { writePdf } from '../src/render/pdf/writePdf.ts';
import { readPdf } from './helpers/readPdf.ts';

const doc = (body: string) => parseMarkup(`<document title="t" date="2025-04-01">${body}</document>`);

describe('variation selectors', () => {
  it('keeps a selector with the character before it, and drops one that follows nothing it could modify', () => {
    expect(glyphUnits('葛\u{E0100}城')).toEqual(['葛\u{E0100}', '城']);
    expect(glyphUnits('\u{E0100}先\uFE00\uFE01頭 \uFE00x')).toEqual(['先\uFE00', '頭', ' ', 'x']);
    expect(glyphUnits('𠮷\u{E0100}')).toEqual(['𠮷\u{E0100}']);
  });

  it('draws the variant the font has, and the base character silently where it has none', async () => {
    const text = '葛城と葛\u{E0100}城、侮\uFE00辱、A\u{E0100}B、\u{E0100}先頭、😀\uFE0F';
    const [line] = breakLines([{ type: 'text', text, style: PLAIN }], 60);
    expect(line!.pieces.map((p) => p.text).join('')).not.toContain(REPLACEMENT);
    // a selector takes no room: 葛󠄀 is as wide as 葛
    const width = (t: string) => breakLines([{ type: 'text', text: t, style: PLAIN }], 60)[0]!.width;
    expect(width('葛\u{E0100}城')).toBe(width('葛城'));

    const pdf = await readPdf(await writePdf(doc(`<p>${text}</p>`)));
    expect(pdf.notdef).toBe(0);
    const page = pdf.pages.join('');
    // the variants keep their selector in the text layer, so they copy out as typed and are distinct glyphs
    expect(page).toContain('葛城と葛\u{E0100}城、侮\uFE00辱、');
    // the font has no A + VS17, and a selector at the start modifies nothing: both are dropped
    expect(page).toContain('AB、先頭、');
    expect(page).not.toContain(REPLACEMENT);
  });
});

describe('embedded fonts', () => {
  async function fontObjects(bytes: Uint8Array) {
    const pdf = await PDFDocument.load(bytes);
    const fonts = pdf.getPages()[0]!.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    return fonts.keys().map((key) => {
      const type0 = fonts.lookup(key, PDFDict);
      const cid = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
      const descriptor = cid.lookup(PDFName.of('FontDescriptor'), PDFDict);
      const program = descriptor.lookup(PDFName.of('FontFile2')) as PDFRawStream;
      return { key: key.asString(), name: type0.lookup(PDFName.of('BaseFont'))!.toString(), cid, program: decodePDFRawStream(program).decode() };
    });
  }

  it('embeds a TrueType subset holding just the glyphs drawn, with their widths, as a composite font', async () => {
    const fonts = await fontObjects(await writePdf(doc('<p>港湾 TOS (Ver.2)</p>')));
    expect(fonts.map((f) => f.key)).toEqual(['/F1']);
    const [font] = fonts;
    expect(font!.name).toMatch(/^\/[A-Z]{6}\+NotoSerifJP-Regular$/);
    expect(font!.cid.lookup(PDFName.of('Subtype'))).toBe(PDFName.of('CIDFontType2'));
    expect(font!.cid.lookup(PDFName.of('CIDToGIDMap'))).toBe(PDFName.of('Identity'));
    const subset = new TrueTypeFont(bytesSource(font!.program));
    expect(subset.numGlyphs).toBe(new Set('港湾 TOS(Ver.2)').size + 1); // and .notdef
    // W lists the proportional Latin glyphs; the ideographs take the default width
    expect((font!.cid.lookup(PDFName.of('DW')) as PDFNumber).asNumber()).toBe(1000);
    const w = font!.cid.lookup(PDFName.of('W'), PDFArray).asArray().flatMap((o) => (o instanceof PDFArray ? o.asArray() : [])).map((n) => (n as PDFNumber).asNumber());
    expect(w.length).toBe(new Set(' TOS(Ver.2)').size);
    for (let gid = 0; gid < subset.numGlyphs; gid++) if (subset.advance(gid) !== 1000) expect(w).toContain(subset.advance(gid));
  });

  it('embeds the whole font file, untagged, when asked for a reference rendering', async () => {
    const fonts = await fontObjects(await writePdf(doc('<p>港湾</p>'), { subsetFonts: false }));
    expect(fonts[0]!.name).toBe('/NotoSerifJP-Regular');
    expect(fonts[0]!.program.length).toBeGreaterThan(7_000_000);
    expect((await readPdf(await writePdf(doc('<p>港湾</p>'), { subsetFonts: false }))).pages[0]).toContain('港湾');
  });

  it('names a subset after the glyphs in it', () => {
    expect(subsetTag('regular', [1, 2, 3])).toMatch(/^[A-Z]{6}$/);
    expect(subsetTag('regular', [1, 2, 3])).toBe(subsetTag('regular', [1, 2, 3]));
    expect(subsetTag('regular', [1, 2, 3])).not.toBe(subsetTag('regular', [1, 2, 4]));
    expect(subsetTag('regular', [1, 2, 3])).not.toBe(subsetTag('bold', [1, 2, 3]));
  });

  it('writes W as groups of consecutive codes, leaving out the default width', () => {
    expect(widthsArray([[1, 1000], [2, 500], [3, 600], [5, 700], [6, 1000], [7, 250]])).toEqual([2, [500, 600], 5, [700], 7, [250]]);
    expect(widthsArray([[1, 1000]])).toEqual([]);
  });
});

describe('ToUnicode CMap', () => {
  it('maps codes to text, with runs of consecutive characters as ranges and at most 100 entries a block', () => {
    const kana = Array.from({ length: 5 }, (_, i) => [10 + i, String.fromCharCode(0x3042 + i)] as const);
    const many = Array.from({ length: 150 }, (_, i) => [100 + 2 * i, String.fromCharCode(0x4e00 + 3 * i)] as const);
    const cmap = toUnicodeCMap([...kana, [20, '𠮷'], [21, '葛\u{E0100}'], ...many]);
    expect(cmap).toContain('<000A> <000E> <3042>');
    expect(cmap).toContain('<0014> <D842DFB7>');
    expect(cmap).toContain('<0015> <845BDB40DD00>');
    expect(cmap).toMatch(/100 beginbfchar[\s\S]*52 beginbfchar/);
    expect(cmap).toContain('1 beginbfrange');
  });

  it('does not let a range carry into the next byte', () => {
    const cmap = toUnicodeCMap([[0xfe, 'a'], [0xff, 'b'], [0x100, 'c']]);
    expect(cmap).toContain('<00FE> <00FF> <0061>');
    expect(cmap).toContain('<0100> <0063>');
  });
});

describe('content streams', () => {
  async function contentOf(draw: (ops: PageWriter, page: PDFPage) => void): Promise<string> {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage();
    const ops = new PageWriter();
    draw(ops, page);
    ops.finish(pdf);
    const contents = page.node.Contents() as PDFArray;
    return new TextDecoder('latin1').decode(decodePDFRawStream(pdf.context.lookup(contents.get(0)) as PDFRawStream).decode());
  }

  it('sets character spacing back to 0 for text after a justified line, and repeats no unchanged state', async () => {
    const font = new PdfFont('regular');
    const stream = await contentOf((ops, page) => {
      ops.text(page, '両端揃えの行', { x: 10, y: 700, size: 10.5, font, color: rgb(0, 0, 0), spacing: 0.1361 });
      ops.text(page, '次の行', { x: 10, y: 680, size: 10.5, font, color: rgb(0, 0, 0) });
      ops.text(page, '同じ書式の行', { x: 10, y: 660, size: 10.5, font, color: rgb(0, 0, 0) });
    });
    const texts = stream.split('ET\n');
    expect(texts[0]).toMatch(/0 0 0 rg\n\/F1 10.5 Tf\n0.136 Tc\n1 0 0 1 10 700 Tm/);
    expect(texts[1]).toMatch(/^BT\n0 Tc\n1 0 0 1 10 680 Tm\n<[0-9A-F]+> Tj/);
    expect(texts[2]).toMatch(/^BT\n1 0 0 1 10 660 Tm\n<[0-9A-F]+> Tj/);
  });

  it('draws boxes and lines without saving the graphics state, setting pen and fill only when they change', async () => {
    const grey = rgb(0.88, 0.88, 0.88);
    const stream = await contentOf((ops, page) => {
      ops.box(page, 10, 10, 100, 20.004, { border: rgb(0, 0, 0), borderWidth: 0.5, fill: grey });
      ops.box(page, 110, 10, 100, 20, { border: rgb(0, 0, 0), borderWidth: 0.5 });
      ops.line(page, 10, 5, 210, 5, 0.5, rgb(0.8, 0, 0));
    });
    expect(stream).toBe('0 0 0 RG\n0.5 w\n0.88 0.88 0.88 rg\n10 10 100 20 re\nB\n110 10 100 20 re\nS\n0.8 0 0 RG\n10 5 m\n210 5 l\nS\n');
  });

  it('writes numbers rounded to the given decimals, without exponents or negative zero', () => {
    expect(num(70.86614173228347)).toBe('70.87');
    expect(num(-0.001)).toBe('0');
    expect(num(1e-9)).toBe('0');
    expect(num(0.13610798650168748, 3)).toBe('0.136');
    expect(num(841.8897637795276)).toBe('841.89');
    expect(num(12)).toBe('12');
  });
});
