import type { z } from 'zod';
import { GAP_MARKS } from '../document/parseMarkup.ts';
import { filing as filingSchema } from '../model/filing.ts';
import { schemaAt } from '../validate/schemaFindings.ts';

/**
 * For a draft: text fields that are empty or missing are filled with 【未記入】 so that the document can
 * still be built and shows every gap in place. Only plain text fields are filled; a missing date, choice
 * or list still stops the build, because there is nothing sensible to print for it.
 */
export function fillTextGaps(data: unknown): unknown {
  const copy = structuredClone(data);
  for (let round = 0; round < 10; round++) {
    const parsed = filingSchema.safeParse(copy);
    if (parsed.success) return copy;
    let filled = 0;
    for (const issue of parsed.error.issues) if (fillAt(copy, issue)) filled++;
    if (!filled) return copy;
  }
  return copy;
}

/** Whether the field at a path is free text (not a date, a choice or a number). */
export function isPlainText(path: readonly PropertyKey[]): boolean {
  const found = schemaAt(filingSchema, path);
  if (!found) return false;
  let s = found.schema as unknown as { _zod: { def: { type: string; innerType?: unknown; format?: string } } };
  while (s._zod.def.type === 'optional') s = s._zod.def.innerType as typeof s;
  return s._zod.def.type === 'string' && !s._zod.def.format;
}

function fillAt(data: unknown, issue: z.core.$ZodIssue): boolean {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys' || path.length === 0 || !isPlainText(path)) return false;
  let parent = data as Record<PropertyKey, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = parent?.[key];
    if (next === null || typeof next !== 'object') return false;
    parent = next as Record<PropertyKey, unknown>;
  }
  const key = path.at(-1)!;
  const value = parent[key];
  if (value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '')) return false;
  parent[key] = GAP_MARKS.missing;
  return true;
}
