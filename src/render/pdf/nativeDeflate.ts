import { deflateSync } from 'node:zlib';
import pako from 'pako';

/**
 * pdf-lib compresses every stream with pako, a JavaScript deflate that took about a third of the PDF
 * writer's time (measured with --cpu-prof). Node's zlib produces the same format natively, several times
 * faster, and deterministically for a given Node build. pdf-lib reaches pako through its module object,
 * so replacing the function there is enough; nothing else in the project uses pako.
 */
let installed = false;

export function useNativeDeflate(): void {
  if (installed) return;
  (pako as { deflate: (data: Uint8Array) => Uint8Array }).deflate = (data: Uint8Array) => new Uint8Array(deflateSync(data, { level: 6 }));
  installed = true;
}
