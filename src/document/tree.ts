import type { Attachment } from './attachment.ts';

/**
 * The document tree both writers consume. Templates produce markup; parseMarkup turns it into this tree.
 * Inline content is flattened into styled runs so that writers never deal with nesting.
 */

export type Align = 'left' | 'center' | 'right' | 'justify';

/** No italic: Japanese Mincho has none, and a slanted Mincho is not used in official documents. */
export interface TextStyle {
  bold: boolean;
  underline: boolean;
  /** A gap marker in a draft: 【未記入】 (missing) or 【要確認】 (review). */
  mark: 'missing' | 'review' | null;
}

/** `page` and `pages` (page number and count) occur only in the running header and footer. */
export type Inline =
  | { type: 'text'; text: string; style: TextStyle }
  | { type: 'br' }
  | { type: 'page' }
  | { type: 'pages' };

export interface Paragraph {
  type: 'paragraph';
  align: Align;
  /** First-line indent in characters (em). */
  indent: number;
  /** Left indent of the whole paragraph in characters (em). */
  left: number;
  size: 'normal' | 'small';
  children: Inline[];
}

export interface Heading {
  type: 'heading';
  level: 1 | 2 | 3;
  align: Align;
  children: Inline[];
}

/** Numbering of official documents: 1 → （1） → ア → （ア）, and ・ for bullets. */
export const LIST_STYLES = ['bullet', 'decimal', 'paren', 'katakana', 'paren-katakana'] as const;
export type ListStyle = (typeof LIST_STYLES)[number];

const ORDERED_BY_DEPTH: readonly ListStyle[] = ['decimal', 'paren', 'katakana', 'paren-katakana'];

/** The numbering of an ordered list inside `depth` ordered lists, when the markup does not name one. */
export function orderedStyleAt(depth: number): ListStyle {
  return ORDERED_BY_DEPTH[Math.min(depth, ORDERED_BY_DEPTH.length - 1)]!;
}

export interface List {
  type: 'list';
  style: ListStyle;
  items: Block[][];
}

export interface Cell {
  header: boolean;
  colspan: number;
  rowspan: number;
  align: Align;
  children: Block[];
}

export interface Row {
  header: boolean;
  cells: Cell[];
}

export interface Table {
  type: 'table';
  /** Relative column widths; writers scale them to the text width. */
  widths: number[];
  rows: Row[];
}

export type Block = Paragraph | Heading | List | Table | { type: 'pagebreak' };

export interface DocumentTree {
  title: string;
  /** Who the document is by (the applicant): document properties. Empty when the template does not say. */
  author: string;
  /** Draft documents carry a mark on every page. */
  draft: boolean;
  orientation: 'portrait' | 'landscape';
  /** The document date (YYYY-MM-DD), used for metadata so that output does not depend on the clock. */
  date: string;
  header: Paragraph[];
  footer: Paragraph[];
  body: Block[];
  /** Files the document carries inside itself (the filing it was made from); see attachment.ts. */
  attachments?: readonly Attachment[];
}

export const PLAIN: TextStyle = { bold: false, underline: false, mark: null };

/** The text of inline content, for tests and for text extraction checks. */
export function inlineText(children: readonly Inline[]): string {
  return children.map((c) => (c.type === 'text' ? c.text : c.type === 'br' ? '\n' : '')).join('');
}

export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.children);
    case 'list':
      return block.items.map((item) => item.map(blockText).join('\n')).join('\n');
    case 'table':
      return block.rows.map((r) => r.cells.map((c) => c.children.map(blockText).join('\n')).join('\t')).join('\n');
    case 'pagebreak':
      return '';
  }
}

// the order of Word's aiueo numbering, so that both writers count alike
const KATAKANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';

/** The marker text of list item n (1-based): the writers, not the templates, decide numbering. Digits are half-width. */
export function listMarker(style: ListStyle, n: number): string {
  const kana = () => KATAKANA[(n - 1) % KATAKANA.length]!;
  switch (style) {
    case 'bullet':
      return '・';
    case 'decimal':
      return String(n);
    case 'paren':
      return `（${n}）`;
    case 'katakana':
      return kana();
    case 'paren-katakana':
      return `（${kana()}）`;
  }
}

export interface PlacedCell {
  cell: Cell;
  row: number;
  /** The grid column the cell starts at. */
  col: number;
  /** Columns spanned, clipped to the table. */
  span: number;
}

/** Where each cell sits on the table's grid, skipping the slots that rowspans from the rows above take. */
export function placeCells(table: Table): PlacedCell[][] {
  const taken: boolean[][] = table.rows.map(() => []);
  return table.rows.map((row, r) => {
    let col = 0;
    return row.cells.map((cell) => {
      while (taken[r]![col]) col++;
      const span = Math.max(1, Math.min(cell.colspan, table.widths.length - col));
      for (let dr = 0; dr < cell.rowspan && r + dr < table.rows.length; dr++)
        for (let dc = 0; dc < span; dc++) taken[r + dr]![col + dc] = true;
      const placed = { cell, row: r, col, span };
      col += span;
      return placed;
    });
  });
}
