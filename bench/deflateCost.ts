/**
 * What the PDF's compression costs with Node's zlib (what src/render/pdf/deflate.ts uses) and with fflate at
 * each level, over the very streams the sample's PDF compresses: ms per PDF (warm, median of rounds) and bytes.
 * For the choice of one pure-JavaScript deflate; not run by npm run bench. `node --import tsx bench/deflateCost.ts`
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { deflateSync as fflateDeflate } from 'fflate';
import { filingTree } from '../src/app/build.ts';
import { readSource } from '../src/platform/readSourceFile.ts';
import { compileTemplates } from '../src/platform/nodeTemplates.ts';
import { packageRoot } from '../src/platform/packageRoot.ts';

const zlib = createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

// the inputs: every stream the writer hands to zlib while it writes the sample's PDF
const streams: Uint8Array[] = [];
const original = zlib.deflateSync;
zlib.deflateSync = ((bytes: Uint8Array, options?: object) => {
  streams.push(new Uint8Array(bytes));
  return original(bytes, options);
}) as typeof zlib.deflateSync;
syncBuiltinESMExports();
const read = await readSource(join(packageRoot(), 'fixtures/sample/specified-complete.yaml'));
if (!read.ok) throw new Error(read.message);
const made = filingTree({ file: 'sample.yaml', data: read.data }, { templates: compileTemplates() });
if (made.status !== 'tree') throw new Error('the sample did not validate');
const { writePdf } = await import('../src/render/pdf/writePdf.ts');
await writePdf(made.tree);
zlib.deflateSync = original;
syncBuiltinESMExports();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const inputBytes = streams.reduce((n, s) => n + s.length, 0);
const ways: [string, (s: Uint8Array) => Uint8Array][] = [
  ['zlib level 6 memLevel 9 (now)', (s) => original(s, { level: 6, memLevel: 9 })],
  ...[1, 4, 6, 9].map((level) => [`fflate level ${level}`, (s: Uint8Array) => fflateDeflate(s, { level: level as 1 | 4 | 6 | 9, mem: 8 })] as [string, (s: Uint8Array) => Uint8Array]),
  ['fflate level 6 mem 12', (s) => fflateDeflate(s, { level: 6, mem: 12 })],
];
console.log(`${streams.length} streams, ${inputBytes.toLocaleString('en')} bytes before compression`);
for (const [name, way] of ways) {
  for (const s of streams) way(s); // warm
  const times: number[] = [];
  let size = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    size = streams.reduce((n, s) => n + way(s).length, 0);
    times.push(performance.now() - t0);
  }
  console.log(`${name.padEnd(30)} ${median(times).toFixed(1).padStart(6)} ms a PDF, ${size.toLocaleString('en')} bytes`);
}
