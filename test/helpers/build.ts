import { join } from 'node:path';
import { type BuildOutcome, type BuildOptions, buildFiling } from '../../src/app/build.ts';
import { writeOutputs } from '../../src/io/writeAtomically.ts';
import { compileTemplates } from '../../src/platform/nodeTemplates.ts';

let defaultTemplates: ReturnType<typeof compileTemplates> | undefined;

/** Builds filing data as the CLI does (the command in memory, then an atomic write into `outDir`). */
export async function buildInto(
  file: string,
  data: unknown,
  outDir: string,
  options: Partial<BuildOptions> = {},
): Promise<BuildOutcome & { written: string[] }> {
  const templates = options.templates ?? (defaultTemplates ??= compileTemplates());
  const outcome = await buildFiling({ file, data }, { formats: ['docx', 'pdf'], ...options, templates });
  if (outcome.status !== 'built') return { ...outcome, written: [] };
  const files = outcome.outputs.map((o) => ({ path: join(outDir, o.name), bytes: o.bytes }));
  await writeOutputs(files, { inputs: [file] });
  return { ...outcome, written: files.map((f) => f.path) };
}
