import { SaxesParser } from 'saxes';
import {
  type Align,
  type Block,
  type Cell,
  type DocumentTree,
  type Inline,
  type ListStyle,
  type Paragraph,
  type Row,
  type TextStyle,
  LIST_STYLES,
  PLAIN,
  orderedStyleAt,
} from './tree.ts';

/**
 * Parses the markup that templates produce (a small XML vocabulary, documented in templates/README.md)
 * into the document tree. Unknown elements or attributes are errors that name the line and column.
 */

export class MarkupError extends Error {
  constructor(
    /** What is wrong, without the place. */
    readonly detail: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${detail}`);
  }
}

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  line: number;
  column: number;
}
type Node = Element | string;

export const GAP_MARKS = { missing: '【未記入】', review: '【要確認】' } as const;

/** Elements nested in one another (the bundled templates nest 6 deep; the writers recurse). */
export const MAX_MARKUP_DEPTH = 64;
/** indent and left of a paragraph, in characters (a line holds about 40). */
export const MAX_INDENT_CHARS = 20;
/** Columns of a table (colspan, and the entries of widths). */
export const MAX_TABLE_COLUMNS = 50;
/** The largest entry of widths, a ratio between columns. */
export const MAX_WIDTH_RATIO = 1000;

function readElements(markup: string): Element {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: Element[] = [];
  let root: Element | undefined;
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_MARKUP_DEPTH) throw new MarkupError(`<${tag.name}>: elements nest deeper than ${MAX_MARKUP_DEPTH} levels`, parser.line, parser.column);
    const element: Element = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      line: parser.line,
      column: parser.column,
    };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (text) => {
    const parent = stack.at(-1);
    if (parent) parent.children.push(text);
  });
  parser.on('error', (err) => {
    throw new MarkupError(err.message.replace(/^\d+:\d+: /, ''), parser.line, parser.column);
  });
  parser.write(markup).close();
  if (!root) throw new MarkupError('empty document', 1, 1);
  return root;
}

function fail(el: Element, message: string): never {
  throw new MarkupError(`<${el.name}>: ${message}`, el.line, el.column);
}

const ATTRIBUTES: Record<string, readonly string[]> = {
  document: ['title', 'author', 'draft', 'date', 'orientation'],
  header: [],
  footer: [],
  h1: ['align'],
  h2: ['align'],
  h3: ['align'],
  p: ['align', 'indent', 'left', 'size'],
  ol: ['style'],
  ul: [],
  li: [],
  table: ['widths'],
  tr: ['header'],
  th: ['colspan', 'rowspan', 'align'],
  td: ['colspan', 'rowspan', 'align'],
  pagebreak: [],
  b: [],
  u: [],
  br: [],
  page: [],
  pages: [],
  check: ['on'],
  missing: [],
  review: [],
};

function attrs(el: Element): Record<string, string> {
  const allowed = ATTRIBUTES[el.name];
  if (!allowed) fail(el, 'unknown element');
  for (const name of Object.keys(el.attributes)) if (!allowed.includes(name)) fail(el, `unknown attribute "${name}"`);
  return el.attributes;
}

function align(el: Element, fallback: Align): Align {
  const value = attrs(el).align ?? fallback;
  if (!['left', 'center', 'right', 'justify'].includes(value)) fail(el, `align must be left, center, right or justify, not "${value}"`);
  return value as Align;
}

function count(el: Element, name: string, fallback: number, range: { min: number; max: number; integer?: boolean }): number {
  const raw = attrs(el)[name];
  if (raw === undefined) return fallback;
  const n = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(n) || n < range.min || n > range.max || (range.integer && !Number.isInteger(n))) {
    fail(el, `${name} must be ${range.integer ? 'a whole number' : 'a number'} from ${range.min} to ${range.max}, not "${raw}"`);
  }
  return n;
}

const INDENT = { min: 0, max: MAX_INDENT_CHARS };
const SPAN = { min: 1, max: MAX_TABLE_COLUMNS, integer: true };

/** Template line breaks are not text: drop them with the indentation around them, adding no space (Japanese has none). */
function cleanText(text: string): string {
  return text.replace(/[ \t]*[\r\n]+\s*/g, '');
}

/** Text is only text: marks come from <missing>/<review> elements, never from what the text says. */
function textRuns(text: string, style: TextStyle): Inline[] {
  return text ? [{ type: 'text', text, style }] : [];
}

const INLINE = new Set(['b', 'u', 'br', 'page', 'pages', 'check', 'missing', 'review']);

/** `fields`: page numbers are allowed (in the running header and footer only). */
function inlines(nodes: readonly Node[], style: TextStyle, fields = false): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (typeof node === 'string') {
      out.push(...textRuns(cleanText(node), style));
      continue;
    }
    attrs(node);
    switch (node.name) {
      case 'b':
        out.push(...inlines(node.children, { ...style, bold: true }, fields));
        break;
      case 'u':
        out.push(...inlines(node.children, { ...style, underline: true }, fields));
        break;
      case 'page':
      case 'pages':
        if (!fields) fail(node, 'is allowed only in <header> and <footer>');
        out.push({ type: node.name });
        break;
      case 'br':
        out.push({ type: node.name });
        break;
      case 'check': {
        const on = node.attributes.on;
        if (on !== 'true' && on !== 'false') fail(node, `on must be "true" or "false", not "${on}"`);
        out.push({ type: 'text', text: on === 'true' ? '■' : '□', style });
        break;
      }
      case 'missing':
      case 'review': {
        // 【未記入：対策の担保方法】 names what is missing; a bare <missing/> is just the mark
        const label = cleanText(node.children.filter((c): c is string => typeof c === 'string').join(''));
        const mark = GAP_MARKS[node.name];
        out.push({ type: 'text', text: label ? `${mark.slice(0, -1)}：${label}】` : mark, style: { ...style, bold: true, mark: node.name } });
        break;
      }
      default:
        fail(node, 'is not allowed inside text');
    }
  }
  return out.filter((r) => r.type !== 'text' || r.text.length > 0);
}

function paragraph(el: Element, fallbackAlign: Align = 'justify', fields = false): Paragraph {
  const size = attrs(el).size ?? 'normal';
  if (size !== 'normal' && size !== 'small') fail(el, `size must be normal or small, not "${size}"`);
  return {
    type: 'paragraph',
    align: align(el, fallbackAlign),
    indent: count(el, 'indent', 0, INDENT),
    left: count(el, 'left', 0, INDENT),
    size,
    children: inlines(el.children, PLAIN, fields),
  };
}

// headings and page breaks belong to the page, not to a cell or a list item
const NESTED_BLOCKS = new Set(['p', 'ol', 'ul', 'table']);

function isBlank(node: Node): boolean {
  return typeof node === 'string' && cleanText(node).trim() === '';
}

/** Content that may be text or blocks (list items, table cells): loose text becomes a left-aligned paragraph. `depth`: enclosing ordered lists. */
function flow(nodes: readonly Node[], cellAlign: Align, depth: number): Block[] {
  const out: Block[] = [];
  let pending: Node[] = [];
  const flush = () => {
    if (pending.some((n) => !isBlank(n))) {
      out.push({ type: 'paragraph', align: cellAlign, indent: 0, left: 0, size: 'normal', children: inlines(pending, PLAIN) });
    }
    pending = [];
  };
  for (const node of nodes) {
    if (typeof node === 'string' || INLINE.has(node.name)) pending.push(node);
    else {
      flush();
      if (!NESTED_BLOCKS.has(node.name) && ATTRIBUTES[node.name]) fail(node, 'is not allowed inside a table cell or a list item');
      out.push(block(node, depth));
    }
  }
  flush();
  return out;
}

function elementsOf(el: Element, allowed: readonly string[]): Element[] {
  const out: Element[] = [];
  for (const node of el.children) {
    if (isBlank(node)) continue;
    if (typeof node === 'string') fail(el, `text is not allowed here: "${node.trim().slice(0, 20)}"`);
    if (!allowed.includes(node.name)) fail(node, `is not allowed inside <${el.name}>`);
    out.push(node);
  }
  return out;
}

function table(el: Element, depth: number): Block {
  const rows: Row[] = elementsOf(el, ['tr']).map((tr) => {
    const header = attrs(tr).header === 'true';
    const cells: Cell[] = elementsOf(tr, ['th', 'td']).map((cell) => ({
      header: cell.name === 'th',
      colspan: count(cell, 'colspan', 1, SPAN),
      rowspan: count(cell, 'rowspan', 1, SPAN),
      align: align(cell, 'left'),
      children: flow(cell.children, align(cell, 'left'), depth),
    }));
    return { header, cells };
  });
  const columns = rows.reduce((most, r) => Math.max(most, r.cells.reduce((n, c) => n + c.colspan, 0)), 0);
  if (columns > MAX_TABLE_COLUMNS) fail(el, `a row spans ${columns} columns; a table has at most ${MAX_TABLE_COLUMNS}`);
  rows.forEach((row, r) => {
    for (const cell of row.cells) if (r + cell.rowspan > rows.length) fail(el, `rowspan ${cell.rowspan} in row ${r + 1} reaches past the last row (${rows.length})`);
  });
  const raw = attrs(el).widths;
  const widths = raw ? raw.trim().split(/\s+/).map(Number) : Array.from({ length: columns }, () => 1);
  if (widths.length > MAX_TABLE_COLUMNS) fail(el, `widths names ${widths.length} columns; a table has at most ${MAX_TABLE_COLUMNS}`);
  if (widths.some((w) => !Number.isFinite(w) || w <= 0 || w > MAX_WIDTH_RATIO)) fail(el, `widths must be numbers above 0 and up to ${MAX_WIDTH_RATIO}, not "${raw}"`);
  if (widths.length !== columns) fail(el, `widths names ${widths.length} columns but the rows have ${columns}`);
  return { type: 'table', widths, rows };
}

function block(el: Element, depth = 0): Block {
  switch (el.name) {
    case 'h1':
    case 'h2':
    case 'h3':
      return { type: 'heading', level: Number(el.name[1]) as 1 | 2 | 3, align: align(el, 'left'), children: inlines(el.children, PLAIN) };
    case 'p':
      return paragraph(el);
    case 'ul':
    case 'ol': {
      const style = el.name === 'ul' ? 'bullet' : (attrs(el).style ?? orderedStyleAt(depth));
      if (!LIST_STYLES.includes(style as ListStyle)) fail(el, `style must be one of ${LIST_STYLES.join(', ')}, not "${style}"`);
      const inner = el.name === 'ol' ? depth + 1 : depth;
      return { type: 'list', style: style as ListStyle, items: elementsOf(el, ['li']).map((li) => (attrs(li), flow(li.children, 'justify', inner))) };
    }
    case 'table':
      return table(el, depth);
    case 'pagebreak':
      attrs(el);
      return { type: 'pagebreak' };
    default:
      attrs(el);
      return fail(el, 'is not a block element');
  }
}

export function parseMarkup(markup: string): DocumentTree {
  const root = readElements(markup);
  if (root.name !== 'document') fail(root, 'the root element must be <document>');
  const a = attrs(root);
  const tree: DocumentTree = {
    title: a.title ?? '',
    author: a.author ?? '',
    draft: a.draft === 'true',
    orientation: a.orientation === 'landscape' ? 'landscape' : 'portrait',
    date: a.date ?? '2000-01-01',
    header: [],
    footer: [],
    body: [],
  };
  if (a.orientation !== undefined && a.orientation !== 'portrait' && a.orientation !== 'landscape')
    fail(root, `orientation must be portrait or landscape, not "${a.orientation}"`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(tree.date)) fail(root, `date must be YYYY-MM-DD, not "${tree.date}"`);
  for (const child of elementsOf(root, ['header', 'footer', 'h1', 'h2', 'h3', 'p', 'ol', 'ul', 'table', 'pagebreak'])) {
    if (child.name === 'header' || child.name === 'footer') {
      attrs(child);
      tree[child.name] = elementsOf(child, ['p']).map((p) => paragraph(p, 'left', true));
    } else tree.body.push(block(child));
  }
  return tree;
}
