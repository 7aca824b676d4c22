import { bytesSource } from '../render/pdf/trueTypeFont.ts';
import { deflate, inflate } from './flate.ts';
import type { FontRole, Host } from './host.ts';
import { sha256 } from './sha256.ts';

/**
 * The host of the offline page (and its Worker): the fonts are bytes the page carries, unpacked once; compression
 * and hashing are the same code the CLI's host uses, so a document built here has the CLI's bytes.
 */
export function browserHost(fonts: Record<FontRole, Uint8Array>): Host {
  const sources = { regular: bytesSource(fonts.regular), bold: bytesSource(fonts.bold), emoji: bytesSource(fonts.emoji) };
  return { font: (role) => sources[role], deflate, inflate, sha256 };
}

/** Unpacks gzip bytes with the browser's own stream (no code of ours runs for the 20 MB of fonts). */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
