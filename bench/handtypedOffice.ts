/**
 * The screening's accuracy on the hand-typed corpus as an examiner receives it: each plan's HTML made into a .docx
 * and that .docx into a PDF by LibreOffice (as an office saves and exports its plan), then read by the real readers
 * (readers/plan/readPlanDocx.ts, readPlanPdf.ts) and screened. Needs soffice; the files are made once in a temporary
 * folder. Also times the whole import of each document (read, screen, draft), in this process.
 *
 *   node --import tsx bench/handtypedOffice.ts [--verbose]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPlan } from '../src/app/import.ts';
import { screenRead } from '../src/app/screening.ts';
import { installNodeHost } from '../src/platform/node.ts';
import { readPlanDocx } from '../src/readers/plan/readPlanDocx.ts';
import { readPlanPdf } from '../src/readers/plan/readPlanPdf.ts';
import { readDocument } from '../src/readers/readSource.ts';
import { measure, report } from './handtyped.ts';

installNodeHost();
const work = join(tmpdir(), 'tos-handtyped-office');
mkdirSync(work, { recursive: true });
const soffice = (to: string, file: string, out: string) =>
  spawnSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', to, '--outdir', out, file], { encoding: 'utf8', env: { ...process.env, HOME: work } });

function officeFiles(dir: string): { docx: string; pdf: string } {
  const out = join(work, dir.split('/').pop()!);
  mkdirSync(out, { recursive: true });
  const docx = join(out, 'plan.docx');
  const pdf = join(out, 'plan.pdf');
  if (!existsSync(docx)) {
    copyFileSync(join(dir, 'plan.html'), join(out, 'plan.html'));
    soffice('docx:MS Word 2007 XML', join(out, 'plan.html'), out);
  }
  if (!existsSync(pdf)) soffice('pdf:writer_pdf_Export', docx, out);
  return { docx, pdf };
}

const verbose = process.argv.includes('--verbose');
const times: Record<'docx' | 'pdf', number[]> = { docx: [], pdf: [] };
for (const format of ['docx', 'pdf'] as const) {
  const results = await measure(async (dir) => {
    const file = officeFiles(dir)[format];
    const bytes = new Uint8Array(readFileSync(file));
    const started = performance.now();
    const read = screenRead(await readDocument(file, format, bytes));
    if (read.ok) importPlan(read, { format: 'yaml' });
    times[format].push(performance.now() - started);
    const plan = format === 'docx' ? readPlanDocx(bytes) : await readPlanPdf(bytes);
    if (!plan.ok) throw new Error(`${file}: ${plan.message}`);
    return plan.blocks;
  });
  console.log(`\n== ${format}（LibreOffice が作成） ==`);
  console.log(report(results, verbose));
}
const stat = (xs: number[]) => {
  const rest = xs.slice(1).sort((a, b) => a - b); // the first of each format loads its reader (PDF.js) once
  return `中央値 ${rest[Math.floor(rest.length / 2)]!.toFixed(0)} ms、最大 ${rest.at(-1)!.toFixed(0)} ms`;
};
console.log(`\nimport 1件（読み取り・照合・下書き、このプロセスで。各形式の最初の1件を除く）：.docx ${stat(times.docx)}、.pdf ${stat(times.pdf)}`);
