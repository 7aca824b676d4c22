import { type Block, type DocumentTree, type Table, inlineText, listMarker, placeCells } from '../document/tree.ts';

/**
 * A filing document as its reader sees it: sections by their numbered headings (１ → （１） → ア → （ア）), each
 * section's own text as lines — a paragraph, a list item or a table row (「見出し：値」) a line. The 新旧対照表
 * compares two documents section by section and line by line, so it compares the plan as printed.
 */

export interface PlanLine {
  text: string;
  /** The heading a line is labelled with (「実施状況」 of 「実施状況：…」), for pairing changed lines. */
  label: string;
}

export interface PlanSection {
  /** The titles of the section and its parents without their numbers: matches a section across two versions. */
  key: string;
  /** Its own number as printed (（１）, ア), empty for the front matter and unnumbered headings. */
  number: string;
  /** The numbers of the section and its parents: １（１）カ. */
  path: string;
  /** The heading as printed: （１）港北みなと第3コンテナターミナル. */
  heading: string;
  /** 0 for the front matter, then 1 (１), 2 (（１）), 3 (ア), 4 (（ア）). */
  level: number;
  /** Index of the enclosing section in the list, or null. */
  parent: number | null;
  lines: PlanLine[];
}

const DIGITS = '[0-9０-９]+';
const KANA = '[ア-ヲ]';
const NUMBERED: { level: number; re: RegExp }[] = [
  { level: 1, re: new RegExp(`^(${DIGITS}|別表(?:${DIGITS})?)[　 ]+(.+)$`, 's') },
  { level: 2, re: new RegExp(`^(（${DIGITS}）|\\(${DIGITS}\\))[　 ]*(.+)$`, 's') },
  { level: 3, re: new RegExp(`^(${KANA})[　 ]+(.+)$`, 's') },
  { level: 4, re: new RegExp(`^(（${KANA}）|\\(${KANA}\\))[　 ]*(.+)$`, 's') },
];

/** A heading's number and title, or null when the block does not open a section. */
function headingOf(block: Block): { level: number; number: string; title: string; text: string } | null {
  if (block.type !== 'heading' && block.type !== 'paragraph') return null;
  if (block.type === 'heading' && block.level === 1) return null;
  const text = inlineText(block.children).trim();
  if (!text) return null;
  for (const { level, re } of NUMBERED) {
    // a paragraph opens a section only below the top level, and only as a short line (a heading, not a sentence)
    if (block.type === 'paragraph' && (level === 1 || text.length > 80 || text.includes('\n'))) continue;
    const m = re.exec(text);
    if (m) return { level, number: m[1]!, title: m[2]!.trim(), text };
  }
  return block.type === 'heading' ? { level: block.level - 1, number: '', title: text, text } : null;
}

/** A paragraph or list item is known by what it is labelled with (使用する場面：), or else not at all. */
const line = (text: string): PlanLine => {
  const first = text.split('\n')[0]!;
  const at = first.indexOf('：');
  return { text, label: at > 0 ? first.slice(0, at) : '' };
};

/** The text of a cell's content: paragraphs as they are, list items with their markers, nested tables row by row. */
function contentText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        out.push(inlineText(block.children));
        break;
      case 'list':
        block.items.forEach((item, i) => out.push(`${listMarker(block.style, i + 1)}${contentText(item)}`));
        break;
      case 'table':
        out.push(...tableLines(block).map((l) => l.text));
        break;
      case 'pagebreak':
        break;
    }
  }
  return out.filter((t) => t.trim()).join('\n');
}

const isBareNumber = (text: string) => /^[0-9０-９]+$/.test(text);

/**
 * One line a row: each value with its heading — the column's head, or the row's own header cell. A row is known
 * by its header cell (実施状況), or in a table with column heads by its first value that is not a bare number
 * (役割：CISO), so that the same row of two versions is compared even when rows were added before it.
 */
function tableLines(table: Table): PlanLine[] {
  const heads: string[] = [];
  const out: PlanLine[] = [];
  placeCells(table).forEach((placed, r) => {
    const texts = placed.map((p) => contentText(p.cell.children));
    if (table.rows[r]!.header) {
      placed.forEach((p, i) => {
        for (let c = p.col; c < p.col + p.span; c++) heads[c] = texts[i]!;
      });
      return;
    }
    const parts: string[] = [];
    let identity = '';
    let pending: string | null = null;
    placed.forEach((p, i) => {
      const text = texts[i]!;
      if (p.cell.header) {
        if (pending !== null) parts.push(pending);
        pending = text;
        identity ||= text;
        return;
      }
      const label = pending ?? heads[p.col] ?? '';
      pending = null;
      if (!text) return;
      parts.push(label ? `${label}：${text}` : text);
      if (!identity && !isBareNumber(text)) identity = label ? `${label}：${text.split('\n')[0]}` : text.split('\n')[0]!;
    });
    if (pending !== null) parts.push(pending);
    if (parts.length) out.push({ text: parts.join('\n'), label: identity });
  });
  return out;
}

/** The document split into its numbered sections, in document order. */
export function planSections(tree: DocumentTree): PlanSection[] {
  const sections: PlanSection[] = [{ key: '表紙', number: '', path: '', heading: '表紙', level: 0, parent: null, lines: [] }];
  const open: number[] = [0]; // the chain of enclosing sections, by index
  const seen = new Map<string, number>();
  for (const block of tree.body) {
    const heading = headingOf(block);
    if (heading) {
      while (open.length > 1 && sections[open.at(-1)!]!.level >= heading.level) open.pop();
      const parentIndex = open.at(-1)!;
      const parent = sections[parentIndex]!;
      let key = parent.level === 0 ? heading.title : `${parent.key}／${heading.title}`;
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      if (count > 1) key += `（${count}）`;
      sections.push({
        key,
        number: heading.number,
        path: parent.level === 0 ? heading.number : `${parent.path}${heading.number}`,
        heading: heading.text,
        level: heading.level,
        parent: parent.level === 0 ? null : parentIndex,
        lines: [],
      });
      open.push(sections.length - 1);
      continue;
    }
    const section = sections[open.at(-1)!]!;
    switch (block.type) {
      case 'table':
        section.lines.push(...tableLines(block));
        break;
      case 'pagebreak':
        break;
      default: {
        const text = contentText([block]);
        if (block.type === 'list') block.items.forEach((item, i) => section.lines.push(line(`${listMarker(block.style, i + 1)}${contentText(item)}`)));
        else if (text.trim()) section.lines.push(line(text));
      }
    }
  }
  return sections;
}
