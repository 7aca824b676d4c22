import { type Block, type DocumentTree, type Inline, placeCells } from './tree.ts';

/**
 * The text a reader sees in the body of a document, section by section (a section starts at each heading), in a
 * normalised form that both writers, Word and LibreOffice re-saves all agree on: compatibility forms folded (NFKC),
 * and no white space, control, format or unassigned characters. Line breaks, page breaks, running headers and
 * footers, fonts and layout are not text.
 *
 * A document records these sections when it is made; reading it back, the sections of its visible text are
 * compared with them (DOCUMENT_TEXT_CHANGED).
 */

export interface TextSection {
  /** The heading the section starts with, as written ('' for the text before the first heading). */
  title: string;
  /** The normalised text of the section, its heading included. */
  text: string;
}

const NOT_TEXT = /[\p{White_Space}\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/gu;

/** The PDF writer draws this in place of a character no embedded font has; it stands for any one character. */
export const UNDRAWABLE = '〓';

export function normalizeVisible(text: string): string {
  return text.normalize('NFKC').replace(NOT_TEXT, '');
}

function inlineVisible(children: readonly Inline[]): string {
  let out = '';
  for (const c of children) if (c.type === 'text') out += c.text;
  return out;
}

/** Body text in the order the writers put it on the page. List markers are not text: Word writes them as numbering, the PDF as artifacts. */
function blockVisible(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineVisible(block.children);
    case 'list':
      return block.items.map((item) => item.map(blockVisible).join('')).join('');
    case 'table':
      return placeCells(block)
        .map((row) => row.map(({ cell }) => cell.children.map(blockVisible).join('')).join(''))
        .join('');
    case 'pagebreak':
      return '';
  }
}

/** What a document records of its text: the sections, and the table header rows a writer may repeat on each page. */
export interface DocumentText {
  sections: TextSection[];
  /** Normalised text of each table's header rows: a PDF repeats them after a page break. */
  repeatedHeaders: string[];
}

/** The tree's body as sections of normalised text. */
export function documentText(tree: Pick<DocumentTree, 'body'>): DocumentText {
  const sections: TextSection[] = [{ title: '', text: '' }];
  const repeated = new Set<string>();
  for (const block of tree.body) {
    if (block.type === 'heading') sections.push({ title: inlineVisible(block.children).replace(/\s+/g, ' ').trim(), text: '' });
    sections.at(-1)!.text += normalizeVisible(blockVisible(block));
    if (block.type === 'table') {
      const placed = placeCells(block);
      let header = '';
      for (let r = 0; r < block.rows.length && block.rows[r]!.header; r++)
        header += normalizeVisible(placed[r]!.map(({ cell }) => cell.children.map(blockVisible).join('')).join(''));
      if (header) repeated.add(header);
    }
  }
  return { sections: sections.filter((s, i) => i > 0 || s.text !== ''), repeatedHeaders: [...repeated].sort() };
}

class Visible {
  readonly chars: string[];
  private readonly repeats = new Map<string, string[][]>();
  constructor(text: string, repeatedHeaders: readonly string[]) {
    this.chars = [...text];
    for (const h of repeatedHeaders) {
      const cs = [...h];
      if (!cs.length) continue;
      const list = this.repeats.get(cs[0]!) ?? [];
      list.push(cs);
      this.repeats.set(cs[0]!, list);
    }
  }

  private startsWith(at: number, what: readonly string[]): boolean {
    if (at + what.length > this.chars.length) return false;
    for (let i = 0; i < what.length; i++) if (this.chars[at + i] !== what[i]) return false;
    return true;
  }

  /** A repeated table header at `at` that the expected text does not itself have at `i`: its length, else 0. */
  private repeatAt(at: number, expected: readonly string[], i: number): number {
    for (const r of this.repeats.get(this.chars[at]!) ?? []) {
      if (!this.startsWith(at, r)) continue;
      let same = i + r.length <= expected.length;
      for (let k = 0; same && k < r.length; k++) same = expected[i + k] === r[k];
      if (!same) return r.length;
    }
    return 0;
  }

  /** Where the visible text continues after holding `expected` from `at`, or -1 when it does not hold it. */
  consume(at: number, expected: readonly string[]): number {
    let p = at;
    for (let i = 0; i < expected.length; ) {
      const skip = p < this.chars.length ? this.repeatAt(p, expected, i) : 0;
      if (skip) {
        p += skip;
        continue;
      }
      const v = this.chars[p];
      if (v === undefined || (v !== expected[i] && v !== UNDRAWABLE)) return -1;
      i++;
      p++;
    }
    return p;
  }

  indexOf(expected: readonly string[], from: number): number {
    if (!expected.length) return -1;
    for (let at = from; at + expected.length <= this.chars.length; at++) if (this.consume(at, expected) !== -1) return at;
    return -1;
  }
}

/**
 * The titles of the recorded sections that the visible text (normalised) no longer holds as recorded. Sections are
 * matched in order; after a difference the comparison picks up again at the next section whose heading is found, so
 * that one edited section does not mark every section after it.
 */
export function changedSections(recorded: DocumentText, visibleText: string): string[] {
  const visible = new Visible(visibleText, recorded.repeatedHeaders);
  const sections = recorded.sections;
  const changed: string[] = [];
  let at = 0;
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i]!;
    const next = visible.consume(at, [...section.text]);
    if (next !== -1) {
      at = next;
      continue;
    }
    changed.push(section.title);
    // resume at the next section whose heading can be found; the ones skipped over changed too
    let resumed = false;
    for (let j = i + 1; j < sections.length && !resumed; j++) {
      const found = visible.indexOf([...normalizeVisible(sections[j]!.title)], at);
      if (found === -1) continue;
      for (let k = i + 1; k < j; k++) changed.push(sections[k]!.title);
      at = found;
      i = j - 1;
      resumed = true;
    }
    if (!resumed) {
      for (let k = i + 1; k < sections.length; k++) changed.push(sections[k]!.title);
      return changed;
    }
  }
  if (at < visible.chars.length && sections.length) {
    const last = sections.at(-1)!.title;
    if (changed.at(-1) !== last) changed.push(last);
  }
  return changed;
}
