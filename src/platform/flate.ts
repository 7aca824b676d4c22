import { Unzlib, zlibSync } from 'fflate';
import { InflateLimitError } from './host.ts';

/** zlib compression in plain JavaScript (fflate), the same in every shell, so the PDF's bytes are too. */
export function deflate(bytes: Uint8Array): Uint8Array {
  return zlibSync(bytes, { level: 6 });
}

/** Input is fed in slices so that a bomb is stopped after at most one slice's worth (about 1000×) past the limit. */
const SLICE = 16 * 1024;

/**
 * zlib inflate of at most maxBytes. A stream that ends early gives what it decoded (as zlib's sync flush does);
 * a damaged one gives null; one that would pass the limit throws InflateLimitError.
 */
export function inflate(bytes: Uint8Array, maxBytes: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw new InflateLimitError('inflated past the limit');
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < bytes.length; at += SLICE) stream.push(bytes.subarray(at, Math.min(bytes.length, at + SLICE)), false);
  } catch (err) {
    if (err instanceof InflateLimitError) throw err;
    return null;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
