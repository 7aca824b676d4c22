import type { z } from 'zod';
import { closest } from '../util/closest.ts';
import { type Finding, formatPath } from './finding.ts';
import { messages } from './messages.ts';

type AnySchema = z.core.$ZodType;

function def(schema: AnySchema): Record<string, unknown> & { type: string } {
  return (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
}

function titleOf(schema: AnySchema): string | undefined {
  const meta = (schema as unknown as { meta?: () => { title?: string } | undefined }).meta?.();
  return meta?.title;
}

/** Follows wrappers (optional, preprocess pipes, defaults) down to the schema that shapes the value. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const d = def(current);
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default') current = d.innerType as AnySchema;
    else if (d.type === 'pipe') current = d.out as AnySchema;
    else return current;
  }
}

/** The schema at a path, with the nearest label on the way. */
export function schemaAt(root: AnySchema, path: readonly PropertyKey[]): { schema: AnySchema; label?: string } | undefined {
  let current: AnySchema = root;
  let label = titleOf(root);
  for (const key of path) {
    const d = def(unwrap(current));
    let next: AnySchema | undefined;
    if (d.type === 'object') next = (d.shape as Record<string, AnySchema>)[String(key)];
    else if (d.type === 'array') next = d.element as AnySchema;
    if (!next) return undefined;
    current = next;
    label = titleOf(current) ?? titleOf(unwrap(current)) ?? label;
  }
  return { schema: current, label };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function keysOfObjectAt(root: AnySchema, path: readonly PropertyKey[]): string[] {
  const found = schemaAt(root, path);
  if (!found) return [];
  const d = def(unwrap(found.schema));
  return d.type === 'object' ? Object.keys(d.shape as object) : [];
}

/** Turns zod issues into findings that name the field path, the field's label and what is expected. */
export function schemaFindings(root: AnySchema, issues: readonly z.core.$ZodIssue[], data: unknown): Finding[] {
  const findings: Finding[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = keysOfObjectAt(root, issue.path);
      for (const key of issue.keys) {
        findings.push({
          severity: 'error',
          code: 'SCHEMA_UNKNOWN_FIELD',
          requirementId: null,
          path: formatPath([...issue.path, key]),
          message: messages.SCHEMA_UNKNOWN_FIELD({ key, suggestions: closest(key, known) }),
        });
      }
      continue;
    }
    const label = schemaAt(root, issue.path)?.label;
    const value = valueAt(data, issue.path);
    // an empty text ("" or blanks, as the init skeleton leaves them) is a missing value in substance
    const missing = value === undefined || value === null || (typeof value === 'string' && value.trim() === '' && issue.code === 'too_small');
    const requirementId = issue.path[0] === 'measures' && typeof issue.path[1] === 'string' ? issue.path[1] : null;
    findings.push({
      severity: 'error',
      code: missing ? 'SCHEMA_REQUIRED' : 'SCHEMA_INVALID',
      requirementId,
      path: formatPath(issue.path),
      message: missing ? messages.SCHEMA_REQUIRED({ label }) : messages.SCHEMA_INVALID({ label, detail: issue.message }),
    });
  }
  return findings;
}
