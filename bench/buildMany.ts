import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTreeOf } from '../src/build/buildFiling.ts';
import { renderOutputs } from '../src/build/renderDocument.ts';
import { writeFilesAtomically } from '../src/io/writeAtomically.ts';
import type { Filing } from '../src/model/filing.ts';
import { compileTemplates } from '../src/templates/renderTemplates.ts';
import { hasErrors } from '../src/validate/finding.ts';
import { checkFiling } from '../src/validate/validate.ts';

/** Validates and builds each filing to .docx and .pdf on disk, as `build` does; returns RSS samples in MB. */
export async function buildMany(filings: readonly Filing[], onEach?: (i: number) => void): Promise<{ rss: number[]; failed: number }> {
  const templates = compileTemplates();
  const out = mkdtempSync(join(tmpdir(), 'tos-bench-'));
  const rss: number[] = [];
  let failed = 0;
  try {
    for (let i = 0; i < filings.length; i++) {
      const { filing, port, findings } = checkFiling(filings[i]);
      if (!filing || !port || hasErrors(findings)) {
        failed++;
        continue;
      }
      const tree = buildTreeOf(filing, port, findings, false, templates);
      const outputs = await renderOutputs(tree, ['docx', 'pdf']);
      writeFilesAtomically([...outputs].map(([format, bytes]) => ({ path: join(out, `filing.${format}`), bytes })));
      if (i % 25 === 0) rss.push(process.memoryUsage().rss / 2 ** 20);
      onEach?.(i);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { rss, failed };
}
