import type * as z from 'zod';
import { type EnumName, enumOptions } from './enums.ts';
import { filing } from './filing.ts';

/**
 * The one place that looks inside zod schemas: "what is at this path" — title, kind, whether it may be left
 * out, the choices it offers. Validation, the value describer, draft gaps, `init`, the diff and the editor all
 * ask here, so a field added to the model appears everywhere by itself.
 */

export type Key = string | number;
type AnySchema = z.core.$ZodType;

export type FieldKind = 'object' | 'array' | 'text' | 'date' | 'email' | 'boolean' | 'enum' | 'number' | 'other';

export interface FieldInfo {
  /** The label the field carries itself (not inherited from its parent). */
  title: string | undefined;
  /** The nearest label on the way to the field (its own, else its parent's). */
  label: string | undefined;
  kind: FieldKind;
  optional: boolean;
  /** For enums: the enum's name and its choices with their Japanese labels. */
  enumName?: EnumName;
  options?: { value: string; label: string }[];
  /** For objects: the field names in schema order. */
  fields?: string[];
  /** For arrays: the fewest and most items; for text: the longest length. */
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
  /** The schema itself, for callers in the model that parse with it. */
  schema: AnySchema;
}

interface Def {
  type: string;
  innerType?: AnySchema;
  out?: AnySchema;
  in?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  format?: string;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[];
}

function defOf(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function metaOf(schema: AnySchema): Record<string, unknown> | undefined {
  return (schema as unknown as { meta?: () => Record<string, unknown> | undefined }).meta?.();
}

const titleOf = (schema: AnySchema) => metaOf(schema)?.title as string | undefined;

/** Follows wrappers (optional, nullable, default, pipes) down to the schema that shapes the value. */
export function unwrap(schema: AnySchema): { schema: AnySchema; optional: boolean } {
  let current = schema;
  let optional = false;
  for (;;) {
    const d = defOf(current);
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default') {
      optional = true;
      current = d.innerType!;
    } else if (d.type === 'pipe') current = d.out!;
    else return { schema: current, optional };
  }
}

function childSchema(schema: AnySchema, key: Key): AnySchema | undefined {
  const d = defOf(unwrap(schema).schema);
  if (d.type === 'object' && typeof key === 'string') return Object.hasOwn(d.shape!, key) ? d.shape![key] : undefined;
  if (d.type === 'array' && typeof key === 'number') return d.element;
  return undefined;
}

function bound(d: Def, check: string, field: 'minimum' | 'maximum'): number | undefined {
  for (const c of d.checks ?? []) if (c._zod.def.check === check) return c._zod.def[field];
  return undefined;
}

function describe(schema: AnySchema, label: string | undefined): FieldInfo {
  const { schema: inner, optional } = unwrap(schema);
  const d = defOf(inner);
  const title = titleOf(schema) ?? titleOf(inner);
  const info: FieldInfo = { title, label: title ?? label, kind: 'other', optional, schema };
  switch (d.type) {
    case 'object':
      info.kind = 'object';
      info.fields = Object.keys(d.shape!);
      break;
    case 'array':
      info.kind = 'array';
      info.minItems = bound(d, 'min_length', 'minimum');
      info.maxItems = bound(d, 'max_length', 'maximum');
      break;
    case 'string':
      info.kind = d.format === 'date' ? 'date' : d.format === 'email' ? 'email' : 'text';
      info.maxLength = bound(d, 'max_length', 'maximum');
      break;
    case 'boolean':
      info.kind = 'boolean';
      break;
    case 'number':
      info.kind = 'number';
      break;
    case 'enum': {
      info.kind = 'enum';
      const name = metaOf(inner)?.enumName as EnumName | undefined;
      if (name) {
        info.enumName = name;
        info.options = enumOptions(name);
      }
      break;
    }
  }
  return info;
}

/** Answers by schema and path shape: a list index never changes what is at a path, so item 7 asks what item 0 did. */
const answered = new WeakMap<AnySchema, Map<string, Readonly<FieldInfo> | undefined>>();
const shapeKey = (path: readonly Key[]) => path.map((k) => (typeof k === 'number' ? '\u0000' : k)).join('\u0001');

/**
 * What is at a path of a schema (the filing by default), or undefined when the path leads nowhere. The answer is
 * shared between callers (the editor asks for every field it draws, the validator for every value): read-only.
 */
export function fieldAt(path: readonly Key[], root: AnySchema = filing): Readonly<FieldInfo> | undefined {
  let byPath = answered.get(root);
  if (!byPath) answered.set(root, (byPath = new Map()));
  const key = shapeKey(path);
  if (byPath.has(key)) return byPath.get(key);
  const info = walkTo(path, root);
  if (info) {
    if (info.options) Object.freeze(info.options);
    if (info.fields) Object.freeze(info.fields);
    Object.freeze(info);
  }
  byPath.set(key, info);
  return info;
}

function walkTo(path: readonly Key[], root: AnySchema): FieldInfo | undefined {
  let current = root;
  let label = titleOf(root);
  for (const key of path) {
    const next = childSchema(current, key);
    if (!next) return undefined;
    current = next;
    label = titleOf(current) ?? titleOf(unwrap(current).schema) ?? label;
  }
  return describe(current, label);
}

/** The own title of the field at a path. */
export function fieldTitle(path: readonly Key[], root: AnySchema = filing): string | undefined {
  return fieldAt(path, root)?.title;
}

/** The Japanese labels of every step of a path: 「TOSの概要」「外部接続」「接続元の制限」, skipping list indices. */
export function titlesAlong(path: readonly Key[], root: AnySchema = filing): string[] {
  const out: string[] = [];
  for (let i = 1; i <= path.length; i++) {
    if (typeof path[i - 1] === 'number') continue;
    const title = fieldTitle(path.slice(0, i), root);
    if (title && out.at(-1) !== title) out.push(title);
  }
  return out;
}

/** Parses a value with the schema at a path (used to judge one part of a filing whose whole does not parse). */
export function parseAt(path: readonly Key[], value: unknown, root: AnySchema = filing): { success: boolean; data?: unknown } {
  const found = fieldAt(path, root);
  if (!found) return { success: false };
  return (found.schema as unknown as z.ZodType).safeParse(value);
}

const isPlainObject = (v: object) => [Object.prototype, null].includes(Object.getPrototypeOf(v));

/**
 * Visits every value of plain data together with what the schema says is there (undefined for a key the
 * schema does not know), parents before children. The visitor may return a replacement value.
 */
export function mapAlongSchema(
  data: unknown,
  visit: (value: unknown, info: FieldInfo | undefined, path: readonly Key[]) => unknown,
  root: AnySchema = filing,
): unknown {
  const go = (value: unknown, schema: AnySchema | undefined, label: string | undefined, path: Key[]): unknown => {
    const info = schema ? describe(schema, label) : undefined;
    const replaced = visit(value, info, path);
    const nextLabel = info?.label ?? label;
    if (Array.isArray(replaced)) {
      const element = info?.kind === 'array' ? childSchema(schema!, 0) : undefined;
      return replaced.map((v, i) => go(v, element, nextLabel, [...path, i]));
    }
    if (replaced !== null && typeof replaced === 'object' && isPlainObject(replaced)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(replaced)) {
        const child = info?.kind === 'object' ? childSchema(schema!, k) : undefined;
        // defineProperty: a key named __proto__ stays a key (for the validator to reject), not a prototype
        Object.defineProperty(out, k, { value: go(v, child, nextLabel, [...path, k]), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return replaced;
  };
  return go(data, root, titleOf(root), []);
}
