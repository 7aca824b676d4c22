import { join } from 'node:path';
import { filingTree } from '../src/app/build.ts';
import { writeOutputs } from '../src/io/writeAtomically.ts';
import type { Filing } from '../src/model/filing.ts';
import { writeDocx } from '../src/render/docx/writeDocx.ts';
import { writePdf } from '../src/render/pdf/writePdf.ts';
import { installNodeHost } from '../src/platform/node.ts';
import { compileTemplates } from '../src/platform/nodeTemplates.ts';

installNodeHost();

/** Milliseconds spent in each step of building a filing, summed over the filings built. */
export interface StepTimes {
  /** Validation, templates and the document tree. */
  tree: number;
  docx: number;
  pdf: number;
  /** Writing both files to disk, atomically. */
  write: number;
}

export interface BuildManyResult {
  built: number;
  failed: number;
  steps: StepTimes;
  /** Live heap after a full collection (MB), sampled every `sampleEvery` filings, first and last included; empty without --expose-gc. */
  liveHeap: number[];
  rss: number[];
}

const templates = compileTemplates();
const gc = (globalThis as { gc?: () => void }).gc;

function sample(into: BuildManyResult) {
  into.rss.push(process.memoryUsage().rss / 2 ** 20);
  if (gc) {
    gc();
    into.liveHeap.push(process.memoryUsage().heapUsed / 2 ** 20);
  }
}

/**
 * Validates each filing and builds its .docx and .pdf into `outDir`, as `build` does (the same steps, timed one
 * by one). Files are named by their index, so a caller can keep them (to hand the .docx to LibreOffice) or let
 * each overwrite the last.
 */
export async function buildMany(filings: readonly Filing[], outDir: string, options: { names?: 'indexed' | 'one'; sampleEvery?: number } = {}): Promise<BuildManyResult> {
  const result: BuildManyResult = { built: 0, failed: 0, steps: { tree: 0, docx: 0, pdf: 0, write: 0 }, liveHeap: [], rss: [] };
  const every = options.sampleEvery ?? 0;
  if (every) sample(result);
  for (let i = 0; i < filings.length; i++) {
    let t = performance.now();
    const lap = (step: keyof StepTimes) => {
      const now = performance.now();
      result.steps[step] += now - t;
      t = now;
    };
    const made = filingTree({ file: 'filing.yaml', data: filings[i] }, { templates });
    if (made.status !== 'tree') {
      result.failed++;
      continue;
    }
    const { tree } = made;
    lap('tree');
    const docx = await writeDocx(tree);
    lap('docx');
    const pdf = await writePdf(tree);
    lap('pdf');
    const stem = options.names === 'indexed' ? `filing-${String(i + 1).padStart(5, '0')}` : 'filing';
    await writeOutputs([
      { path: join(outDir, `${stem}.docx`), bytes: docx },
      { path: join(outDir, `${stem}.pdf`), bytes: pdf },
    ]);
    lap('write');
    result.built++;
    if (every && ((i + 1) % every === 0 || i === filings.length - 1)) sample(result);
  }
  return result;
}
