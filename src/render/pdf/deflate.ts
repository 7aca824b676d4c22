import { host } from '../../platform/host.ts';

/**
 * Compression for every stream the PDF writer makes: the host's deflate, which is the same pure-JavaScript code in
 * every shell (platform/flate.ts), so that the CLI and the offline page write the same bytes.
 */
export function deflate(bytes: Uint8Array): Uint8Array {
  return host().deflate(bytes);
}
