import type { TextBlock } from '../src/readers/plan/textBlock.ts';

/**
 * Text blocks made from a hand-typed plan's source HTML (fixtures/handtyped/<plan>/plan.html), the way a
 * reader of its .docx would give them: headings, paragraphs, list items, table cells with their row and
 * column. Only the few tags the corpus uses are understood (h1–h6, p, li, table/tr/td/th, br).
 * It stands in for the real .docx/.pdf readers until they are wired in (bench/handtyped.ts takes the reader
 * as a parameter).
 */
export function blocksFromHtml(html: string): TextBlock[] {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  const blocks: TextBlock[] = [];
  let table = 0;
  const text = (inner: string) =>
    inner
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n');
  const push = (b: Omit<TextBlock, 'index'>) => {
    if (b.text.trim()) blocks.push({ ...b, index: blocks.length + 1 });
  };
  const token = /<(h[1-6]|p|li|table)\b[^>]*>([\s\S]*?)<\/\1>/gi;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    const tag = m[1]!.toLowerCase();
    const inner = m[2]!;
    if (tag === 'table') {
      table++;
      const rows = [...inner.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)];
      // columns as Word numbers them: a cell merged down from the row above (rowspan) keeps its column taken
      const taken = new Map<number, number>(); // column → rows still covered by a rowspan above
      rows.forEach((row, r) => {
        let c = 0;
        for (const cell of row[1]!.matchAll(/<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/gi)) {
          while ((taken.get(c) ?? 0) > 0) c++;
          push({ text: text(cell[3]!), kind: 'table-cell', cell: { table, row: r, column: c } });
          const span = Number(/rowspan="?(\d+)/i.exec(cell[2]!)?.[1] ?? 1);
          if (span > 1) taken.set(c, span);
          c += Number(/colspan="?(\d+)/i.exec(cell[2]!)?.[1] ?? 1);
        }
        for (const [col, left] of taken) taken.set(col, left - 1);
      });
    } else if (tag.startsWith('h')) push({ text: text(inner), kind: 'heading', level: Number(tag[1]) });
    else if (tag === 'li') push({ text: text(inner), kind: 'list-item' });
    else push({ text: text(inner), kind: 'paragraph' });
  }
  return blocks;
}
