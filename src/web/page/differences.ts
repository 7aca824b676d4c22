import type { Key } from '../../model/schemaWalk.ts';
import { fieldWords } from '../../validate/messages.ts';

/** Where two versions of a filing differ, field by field, in the clerk's words (for the "see the difference" view). */

export interface Difference {
  where: string;
  mine: string;
  theirs: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function shown(v: unknown): string {
  if (v === undefined) return '（なし）';
  if (v === null || v === '') return '（空欄）';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'はい' : 'いいえ';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `${v.length}件`;
  return '（項目のまとまり）';
}

export function differences(mine: unknown, theirs: unknown, limit = 200): Difference[] {
  const out: Difference[] = [];
  const walk = (a: unknown, b: unknown, path: Key[]) => {
    if (out.length >= limit) return;
    if (isRecord(a) && isRecord(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], [...path, k]);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) out.push({ where: fieldWords(path) || '届出全体', mine: `${a.length}件`, theirs: `${b.length}件` });
      for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], [...path, i]);
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ where: fieldWords(path) || '届出全体', mine: shown(a), theirs: shown(b) });
  };
  walk(mine, theirs, []);
  return out;
}
