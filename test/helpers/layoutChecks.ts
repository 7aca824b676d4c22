import type { LaidOutDocument } from '../../src/render/pdf/layoutDocument.ts';
import type { PlacedBox } from '../../src/render/pdf/pageFlow.ts';

/**
 * Checks of a laid-out PDF document (without poppler: the writer's own marks and boxes). Each returns the
 * problems it finds, described so that a failing test says which page and what.
 */

const EPSILON = 0.01;
// a glyph's ink lies roughly between these multiples of the size around its baseline
const ASCENT = 0.88;
const DESCENT = 0.12;

/** Every piece of text inside the page's content box, or in the running header (not on page 1) or footer band. */
export function textOutsideItsBox(doc: LaidOutDocument): string[] {
  const g = doc.geometry;
  const bands = (page: number) => [
    { name: 'body', bottom: g.bottom, top: g.height - g.top },
    { name: 'footer', bottom: g.footerBottom, top: g.bottom },
    ...(page > 0 ? [{ name: 'header', bottom: g.height - g.top, top: g.height - g.headerTop }] : []),
  ];
  const problems: string[] = [];
  doc.pages.forEach((page, i) => {
    for (const m of page.marks) {
      if (m.kind !== 'text') continue;
      const [left, right] = [m.x, m.x + m.width - m.spacing];
      const [low, high] = [m.y - DESCENT * m.size, m.y + ASCENT * m.size];
      if (left < g.left - EPSILON || right > g.left + g.contentWidth + EPSILON) problems.push(`page ${i + 1}: 「${m.text}」 runs outside the text width`);
      if (!bands(i).some((b) => low >= b.bottom - EPSILON && high <= b.top + EPSILON)) problems.push(`page ${i + 1}: 「${m.text}」 is outside the body, header and footer`);
      if (m.cell) {
        const c = m.cell;
        if (left < c.x - EPSILON || right > c.x + c.width + EPSILON || low < c.y - EPSILON || high > c.y + c.height + EPSILON)
          problems.push(`page ${i + 1}: 「${m.text}」 runs out of its table cell`);
      }
    }
  });
  return problems;
}

/** No page (but the last) ends with a heading, a bold caption, or a table's header rows. */
export function pagesEndingBadly(doc: LaidOutDocument): string[] {
  const problems: string[] = [];
  doc.pages.slice(0, -1).forEach((page, i) => {
    const last = page.placed.filter((p) => p.box.tag.kind !== 'space').at(-1);
    const tag = last?.box.tag;
    if (tag?.kind === 'heading') problems.push(`page ${i + 1} ends with the heading 「${tag.title}」`);
    if (tag?.kind === 'line' && tag.caption) problems.push(`page ${i + 1} ends with a caption`);
    if (tag?.kind === 'row' && tag.header && !last!.repeated) problems.push(`page ${i + 1} ends with a table's header row`);
    if (tag?.kind === 'row' && headingOverOneRow(page.placed, doc.pages[i + 1]!.placed)) problems.push(`page ${i + 1} ends with a heading or caption over one row of its table`);
  });
  return problems;
}

/** The page ends with a heading or caption, its table's header rows and one body row, and the table goes on overleaf. */
function headingOverOneRow(placed: readonly PlacedBox[], next: readonly PlacedBox[]): boolean {
  const boxes = placed.filter((p) => p.box.tag.kind !== 'space' && !p.repeated).map((p) => p.box.tag);
  const last = boxes.at(-1);
  if (last?.kind !== 'row') return false;
  let k = boxes.length - 1;
  let bodyRows = 0;
  for (; k >= 0; k--) {
    const tag = boxes[k]!;
    if (tag.kind !== 'row' || tag.table !== last.table) break;
    if (!tag.header) bodyRows++;
  }
  const before = boxes[k];
  const captioned = before?.kind === 'heading' || (before?.kind === 'line' && before.caption === true);
  const continues = next.some((p) => !p.repeated && p.box.tag.kind === 'row' && p.box.tag.table === last.table);
  return captioned && bodyRows === 1 && continues;
}

/** A paragraph split over pages leaves at least two lines on each side. */
export function widowsAndOrphans(doc: LaidOutDocument): string[] {
  const pagesOf = new Map<number, Map<number, number>>();
  doc.pages.forEach((page, i) => {
    for (const { box } of page.placed) {
      if (box.tag.kind !== 'line' && box.tag.kind !== 'heading') continue;
      const counts = pagesOf.get(box.tag.block) ?? new Map<number, number>();
      counts.set(i, (counts.get(i) ?? 0) + 1);
      pagesOf.set(box.tag.block, counts);
    }
  });
  const problems: string[] = [];
  for (const [block, counts] of pagesOf) {
    if (counts.size < 2) continue;
    for (const [page, lines] of counts) if (lines < 2) problems.push(`page ${page + 1}: a paragraph (block ${block}) has a single line on this page`);
  }
  return problems;
}

/** A page that continues a table starts with the table's header rows. */
export function headerRowsNotRepeated(doc: LaidOutDocument): string[] {
  const headerRows = new Map<number, number>();
  for (const page of doc.pages)
    for (const { box, repeated } of page.placed) if (box.tag.kind === 'row' && box.tag.header && !repeated) headerRows.set(box.tag.table, (headerRows.get(box.tag.table) ?? 0) + 1);
  const problems: string[] = [];
  doc.pages.forEach((page, i) => {
    const body = page.placed.filter((p) => p.box.tag.kind !== 'space');
    const firstOwn = body.findIndex((p) => !p.repeated);
    const first = body[firstOwn]?.box.tag;
    if (first?.kind !== 'row' || first.header) return;
    const wanted = headerRows.get(first.table) ?? 0;
    const repeated = body.slice(0, firstOwn).filter((p) => p.box.tag.kind === 'row' && p.box.tag.table === first.table).length;
    if (repeated !== wanted) problems.push(`page ${i + 1} continues a table with ${repeated} of its ${wanted} header rows`);
  });
  return problems;
}

/** A row is split only when it is taller than a page (with the header rows above it). */
export function rowsSplitNeedlessly(doc: LaidOutDocument): string[] {
  const problems: string[] = [];
  doc.pages.forEach((page, i) => {
    for (const { box } of page.placed) {
      if (box.tag.kind !== 'row' || box.tag.part !== 'head') continue;
      const { table, row } = box.tag;
      const rest = doc.pages[i + 1]?.placed.find((p) => !p.repeated && p.box.tag.kind === 'row' && p.box.tag.table === table && p.box.tag.row === row);
      const headers = (doc.pages[i + 1]?.placed ?? []).filter((p) => p.repeated).reduce((h, p) => h + p.box.height, 0);
      if (!rest) problems.push(`page ${i + 1}: a split row does not continue on the next page`);
      else if (box.tag.height <= doc.geometry.contentHeight - headers) problems.push(`page ${i + 1}: a row that fits on a page was split`);
    }
  });
  return problems;
}

/**
 * A table that fits on a page, with the heading or caption right above it, is on one page; a table split over
 * pages has at least two body rows (its own, not repeated header rows) on each page it is on, or a part of a row
 * taller than a page.
 */
export function tablesSplitBadly(doc: LaidOutDocument): string[] {
  const flat = doc.pages.flatMap((page, i) => page.placed.filter((p) => !p.repeated && p.box.tag.kind !== 'space').map((p) => ({ ...p, page: i })));
  const tables = new Map<number, { first: number; height: number; pages: Map<number, number> }>();
  flat.forEach(({ box: { tag }, page }, k) => {
    if (tag.kind !== 'row') return;
    const t = tables.get(tag.table) ?? { first: k, height: 0, pages: new Map<number, number>() };
    if (tag.part !== 'rest') t.height += tag.height;
    // a page holding a part of a row taller than a page holds as much as it can: count it as two
    if (!tag.header) t.pages.set(page, (t.pages.get(page) ?? 0) + (tag.part === 'whole' ? 1 : 2));
    tables.set(tag.table, t);
  });
  const problems: string[] = [];
  for (const [id, t] of tables) {
    if (t.pages.size < 2) continue;
    // the heading or caption kept with the table
    let above = 0;
    for (let k = t.first - 1; k >= 0; k--) {
      const tag = flat[k]!.box.tag;
      if (tag.kind !== 'heading' && !(tag.kind === 'line' && tag.caption)) break;
      above += flat[k]!.box.height;
    }
    const pages = [...t.pages.keys()].map((p) => p + 1).join(', ');
    if (t.height + above <= doc.geometry.contentHeight) problems.push(`table ${id} fits on a page but is split over pages ${pages}`);
    for (const [page, rows] of t.pages) if (rows < 2) problems.push(`page ${page + 1}: table ${id} has a single body row on this page`);
  }
  return problems;
}

/** The pages' own boxes (no repeated header rows, no space) in order, each with its page. */
function ownBoxes(doc: LaidOutDocument) {
  return doc.pages.flatMap((page, i) => page.placed.filter((p) => !p.repeated && p.box.tag.kind !== 'space').map((p) => ({ ...p, page: i })));
}

/** A note under a table (a draft's 【要確認】 lines) is on the page of the table's last row. */
export function notesApartFromTable(doc: LaidOutDocument): string[] {
  const problems: string[] = [];
  let lastRow: { page: number; table: number } | undefined;
  for (const { box, page } of ownBoxes(doc)) {
    const tag = box.tag;
    if (tag.kind === 'row') lastRow = { page, table: tag.table };
    else if (tag.kind === 'line' && tag.note && lastRow && lastRow.page !== page)
      problems.push(`page ${page + 1}: a note under table ${lastRow.table} is apart from its last row, on page ${lastRow.page + 1}`);
  }
  return problems;
}

/**
 * A table that goes on overleaf fills its page first: the page ends before the table's next row only if that
 * row does not fit in the room left, or if it must go over to leave two body rows on the next page.
 */
export function tablesSplitEarly(doc: LaidOutDocument): string[] {
  const problems: string[] = [];
  const own = ownBoxes(doc);
  doc.pages.slice(0, -1).forEach((page, i) => {
    const next = own.find((p) => p.page === i + 1);
    const last = own.filter((p) => p.page === i).at(-1);
    if (next?.box.tag.kind !== 'row' || last?.box.tag.kind !== 'row' || next.box.tag.table !== last.box.tag.table || next.box.tag.part !== 'whole') return;
    const table = next.box.tag.table;
    const bottom = Math.max(...page.placed.map((p) => p.top + p.box.height));
    const left = own.filter((p) => p.page > i && p.box.tag.kind === 'row' && p.box.tag.table === table && !p.box.tag.header).length;
    if (bottom + next.box.height <= doc.geometry.contentHeight + EPSILON && left > 2)
      problems.push(`page ${i + 1}: table ${table} goes on overleaf though its next row fits in the ${Math.round(doc.geometry.contentHeight - bottom)}pt left`);
  });
  return problems;
}

export function layoutProblems(doc: LaidOutDocument): string[] {
  return [
    ...textOutsideItsBox(doc),
    ...pagesEndingBadly(doc),
    ...widowsAndOrphans(doc),
    ...headerRowsNotRepeated(doc),
    ...rowsSplitNeedlessly(doc),
    ...tablesSplitBadly(doc),
    ...notesApartFromTable(doc),
    ...tablesSplitEarly(doc),
  ];
}
