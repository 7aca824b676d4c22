import { type PDFContext, type PDFRef, PDFString } from 'pdf-lib';
import { host } from '../../platform/host.ts';
import { latin1Bytes } from '../../util/bytes.ts';
import { deflate } from './deflate.ts';
import { FONT_NAMES, type FontRole, fontFile, metricsFor } from './fonts.ts';
import { subsetTrueType } from './subsetTrueType.ts';
import { toUnicodeCMap } from './toUnicodeCMap.ts';
import { glyphUnits } from './variationSelectors.ts';

/**
 * One font as one document uses it: records the glyphs drawn, then embeds itself as a composite font
 * (PDF 32000-1 §9.7): Type0 with Identity-H encoding → CIDFontType2 with a W widths array → FontDescriptor
 * → FontFile2 (a TrueType subset of just those glyphs), plus a ToUnicode CMap so the text stays searchable.
 *
 * Character codes (CIDs) are the glyph ids of the subset, which are only known once the whole document is
 * drawn; content streams hold original glyph ids until then (see drawOps.ts).
 */

/** A font whose subset, and so whose character codes, are fixed. */
export interface PreparedFont {
  /** CID (character code) of an original glyph id. */
  cidOf(glyphId: number): number;
  /** Adds the font's objects to the document and returns the Type0 font's reference. */
  register(context: PDFContext): PDFRef;
}

// FontDescriptor flags (PDF 32000-1 Table 123)
const FIXED_PITCH = 1;
const SERIF = 2;
const SYMBOLIC = 4;

export class PdfFont {
  /** Original glyph id → the text it stands for (the first seen wins). */
  private readonly used = new Map<number, string>();

  constructor(
    readonly role: FontRole,
    /** false embeds the whole font file: megabytes, but a reference rendering for checking subsets. */
    private readonly subset = true,
  ) {}

  /** Glyph ids for text, recording them as used. */
  glyphIds(text: string): number[] {
    const metrics = metricsFor(this.role);
    const ids: number[] = [];
    for (const unit of glyphUnits(text)) {
      const glyph = metrics.glyph(unit);
      if (!this.used.has(glyph.id)) this.used.set(glyph.id, glyph.text);
      ids.push(glyph.id);
    }
    return ids;
  }

  /** Fixes the subset: call once every page is drawn. */
  prepare(): PreparedFont {
    const font = fontFile(this.role);
    const glyphIds = [...this.used.keys()].sort((a, b) => a - b);
    let program: Uint8Array;
    let cidOf: (gid: number) => number;
    let name: string = FONT_NAMES[this.role];
    if (this.subset) {
      const subset = subsetTrueType(font, glyphIds);
      program = subset.bytes;
      cidOf = (gid) => subset.newIds.get(gid)!;
      name = `${subsetTag(this.role, glyphIds)}+${name}`;
    } else {
      const whole = host().font(this.role);
      program = whole.read(0, whole.size);
      cidOf = (gid) => gid;
    }
    const cids = glyphIds.map((gid) => [cidOf(gid), gid] as const).sort((a, b) => a[0] - b[0]);
    const toUnicode = latin1Bytes(toUnicodeCMap(cids.map(([cid, gid]) => [cid, this.used.get(gid)!])));
    const scale = 1000 / font.unitsPerEm;
    const widths = widthsArray(cids.map(([cid, gid]) => [cid, Math.round(font.advance(gid) * scale * 100) / 100]));

    const register = (context: PDFContext) => {
      const round = (v: number) => Math.round(v * scale);
      const m = font.descriptorMetrics();
      const descriptor = context.obj({
        Type: 'FontDescriptor',
        FontName: name,
        Flags: SYMBOLIC | (m.fixedPitch ? FIXED_PITCH : 0) | (m.serif ? SERIF : 0),
        FontBBox: font.bbox.map(round),
        ItalicAngle: m.italicAngle,
        Ascent: round(font.ascent),
        Descent: round(font.descent),
        CapHeight: round(m.capHeight),
        XHeight: round(m.xHeight),
        StemV: 0,
        FontFile2: context.register(context.stream(deflate(program), { Filter: 'FlateDecode', Length1: program.length })),
      });
      const cidFont = context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: name,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: context.register(descriptor),
        DW: DEFAULT_WIDTH,
        W: widths,
        CIDToGIDMap: 'Identity',
      });
      const type0 = context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: name,
        Encoding: 'Identity-H',
        DescendantFonts: [context.register(cidFont)],
        ToUnicode: context.register(context.stream(deflate(toUnicode), { Filter: 'FlateDecode' })),
      });
      return context.register(type0);
    };
    return { cidOf, register };
  }
}

/** Most glyphs of a Japanese font are one em wide; only the others are listed in W. */
const DEFAULT_WIDTH = 1000;

/** W as `cid [w w …]` groups of consecutive CIDs, leaving out glyphs of the default width. */
export function widthsArray(widths: readonly (readonly [cid: number, width: number])[]): (number | number[])[] {
  const out: (number | number[])[] = [];
  let run: number[] | undefined;
  let next = -1;
  for (const [cid, width] of widths) {
    if (width === DEFAULT_WIDTH) {
      run = undefined;
      continue;
    }
    if (run && cid === next) run.push(width);
    else {
      run = [width];
      out.push(cid, run);
    }
    next = cid + 1;
  }
  return out;
}

/**
 * Six capital letters before a subset's name (PDF 32000-1 §9.6.4), derived from the glyphs it holds: the
 * same subset always gets the same name, and different subsets (say, in two documents a printer receives
 * one after the other) differ.
 */
export function subsetTag(role: FontRole, glyphIds: readonly number[]): string {
  const digest = host().sha256(new TextEncoder().encode(`${role}:${glyphIds.join(',')}`));
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}
