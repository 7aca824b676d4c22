import type { FontSource } from '../../platform/host.ts';

/**
 * A TrueType (glyf) font read only as far as the PDF writer needs: glyph ids from the cmap (formats 4 and
 * 12, and 14 for variation sequences), advance widths from hmtx, the metrics a FontDescriptor states, and
 * the raw glyf records that the subsetter copies. Nothing is decoded into outlines, and nothing is shaped.
 *
 * Tables are read when first asked for, and glyphs one by one: the sample filing's 680 glyphs of the 7.7 MB
 * Noto Serif JP take 470 KB of reads, two to six times faster than reading the file whole (bench/fontReading.ts).
 */

export type { FontSource } from '../../platform/host.ts';

export function bytesSource(bytes: Uint8Array): FontSource {
  return {
    size: bytes.length,
    read(offset, length) {
      if (offset + length > bytes.length) throw new FontFormatError(`read past the end of the font (${offset}+${length})`);
      return bytes.subarray(offset, offset + length);
    },
  };
}

export class FontFormatError extends Error {}

interface TableEntry {
  offset: number;
  length: number;
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const u24 = (v: DataView, at: number) => (v.getUint8(at) << 16) | v.getUint16(at + 1);

/** Composite glyph flags (OpenType glyf table). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Offsets, relative to a composite glyph record, of each component's glyph index. */
export function componentOffsets(glyph: Uint8Array): number[] {
  if (glyph.length < 10) return [];
  const v = view(glyph);
  if (v.getInt16(0) >= 0) return [];
  const out: number[] = [];
  let at = 10;
  for (;;) {
    const flags = v.getUint16(at);
    out.push(at + 2);
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) return out;
    if (at + 4 > glyph.length) throw new FontFormatError('composite glyph runs past its record');
  }
}

export class TrueTypeFont {
  readonly tables: ReadonlyMap<string, TableEntry>;
  readonly unitsPerEm: number;
  readonly numGlyphs: number;
  readonly bbox: readonly [number, number, number, number];
  readonly ascent: number;
  readonly descent: number;
  private readonly longLoca: boolean;
  private readonly numberOfHMetrics: number;
  private readonly tableCache = new Map<string, Uint8Array>();
  private readonly glyphCache = new Map<number, Uint8Array>();
  private readonly cmapCache = new Map<number, number>();
  private lookupInCmap?: (codePoint: number) => number;
  private variations?: Map<number, { defaults: DataView | null; mappings: DataView | null }>;
  private advances?: Uint16Array;
  private locations?: Uint32Array;

  constructor(private readonly source: FontSource) {
    const header = view(source.read(0, 12));
    const tag = header.getUint32(0);
    if (tag !== 0x00010000 && tag !== 0x74727565 /* 'true' */) throw new FontFormatError('not a TrueType font (collections and CFF fonts are not supported)');
    const count = header.getUint16(4);
    const dir = source.read(12, 16 * count);
    const d = view(dir);
    const tables = new Map<string, TableEntry>();
    for (let i = 0; i < count; i++) {
      const at = 16 * i;
      tables.set(String.fromCharCode(dir[at]!, dir[at + 1]!, dir[at + 2]!, dir[at + 3]!), { offset: d.getUint32(at + 8), length: d.getUint32(at + 12) });
    }
    this.tables = tables;
    for (const t of ['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf']) if (!tables.has(t)) throw new FontFormatError(`the font has no ${t} table`);
    const head = view(this.table('head'));
    this.unitsPerEm = head.getUint16(18);
    this.bbox = [head.getInt16(36), head.getInt16(38), head.getInt16(40), head.getInt16(42)];
    this.longLoca = head.getInt16(50) === 1;
    const hhea = view(this.table('hhea'));
    this.ascent = hhea.getInt16(4);
    this.descent = hhea.getInt16(6);
    this.numberOfHMetrics = hhea.getUint16(34);
    this.numGlyphs = view(this.table('maxp')).getUint16(4);
  }

  /** The bytes of a table (empty if the font lacks it), read once. */
  table(tag: string): Uint8Array {
    let bytes = this.tableCache.get(tag);
    if (!bytes) {
      const entry = this.tables.get(tag);
      bytes = entry ? this.source.read(entry.offset, entry.length) : new Uint8Array(0);
      this.tableCache.set(tag, bytes);
    }
    return bytes;
  }

  /** Glyph id for a code point; 0 (.notdef) when the font has none. */
  glyphId(codePoint: number): number {
    let gid = this.cmapCache.get(codePoint);
    if (gid === undefined) {
      this.lookupInCmap ??= this.readCmap();
      gid = this.lookupInCmap(codePoint);
      this.cmapCache.set(codePoint, gid);
    }
    return gid;
  }

  /**
   * The glyph for a variation sequence (base + VS1–16 or an ideographic variation selector) when the
   * font's cmap format 14 lists it, else undefined.
   */
  variantGlyphId(base: number, selector: number): number | undefined {
    this.variations ??= this.readVariations();
    const record = this.variations.get(selector);
    if (!record) return undefined;
    if (record.defaults) {
      const v = record.defaults;
      let lo = 0;
      let hi = v.getUint32(0) - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const start = u24(v, 4 + 4 * mid);
        if (base < start) hi = mid - 1;
        else if (base > start + v.getUint8(4 + 4 * mid + 3)) lo = mid + 1;
        else return this.glyphId(base) || undefined;
      }
    }
    if (record.mappings) {
      const v = record.mappings;
      let lo = 0;
      let hi = v.getUint32(0) - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const code = u24(v, 4 + 5 * mid);
        if (base < code) hi = mid - 1;
        else if (base > code) lo = mid + 1;
        else return v.getUint16(4 + 5 * mid + 3) || undefined;
      }
    }
    return undefined;
  }

  /** Advance width in font units. */
  advance(gid: number): number {
    if (!this.advances) {
      const hmtx = view(this.table('hmtx'));
      this.advances = new Uint16Array(this.numberOfHMetrics);
      for (let i = 0; i < this.numberOfHMetrics; i++) this.advances[i] = hmtx.getUint16(4 * i);
    }
    return this.advances[Math.min(gid, this.numberOfHMetrics - 1)]!;
  }

  /** Left side bearing in font units. */
  leftSideBearing(gid: number): number {
    const hmtx = view(this.table('hmtx'));
    return gid < this.numberOfHMetrics ? hmtx.getInt16(4 * gid + 2) : hmtx.getInt16(4 * this.numberOfHMetrics + 2 * (gid - this.numberOfHMetrics));
  }

  /** The glyf record of a glyph as it is in the file (empty for a glyph without outline, such as a space). */
  glyph(gid: number): Uint8Array {
    let bytes = this.glyphCache.get(gid);
    if (!bytes) {
      if (gid < 0 || gid >= this.numGlyphs) throw new FontFormatError(`glyph ${gid} is out of range`);
      if (!this.locations) {
        const loca = view(this.table('loca'));
        this.locations = new Uint32Array(this.numGlyphs + 1);
        for (let i = 0; i <= this.numGlyphs; i++) this.locations[i] = this.longLoca ? loca.getUint32(4 * i) : 2 * loca.getUint16(2 * i);
      }
      const start = this.locations[gid]!;
      const length = this.locations[gid + 1]! - start;
      bytes = length > 0 ? this.source.read(this.tables.get('glyf')!.offset + start, length) : new Uint8Array(0);
      this.glyphCache.set(gid, bytes);
    }
    return bytes;
  }

  /** Glyph ids a composite glyph is made of (empty for a simple glyph). */
  components(gid: number): number[] {
    const g = this.glyph(gid);
    if (g.length < 10 || !(g[0]! & 0x80)) return []; // numberOfContours ≥ 0: a simple glyph
    const v = view(g);
    return componentOffsets(g).map((at) => v.getUint16(at));
  }

  /** Values for the PDF FontDescriptor, in font units. */
  descriptorMetrics(): { capHeight: number; xHeight: number; italicAngle: number; fixedPitch: boolean; serif: boolean; bold: boolean } {
    const os2 = this.table('OS/2');
    const post = this.table('post');
    const o = os2.length >= 90 ? view(os2) : null;
    const p = post.length >= 16 ? view(post) : null;
    const familyClass = o ? o.getInt16(30) >> 8 : 0;
    return {
      capHeight: o && o.getUint16(0) >= 2 ? o.getInt16(88) : this.ascent,
      xHeight: o && o.getUint16(0) >= 2 ? o.getInt16(86) : 0,
      italicAngle: p ? p.getInt32(4) / 65536 : 0,
      fixedPitch: p ? p.getUint32(12) !== 0 : false,
      serif: familyClass >= 1 && familyClass <= 7,
      bold: o ? o.getUint16(4) >= 600 : false,
    };
  }

  private readCmap(): (codePoint: number) => number {
    const cmap = this.table('cmap');
    if (cmap.length < 4) throw new FontFormatError('the font has no cmap table');
    const v = view(cmap);
    const subtables = new Map<string, number>();
    for (let i = 0; i < v.getUint16(2); i++) subtables.set(`${v.getUint16(4 + 8 * i)}/${v.getUint16(6 + 8 * i)}`, v.getUint32(8 + 8 * i));
    const full = subtables.get('3/10') ?? subtables.get('0/4') ?? subtables.get('0/6');
    if (full !== undefined && v.getUint16(full) === 12) {
      const groups = v.getUint32(full + 12);
      return (cp) => {
        let lo = 0;
        let hi = groups - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const at = full + 16 + 12 * mid;
          if (cp < v.getUint32(at)) hi = mid - 1;
          else if (cp > v.getUint32(at + 4)) lo = mid + 1;
          else return v.getUint32(at + 8) + cp - v.getUint32(at);
        }
        return 0;
      };
    }
    const bmp = subtables.get('3/1') ?? subtables.get('0/3') ?? subtables.get('0/1') ?? subtables.get('0/0');
    if (bmp === undefined || v.getUint16(bmp) !== 4) throw new FontFormatError('the font has no Unicode cmap (format 4 or 12)');
    const segments = v.getUint16(bmp + 6) / 2;
    const ends = bmp + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const rangeOffsets = deltas + 2 * segments;
    return (cp) => {
      if (cp > 0xffff) return 0;
      // the first segment whose end is at or after cp
      let lo = 0;
      let hi = segments - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v.getUint16(ends + 2 * mid) < cp) lo = mid + 1;
        else hi = mid;
      }
      const start = v.getUint16(starts + 2 * lo);
      if (cp < start || cp > v.getUint16(ends + 2 * lo)) return 0;
      const delta = v.getInt16(deltas + 2 * lo);
      const rangeOffset = v.getUint16(rangeOffsets + 2 * lo);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const g = v.getUint16(rangeOffsets + 2 * lo + rangeOffset + 2 * (cp - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    };
  }

  private readVariations(): Map<number, { defaults: DataView | null; mappings: DataView | null }> {
    const out = new Map<number, { defaults: DataView | null; mappings: DataView | null }>();
    const cmap = this.table('cmap');
    const v = view(cmap);
    for (let i = 0; i < v.getUint16(2); i++) {
      const at = v.getUint32(8 + 8 * i);
      if (v.getUint16(4 + 8 * i) !== 0 || v.getUint16(6 + 8 * i) !== 5 || v.getUint16(at) !== 14) continue;
      const records = v.getUint32(at + 6);
      for (let r = 0; r < records; r++) {
        const rec = at + 10 + 11 * r;
        const defaults = v.getUint32(rec + 3);
        const mappings = v.getUint32(rec + 7);
        out.set(u24(v, rec), {
          defaults: defaults ? new DataView(cmap.buffer, cmap.byteOffset + at + defaults) : null,
          mappings: mappings ? new DataView(cmap.buffer, cmap.byteOffset + at + mappings) : null,
        });
      }
    }
    return out;
  }
}
