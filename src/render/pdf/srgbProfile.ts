/**
 * An sRGB ICC profile (version 2.1, display class, matrix/TRC), generated from the published definition of sRGB
 * (IEC 61966-2-1: its primaries adapted to the D50 connection space with the Bradford transform, and its
 * tone curve) rather than copied from a file, so that no licence travels with it. It is the output intent of
 * our PDF/A files. Built once per process; the bytes never change.
 */

const TAG_TABLE_ENTRY = 12;
const HEADER = 128;

function s15Fixed16(value: number): number {
  return Math.round(value * 65536) | 0;
}

class Bytes {
  private readonly parts: number[] = [];
  u8(v: number) {
    this.parts.push(v & 0xff);
    return this;
  }
  u16(v: number) {
    return this.u8(v >>> 8).u8(v);
  }
  u32(v: number) {
    return this.u16(v >>> 16).u16(v & 0xffff);
  }
  ascii(s: string) {
    for (const ch of s) this.u8(ch.charCodeAt(0));
    return this;
  }
  pad4() {
    while (this.parts.length % 4) this.u8(0);
    return this;
  }
  get length() {
    return this.parts.length;
  }
  bytes() {
    return Uint8Array.from(this.parts);
  }
}

function xyzTag(x: number, y: number, z: number): Uint8Array {
  return new Bytes().ascii('XYZ ').u32(0).u32(s15Fixed16(x)).u32(s15Fixed16(y)).u32(s15Fixed16(z)).bytes();
}

function textTag(text: string): Uint8Array {
  return new Bytes().ascii('text').u32(0).ascii(text).u8(0).pad4().bytes();
}

/** textDescriptionType (v2): the ASCII description, and empty Unicode and ScriptCode parts. */
function descTag(text: string): Uint8Array {
  const b = new Bytes().ascii('desc').u32(0).u32(text.length + 1).ascii(text).u8(0);
  b.u32(0).u32(0); // Unicode language code, Unicode count
  b.u16(0).u8(0); // ScriptCode code, count
  for (let i = 0; i < 67; i++) b.u8(0); // ScriptCode description
  return b.pad4().bytes();
}

/** The sRGB tone curve, sampled at 1024 points. */
function trcTag(): Uint8Array {
  const points = 1024;
  const b = new Bytes().ascii('curv').u32(0).u32(points);
  for (let i = 0; i < points; i++) {
    const v = i / (points - 1);
    const linear = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    b.u16(Math.round(linear * 65535));
  }
  return b.pad4().bytes();
}

export const SRGB_PROFILE_NAME = 'sRGB IEC61966-2.1';

/** D50, the profile connection space's illuminant. */
const D50 = [0.9642, 1.0, 0.8249] as const;

function buildProfile(): Uint8Array {
  const trc = trcTag();
  const tags: [string, Uint8Array][] = [
    ['desc', descTag(SRGB_PROFILE_NAME)],
    ['cprt', textTag('No copyright, use freely')],
    ['wtpt', xyzTag(...D50)],
    // sRGB primaries (D65) chromatically adapted to D50 with the Bradford transform
    ['rXYZ', xyzTag(0.4360747, 0.2225045, 0.0139322)],
    ['gXYZ', xyzTag(0.3850649, 0.7168786, 0.0971045)],
    ['bXYZ', xyzTag(0.1430804, 0.0606169, 0.7141733)],
    ['rTRC', trc],
    ['gTRC', trc],
    ['bTRC', trc],
  ];
  // the three curves share one copy of the data, as ICC allows
  const offsets = new Map<Uint8Array, number>();
  let offset = HEADER + 4 + tags.length * TAG_TABLE_ENTRY;
  const data: Uint8Array[] = [];
  for (const [, bytes] of tags) {
    if (offsets.has(bytes)) continue;
    offsets.set(bytes, offset);
    data.push(bytes);
    offset += bytes.length;
  }
  const size = offset;
  const out = new Bytes();
  out.u32(size).ascii('\0\0\0\0').u32(0x02100000).ascii('mntr').ascii('RGB ').ascii('XYZ ');
  out.u16(2000).u16(1).u16(1).u16(0).u16(0).u16(0); // creation date, fixed
  out.ascii('acsp').u32(0).u32(0).u32(0).u32(0).u32(0).u32(0); // platform, flags, manufacturer, model, attributes (8 bytes)
  out.u32(0); // rendering intent: perceptual
  out.u32(s15Fixed16(D50[0])).u32(s15Fixed16(D50[1])).u32(s15Fixed16(D50[2]));
  out.u32(0); // creator
  while (out.length < HEADER) out.u8(0); // profile ID (v4 only) and reserved
  out.u32(tags.length);
  for (const [signature, bytes] of tags) out.ascii(signature).u32(offsets.get(bytes)!).u32(bytes.length);
  const bytes = out.bytes();
  const profile = new Uint8Array(size);
  profile.set(bytes, 0);
  let at = bytes.length;
  for (const d of data) {
    profile.set(d, at);
    at += d.length;
  }
  return profile;
}

let cached: Uint8Array | undefined;
export function srgbProfile(): Uint8Array {
  cached ??= buildProfile();
  return cached;
}
