import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './helpers/fixtures.ts';

/** The modules a module loads when it is loaded: its value imports (not `import type`, not `await import()`). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\s+(?!type\s)[^'";]*?\bfrom\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)].map((m) => (m[1] ?? m[2])!);
}

/** Every source file and every package `entry` loads before anything is called. */
function loadedAtStart(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else if (!specifier.startsWith('node:')) packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('what the CLI loads before a command is chosen (--help, --version, a wrong option)', () => {
  const { files, packages } = loadedAtStart(join(root, 'src/cli.ts'));

  it('is only the argument parser among the packages: no validator, templates, readers or document writers', () => {
    expect([...packages]).toEqual(['commander']);
  });

  it('reaches the writers and the command modules only when a command or format asks for them', () => {
    const loaded = [...files].map((f) => relative(root, f));
    expect(loaded).toContain('src/cli/program.ts');
    for (const later of ['src/cli/commandModules.ts', 'src/render/docx/writeDocx.ts', 'src/render/pdf/writePdf.ts', 'src/app/build.ts', 'src/model/filing.ts'])
      expect(loaded).not.toContain(later);
  });

  it('follows imports (the check would see a package that the help reached)', () => {
    expect([...loadedAtStart(join(root, 'src/cli/commandModules.ts')).packages]).toEqual(expect.arrayContaining(['zod', 'handlebars', 'yaml']));
  });
});

describe('the bundle runner and its code cache (a new process each run)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tos-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bundle = join(dir, 'cli.cjs');
  const cache = join(dir, 'cli.cache');
  const runner = pathToFileURL(join(root, 'bin/runBundle.cjs')).href;
  writeFileSync(bundle, "const { basename } = require('node:path'); console.log(basename(__filename), typeof module.exports, [1, 2, 3].map((n) => n * 2).join());");
  const ran = 'cli.cjs object 2,4,6';
  /** Runs the bundle; prints what the bundle printed, then whether the cache was used. */
  const runOnce = (writeCache = false) => {
    const script = `import { statSync } from 'node:fs'; import { runBundle } from ${JSON.stringify(runner)};
      const { cache, writeCache } = runBundle(${JSON.stringify(bundle)}, statSync(${JSON.stringify(bundle)}), ${JSON.stringify(cache)});
      if (${writeCache}) writeCache();
      console.log(cache);`;
    const [output, cacheUse] = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim().split('\n');
    return { output, cache: cacheUse };
  };

  it('runs the bundle as a CommonJS script without a cache, then with the cache it recorded', () => {
    expect(runOnce(true)).toEqual({ output: ran, cache: 'none' });
    expect(runOnce()).toEqual({ output: ran, cache: 'used' });
  });

  it('ignores a cache made for another Node, or for the bundle before it changed', () => {
    runOnce(true);
    const bytes = readFileSync(cache);
    const header = bytes.subarray(0, bytes.indexOf(10)).toString('latin1');
    writeFileSync(cache, Buffer.concat([Buffer.from(header.replace(process.version, 'v99.0.0'), 'latin1'), bytes.subarray(bytes.indexOf(10))]));
    expect(runOnce()).toEqual({ output: ran, cache: 'none' });
    runOnce(true);
    const { mtime } = statSync(bundle);
    utimesSync(bundle, mtime, new Date(mtime.getTime() + 1000));
    expect(runOnce()).toEqual({ output: ran, cache: 'none' });
  });

  it('still runs when the cache is damaged, or is not a cache at all', () => {
    runOnce(true);
    const bytes = readFileSync(cache);
    writeFileSync(cache, Buffer.concat([bytes.subarray(0, bytes.indexOf(10) + 1), Buffer.from('not a code cache at all, only text')]));
    expect(runOnce()).toEqual({ output: ran, cache: 'rejected' });
    writeFileSync(cache, 'garbage');
    expect(runOnce()).toEqual({ output: ran, cache: 'none' });
  });
});
