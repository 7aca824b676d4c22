import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflate, inflate } from '../src/platform/flate.ts';
import { InflateLimitError, hex } from '../src/platform/host.ts';
import { sha256 } from '../src/platform/sha256.ts';
import { base64Decode, base64Encode, latin1Bytes, latin1Text } from '../src/util/bytes.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('the hashing every shell shares', () => {
  it('gives the FIPS 180-4 digests of the standard vectors', () => {
    expect(hex(sha256(text('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(text('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(hex(sha256(text('a'.repeat(1_000_000))))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with Node at every length around a block boundary', () => {
    for (let n = 50; n < 140; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(hex(sha256(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});

describe('the compression every shell shares', () => {
  const sample = text('港湾運送事業 '.repeat(2000));

  it('round-trips, and reads what zlib wrote', () => {
    expect(inflate(deflate(sample), 1 << 20)).toEqual(sample);
    expect(inflate(deflateSync(sample), 1 << 20)).toEqual(sample);
  });

  it('gives what a stream cut short holds, null for damage, and stops a bomb at the limit', () => {
    const packed = deflateSync(sample);
    const part = inflate(packed.subarray(0, packed.length / 2), 1 << 20)!;
    expect(part.length).toBeGreaterThan(0);
    expect(sample.subarray(0, part.length)).toEqual(part);
    expect(inflate(text('not zlib at all'), 1 << 20)).toBeNull();
    const bomb = deflateSync(new Uint8Array(64 * 1024 * 1024));
    expect(() => inflate(bomb, 1024 * 1024)).toThrow(InflateLimitError);
  });
});

describe('bytes as text without Buffer', () => {
  it('matches Node for latin1 and base64', () => {
    const bytes = Uint8Array.from({ length: 256 * 3 + 2 }, (_, i) => i & 0xff);
    expect(latin1Text(bytes)).toBe(Buffer.from(bytes).toString('latin1'));
    expect(latin1Bytes(latin1Text(bytes))).toEqual(bytes);
    for (const n of [0, 1, 2, 3, 100]) {
      const b = bytes.subarray(0, n);
      expect(base64Encode(b)).toBe(Buffer.from(b).toString('base64'));
      expect(base64Decode(base64Encode(b))).toEqual(b);
    }
  });
});
