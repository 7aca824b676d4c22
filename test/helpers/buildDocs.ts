import { readFiling } from '../../src/io/readFiling.ts';
import { buildFiling } from '../../src/app/build.ts';
import { compileTemplates } from '../../src/platform/nodeTemplates.ts';
import { fixturePath } from './fixtures.ts';

export const templates = compileTemplates();

/** Every fixture that makes documents: the valid ones as they are, the incomplete ones as drafts. */
export const BUILDABLE = [
  ['sample/specified-complete.yaml', false],
  ['sample/general-complete.yaml', false],
  ['change/before.yaml', false],
  ['change/after.yaml', false],
  ['robustness/hostile-text.yaml', false],
  ['incomplete/common-omissions.yaml', true],
  ['incomplete/contradictions.yaml', true],
  ['incomplete/unknown-port.yaml', true],
  ['incomplete/change-without-license.yaml', true],
] as const;

export function fixtureData(name: string): unknown {
  const read = readFiling(fixturePath(name));
  if (!read.ok) throw new Error(`${name}: ${read.message}`);
  return read.data;
}

/** The fixture's .docx and .pdf, made in memory as `build` makes them. */
export async function buildDocs(name: string, draft: boolean, data: unknown = fixtureData(name), options: { redact?: boolean } = {}) {
  const outcome = await buildFiling({ file: fixturePath(name), data }, { formats: ['docx', 'pdf'], templates, draft, ...options });
  if (outcome.status !== 'built') throw new Error(`${name} did not build`);
  const get = (suffix: string) => outcome.outputs.find((o) => o.name.endsWith(suffix))!.bytes;
  return { docx: get('.docx'), pdf: get('.pdf'), outcome, get };
}
