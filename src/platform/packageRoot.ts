import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The folder of tos-filing's package.json, whether running from src/ or from the bundle in dist/. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'tos-filing') return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('tos-filing: cannot find the package folder');
    dir = parent;
  }
}
