import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/fixtures.ts';

/**
 * The house rule, enforced: arrows point one way. A module may import from its own folder or from a folder of
 * a lower layer; writers never see the model; the model imports nothing above it.
 */
const src = join(root, 'src');

const LAYERS: Record<string, number> = {
  types: 0,
  util: 0,
  catalog: 1,
  document: 1,
  model: 2,
  render: 2,
  io: 2,
  validate: 3,
  readers: 4,
  diff: 4,
  review: 4,
  // the screening of hand-typed plans: reads the readers' text blocks, feeds the app's import and review
  screen: 4.5,
  redact: 4,
  report: 5,
  templates: 5,
  app: 6,
  cli: 7,
  // the shells' hosts (Node, the browser): above the app they serve; platform/host.ts, the interface, is open to all
  platform: 6.2,
  // the editor's server sits beside the CLI; the CLI starts it for `edit`
  web: 6.5,
};

/** The core: runs unchanged in Node and in the offline page, so it asks the host for what a runtime gives. */
const CORE = ['app', 'templates', 'render', 'readers', 'screen', 'diff', 'review', 'validate', 'document', 'model', 'catalog', 'util', 'redact', 'report', 'types'];
const HOST_INTERFACE = join(src, 'platform', 'host.ts');


function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const folderOf = (file: string) => relative(src, file).split('/')[0]!;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), s));
}

const files = sourceFiles(src).filter((f) => relative(src, f).includes('/'));

describe('import direction', () => {
  it('knows the layer of every folder under src/', () => {
    const folders = [...new Set(files.map(folderOf))];
    expect(folders.filter((f) => !(f in LAYERS))).toEqual([]);
  });

  it('has no import that points back up', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = folderOf(file);
      for (const target of importsOf(file)) {
        const to = folderOf(target);
        if (to === from || !(to in LAYERS) || target === HOST_INTERFACE) continue;
        if (LAYERS[to]! >= LAYERS[from]!) upward.push(`${relative(src, file)} → ${relative(src, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keeps the writers away from the model, and the model away from everything above it', () => {
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => {
          const from = folderOf(file);
          const to = folderOf(target);
          if (from === 'render') return to === 'model' || to === 'validate' || to === 'catalog';
          if (from === 'model') return !['model', 'util', 'catalog', 'types'].includes(to);
          return false;
        })
        .map((target) => `${relative(src, file)} → ${relative(src, target)}`),
    );
    expect(offending).toEqual([]);
  });

  it('looks inside zod only in the schema module', () => {
    const casts = files.filter((f) => !f.endsWith('model/schemaWalk.ts') && readFileSync(f, 'utf8').includes('as unknown as'));
    expect(casts.map((f) => relative(src, f))).toEqual([]);
  });

  it('keeps no language in module state', () => {
    const stateful = files.filter((f) => /\b(setLang|z\.config)\(/.test(readFileSync(f, 'utf8')));
    expect(stateful.map((f) => relative(src, f))).toEqual([]);
  });
});

/** Code without its comments, so that a comment may name `process` or `Buffer`. */
const withoutComments = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

/** What ties a module to Node: a node: import (or a bare built-in), the global process, or Buffer. */
function nodeOnly(code: string): string[] {
  const found: string[] = [];
  if (/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](?:node:|(?:fs|path|os|zlib|crypto|url|module|child_process|worker_threads)['"])/.test(code)) found.push('node: import');
  if (/(?<![.\w$])process\s*[.[]/.test(code)) found.push('process');
  if (/(?<![.\w$])Buffer\b/.test(code)) found.push('Buffer');
  return found;
}

describe('the core runs in any shell', () => {
  it('finds what ties code to Node, and not a word in a comment', () => {
    expect(nodeOnly("import { readFileSync } from 'node:fs';")).toEqual(['node: import']);
    expect(nodeOnly("const z = await import('zlib');")).toEqual(['node: import']);
    expect(nodeOnly('const a = process.argv;')).toEqual(['process']);
    expect(nodeOnly("const b = Buffer.from('x');")).toEqual(['Buffer']);
    expect(nodeOnly(withoutComments('const c = buildProcess.x; const d = myBuffer; // once per process.\n/* Buffer */'))).toEqual([]);
  });

  it('has no node: import, process or Buffer in a core folder, nor in any module a core module imports', () => {
    const seen = new Set<string>();
    const offending: string[] = [];
    const visit = (file: string, via: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const found = nodeOnly(withoutComments(readFileSync(file, 'utf8')));
      if (found.length) offending.push(`${relative(src, file)} (${found.join(', ')})${via ? ` ← ${via}` : ''}`);
      for (const target of importsOf(file)) visit(target, via || relative(src, file));
    };
    for (const file of files.filter((f) => CORE.includes(folderOf(f)))) visit(file, '');
    expect(offending).toEqual([]);
  });

  it('lets the core see only the interface of the platform', () => {
    const reaching = files
      .filter((f) => CORE.includes(folderOf(f)))
      .flatMap((file) => importsOf(file).filter((t) => folderOf(t) === 'platform' && t !== HOST_INTERFACE).map((t) => `${relative(src, file)} → ${relative(src, t)}`));
    expect(reaching).toEqual([]);
  });
});
