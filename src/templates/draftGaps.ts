import type * as z from 'zod';
import { filing as filingSchema } from '../model/filing.ts';
import { type Key, fieldAt, mapAlongSchema } from '../model/schemaWalk.ts';
import { fieldWords } from '../validate/messages.ts';
import { GapMark, blankList } from './gapMark.ts';

/**
 * Stand-ins the schema accepts for an empty field of a draft; each is replaced by a GapMark, by path, so the
 * document never shows them. A blank choice stands in as 'no' or as its first option.
 */
const STAND_IN = { text: '未記入', date: '2000-01-01', boolean: false } as const;
/** A blank list stands in as an empty one; its mark keeps the document from reading it as 「…はない」. */
const LIST_STAND_IN = (): unknown[] => [];

/** The date a draft's document carries in its properties while its 申請日 is still blank. */
export const DRAFT_DOCUMENT_DATE = STAND_IN.date;

export interface DraftData {
  data: unknown;
  /** Where text was missing, as paths: the places the document marks 【未記入】. */
  gaps: Key[][];
}

/**
 * For a draft: text, date and choice fields (one of a list of options, or yes/no) that are empty or missing are
 * filled so that the document can still be built, and their paths are kept so that the document marks each gap in
 * place (a fresh `init` file has a blank 申請日; a blank ファイアウォール is 【未記入】 in the draft, and still an error
 * for the final document). A list left blank (外部接続 of an imported plan that does not say) stands in as an empty
 * list marked 【未記入】. A missing group, a choice that is not one of the options, or a date that is written but
 * cannot be read still stops the build: a mistyped value is for the person to correct, not to hide.
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
  const field = issue.code === 'unrecognized_keys' || path.length === 0 ? undefined : fieldAt(path);
  const standIn =
    field?.kind === 'text' || field?.kind === 'date' || field?.kind === 'boolean'
      ? STAND_IN[field.kind]
      : field?.kind === 'enum'
        ? field.options?.[0]?.value
        : field?.kind === 'array' && !field.minItems
          ? LIST_STAND_IN()
          : undefined;
  if (standIn === undefined) return false;
  let parent = data as Record<PropertyKey, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = parent?.[key];
    if (next === null || typeof next !== 'object') return false;
    parent = next as Record<PropertyKey, unknown>;
  }
  const key = path.at(-1)!;
  const value = parent[key];
  if (value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '')) return false;
  parent[key] = standIn;
  gaps.push(path);
  return true;
}

/** What a gap is called in the document: 「申請者の名称」; inside a measure's own table just 「講じている措置」. */
function gapLabel(path: readonly Key[]): string {
  const words = fieldWords(path).split(' › ');
  const [parent, own] = words.slice(-2);
  // 「申請日」 says whose it is already (not 「申請の申請日」)
  if (path[0] === 'measures' || !parent || !own || own.startsWith(parent)) return words.at(-1)!;
  return `${parent}の${own}`;
}

/** The parsed filing with a GapMark at every gap path, a blank list's mark on the list (nothing else is touched). */
export function markGaps<T>(parsed: T, gaps: readonly Key[][]): T {
  if (!gaps.length) return parsed;
  const keys = new Set(gaps.map((g) => JSON.stringify(g)));
  const lists: Key[][] = [];
  const marked = mapAlongSchema(
    parsed,
    (value, _info, path) => {
      if (!keys.has(JSON.stringify(path))) return value;
      if (!Array.isArray(value)) return new GapMark('missing', gapLabel(path));
      lists.push([...path]);
      return value;
    },
    filingSchema,
  );
  // the walk copies every list it passes, so a list's mark is put on after it
  for (const path of lists) {
    const parent = path.slice(0, -1).reduce<any>((at, key) => at?.[key], marked);
    if (parent) parent[path.at(-1)!] = blankList(new GapMark('missing', gapLabel(path)));
  }
  return marked as T;
}
