import type { z } from 'zod';
import { filing as filingSchema } from '../model/filing.ts';
import { type Key, fieldAt, mapAlongSchema } from '../model/schemaWalk.ts';
import { fieldWords } from '../validate/messages.ts';
import { GapMark } from './gapMark.ts';

/** A stand-in the schema accepts for an empty text field of a draft; it is replaced by a GapMark, by path. */
const STAND_IN = '未記入';

export interface DraftData {
  data: unknown;
  /** Where text was missing, as paths: the places the document marks 【未記入】. */
  gaps: Key[][];
}

/**
 * For a draft: text fields that are empty or missing are filled so that the document can still be built, and
 * their paths are kept so that the document marks each gap in place. Only plain text fields are filled; a
 * missing date, choice or list still stops the build, because there is nothing sensible to print for it.
 */
export function fillTextGaps(data: unknown): DraftData {
  const copy = structuredClone(data);
  const gaps: Key[][] = [];
  for (let round = 0; round < 10; round++) {
    const parsed = filingSchema.safeParse(copy);
    if (parsed.success) break;
    let filled = 0;
    for (const issue of parsed.error.issues) if (fillAt(copy, issue, gaps)) filled++;
    if (!filled) break;
  }
  return { data: copy, gaps };
}

function fillAt(data: unknown, issue: z.core.$ZodIssue, gaps: Key[][]): boolean {
  const path = issue.path as Key[];
  if (issue.code === 'unrecognized_keys' || path.length === 0 || fieldAt(path)?.kind !== 'text') return false;
  let parent = data as Record<PropertyKey, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = parent?.[key];
    if (next === null || typeof next !== 'object') return false;
    parent = next as Record<PropertyKey, unknown>;
  }
  const key = path.at(-1)!;
  const value = parent[key];
  if (value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '')) return false;
  parent[key] = STAND_IN;
  gaps.push(path);
  return true;
}

/** What a gap is called in the document: 「申請者の名称」; inside a measure's own table just 「講じている措置」. */
function gapLabel(path: readonly Key[]): string {
  const words = fieldWords(path).split(' › ');
  return (path[0] === 'measures' ? words.slice(-1) : words.slice(-2)).join('の');
}

/** The parsed filing with a GapMark at every gap path (nothing else is touched). */
export function markGaps<T>(parsed: T, gaps: readonly Key[][]): T {
  if (!gaps.length) return parsed;
  const keys = new Set(gaps.map((g) => JSON.stringify(g)));
  return mapAlongSchema(
    parsed,
    (value, _info, path) => (keys.has(JSON.stringify(path)) ? new GapMark('missing', gapLabel(path)) : value),
    filingSchema,
  ) as T;
}
