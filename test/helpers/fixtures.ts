import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Filing } from '../../src/model/filing.ts';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const fixturePath = (name: string) => `${root}fixtures/${name}`;

/** A fresh, mutable copy of a fixture as plain data (not yet validated). */
export function loadFixture(name: string): Filing {
  return parse(readFileSync(fixturePath(name), 'utf8')) as Filing;
}
