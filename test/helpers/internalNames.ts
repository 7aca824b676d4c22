import { REQUIREMENT_IDS } from '../../src/catalog/requirements.ts';
import { ENUMS } from '../../src/model/enums.ts';

/**
 * Names a clerk or examiner must never read in a document: requirement ids, field paths and the English
 * values of choices. Returns what it finds, so that a test shows the offending words.
 */

const ENUM_VALUES = [...new Set(Object.values(ENUMS).flatMap((e) => Object.keys(e)))];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An ASCII word standing alone: not part of a longer ASCII word, a file name or an address. */
const alone = (word: string) => new RegExp(`(?<![A-Za-z0-9_./@-])${escape(word)}(?![A-Za-z0-9_/@-]|\\.[A-Za-z0-9])`, 'g');
const PATTERNS: { kind: string; re: RegExp }[] = [
  ...REQUIREMENT_IDS.map((id) => ({ kind: 'requirement id', re: alone(id) })),
  { kind: 'field path', re: /\b[a-z]+(?:\.[a-zA-Z]+|\[\d+\])+/g },
  ...ENUM_VALUES.map((value) => ({ kind: 'English choice', re: alone(value) })),
];

export function findInternalNames(text: string, allowed: readonly string[] = []): string[] {
  let rest = text.replace(/\n/g, '');
  for (const a of allowed) rest = rest.split(a).join('');
  const found: string[] = [];
  for (const { kind, re } of PATTERNS) for (const m of rest.matchAll(re)) found.push(`${kind}: ${m[0]} …${rest.slice(Math.max(0, m.index! - 20), m.index! + m[0].length + 20)}…`);
  return found;
}
