import { ENUMS, type EnumName } from '../model/enums.ts';
import { type Key, fieldAt } from '../model/schemaWalk.ts';
import { toWareki } from '../util/wareki.ts';
import { isGapMark } from './gapMark.ts';

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
 * Any value of a filing in plain Japanese: あり/なし for booleans, labels for choices, 和暦 for dates,
 * 「label：value」 for objects (labels from the schema at `path`), one item a line for lists of objects.
 */
export function describeValue(value: unknown, path: readonly Key[]): string {
  if (Array.isArray(value)) return value.map((v, i) => describeValue(v, [...path, i])).join(value.some(isRecord) ? '\n' : '、');
  if (isRecord(value)) {
    const entries = Object.entries(value);
    return entries
      .map(([k, v]) => `${fieldAt([...path, k])?.title ?? k}：${describeValue(v, [...path, k])}`)
      .join(entries.some(([, v]) => isRecord(v)) ? '\n' : '／');
  }
  return describeScalar(value, path);
}
