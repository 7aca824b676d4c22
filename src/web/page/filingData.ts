import { ITEM_STARTS } from '../../model/itemStarts.ts';
import { type Key, fieldAt } from '../../model/schemaWalk.ts';
import { storedChoice, storedYesNo } from './fieldValues.ts';

/**
 * The filing as the page holds it: plain data exactly as read from the file (Japanese choices, 和暦 dates and
 * all), changed one path at a time. No DOM here, so that the rules are tested without a browser.
 */

export type Data = Record<string, unknown>;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function getAt(data: unknown, path: readonly Key[]): unknown {
  let current = data;
  for (const key of path) {
    if (typeof key === 'number' ? !Array.isArray(current) : !isRecord(current)) return undefined;
    current = (current as Record<Key, unknown>)[key];
  }
  return current;
}

/** The container at a path, made (or remade, when something else stands there) as the schema says it should be. */
function containerAt(data: Data, path: readonly Key[]): Record<Key, unknown> {
  let current: Record<Key, unknown> = data;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const wantArray = typeof path[i + 1] === 'number';
    let next = current[key];
    if (wantArray ? !Array.isArray(next) : !isRecord(next)) {
      next = wantArray ? [] : {};
      setOwn(current, key, next);
    }
    current = next as Record<Key, unknown>;
  }
  return current;
}

/** defineProperty: a key named __proto__ stays a key. */
function setOwn(target: Record<Key, unknown>, key: Key, value: unknown) {
  if (Array.isArray(target)) target[key as number] = value;
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Sets the value at a path; `undefined` removes it, and an optional group left empty by the removal goes too
 * (a measure whose every field was cleared is a measure not given, not an empty one).
 */
export function setAt(data: Data, path: readonly Key[], value: unknown): void {
  if (!path.length) throw new Error('the root cannot be replaced');
  const parentPath = path.slice(0, -1);
  const key = path.at(-1)!;
  if (value !== undefined) {
    setOwn(containerAt(data, parentPath), key, value);
    return;
  }
  const parent = getAt(data, parentPath);
  if (isRecord(parent) && Object.hasOwn(parent, key as string)) delete parent[key as string];
  pruneEmpty(data, parentPath);
}

function pruneEmpty(data: Data, path: readonly Key[]): void {
  for (let p = [...path]; p.length; p = p.slice(0, -1)) {
    const value = getAt(data, p);
    if (!isRecord(value) || Object.keys(value).length) return;
    const info = fieldAt(p);
    if (!info?.optional) return;
    const parent = getAt(data, p.slice(0, -1));
    if (isRecord(parent)) delete parent[p.at(-1) as string];
  }
}

/** The list at a path (made when absent). */
function listAt(data: Data, path: readonly Key[]): unknown[] {
  const existing = getAt(data, path);
  if (Array.isArray(existing)) return existing;
  const list: unknown[] = [];
  setAt(data, path, list);
  return list;
}

export function addItem(data: Data, path: readonly Key[], item: unknown): number {
  const list = listAt(data, path);
  list.push(item);
  return list.length - 1;
}

export function removeItem(data: Data, path: readonly Key[], index: number): void {
  const list = getAt(data, path);
  if (Array.isArray(list)) list.splice(index, 1);
}

/** Moves an item by `by` places (−1 up, +1 down); false when it cannot move that way. */
export function moveItem(data: Data, path: readonly Key[], index: number, by: number): boolean {
  const list = getAt(data, path);
  const to = index + by;
  if (!Array.isArray(list) || to < 0 || to >= list.length) return false;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item);
  return true;
}

/** A blank item for a list: the required fields of an object, empty, so the validator lists what to fill in. */
export function blankItem(listPath: readonly Key[]): unknown {
  const element = fieldAt([...listPath, 0]);
  if (!element) return '';
  if (element.kind !== 'object') return '';
  return blankObject([...listPath, 0], ITEM_STARTS[String(listPath.at(-1))] ?? {});
}

function blankObject(path: readonly Key[], starts: Readonly<Record<string, string | boolean>> = {}): Data {
  const out: Data = {};
  for (const name of fieldAt(path)?.fields ?? []) {
    const info = fieldAt([...path, name]);
    const start = starts[name];
    if (info && start !== undefined) {
      // written the way `init` writes it: the Japanese label, はい／いいえ
      out[name] = typeof start === 'boolean' ? storedYesNo(start ? 'yes' : 'no', undefined) : info.enumName ? storedChoice(info.enumName, start, undefined) : start;
      continue;
    }
    if (!info || info.optional) continue;
    if (info.kind === 'text' || info.kind === 'email' || info.kind === 'date') out[name] = '';
    else if (info.kind === 'object') out[name] = blankObject([...path, name]);
    else if (info.kind === 'array') out[name] = [];
  }
  return out;
}

/** A stable, invisible id for the element of a path (never shown to the clerk). */
export const pathId = (prefix: string, path: readonly Key[]) => `${prefix}-${path.map((k) => String(k).replace(/[^A-Za-z0-9-]/g, '_')).join('__') || 'root'}`;
