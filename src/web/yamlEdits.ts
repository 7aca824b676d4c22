import { Document, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq, isAlias, isCollection, isMap, isScalar, isSeq, parseDocument, stringify, visit } from 'yaml';

/**
 * Writes new data into the text of a YAML filing, changing only what changed: the parsed Document tells where
 * each value sits in the text (its node ranges), and each changed value, added key, removed key or list item is
 * spliced in at its place. Comments, key order, quoting and the layout of untouched parts stay byte for byte.
 * When a change cannot be placed that way, the Document itself is edited (setIn/deleteIn) and printed. Either
 * way the result is parsed back and must give exactly the new data, or nothing is returned.
 */

export const YAML_PARSE_OPTIONS = { schema: 'core', uniqueKeys: true, strict: true } as const;
const PRINT = { schema: 'core', lineWidth: 0, minContentWidth: 0 } as const;

export class YamlEditError extends Error {}

/** A change that cannot be spliced at this level; the caller edits the Document instead. */
class CannotSplice extends Error {}

interface TextEdit {
  start: number;
  end: number;
  text: string;
}

interface Place {
  /** Inside a flow collection ({ } or [ ]): only flow text may go here. */
  flow: boolean;
  /** The column block content below this value is indented to. */
  indent: number;
  /** For a map value: the index just after the key's colon. */
  afterColon?: number;
}

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

function parse(text: string): Document {
  const doc = parseDocument(text, YAML_PARSE_OPTIONS);
  if (doc.errors.length) throw new YamlEditError(doc.errors[0]!.message);
  return doc;
}

const dataOf = (doc: Document): unknown => doc.toJS({ maxAliasCount: 100 });

/** The text of a YAML file with `next` as its data, keeping everything that did not change. */
export function applyDataToYaml(source: string, next: unknown): string {
  const doc = parse(source);
  const before = dataOf(doc);
  if (deepEqual(before, next)) return source;
  const attempts = [() => splice(source, doc, before, next), () => editDocument(parse(source), before, next)];
  for (const attempt of attempts) {
    let text: string;
    try {
      text = attempt();
    } catch (err) {
      if (err instanceof CannotSplice) continue;
      throw err;
    }
    if (givesData(text, next)) return text;
  }
  throw new YamlEditError('変更をファイルに反映できませんでした（保存前の内容はそのままです）');
}

function givesData(text: string, expected: unknown): boolean {
  try {
    return deepEqual(dataOf(parse(text)), expected);
  } catch {
    return false;
  }
}

// ---------- splicing into the text ----------

function splice(source: string, doc: Document, before: unknown, next: unknown): string {
  let aliased = false;
  visit(doc, { Alias: () => void (aliased = true), Node: (_k, n) => void ((n as { anchor?: string }).anchor && (aliased = true)) });
  if (aliased || !doc.contents) throw new CannotSplice();
  const edits: TextEdit[] = [];
  new Splicer(source, edits).value(doc.contents as YamlNode, before, next, { flow: false, indent: 0 });
  // ascending; at one position an insertion goes before a removal that starts there
  edits.sort((a, b) => a.start - b.start || (a.end - a.start) - (b.end - b.start));
  let out = '';
  let pos = 0;
  edits.forEach((e, i) => {
    if (e.start < pos) throw new CannotSplice();
    out += source.slice(pos, e.start) + e.text;
    pos = e.end;
    // a comment after the value on its line stays in the column the person aligned it to (while there is room)
    const gap = /^[ \t]+(?=#)/.exec(source.slice(pos, source.indexOf('\n', pos) === -1 ? undefined : source.indexOf('\n', pos)));
    if (!gap || e.text.includes('\n') || source.slice(e.start, e.end).includes('\n') || (edits[i + 1]?.start ?? Infinity) <= pos + gap[0].length) return;
    const column = displayWidth(source.slice(source.lastIndexOf('\n', pos - 1) + 1, pos)) + gap[0].length;
    const now = displayWidth(out.slice(out.lastIndexOf('\n') + 1));
    out += ' '.repeat(Math.max(1, column - now));
    pos += gap[0].length;
  });
  return out + source.slice(pos);
}

/** Columns a line takes in an editor with a monospaced font: a full-width character takes two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return width;
}

class Splicer {
  constructor(
    private readonly src: string,
    private readonly edits: TextEdit[],
  ) {}

  private col(pos: number): number {
    return pos - (this.src.lastIndexOf('\n', pos - 1) + 1);
  }

  private lineStart(pos: number): number {
    return this.src.lastIndexOf('\n', pos - 1) + 1;
  }

  /** The index after the line break that ends the line holding `pos` (or the end of the text). */
  private lineEnd(pos: number): number {
    const nl = this.src.indexOf('\n', pos);
    return nl === -1 ? this.src.length : nl + 1;
  }

  private edit(start: number, end: number, text: string) {
    this.edits.push({ start, end, text });
  }

  value(node: YamlNode, before: unknown, next: unknown, place: Place): void {
    if (deepEqual(before, next)) return;
    if (isAlias(node)) throw new CannotSplice();
    if (isMap(node) && isRecord(next) && isRecord(before)) return this.map(node, before, next, place);
    if (isSeq(node) && Array.isArray(next) && Array.isArray(before)) return this.seq(node, before, next, place);
    this.replace(node, next as Plain, place);
  }

  private map(node: YAMLMap, before: Record<string, unknown>, next: Record<string, unknown>, place: Place) {
    const pairs = new Map<string, Pair>();
    for (const pair of node.items) {
      if (!isScalar(pair.key) || !pair.key.range) throw new CannotSplice();
      pairs.set(String(pair.key.value), pair as Pair);
    }
    const added = Object.keys(next).filter((k) => !Object.hasOwn(before, k));
    const removed = Object.keys(before).filter((k) => !Object.hasOwn(next, k));
    if (node.flow && (added.length || removed.length)) return this.replace(node, next as Plain, place);
    const flow = place.flow || Boolean(node.flow);
    for (const [key, pair] of pairs) {
      if (!Object.hasOwn(next, key) || !Object.hasOwn(before, key)) continue;
      const keyStart = (pair.key as YamlNode).range![0];
      const afterColon = this.src.indexOf(':', (pair.key as YamlNode).range![1]) + 1;
      const childPlace: Place = { flow, indent: this.col(keyStart) + 2, afterColon };
      if (!pair.value) {
        this.edit(afterColon, afterColon, ` ${this.inline(next[key] as Plain, childPlace)}`);
        continue;
      }
      this.value(pair.value as YamlNode, before[key], next[key], childPlace);
    }
    if (!removed.length && !added.length) return;
    let lastEnd = 0;
    for (const pair of node.items) lastEnd = Math.max(lastEnd, this.pairEnd(pair as Pair));
    for (const key of removed) {
      const pair = pairs.get(key)!;
      const keyStart = (pair.key as YamlNode).range![0];
      const start = this.lineStart(keyStart);
      const end = this.pairEnd(pair);
      if (this.src.slice(start, keyStart).trim() !== '' || !this.endsLine(end)) throw new CannotSplice();
      this.edit(start, end, '');
    }
    if (added.length) {
      if (!this.endsLine(lastEnd) && lastEnd !== this.src.length) throw new CannotSplice();
      const firstKey = node.items[0]?.key as YamlNode | undefined;
      if (!firstKey?.range) throw new CannotSplice();
      const indent = this.col(firstKey.range[0]);
      const text = added.map((k) => indentLines(printBlock({ [k]: next[k] as Plain }), indent, true)).join('');
      const lead = lastEnd === this.src.length && !this.src.endsWith('\n') ? '\n' : '';
      this.edit(lastEnd, lastEnd, lead + text);
    }
  }

  private seq(node: YAMLSeq, before: unknown[], next: unknown[], place: Place) {
    const items = node.items as YamlNode[];
    if (items.some((n) => !n || isAlias(n) || !n.range)) throw new CannotSplice();
    const flow = place.flow || Boolean(node.flow);
    if (before.length === next.length) {
      const itemPlace = (n: YamlNode): Place => ({ flow, indent: this.col(n.range![0]) });
      items.forEach((n, i) => this.value(n, before[i], next[i], itemPlace(n)));
      return;
    }
    if (flow || !before.length || !next.length) return this.replace(node, next as Plain, place);
    let head = 0;
    while (head < before.length && head < next.length && deepEqual(before[head], next[head])) head++;
    let tail = 0;
    while (tail < before.length - head && tail < next.length - head && deepEqual(before[before.length - 1 - tail], next[next.length - 1 - tail])) tail++;
    const firstLine = this.itemStart(items[0]!);
    const dashCol = this.src.indexOf('-', firstLine) - firstLine;
    const oldMiddle = items.slice(head, before.length - tail);
    const newMiddle = next.slice(head, next.length - tail);
    const common = Math.min(oldMiddle.length, newMiddle.length);
    for (let i = 0; i < common; i++) this.value(oldMiddle[i]!, before[head + i], newMiddle[i], { flow: false, indent: this.col(oldMiddle[i]!.range![0]) });
    for (const n of oldMiddle.slice(common)) {
      const end = n.range![2];
      if (!this.endsLine(end)) throw new CannotSplice();
      this.edit(this.itemStart(n), end, '');
    }
    if (newMiddle.length > common) {
      const at = head + common < items.length ? this.itemStart(items[head + common]!) : this.itemEnd(items.at(-1)!);
      const text = newMiddle.slice(common).map((v) => indentLines(printBlock([v as Plain]), dashCol, true)).join('');
      this.edit(at, at, text);
    }
  }

  /** Where a block list item's line begins (its dash); only a dash and blanks may stand before the item. */
  private itemStart(n: YamlNode): number {
    const start = this.lineStart(n.range![0]);
    if (!/^ *- +$/.test(this.src.slice(start, n.range![0]))) throw new CannotSplice();
    return start;
  }

  private itemEnd(n: YamlNode): number {
    const end = n.range![2];
    if (!this.endsLine(end)) throw new CannotSplice();
    return end;
  }

  private endsLine(pos: number): boolean {
    return pos > 0 && this.src[pos - 1] === '\n';
  }

  private pairEnd(pair: Pair): number {
    const node = (pair.value ?? pair.key) as YamlNode;
    return node.range![2];
  }

  /** Text for a value that stays on the line it starts on (a scalar or a flow collection). */
  private inline(value: Plain, place: Place, like?: YamlNode): string {
    if (isCollectionValue(value)) return printFlow(value, like ? this.padded(like) : true);
    return scalarText(value, place, like && isScalar(like) ? like.type : undefined);
  }

  private padded(node: YamlNode): boolean {
    return /^[[{] /.test(this.src.slice(node.range![0], node.range![0] + 2));
  }

  /** Puts a new value where a node stands: inline where it fits, as an indented block otherwise. */
  private replace(node: YamlNode, value: Plain, place: Place): void {
    const [start, valueEnd, nodeEnd] = node.range!;
    const wasFlowOrScalar = isScalar(node) || (isCollection(node) && (node as { flow?: boolean }).flow);
    const keepFlow = isCollection(node) && (node as { flow?: boolean }).flow && isCollectionValue(value) && !hasNestedCollections(value);
    const inline = place.flow || !isCollectionValue(value) || (isCollectionValue(value) && isEmpty(value)) || keepFlow;
    if (inline) {
      const text = this.inline(value, place, node);
      if (wasFlowOrScalar) return this.edit(start, valueEnd, text);
      // a block collection becomes inline text
      if (place.afterColon !== undefined) return this.edit(place.afterColon, nodeEnd, ` ${text}\n`);
      return this.edit(start, nodeEnd, `${text}\n`);
    }
    const block = printBlock(value);
    if (!wasFlowOrScalar) {
      if (!this.endsLine(nodeEnd)) throw new CannotSplice();
      return this.edit(start, nodeEnd, indentLines(block, this.col(start), false));
    }
    if (place.afterColon === undefined) {
      // a list item: `- value` becomes `- key: …` with the following lines under it
      return this.edit(start, valueEnd, indentLines(block, this.col(start), false).replace(/\n$/, ''));
    }
    // a map value on the key's line: the key keeps its line (and comment), the block goes below it
    const lineEnd = this.lineEnd(valueEnd);
    this.edit(place.afterColon, valueEnd, '');
    this.edit(lineEnd, lineEnd, (lineEnd === this.src.length && !this.src.endsWith('\n') ? '\n' : '') + indentLines(block, place.indent, true));
  }
}

const isCollectionValue = (v: unknown): v is Plain[] | Record<string, Plain> => v !== null && typeof v === 'object';
const isEmpty = (v: Plain[] | Record<string, Plain>) => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);
const hasNestedCollections = (v: Plain[] | Record<string, Plain>) => Object.values(v).some(isCollectionValue);

/** Block YAML for a value, as at the top of a file (ends with a line break). */
function printBlock(value: Plain): string {
  return stringify(value, { ...PRINT, indentSeq: true });
}

function printFlow(value: Plain, padded: boolean): string {
  const doc = new Document(value, { schema: 'core' });
  visit(doc, { Collection: (_k, n) => void ((n as { flow?: boolean }).flow = true) });
  return doc.toString({ ...PRINT, flowCollectionPadding: padded }).replace(/\n$/, '');
}

/** Indents every line but (unless `all`) the first, which continues where it is placed. */
function indentLines(text: string, indent: number, all: boolean): string {
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map((line, i) => (line === '' || (i === 0 && !all) ? line : pad + line))
    .join('\n');
}

const FLOW_UNSAFE = /[,[\]{}]|: | #|^[-?:,[\]{}#&*!|>'"%@`\s]|\s$/;

function scalarText(value: Exclude<Plain, Plain[] | { [key: string]: Plain }>, place: Place, type?: string): string {
  if (typeof value !== 'string') return stringify(value, PRINT).replace(/\n$/, '');
  if (value.includes('\n') && !place.flow) {
    const block = stringify(value, { ...PRINT, blockQuote: 'literal' }).replace(/\n$/, '');
    if (block.startsWith('|')) return block.split('\n').map((line, i) => (i === 0 || line === '' ? line : ' '.repeat(place.indent) + line.slice(2))).join('\n');
    return JSON.stringify(value);
  }
  if (type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  const plain = stringify(value, PRINT).replace(/\n$/, '');
  if (place.flow && (plain.includes('\n') || (plain === value && FLOW_UNSAFE.test(value)))) return JSON.stringify(value);
  return plain.includes('\n') ? JSON.stringify(value) : plain;
}

// ---------- editing the Document (when splicing cannot place a change) ----------

function editDocument(doc: Document, before: unknown, next: unknown): string {
  const apply = (path: (string | number)[], a: unknown, b: unknown) => {
    if (deepEqual(a, b)) return;
    if (isRecord(a) && isRecord(b)) {
      for (const k of Object.keys(a)) if (!Object.hasOwn(b, k)) doc.deleteIn([...path, k]);
      for (const k of Object.keys(b)) apply([...path, k], a[k], b[k]);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      b.forEach((v, i) => apply([...path, i], a[i], v));
      return;
    }
    if (path.length === 0) doc.contents = doc.createNode(b) as typeof doc.contents;
    else doc.setIn(path, doc.createNode(b));
  };
  apply([], before, next);
  return doc.toString(PRINT);
}
