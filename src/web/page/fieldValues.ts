import { type EnumName, ENUMS, enumValueFor } from '../../model/enums.ts';
import { yesNoValue } from '../../model/normalizeInput.ts';
import type { FieldInfo } from '../../model/schemaWalk.ts';
import { parseJapaneseDate, toWareki } from '../../util/wareki.ts';

/**
 * Between what the file holds and what a form control shows. The file keeps the person's way of writing: a
 * choice is written as its Japanese label (as `init` writes it) unless the file already used the English value
 * there, a yes/no as はい／いいえ unless the file used true/false, a date exactly as typed.
 */

/** The choice a stored value stands for ('' when none or unrecognised). */
export function choiceOf(enumName: EnumName, stored: unknown): string {
  return typeof stored === 'string' ? (enumValueFor(enumName, stored) ?? '') : '';
}

/** What to store for a choice, following how the file wrote it before. */
export function storedChoice(enumName: EnumName, value: string, previous: unknown): string | undefined {
  if (!value) return undefined;
  const labels = ENUMS[enumName] as Record<string, string>;
  const fileUsedValues = typeof previous === 'string' && Object.hasOwn(labels, previous);
  return fileUsedValues ? value : labels[value];
}

/** 'yes', 'no' or '' for a stored yes/no. */
export function yesNoOf(stored: unknown): 'yes' | 'no' | '' {
  if (stored === true) return 'yes';
  if (stored === false) return 'no';
  const value = typeof stored === 'string' ? yesNoValue(stored) : undefined;
  return value === undefined ? '' : value ? 'yes' : 'no';
}

export function storedYesNo(choice: string, previous: unknown): boolean | string | undefined {
  if (choice !== 'yes' && choice !== 'no') return undefined;
  if (typeof previous === 'boolean') return choice === 'yes';
  return choice === 'yes' ? 'はい' : 'いいえ';
}

/** A stored value shown in a text box: text as is, anything else as it would read. */
export function textOf(stored: unknown): string {
  if (stored === undefined || stored === null) return '';
  if (typeof stored === 'string') return stored;
  if (typeof stored === 'number' || typeof stored === 'boolean') return String(stored);
  return '';
}

/**
 * What a text box stores: the text typed; an emptied box removes an optional field and leaves a required
 * one blank (so the line stays in the file and the validator asks for it).
 */
export function storedText(typed: string, info: Pick<FieldInfo, 'optional'>): string | undefined {
  if (typed.trim() === '') return info.optional ? undefined : '';
  return typed;
}

/** How a typed date reads: 令和8年4月1日, or null when it is not a date. */
export function dateReading(typed: string): string | null {
  if (!typed.trim()) return null;
  const iso = parseJapaneseDate(typed);
  if (!iso) return null;
  try {
    return toWareki(iso);
  } catch {
    return null;
  }
}
