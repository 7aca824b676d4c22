import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Block, DocumentTree, Inline, Table } from '../src/document/tree.ts';
import { displayText } from '../src/render/displayText.ts';
import { isTableNote, keepsWithNext } from '../src/render/keepWithNext.ts';
import { readPdf } from '../test/helpers/readPdf.ts';

/**
 * Page-layout checks of a PDF read back with poppler (word boxes from `pdftotext -bbox-layout`, text in drawing
 * order from `pdftotext -raw`), against the tree the document was made from. They serve our PDFs and the PDFs
 * LibreOffice makes of our .docx files. Each returns the problems it finds.
 */

/** Page areas in points, measured from the top of the page as poppler does. */
export interface PageAreas {
  left: number;
  right: number;
  /** The body: between these. */
  bodyTop: number;
  bodyBottom: number;
  /** The running header (from the top) and footer (from the bottom of the page) may use these bands. */
  headerTop: number;
  footerBottom: number;
}

interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
interface Word extends Box {
  text: string;
}
interface Line extends Box {
  text: string;
}
interface Page {
  width: number;
  height: number;
  words: Word[];
  lines: Line[];
}

const squash = (s: string) => displayText(s).replace(/\s+/g, '');
// a glyph box from poppler reaches a little above and below what the font's ink needs
const TOLERANCE = 2;

function unescapeHtml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function boxOf(attributes: string): Box {
  const n = (name: string) => Number(attributes.match(new RegExp(`${name}="([^"]+)"`))![1]);
  return { xMin: n('xMin'), yMin: n('yMin'), xMax: n('xMax'), yMax: n('yMax') };
}

export function popplerPages(file: string): Page[] {
  const html = spawnSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 }).stdout;
  return [...html.matchAll(/<page width="([^"]+)" height="([^"]+)">([\s\S]*?)<\/page>/g)].map((p) => {
    const lines = [...p[3]!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map((l) => {
      const words = [...l[2]!.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((w) => ({ ...boxOf(w[1]!), text: unescapeHtml(w[2]!) }));
      return { ...boxOf(l[1]!), text: words.map((w) => w.text).join(''), words };
    });
    return { width: Number(p[1]), height: Number(p[2]), lines, words: lines.flatMap((l) => l.words) };
  });
}

/** Each page's text in the order it was drawn, without whitespace. */
export function drawnText(file: string, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) =>
    squash(spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 }).stdout),
  );
}

const inside = (w: Box, b: Box, t = TOLERANCE) => w.xMin >= b.xMin - t && w.xMax <= b.xMax + t && w.yMin >= b.yMin - t && w.yMax <= b.yMax + t;
const overlaps = (w: Box, b: Box) => w.xMin < b.xMax && w.xMax > b.xMin && w.yMin < b.yMax && w.yMax > b.yMin;

/** Every glyph inside the body, the header band (not on page 1) or the footer band, and inside its table cell. */
export async function glyphsOutOfPlace(file: string, areas: PageAreas): Promise<string[]> {
  const pages = popplerPages(file);
  const { rects } = await readPdf(readFileSync(file));
  const problems: string[] = [];
  pages.forEach((page, i) => {
    const bands: Box[] = [
      { xMin: areas.left, xMax: page.width - areas.right, yMin: areas.bodyTop, yMax: page.height - areas.bodyBottom },
      { xMin: areas.left, xMax: page.width - areas.right, yMin: page.height - areas.bodyBottom, yMax: page.height - areas.footerBottom },
      ...(i > 0 ? [{ xMin: areas.left, xMax: page.width - areas.right, yMin: areas.headerTop, yMax: areas.bodyTop }] : []),
    ];
    // cell borders, turned into poppler's top-down coordinates
    const cells = rects[i]!.map((r) => ({ xMin: r.x, xMax: r.x + r.width, yMin: page.height - r.y - r.height, yMax: page.height - r.y }));
    // the draft watermark lies over the page on purpose; no text the writer sets is this tall
    for (const word of page.words.filter((w) => w.yMax - w.yMin < 40)) {
      if (!bands.some((b) => inside(word, b))) problems.push(`page ${i + 1}: 「${word.text}」 lies outside the body, header and footer`);
      // a word that overlaps a cell but is not inside it runs through the cell's border
      const crossed = cells.find((c) => overlaps(word, c) && !inside(word, c, 0.5) && !inside(c, word, 0));
      if (crossed) problems.push(`page ${i + 1}: 「${word.text}」 runs through a table border`);
    }
  });
  return problems;
}

function inlineText(children: readonly Inline[]): string {
  return children.map((c) => (c.type === 'text' ? c.text : '')).join('');
}

/** What the tree says must not end a page (headings and captions), and its paragraphs. */
function treeFacts(tree: DocumentTree) {
  const keep: string[] = [];
  const paragraphs: string[] = [];
  const tables: Table[] = [];
  const walk = (blocks: readonly Block[], top: boolean) =>
    blocks.forEach((b) => {
      if (top && keepsWithNext(b) && (b.type === 'heading' || b.type === 'paragraph')) keep.push(squash(inlineText(b.children)));
      else if (b.type === 'paragraph') paragraphs.push(squash(inlineText(b.children)));
      if (b.type === 'list') b.items.forEach((item) => walk(item, top));
      if (b.type === 'table' && top) tables.push(b);
    });
  walk(tree.body, true);
  return { keep: keep.filter((k) => k.length > 0), paragraphs, tables };
}

/** The last line of a page's body is not a heading or a caption (on every page but the last). */
export function headingsAtPageFoot(file: string, tree: DocumentTree, areas: PageAreas): string[] {
  const { keep } = treeFacts(tree);
  const pages = popplerPages(file);
  const problems: string[] = [];
  pages.slice(0, -1).forEach((page, i) => {
    const body = page.lines.filter((l) => l.yMin >= areas.bodyTop - TOLERANCE && l.yMax <= page.height - areas.bodyBottom + TOLERANCE);
    const bottom = Math.max(...body.map((l) => l.yMax));
    const last = squash(body.filter((l) => l.yMax > bottom - TOLERANCE).map((l) => l.text).join(''));
    const above = body.filter((l) => l.yMax <= bottom - TOLERANCE);
    const lineAbove = above.length ? squash(above.filter((l) => l.yMax > Math.max(...above.map((a) => a.yMax)) - TOLERANCE).map((l) => l.text).join('')) : '';
    // the page ends with a heading when its last line is the heading, or the end of a heading whose line above
    // is that heading's too (a table cell that merely ends with the same word, 「…交換」, is not a heading)
    const heading = keep.find((k) => last.length > 1 && (k === last || (k.endsWith(last) && k.endsWith(lineAbove + last))));
    if (heading) problems.push(`page ${i + 1} ends with 「${heading}」`);
  });
  return problems;
}

/**
 * No paragraph split over pages leaves a single line on either side: at a page boundary inside a paragraph,
 * the two lines before it and the two after it all belong to that paragraph.
 */
export function widowsAndOrphans(file: string, tree: DocumentTree, areas: PageAreas): string[] {
  const { paragraphs } = treeFacts(tree);
  const pages = popplerPages(file).map((page) =>
    page.lines
      .filter((l) => l.yMin >= areas.bodyTop - TOLERANCE && l.yMax <= page.height - areas.bodyBottom + TOLERANCE)
      .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
      .map((l) => squash(l.text))
      .filter((t) => t.length > 0),
  );
  const problems: string[] = [];
  for (let i = 0; i + 1 < pages.length; i++) {
    const [before, after] = [pages[i]!, pages[i + 1]!];
    const [last, first] = [before.at(-1), after[0]];
    if (!last || !first) continue;
    const paragraph = paragraphs.find((p) => p.includes(last + first));
    if (!paragraph) continue;
    const previous = before.at(-2);
    const next = after[1];
    if (!previous || !paragraph.includes(previous + last)) problems.push(`page ${i + 1} ends with the first line of a paragraph alone: 「${last}」`);
    if (!next || !paragraph.includes(first + next)) problems.push(`page ${i + 2} starts with the last line of a paragraph alone: 「${first}」`);
  }
  return problems;
}

/** Where a table's body row is drawn on a later page than the table's start, that page shows the header rows before it. */
export function headerRowsMissing(file: string, tree: DocumentTree): string[] {
  const { tables } = treeFacts(tree);
  const pages = drawnText(file, popplerPages(file).length);
  const problems: string[] = [];
  const rowText = (t: Table, r: number) => squash(t.rows[r]!.cells.map((c) => c.children.map(blockText).join('')).join(''));
  for (const table of tables) {
    let headerRows = 0;
    while (headerRows < table.rows.length && table.rows[headerRows]!.header) headerRows++;
    if (!headerRows || headerRows === table.rows.length) continue;
    const header = Array.from({ length: headerRows }, (_, r) => rowText(table, r)).join('');
    const start = pages.findIndex((p) => p.includes(header + rowText(table, headerRows)));
    if (start < 0) continue;
    for (let r = headerRows + 1; r < table.rows.length; r++) {
      const row = rowText(table, r);
      if (row.length < 6) continue; // too short to find in one place only
      const page = pages.findIndex((p, i) => i > start && p.includes(row));
      if (page < 0) continue;
      const at = pages[page]!.indexOf(row);
      if (!pages[page]!.slice(0, at).includes(header)) problems.push(`page ${page + 1} continues a table without its header rows (「${header.slice(0, 20)}」)`);
    }
  }
  return problems;
}

/** The longest paragraph in `blocks` (in list items and tables too), without whitespace: what finds a row on a page. */
function longestParagraph(blocks: readonly Block[]): string {
  let longest = '';
  const walk = (list: readonly Block[]) =>
    list.forEach((b) => {
      if (b.type === 'paragraph' || b.type === 'heading') {
        const text = squash(inlineText(b.children));
        if (text.length > longest.length) longest = text;
      } else if (b.type === 'list') b.items.forEach(walk);
      else if (b.type === 'table') b.rows.forEach((r) => r.cells.forEach((c) => walk(c.children)));
    });
  walk(blocks);
  return longest;
}

/** Each body table right under a heading: the heading's text and, for each body row, its longest paragraph. */
export function tablesUnderHeadings(tree: DocumentTree): { heading: string; rows: string[] }[] {
  const out: { heading: string; rows: string[] }[] = [];
  tree.body.forEach((block, i) => {
    const before = tree.body[i - 1];
    if (block.type !== 'table' || before?.type !== 'heading') return;
    const rows = block.rows.filter((r) => !r.header).map((r) => longestParagraph(r.cells.flatMap((c) => c.children)));
    out.push({ heading: squash(inlineText(before.children)), rows });
  });
  return out;
}

/**
 * Tables under headings as the pages show them (text in drawing order): a table that `fits` on a page has its
 * heading and its last row on the same page; a table split over pages has its first two body rows on its
 * heading's page and its last two on one page. A row is looked for from the page of the row before it.
 */
export function tablesParted(file: string, tree: DocumentTree, fits: (heading: string) => boolean): string[] {
  const pages = drawnText(file, popplerPages(file).length);
  const problems: string[] = [];
  for (const { heading, rows } of tablesUnderHeadings(tree)) {
    const start = pages.findIndex((p) => p.includes(heading));
    if (start < 0 || !rows.length) {
      problems.push(`「${heading}」 not found`);
      continue;
    }
    let cursor = start;
    const pageOf = rows.map((row) => {
      const at = pages.findIndex((p, i) => i >= cursor && p.includes(row));
      if (at >= 0) cursor = at;
      return at;
    });
    const name = heading.slice(0, 24);
    if (pageOf.includes(-1)) problems.push(`「${name}」: row ${pageOf.indexOf(-1) + 1} not found`);
    else if (fits(heading)) {
      if (pageOf.at(-1) !== start) problems.push(`「${name}」 fits on a page but its last row is on page ${pageOf.at(-1)! + 1}, its heading on page ${start + 1}`);
    } else if (rows.length >= 4) {
      if (pageOf[1] !== start) problems.push(`「${name}」: its second row is not on its heading's page ${start + 1}`);
      if (pageOf.at(-2) !== pageOf.at(-1)) problems.push(`「${name}」: its last row is alone on page ${pageOf.at(-1)! + 1}`);
      // between the first page and the last, too: two rows or more on each page the table is on
      for (const page of new Set(pageOf.slice(2, -2)))
        if (pageOf.filter((p) => p === page).length < 2) problems.push(`「${name}」: a single row on page ${page + 1}`);
    }
  }
  return problems;
}

/**
 * Each note under a body table (a draft's 【要確認】 lines) is on the page of the table's last row. The tables,
 * their rows and their notes are looked for in the order of the body, each from where the one before it was
 * found (notes repeat from one measure to the next); a row by the start of its longest paragraph, a note by its
 * start (either may go on overleaf).
 */
export function notesApart(file: string, tree: DocumentTree): string[] {
  const pages = drawnText(file, popplerPages(file).length);
  const problems: string[] = [];
  let cursor = { page: 0, at: 0 };
  const find = (text: string) => {
    for (let page = cursor.page; page < pages.length; page++) {
      const at = pages[page]!.indexOf(text, page === cursor.page ? cursor.at : 0);
      if (at >= 0) return (cursor = { page, at: at + text.length }).page;
    }
    return -1;
  };
  tree.body.forEach((block, i) => {
    if (block.type !== 'table') return;
    const rows = block.rows.filter((r) => !r.header).map((r) => longestParagraph(r.cells.flatMap((c) => c.children)).slice(0, 16));
    let last = -1;
    for (const row of rows) if (row.length >= 2) last = find(row);
    for (let k = i + 1; k < tree.body.length && isTableNote(tree.body, k); k++) {
      const note = squash(blockText(tree.body[k]!)).slice(0, 24);
      const page = find(note);
      if (page < 0 || last < 0) problems.push(`the note 「${note}」 or its table's last row not found`);
      else if (page !== last) problems.push(`page ${page + 1}: the note 「${note}」 is apart from its table's last row on page ${last + 1}`);
    }
  });
  return problems;
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.children);
    case 'list':
      return block.items.map((item) => item.map(blockText).join('')).join('');
    case 'table':
      return block.rows.map((r) => r.cells.map((c) => c.children.map(blockText).join('')).join('')).join('');
    case 'pagebreak':
      return '';
  }
}

const FONTS_CONF = fileURLToPath(new URL('./fonts.conf', import.meta.url));

/** Converts a .docx with LibreOffice, setting ＭＳ 明朝 in IPAex明朝 (see fonts.conf); returns the PDF's path. */
export function convertWithLibreOffice(docx: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tos-lo-'));
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docx], {
    encoding: 'utf8',
    env: { ...process.env, HOME: dir, FONTCONFIG_FILE: FONTS_CONF },
  });
  const pdf = join(dir, `${basename(docx, '.docx')}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice could not convert ${docx}: ${r.stderr}`);
  return pdf;
}
