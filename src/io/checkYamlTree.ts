import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node, type Scalar } from 'yaml';
import { MAX_ALIASES, MAX_EXPANDED_CHARS, MAX_MAPPING_KEYS, MAX_NESTING_DEPTH } from './limits.ts';
import type { ReadProblem } from './readProblems.ts';

class Found extends Error {
  constructor(readonly problem: ReadProblem) {
    super(problem.code);
  }
}

/**
 * One pass over the parsed YAML, in time linear in its size, before anything is expanded into data:
 * duplicate item names (the yaml package's own check compares each key with every key before it, which
 * is quadratic), item names that are not text or that start with a full-width space, and the limits on
 * nesting, items per mapping, aliases and the text the aliases expand to.
 */
export function checkYamlTree(doc: Document.Parsed, lines: LineCounter): ReadProblem | null {
  const at = (node: { range?: readonly number[] | null } | null | undefined) => {
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    return { line: Math.max(pos.line, 1), column: pos.col };
  };
  const fail = (code: ReadProblem['code'], node: Node | null | undefined, params: ReadProblem['params'] = {}): never => {
    throw new Found({ code, params, ...at(node) });
  };

  const anchors = new Map<string, Node>();
  const expanded = new Map<Node, number>();
  const open = new Set<Node>();
  let aliases = 0;
  let total = 0;

  const sizeOf = (node: Node | null | undefined, depth: number): number => {
    if (!node) return 1;
    if (depth > MAX_NESTING_DEPTH) fail('TOO_DEEP', node, { limit: MAX_NESTING_DEPTH });
    if (isAlias(node)) {
      if (++aliases > MAX_ALIASES) fail('TOO_MANY_ALIASES', node, { limit: MAX_ALIASES });
      const target = anchors.get(node.source);
      if (!target) return fail('YAML_UNKNOWN_ALIAS', node, { name: node.source });
      if (open.has(target)) fail('YAML_ALIAS_CYCLE', node, { name: node.source });
      const size = expanded.get(target) ?? 1;
      total += size;
      if (total > MAX_EXPANDED_CHARS) fail('EXPANDS_TOO_LARGE', node, { limit: MAX_EXPANDED_CHARS });
      return size;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    let size = 1;
    if (isScalar(node)) {
      size += typeof node.value === 'string' ? node.value.length : String(node.value).length;
      total += size;
    } else {
      open.add(node);
      total += 1;
      if (isMap(node)) {
        if (node.items.length > MAX_MAPPING_KEYS) fail('TOO_MANY_KEYS', node.items[MAX_MAPPING_KEYS]?.key as Node, { limit: MAX_MAPPING_KEYS });
        const seen = new Map<string, number>();
        for (const pair of node.items) {
          const keyNode = pair.key as Node | null;
          if (keyNode && !isScalar(keyNode)) fail('YAML_KEY_NOT_TEXT', keyNode);
          const key = keyNode as Scalar | null;
          const name = key ? String(key.value) : '';
          if (key && typeof key.value === 'string' && key.value.includes('\u3000')) {
            // at the start of a name it is indentation typed with a full-width space
            const hint = key.value.startsWith('\u3000') ? { hint: { code: 'FULLWIDTH_SPACE' as const, line: at(key).line } } : {};
            throw new Found({ code: 'YAML_KEY_FULLWIDTH_SPACE', params: { key: name }, ...at(key), ...hint });
          }
          const first = seen.get(name);
          if (first !== undefined) fail('YAML_DUPLICATE_KEY', key, { key: name, firstLine: first });
          seen.set(name, at(key).line);
          size += sizeOf(key, depth + 1) + sizeOf(pair.value as Node | null, depth + 1);
        }
      } else if (isSeq(node)) {
        for (const item of node.items) {
          if (isPair(item)) size += sizeOf(item.key as Node | null, depth + 1) + sizeOf(item.value as Node | null, depth + 1);
          else size += sizeOf(item as Node | null, depth + 1);
        }
      }
      open.delete(node);
    }
    if (total > MAX_EXPANDED_CHARS) fail('EXPANDS_TOO_LARGE', node, { limit: MAX_EXPANDED_CHARS });
    expanded.set(node, size);
    return size;
  };

  try {
    sizeOf(doc.contents as Node | null, 0);
    return null;
  } catch (err) {
    if (err instanceof Found) return err.problem;
    throw err;
  }
}
