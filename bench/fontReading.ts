/**
 * Does reading a font lazily pay? In a new process each time (as a CLI run is), alternately: open Noto Serif
 * JP Regular (7.7 MB), look up the characters of the sample filing and the templates, and subset them,
 *  - lazy: the table directory, then cmap, hmtx, loca and only the glyphs used (what the PDF writer does);
 *  - whole: the whole file read into memory first.
 * `node --import tsx bench/fontReading.ts` prints the comparison; bench/run.ts includes it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FONT_FILES, fileSource } from '../src/platform/node.ts';
import { subsetTrueType } from '../src/render/pdf/subsetTrueType.ts';
import { type FontSource, TrueTypeFont, bytesSource } from '../src/render/pdf/trueTypeFont.ts';
import { packageRoot } from '../src/platform/packageRoot.ts';

type Mode = 'lazy' | 'whole';

function sampleText(): string {
  const root = packageRoot();
  const templates = join(root, 'templates');
  const files = [join(root, 'fixtures/sample/specified-complete.yaml'), ...readdirSync(templates, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.hbs')).map((f) => join(templates, f))];
  return files.map((f) => readFileSync(f, 'utf8')).join('');
}

/** One measurement, in this process: milliseconds and bytes read. */
function measure(mode: Mode, text: string): { ms: number; bytesRead: number; glyphs: number } {
  const t0 = performance.now();
  let bytesRead = 0;
  let source: FontSource;
  if (mode === 'whole') {
    const bytes = new Uint8Array(readFileSync(FONT_FILES.regular.path));
    bytesRead = bytes.length;
    source = bytesSource(bytes);
  } else {
    const file = fileSource(FONT_FILES.regular.path);
    source = { size: file.size, read: (offset, length) => ((bytesRead += length), file.read(offset, length)) };
  }
  const font = new TrueTypeFont(source);
  const ids = new Set<number>();
  for (const ch of text) ids.add(font.glyphId(ch.codePointAt(0)!));
  ids.delete(0);
  for (const id of ids) font.advance(id);
  subsetTrueType(font, ids);
  return { ms: performance.now() - t0, bytesRead, glyphs: ids.size };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Alternates lazy and whole-file reading, each in a new process, `pairs` times. */
export function compareFontReading(pairs: number) {
  const self = fileURLToPath(import.meta.url);
  const run = (mode: Mode) =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, 'child', mode], { encoding: 'utf8' })) as ReturnType<typeof measure>;
  const lazy: ReturnType<typeof measure>[] = [];
  const whole: ReturnType<typeof measure>[] = [];
  for (let i = 0; i < pairs; i++) {
    lazy.push(run('lazy'));
    whole.push(run('whole'));
  }
  return {
    glyphs: lazy[0]!.glyphs,
    lazy: { medianMs: Math.round(median(lazy.map((r) => r.ms)) * 10) / 10, bytesRead: lazy[0]!.bytesRead },
    whole: { medianMs: Math.round(median(whole.map((r) => r.ms)) * 10) / 10, bytesRead: whole[0]!.bytesRead },
    wholeVsLazyPerPair: lazy.map((l, i) => Math.round((whole[i]!.ms / l.ms) * 100) / 100),
  };
}

if (process.argv[2] === 'child') {
  console.log(JSON.stringify(measure(process.argv[3] as Mode, sampleText())));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(compareFontReading(Number(process.env.BENCH_PAIRS ?? 7)), null, 2));
}
