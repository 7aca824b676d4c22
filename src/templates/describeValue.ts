import { ENUMS, type EnumName } from '../model/enums.ts';
import { type Key, fieldAt } from '../model/schemaWalk.ts';
import { toWareki } from '../util/wareki.ts';
import { type GapMark, isGapMark } from './gapMark.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !isGapMark(v);

/** One value in plain Japanese, read as the schema says it is (a free text that looks like a date stays text). */
export function describeScalar(value: unknown, path: readonly Key[]): string {
  if (value === undefined || value === null) return '';
  if (isGapMark(value)) return `【未記入：${value.label}】`;
  const field = fieldAt(path);
  switch (field?.kind) {
    case 'boolean':
      return value ? 'あり' : 'なし';
    case 'enum':
      return field.enumName ? ((ENUMS[field.enumName as EnumName] as Record<string, string>)[String(value)] ?? String(value)) : String(value);
    case 'date':
      return toWareki(String(value));
    default:
      return typeof value === 'boolean' ? (value ? 'あり' : 'なし') : String(value);
  }
}

/**
 * Any value of a filing in plain Japanese, as one string: あり/なし for booleans, labels for choices, 和暦 for
 * dates, 「label：value」 lines for objects (labels from the schema at `path`), one item a line for lists.
 */
export function describeValue(value: unknown, path: readonly Key[]): string {
  if (Array.isArray(value)) return value.map((v, i) => describeValue(v, [...path, i])).join(value.some(isRecord) ? '\n' : '、');
  if (isRecord(value)) return Object.entries(value).map(([k, v]) => `${fieldAt([...path, k])?.title ?? k}：${describeValue(v, [...path, k])}`).join('\n');
  return describeScalar(value, path);
}

/** A scalar for a template: text, or the draft's gap mark, which prints as 【未記入：…】 in place. */
type Text = string | GapMark;

const textOf = (value: unknown, path: readonly Key[]): Text => (isGapMark(value) ? value : describeScalar(value, path));

/**
 * A value shaped for a template, so that details read as lists and small tables instead of one run-on string.
 * Exactly one member is set; the others are null (templates are strict about missing members).
 */
export interface Described {
  /** A single value. */
  text: Text | null;
  /** A list of values: a bullet list. */
  items: Text[] | null;
  /** Yes/no questions: ■/□ with their labels. */
  checks: { label: string; on: boolean }[] | null;
  /** A record: 「label：value」 lines. */
  fields: { label: string; text: Text }[] | null;
  /** A list of records: a small table (widths as the markup's widths attribute). */
  table: { widths: string; columns: string[]; rows: Text[][] } | null;
}

const NONE: Described = { text: null, items: null, checks: null, fields: null, table: null };

/** The labelled fields of a record in schema order (only those given). */
function keysOf(value: Record<string, unknown>, path: readonly Key[]): string[] {
  const order = fieldAt(path)?.fields ?? Object.keys(value);
  return [...order.filter((k) => value[k] !== undefined), ...Object.keys(value).filter((k) => !order.includes(k) && value[k] !== undefined)];
}

const titleAt = (path: readonly Key[]) => fieldAt(path)?.title ?? String(path.at(-1));

/** How many characters of cell text a full-width table holds on one line (A4 portrait, 9.5 pt). */
const TABLE_CHARACTERS = 42;
/** A cell's padding, in characters. */
const PAD = 1;

/**
 * Column widths in characters: each column as wide as its longest line (up to 20), never narrower than its head,
 * so that heads do not wrap; when the whole is wider than a table, the long columns give way.
 */
function widthsOf(columns: readonly string[], rows: readonly Text[][]): string {
  const length = (t: Text) => (typeof t === 'string' ? Math.max(...t.split('\n').map((l) => [...l].length)) : t.label.length + 5);
  const least = columns.map((c) => [...c].length + PAD);
  const want = columns.map((_, i) => Math.max(least[i]!, Math.min(20, Math.max(0, ...rows.map((r) => length(r[i] ?? '')))) + PAD));
  const excess = want.reduce((a, b) => a + b, 0) - TABLE_CHARACTERS;
  const slack = want.reduce((sum, w, i) => sum + w - least[i]!, 0);
  const widths = excess > 0 && slack > 0 ? want.map((w, i) => w - ((w - least[i]!) * Math.min(excess, slack)) / slack) : want;
  return widths.map((w) => Math.round(w * 10) / 10).join(' ');
}

export function describeDetail(value: unknown, path: readonly Key[]): Described {
  if (Array.isArray(value)) {
    if (!value.some(isRecord)) return { ...NONE, items: value.map((v, i) => textOf(v, [...path, i])) };
    const records = value.filter(isRecord);
    const keys = [...new Set(records.flatMap((r, i) => keysOf(r, [...path, i])))];
    const columns = keys.map((k) => titleAt([...path, 0, k]));
    const rows = records.map((r, i) => keys.map((k) => (r[k] === undefined ? '' : textOf(r[k], [...path, i, k]))));
    return { ...NONE, table: { widths: widthsOf(columns, rows), columns, rows } };
  }
  if (isRecord(value)) {
    const keys = keysOf(value, path);
    if (keys.length && keys.every((k) => typeof value[k] === 'boolean')) return { ...NONE, checks: keys.map((k) => ({ label: titleAt([...path, k]), on: value[k] as boolean })) };
    return { ...NONE, fields: keys.map((k) => ({ label: titleAt([...path, k]), text: isRecord(value[k]) || Array.isArray(value[k]) ? describeValue(value[k], [...path, k]) : textOf(value[k], [...path, k]) })) };
  }
  return { ...NONE, text: textOf(value, path) };
}
