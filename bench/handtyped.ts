/**
 * Accuracy of the screening on the hand-typed corpus (fixtures/handtyped/): precision and recall of
 * requirement detection, and whether the applicant's name and the port are read exactly, per plan and in
 * total (all plans; the held-out plans, written last and never tuned on, separately).
 *
 *   npm run bench:handtyped                       blocks from each plan's source HTML
 *   npm run bench:handtyped -- --reader docx      the plan's .docx through the Word reader (pdf: the PDF reader)
 *   npm run bench:handtyped -- --verbose          also every miss and every false find, with its passage
 *
 * The reader is a parameter (`measure(readPlan)`): the real .docx/.pdf readers plug in there.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { matchRequirements } from '../src/screen/matchRequirements.ts';
import { readCover } from '../src/screen/readCover.ts';
import type { PlanRead, TextBlock } from '../src/readers/plan/textBlock.ts';
import type { RequirementId } from '../src/catalog/requirements.ts';
import { blocksFromHtml } from './sourceBlocks.ts';

export const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'handtyped');

export interface Expected {
  requirements: RequirementId[];
  applicant?: string;
  port?: string;
  heldOut?: boolean;
  note?: string;
}

/** Reads one plan of the corpus (its folder) into text blocks. */
export type PlanReader = (planDir: string) => Promise<TextBlock[]> | TextBlock[];

export const sourceReader: PlanReader = (dir) => blocksFromHtml(readFileSync(join(dir, 'plan.html'), 'utf8'));

export interface PlanResult {
  plan: string;
  heldOut: boolean;
  tp: number;
  fp: RequirementId[];
  fn: RequirementId[];
  nameOk: boolean;
  portOk: boolean;
  name?: string;
  port?: string;
  ms: number;
  passages: Map<RequirementId, string>;
}

export function plans(): string[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(CORPUS, e.name, 'expected.json')))
    .map((e) => e.name)
    .sort();
}

export async function measure(readPlan: PlanReader = sourceReader): Promise<PlanResult[]> {
  const results: PlanResult[] = [];
  for (const plan of plans()) {
    const dir = join(CORPUS, plan);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    const blocks = await readPlan(dir);
    const started = performance.now();
    const found = matchRequirements(blocks);
    const cover = readCover(blocks);
    const ms = performance.now() - started;
    const foundIds = new Set(found.map((m) => m.requirement));
    const expectedIds = new Set(expected.requirements);
    results.push({
      plan,
      heldOut: !!expected.heldOut,
      tp: [...foundIds].filter((id) => expectedIds.has(id)).length,
      fp: [...foundIds].filter((id) => !expectedIds.has(id)),
      fn: [...expectedIds].filter((id) => !foundIds.has(id)),
      // (as written, up to the width of a character: a PDF's text layer gives 「有限会社　豊川港運」's blank as a plain space)
      nameOk: cover.applicant?.name?.value?.normalize('NFKC') === expected.applicant?.normalize('NFKC'),
      portOk: (cover.port?.value ?? undefined) === expected.port,
      name: cover.applicant?.name?.value,
      port: cover.port?.value,
      ms,
      passages: new Map(found.map((m) => [m.requirement, m.passage])),
    });
  }
  return results;
}

export function totals(results: readonly PlanResult[]) {
  const tp = results.reduce((n, r) => n + r.tp, 0);
  const fp = results.reduce((n, r) => n + r.fp.length, 0);
  const fn = results.reduce((n, r) => n + r.fn.length, 0);
  return {
    plans: results.length,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    names: results.filter((r) => r.nameOk).length,
    ports: results.filter((r) => r.portOk).length,
  };
}

const pct = (x: number) => x.toFixed(3);

export function report(results: readonly PlanResult[], verbose = false): string {
  const lines = ['plan                                 TP  FP  FN  name port   ms'];
  for (const r of results) {
    lines.push(
      `${(r.plan + (r.heldOut ? ' (held out)' : '')).padEnd(36)} ${String(r.tp).padStart(3)} ${String(r.fp.length).padStart(3)} ${String(r.fn.length).padStart(3)}  ${r.nameOk ? ' ok ' : ' NG '} ${r.portOk ? ' ok ' : ' NG '} ${r.ms.toFixed(1).padStart(5)}`,
    );
    if (verbose) {
      if (!r.nameOk) lines.push(`    name read: ${r.name ?? '(none)'}`);
      if (!r.portOk) lines.push(`    port read: ${r.port ?? '(none)'}`);
      for (const id of r.fp) lines.push(`    FP ${id}: ${r.passages.get(id)?.replace(/\n/g, ' ').slice(0, 140)}`);
      for (const id of r.fn) lines.push(`    FN ${id}`);
    }
  }
  for (const [label, subset] of [
    ['all', results],
    ['development', results.filter((r) => !r.heldOut)],
    ['held out', results.filter((r) => r.heldOut)],
  ] as const) {
    if (subset.length === 0) continue;
    const t = totals(subset);
    lines.push(`${label.padEnd(12)} plans ${t.plans}  precision ${pct(t.precision)}  recall ${pct(t.recall)}  name ${t.names}/${t.plans}  port ${t.ports}/${t.plans}`);
  }
  return lines.join('\n');
}

/**
 * The readers of the plan's Word and PDF files (src/readers/plan/, from the readers' branch): loaded by path
 * so that this bench runs before they are there (then it says so and stops).
 */
async function fileReader(format: 'docx' | 'pdf'): Promise<PlanReader> {
  const module = format === 'docx' ? '../src/readers/plan/readPlanDocx.ts' : '../src/readers/plan/readPlanPdf.ts';
  let read: (bytes: Uint8Array) => Promise<PlanRead> | PlanRead;
  try {
    const host = (await import('../src/platform/node.ts')) as { installNodeHost(): void };
    host.installNodeHost();
    const loaded = (await import(module)) as Record<string, (bytes: Uint8Array) => Promise<PlanRead> | PlanRead>;
    read = loaded[format === 'docx' ? 'readPlanDocx' : 'readPlanPdf']!;
  } catch {
    console.error(`${module} がありません（文書の読み取りがまだ組み込まれていません）。--reader source で計測してください。`);
    process.exit(2);
  }
  return async (dir) => {
    const result = await read(new Uint8Array(readFileSync(join(dir, `plan.${format}`))));
    if (!result.ok) throw new Error(`${dir}: ${result.message}`);
    return result.blocks;
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const verbose = process.argv.includes('--verbose');
  const readerArg = process.argv[process.argv.indexOf('--reader') + 1];
  const format = process.argv.includes('--reader') ? readerArg : 'source';
  if (format !== 'source' && format !== 'docx' && format !== 'pdf') {
    console.error('--reader には source（計画書の元のHTML）、docx、pdf のいずれかを指定してください。');
    process.exit(2);
  }
  const reader = format === 'source' ? sourceReader : await fileReader(format);
  console.log(`reader: ${format}`);
  console.log(report(await measure(reader), verbose));
}
