import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../platform/packageRoot.ts';

/**
 * The page's script and style: src/web/page/main.ts with the model, the validator and the catalog, bundled for
 * the browser by esbuild into dist/web/. Built when missing or older than any source file, then reused, so the
 * page runs the very validator the CLI runs.
 */

export interface ClientAssets {
  js: Buffer;
  css: Buffer;
}

const root = () => packageRoot();
const outDir = () => join(root(), 'dist', 'web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  const js = join(outDir(), 'app.js');
  const css = join(outDir(), 'app.css');
  if (!existsSync(js) || !existsSync(css)) return false;
  const sources = join(root(), 'src');
  if (!existsSync(sources)) return true;
  return Math.min(statSync(js).mtimeMs, statSync(css).mtimeMs) >= newestMtime(sources);
}

export async function bundleClient(): Promise<void> {
  // esbuild is a development dependency: loaded only when the bundle has to be made
  // (required, not import()ed: the CLI bundle is a code-cached script, which cannot import() at run time)
  const esbuildName = 'esbuild';
  const { build } = createRequire(import.meta.url)(esbuildName) as typeof import('esbuild');
  mkdirSync(outDir(), { recursive: true });
  await build({
    entryPoints: { app: join(root(), 'src', 'web', 'page', 'main.ts') },
    outdir: outDir(),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox115', 'safari16'],
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

export async function clientAssets(): Promise<ClientAssets> {
  if (!isFresh()) await bundleClient();
  return { js: readFileSync(join(outDir(), 'app.js')), css: readFileSync(join(outDir(), 'app.css')) };
}
