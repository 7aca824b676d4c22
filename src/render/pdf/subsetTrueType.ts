import { type TrueTypeFont, componentOffsets } from './trueTypeFont.ts';

/**
 * A TrueType subset for embedding in a PDF: the glyf records of the glyphs a document uses are copied as
 * they are (never decoded), the glyphs a composite glyph is built from are followed and included, and the
 * tables a PDF renderer reads (head, hhea, maxp, hmtx, loca, glyf, and the hinting tables cvt, fpgm, prep if
 * present) are written around them. Glyph 0 (.notdef) is always kept.
 *
 * Glyphs are renumbered in the order of their original ids; `newIds` maps an original id to its new one.
 */
export interface TrueTypeSubset {
  bytes: Uint8Array;
  newIds: ReadonlyMap<number, number>;
}

const COPIED_TABLES = ['cvt ', 'fpgm', 'prep'] as const;

export function subsetTrueType(font: TrueTypeFont, glyphIds: Iterable<number>): TrueTypeSubset {
  const wanted = new Set<number>();
  const pending = [0, ...glyphIds];
  while (pending.length) {
    const gid = pending.pop()!;
    if (wanted.has(gid)) continue;
    wanted.add(gid);
    for (const c of font.components(gid)) if (!wanted.has(c)) pending.push(c);
  }
  const order = [...wanted].sort((a, b) => a - b);
  const newIds = new Map(order.map((gid, i) => [gid, i]));

  // glyf, each record padded to an even length so that either loca format can address it
  const records = order.map((gid) => {
    const source = font.glyph(gid);
    const offsets = componentOffsets(source);
    if (!offsets.length) return source;
    const copy = source.slice();
    const v = new DataView(copy.buffer);
    for (const at of offsets) v.setUint16(at, newIds.get(v.getUint16(at))!);
    return copy;
  });
  const glyfLength = records.reduce((n, r) => n + r.length + (r.length & 1), 0);
  const glyf = new Uint8Array(glyfLength);
  const offsets: number[] = [0];
  let at = 0;
  for (const r of records) {
    glyf.set(r, at);
    at += r.length + (r.length & 1);
    offsets.push(at);
  }
  const shortLoca = glyfLength <= 0x1fffe;
  const loca = new Uint8Array(offsets.length * (shortLoca ? 2 : 4));
  const lv = new DataView(loca.buffer);
  offsets.forEach((o, i) => (shortLoca ? lv.setUint16(2 * i, o / 2) : lv.setUint32(4 * i, o)));

  const hmtx = new Uint8Array(4 * order.length);
  const mv = new DataView(hmtx.buffer);
  order.forEach((gid, i) => {
    mv.setUint16(4 * i, font.advance(gid));
    mv.setInt16(4 * i + 2, font.leftSideBearing(gid));
  });

  const head = font.table('head').slice();
  const hv = new DataView(head.buffer);
  hv.setUint32(8, 0); // checkSumAdjustment, set once the whole file is known
  hv.setInt16(50, shortLoca ? 0 : 1);
  const hhea = font.table('hhea').slice();
  new DataView(hhea.buffer).setUint16(34, order.length);
  const maxp = font.table('maxp').slice();
  new DataView(maxp.buffer).setUint16(4, order.length);

  const tables = new Map<string, Uint8Array>([
    ['glyf', glyf],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
  ]);
  for (const tag of COPIED_TABLES) if (font.tables.has(tag)) tables.set(tag, font.table(tag));
  const { bytes, sum } = assembleFont(tables);
  const adjustment = (0xb1b0afba - sum) >>> 0;
  const headOffset = tableOffset(bytes, 'head');
  new DataView(bytes.buffer).setUint32(headOffset + 8, adjustment);
  return { bytes, newIds };
}

function checksum(bytes: Uint8Array, from = 0, length = bytes.length): number {
  let sum = 0;
  const v = new DataView(bytes.buffer, bytes.byteOffset);
  const end = from + length;
  let i = from;
  for (; i + 4 <= end; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  if (i < end) {
    let last = 0;
    for (let k = 0; k < 4; k++) last = (last << 8) | (i + k < end ? bytes[i + k]! : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** An sfnt file: the table directory (tags in ascending order, as the format requires), then each table 4-byte aligned. */
/**
 * The font file from its tables, and its checksum: the sum of the directory's and the tables' (every table starts
 * on a 4-byte boundary and is padded with zeros), so the glyph data is summed once, not twice.
 */
function assembleFont(tables: ReadonlyMap<string, Uint8Array>): { bytes: Uint8Array; sum: number } {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  const headerLength = 12 + 16 * count;
  let length = headerLength;
  for (const tag of tags) length += (tables.get(tag)!.length + 3) & ~3;
  const out = new Uint8Array(length);
  const v = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(count));
  v.setUint32(0, 0x00010000);
  v.setUint16(4, count);
  v.setUint16(6, power * 16);
  v.setUint16(8, Math.log2(power));
  v.setUint16(10, count * 16 - power * 16);
  let offset = headerLength;
  let tablesSum = 0;
  tags.forEach((tag, i) => {
    const table = tables.get(tag)!;
    out.set(table, offset);
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
    const sum = checksum(out, offset, table.length);
    tablesSum = (tablesSum + sum) >>> 0;
    v.setUint32(entry + 4, sum);
    v.setUint32(entry + 8, offset);
    v.setUint32(entry + 12, table.length);
    offset += (table.length + 3) & ~3;
  });
  return { bytes: out, sum: (checksum(out, 0, headerLength) + tablesSum) >>> 0 };
}

function tableOffset(font: Uint8Array, tag: string): number {
  const v = new DataView(font.buffer, font.byteOffset);
  for (let i = 0; i < v.getUint16(4); i++) {
    const entry = 12 + 16 * i;
    if (String.fromCharCode(...font.subarray(entry, entry + 4)) === tag) return v.getUint32(entry + 8);
  }
  throw new Error(`no ${tag} table`);
}
