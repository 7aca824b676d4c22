import { parseJapaneseDate } from '../util/wareki.ts';
import { enumValueFor } from './enums.ts';
import { mapAlongSchema } from './schemaWalk.ts';

const YES = new Set(['はい', 'あり', '有', '有り', 'する', '使用する', '実施', '○', '◯', 'true']);
const NO = new Set(['いいえ', 'なし', '無', '無し', 'しない', '使用しない', '×', 'false']);
const NONE = new Set(['なし', '無し', '無', 'ない', '該当なし', 'ありません']);
const fold = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '').toLowerCase();

/**
 * What a person may write → what the schema expects, without touching the file: Japanese labels for choices
 * (専用線 → leased-line), 和暦 and full-width dates (令和8年12月1日 → 2026-12-01), はい／いいえ for yes/no, なし for an
 * empty list.
 * Anything it does not recognise is left as written, for the validator to report.
 */
export function normalizeInput(data: unknown): unknown {
  return mapAlongSchema(data, (value, info) => {
    if (!info || typeof value !== 'string') return value;
    switch (info.kind) {
      case 'enum':
        return info.enumName ? (enumValueFor(info.enumName, value) ?? value) : value;
      case 'date':
        return parseJapaneseDate(value) ?? value;
      case 'boolean': {
        const key = fold(value);
        return YES.has(key) ? true : NO.has(key) ? false : value;
      }
      case 'array':
        // 外部接続：なし — a list written as none is an empty list
        return NONE.has(fold(value)) ? [] : value;
      case 'text':
      case 'email':
        // an optional field left blank (as the init skeleton leaves it) is a field not given, not a missing one
        return info.optional && value.trim() === '' ? undefined : value;
      default:
        return value;
    }
  });
}

/** はい／いいえ and the other ways people write yes or no → true / false; undefined when it is neither. */
export function yesNoValue(written: string): boolean | undefined {
  const key = fold(written);
  return YES.has(key) ? true : NO.has(key) ? false : undefined;
}
