import { filing as filingSchema } from '../model/filing.ts';
import { toWareki } from '../util/wareki.ts';
import { schemaAt } from '../validate/schemaFindings.ts';
import { enumLabel } from './labels.ts';

type Key = string | number;

/** The label a field carries itself in the filing schema (not inherited from its parent). */
export function fieldTitle(path: readonly Key[]): string | undefined {
  const found = schemaAt(filingSchema, path);
  return (found?.schema as unknown as { meta(): { title?: string } | undefined } | undefined)?.meta()?.title;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Any value of a filing in plain Japanese: あり/なし for booleans, labels for enum values, 和暦 for dates,
 * 「label：value」 for objects (labels from the schema at `path`), one item a line for lists of objects.
 */
export function describeValue(value: unknown, path: readonly Key[]): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'あり' : 'なし';
  if (typeof value === 'string') return enumLabel(value) ?? (/^\d{4}-\d{2}-\d{2}$/.test(value) ? toWareki(value) : value);
  if (Array.isArray(value)) return value.map((v, i) => describeValue(v, [...path, i])).join(value.some(isRecord) ? '\n' : '、');
  if (isRecord(value)) {
    const entries = Object.entries(value);
    return entries
      .map(([k, v]) => `${fieldTitle([...path, k]) ?? k}：${describeValue(v, [...path, k])}`)
      .join(entries.some(([, v]) => isRecord(v)) ? '\n' : '／');
  }
  return String(value);
}
