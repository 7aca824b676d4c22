/**
 * The bytes of every document the CLI makes, as sha256 per file, checked against bench/outputs.sha256.json
 * (recorded before the speed work: `node --import tsx bench/outputs.ts --record`). npm run bench runs the check
 * first and stops if any output changed. Each command runs in a new process through bin/tos-filing.js.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { packageRoot } from '../src/platform/packageRoot.ts';

const root = packageRoot();
const RECORD = join(root, 'bench/outputs.sha256.json');

/** Each run: a name (its outputs' folder) and the CLI's arguments; `{out}` is that folder. */
const RUNS: { name: string; args: string[] }[] = [
  { name: 'start', args: ['build', 'fixtures/sample/specified-complete.yaml', '--out', '{out}'] },
  { name: 'samples', args: ['build', 'fixtures/sample', '--out', '{out}', '--redact'] },
  { name: 'draft-incomplete', args: ['build', 'fixtures/incomplete', '--draft', '--out', '{out}'] },
  { name: 'diff', args: ['diff', 'fixtures/change/before.yaml', 'fixtures/change/after.yaml', '--out', '{out}'] },
  { name: 'review', args: ['review', 'fixtures/sample', 'fixtures/incomplete', 'fixtures/change', '--format', 'text,csv,json,xlsx,docx,pdf', '--notice', '--out', '{out}'] },
  { name: 'agent', args: ['build', 'fixtures/sample/general-complete.yaml', '--agent', 'fixtures/agent/office.yaml', '--out', '{out}'] },
  { name: 'hostile', args: ['build', 'fixtures/robustness/hostile-text.yaml', '--draft', '--out', '{out}'] },
];

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** sha256 of every file each run writes and of its standard output (paths made relative to the run's folder). */
export function outputHashes(): Record<string, string> {
  const work = mkdtempSync(join(tmpdir(), 'tos-outputs-'));
  const hashes: Record<string, string> = {};
  try {
    for (const run of RUNS) {
      const out = join(work, run.name);
      const args = run.args.map((a) => a.replace('{out}', out));
      const done = spawnSync(process.execPath, [join(root, 'bin/tos-filing.js'), ...args], { cwd: root, encoding: 'utf8' });
      hashes[`${run.name}/stdout (exit ${done.status})`] = sha(done.stdout.split(work).join('<out>'));
      for (const file of filesUnder(out).sort()) hashes[`${run.name}/${relative(out, file)}`] = sha(readFileSync(file));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return hashes;
}

/** The outputs that differ from the record (missing, new or changed); empty when every byte is the same. */
export function changedOutputs(): string[] {
  const recorded = JSON.parse(readFileSync(RECORD, 'utf8')) as Record<string, string>;
  const now = outputHashes();
  const names = [...new Set([...Object.keys(recorded), ...Object.keys(now)])].sort();
  return names.filter((n) => recorded[n] !== now[n]);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  if (process.argv.includes('--record')) {
    const hashes = outputHashes();
    writeFileSync(RECORD, `${JSON.stringify(hashes, null, 2)}\n`);
    console.log(`recorded ${Object.keys(hashes).length} outputs in ${relative(root, RECORD)}`);
  } else {
    const changed = changedOutputs();
    console.log(changed.length ? `changed outputs:\n  ${changed.join('\n  ')}` : 'every output has the same bytes as recorded');
    process.exitCode = changed.length ? 1 : 0;
  }
}
