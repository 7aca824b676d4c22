import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFiling } from '../src/app/build.ts';
import { writeOutputs } from '../src/io/writeAtomically.ts';
import type { Filing } from '../src/model/filing.ts';
import { compileTemplates } from '../src/templates/renderTemplates.ts';

/**
 * Validates and builds each filing to .docx and .pdf on disk, as `build` does. Every 25 filings it samples
 * the RSS and, when node runs with --expose-gc, the live heap after a full collection (MB): RSS alone
 * shows V8 growing its heap, not whether memory is retained.
 */
export async function buildMany(
  filings: readonly Filing[],
  onEach?: (i: number) => void,
): Promise<{ rss: number[]; liveHeap: number[]; failed: number }> {
  const templates = compileTemplates();
  const out = mkdtempSync(join(tmpdir(), 'tos-bench-'));
  const rss: number[] = [];
  const liveHeap: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  let failed = 0;
  try {
    for (let i = 0; i < filings.length; i++) {
      const outcome = await buildFiling({ file: 'filing.yaml', data: filings[i] }, { formats: ['docx', 'pdf'], templates });
      if (outcome.status !== 'built') {
        failed++;
        continue;
      }
      await writeOutputs(outcome.outputs.map((o) => ({ path: join(out, o.name), bytes: o.bytes })));
      if (i % 25 === 0) {
        rss.push(process.memoryUsage().rss / 2 ** 20);
        if (gc) {
          gc();
          liveHeap.push(process.memoryUsage().heapUsed / 2 ** 20);
        }
      }
      onEach?.(i);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { rss, liveHeap, failed };
}
