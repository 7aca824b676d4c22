import type { TextBlock } from './textBlock.ts';

/**
 * A page's text pieces (as a PDF draws them) grouped into lines by their baseline and into paragraphs by how
 * the lines follow each other: a wider gap than the page's usual line pitch, a change of type size, a line that
 * starts with a number or bullet (（１）①ア・…), an indented first line or a line that ended short of the text's
 * right edge ends a paragraph. Type larger than the page's body text makes a heading. Page numbers in the top
 * and bottom margins are left out.
 */

export interface PositionedText {
  text: string;
  /** The baseline's start, in PDF points (y grows upwards). */
  x: number;
  y: number;
  width: number;
  size: number;
  eol: boolean;
}

export interface PageBox {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

interface Segment {
  x: number;
  /** its baseline (pieces a little above or below the line's are on it too) */
  y: number;
  /** where a piece was joined on across a gap (x, and where its text starts): a table's column may start there */
  joints?: { x: number; at: number }[];
  right: number;
  text: string;
}

interface Line {
  y: number;
  left: number;
  right: number;
  size: number;
  text: string;
  /** where each run of text separated by a wide gap starts (the columns of a table row) */
  starts: number[];
  /** the runs themselves */
  segments: Segment[];
  /** where the text after a leading number or bullet starts (a hanging indent's left edge) */
  hang?: number;
  /** that number or bullet, when a tab's gap follows it (as Word sets its list numbers) */
  label?: string;
}

/** A line that starts an item: （１） (1) 【１】 1. １． ① ⑴ ア． イ） ・ ● ■ ◆ ○ 第1 一、 */
export const ITEM_START =
  /^\s*(?:[（(][0-9０-９一二三四五六七八九十ア-ンa-zA-Zａ-ｚＡ-Ｚ]{1,3}[）)]|[【［\[〔][0-9０-９一二三四五六七八九十]{1,3}[】］\]〕]|[0-9０-９]{1,3}(?:[.．、）)]|\s)|[①-⑳㉑-㉟⑴-⒇⒈-⒛]|[ア-ン一二三四五六七八九十](?:[.．、）)]|[ \u3000])|[・●■◆◇□○◎▪•※\-－]\s?|第[0-9０-９一二三四五六七八九十]+[章節条項])/u;

/** A run that is only an item's number or bullet: （１） 1. ア ① ・ */
const LABEL_ONLY = /^(?:[（(][0-9０-９一二三四五六七八九十ア-ンa-zA-Z]{1,3}[）)]|[【［\[〔][0-9０-９一二三四五六七八九十]{1,3}[】］\]〕]|[0-9０-９]{1,3}[.．、）)]?|[①-⑳⑴-⒇]|[ア-ン][.．、）)]?|[・●■◆◇□○◎▪•※]|第[0-9０-９一二三四五六七八九十]+[章節条項]?)$/u;

const PAGE_NUMBER = /^[-－‐—―\s]*(?:[pP][.．]?\s*)?[0-9０-９]{1,4}\s*(?:[/／]\s*[0-9０-９]{1,4})?\s*(?:ページ|頁)?[-－‐—―\s]*$/u;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/** Two pieces of text side by side: a space between them only where the gap or the script asks for one. */
function joinPieces(left: string, right: string, gap: number, size: number): string {
  if (!left) return right;
  if (/\s$/.test(left) || /^\s/.test(right)) return left + right;
  // LibreOffice and Word set a quarter em between Japanese and Latin script (autospace): not a space typed
  const cjk = CJK.test(left.at(-1) ?? '') || CJK.test(right[0] ?? '');
  if (gap > size * (cjk ? 0.35 : 0.2)) return `${left} ${right}`;
  return left + right;
}

/** Lines of one paragraph: Japanese runs on without a space; words of Latin script get one. */
export function joinLines(a: string, b: string): string {
  const last = a.at(-1) ?? '';
  const first = b[0] ?? '';
  if (!a) return b;
  if (CJK.test(last) || CJK.test(first) || /[-‐]$/.test(a)) return a + b;
  return `${a} ${b}`;
}

/** A check table's answer mark: done, partly, not. */
const STATUS_MARK = /^[○◯〇△▲×✕✗✓✔]$/u;

/** Bullets drawn from symbol fonts (Symbol, Wingdings) come as private-use characters: read as the bullet they are. */
const PRIVATE_BULLET = /^[\uf000-\uf0ff]$/;

function linesOf(items: readonly PositionedText[]): Line[] {
  const pieces = items
    .filter((i) => i.text.length > 0 && Number.isFinite(i.x) && Number.isFinite(i.y))
    .map((i) => (PRIVATE_BULLET.test(i.text.trim()) ? { ...i, text: '・' } : i));
  // by baseline from the top, then from the left
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PositionedText[][] = [];
  for (const piece of sorted) {
    const row = rows.at(-1);
    const size = Math.max(1, piece.size);
    if (row && Math.abs(row[0]!.y - piece.y) <= size * 0.4) row.push(piece);
    else rows.push([piece]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    const starts: number[] = [];
    const segments: Segment[] = [];
    let size = 0;
    let hang: number | undefined;
    let label: string | undefined;
    let spaceItem = false;
    for (const piece of row) {
      const gap = piece.x - end;
      // PDF.js adds a space item where it sees a gap; the gap itself decides (joinPieces)
      if (!piece.text.trim()) {
        spaceItem = true;
        continue;
      }
      // spaces typed in the text (全角スペース: 住所　…, （４）　…) fill whole ems; a gap between cells seldom does
      const ems = gap / piece.size;
      const typed = spaceItem && ems > 0.9 && ems < 3.1 && Math.abs(ems - Math.round(ems)) < 0.08;
      spaceItem = false;
      // a gap of half an em or more separates runs (table cells, 住所　…); Japanese and Latin are set a fifth apart
      // …except after a number or bullet (（１）　…, ア　…), and in letter-spaced words (住　所, 殿)
      const lastSeg = segments.at(-1);
      // (a mark or number alone in its cell, ○ × △ 済 3, is followed by the next cell over an em and a quarter away)
      const joins = lastSeg !== undefined && ((lastSeg.text.length <= 1 && ems < 1.25) || /^[殿様]$/.test(piece.text.trim()) || (LABEL_ONLY.test(lastSeg.text) && ems < 1.25));
      // a check table's mark alone (○ △ ×) with its cell's text two ems on is two cells, however even the gap
      const markCell = lastSeg !== undefined && STATUS_MARK.test(lastSeg.text) && ems >= 1.5;
      // Japanese set solid has no gap between characters: a third of an em between two is a cell's padding
      const solid = CJK.test(lastSeg?.text.at(-1) ?? '') && CJK.test(piece.text.trim()[0] ?? '');
      if (!starts.length || (gap > piece.size * (solid ? 0.3 : 0.45) && !joins && (!typed || markCell))) {
        starts.push(piece.x);
        segments.push({ x: piece.x, y: piece.y, right: piece.x + piece.width, text: piece.text.trim() });
      } else {
        const seg = segments.at(-1)!;
        if (gap > piece.size * 0.15) (seg.joints ??= []).push({ x: piece.x, at: seg.text.length });
        seg.text = joinPieces(seg.text, piece.text, gap, piece.size).trim();
        seg.right = piece.x + piece.width;
      }
      if (hang === undefined && text && LABEL_ONLY.test(text.trim()) && segments.length === 1) {
        hang = piece.x;
        if (gap > piece.size * 0.45) label = text.trim();
      }
      text = joinPieces(text, piece.text, gap, piece.size);
      end = Math.max(end, piece.x + piece.width);
      size = Math.max(size, piece.size);
    }
    text = text.trim();
    if (!text) continue;
    lines.push({ y: row[0]!.y, left: starts[0] ?? row[0]!.x, right: end, size: size || row[0]!.size, text, starts, segments, ...(hang !== undefined ? { hang } : {}), ...(label !== undefined ? { label } : {}) });
  }
  return lines;
}

const median = (values: number[]) => {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** The type size most of the page's characters are set in. */
function bodySize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) {
    const key = Math.round(l.size * 2) / 2;
    weight.set(key, (weight.get(key) ?? 0) + l.text.length);
  }
  let best = 0;
  let most = -1;
  for (const [size, w] of weight) if (w > most) (best = size), (most = w);
  return best;
}

/** A line that goes on in a later column of the line before (a table cell's text wrapped within its cell), or under the text of an item after its number or bullet. */
const continuesColumn = (prev: Line, line: Line) =>
  prev.starts.slice(1).some((s) => Math.abs(s - line.left) < line.size * 0.6) || (prev.hang !== undefined && Math.abs(prev.hang - line.left) < line.size * 0.6);

/** A block of a page, and whether it stands in the page's top or bottom margin (a running header or footer?). */
export type PageBlock = Omit<TextBlock, 'index' | 'page'> & {
  inMargin: boolean;
  /** for a table cell: the left edges of its table's columns on the page */
  columns?: readonly number[];
};

/** A table found on a page: its cells by row and column (the table's number is set per document). */
interface TableCells {
  /** the left edges of its columns (a table going on at the top of the next page has the same) */
  columns: number[];
  cells: { row: number; column: number; text: string }[];
}

/**
 * Runs of lines that form a table: each line of two or more runs (a row of cells, 住所　… and its value), with the
 * single-run lines between them whose run stands in one of their columns (a cell's text wrapped in its cell).
 * The map gives, for the first line of each table, its cells, and marks the table's other lines 'inside'.
 */
function tableRegions(lines: readonly Line[], pitch: number, columnsAbove?: readonly number[]): Map<number, TableCells | 'inside'> {
  const out = new Map<number, TableCells | 'inside'>();
  /** Two single runs closer than a line apart, in different places: cells of one row set at different heights. */
  const interleaved = (k: number) => {
    const a = lines[k];
    const b = lines[k + 1];
    return !!a && !!b && a.segments.length === 1 && b.segments.length === 1 && a.y - b.y < a.size * 0.8 && Math.abs(a.left - b.left) > a.size * 2;
  };
  const rowLike = (k: number) => lines[k]!.segments.length >= 2 || interleaved(k) || (k > 0 && interleaved(k - 1));
  let i = 0;
  while (i < lines.length) {
    if (!rowLike(i)) {
      i++;
      continue;
    }
    const size = lines[i]!.size;
    const starts: number[] = [...lines[i]!.starts, ...(interleaved(i) ? lines[i + 1]!.starts : [])];
    const bodyStarts: number[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      const prev = lines[j - 1]!;
      if (prev.y - line.y > Math.max(pitch, size * 1.2) * 2.2 || Math.abs(line.size - size) > size * 0.12) break;
      if (rowLike(j)) {
        bodyStarts.push(...line.starts);
        continue;
      }
      // a single run at the table's left edge is a wrapped first cell only if it ends before the second column
      const seg = line.segments[0]!;
      const sorted = clusters(bodyStarts.length ? bodyStarts : starts, size);
      // cells' text is set in from the table's edge: a line a little left of the first column is the page's text
      if (seg.x < sorted[0]! - 1 && seg.x > sorted[0]! - size) break;
      if (seg.x <= sorted[0]! + size) {
        if (sorted.length < 2 || seg.right > sorted[1]! + size * 0.5) break;
        if (ITEM_START.test(seg.text)) break;
      }
    }
    // a table has at least two rows of runs; one line of label and value is a paragraph
    const rows = lines.slice(i, j);
    // …or the rest of a table from the page before, in its columns
    const goesOn = !!columnsAbove && i === 0 && lines[0]!.starts.every((x) => columnsAbove.some((c) => Math.abs(c - x) < size * 0.6));
    if (rows.filter((_, k) => rowLike(i + k)).length < (goesOn ? 1 : 2)) {
      i++;
      continue;
    }
    // columns from the body rows (a header's names are often centred), else from the first row
    const body = rows.slice(1).filter((_, k) => rowLike(i + 1 + k)).flatMap((l) => l.starts);
    // …and where the wrapped lines of a cell start, when two or more lines start there
    const wrapped = rows.slice(1).filter((l) => l.segments.length === 1).map((l) => l.left);
    const repeated = wrapped.filter((x) => wrapped.filter((y) => Math.abs(x - y) < size * 0.6).length >= 2);
    const found = clusters(body.length ? [...body, ...repeated] : rows[0]!.starts, size);
    // a run between the rows that starts left of every column is a first column's cell centred in its row
    const leftOf = rows.filter((l) => l.left < found[0]! - size).map((l) => l.left);
    let columns = clusters([...found, ...leftOf], size);
    // the table at the top of a page going on from the page before: its columns, where this page's fit them
    // (a column whose every cell here was joined to the one before it is still there)
    if (columnsAbove && i === 0 && columns.every((c) => columnsAbove.some((a) => Math.abs(a - c) < size * 0.6))) columns = [...columnsAbove];
    // a cell's text may start above the row's first line of two runs (the row's other cells centred in it)
    let first = i;
    const taken = (k: number) => out.has(k);
    while (first > 0 && !taken(first - 1)) {
      const line = lines[first - 1]!;
      const seg = line.segments[0]!;
      const inColumn =
        line.segments.length === 1 &&
        (columns.slice(1).some((c) => Math.abs(c - line.left) < size * 0.6) ||
          (Math.abs(columns[0]! - line.left) < size * 0.6 && columns[1] !== undefined && seg.right < columns[1]));
      if (!inColumn || line.y - lines[first]!.y > size * 1.6 || Math.abs(line.size - size) > size * 0.12) break;
      first--;
    }
    out.set(first, tableCells(lines.slice(first, j).map((l) => splitAtColumns(l, columns, size)), columns, size));
    for (let k = first + 1; k < j; k++) out.set(k, 'inside');
    i = j;
  }
  return out;
}

/** A line's runs split where a piece joined on across a gap starts at a table's column (「16　サーバ」, 「状況　内容」). */
function splitAtColumns(line: Line, columns: readonly number[], size: number): Line {
  if (!line.segments.some((s) => s.joints?.length)) return line;
  const segments = line.segments.flatMap((seg) => {
    const cuts = (seg.joints ?? []).filter((j) => columns.some((c) => Math.abs(c - j.x) < size * 0.3));
    if (!cuts.length) return [seg];
    const parts: Segment[] = [];
    let x = seg.x;
    let from = 0;
    for (const cut of cuts) {
      parts.push({ x, y: seg.y, right: cut.x, text: seg.text.slice(from, cut.at).trim() });
      x = cut.x;
      from = cut.at;
    }
    parts.push({ x, y: seg.y, right: seg.right, text: seg.text.slice(from).trim() });
    return parts.filter((p) => p.text);
  });
  return { ...line, segments, starts: segments.map((s) => s.x) };
}

/**
 * Lines' runs split where a piece joined on across a gap starts where runs of two or more other lines start
 * (a column: 「16　サーバ」 under 「1」 and 「資産」), or where a column of the table above starts.
 */
function splitAtStarts(lines: readonly Line[], columnsAbove: readonly number[] = []): Line[] {
  const starts = lines.filter((l) => l.segments.length >= 2).flatMap((l) => l.starts).sort((a, b) => a - b);
  const near = median(lines.map((l) => l.size)) * 0.3;
  // in order, a start with another within 0.3 em of it (a neighbour in the sorted list)
  const shared = starts.filter((x, k) => (k > 0 && x - starts[k - 1]! < near) || (k + 1 < starts.length && starts[k + 1]! - x < near));
  const columns = [...columnsAbove, ...shared];
  return lines.map((line) => (columns.length ? splitAtColumns(line, columns, line.size) : line));
}

/** Positions within 0.6 em of each other taken as one (the left edge of a column), in order. */
function clusters(xs: readonly number[], size: number): number[] {
  const out: number[] = [];
  for (const x of [...xs].sort((a, b) => a - b)) if (!out.length || x - out.at(-1)! > size * 0.6) out.push(x);
  return out;
}

/**
 * The cells of a table's lines. Each run goes to the column whose span holds its middle; down each column, the
 * runs that follow at a wrapped line's pitch, after a line that filled the column, are one cell. Rows are the
 * bands of height that cells of different columns share; a cell that spans two or more cells of another column
 * is merged down over their rows and stands in the first. A table whose cells are centred in their rows sets the
 * text of a first-column cell merged down in the middle of its rows: it is moved up to the first row it covers.
 */
function tableCells(lines: readonly Line[], columns: readonly number[], size: number): TableCells {
  const columnOf = (seg: Segment) => {
    const middle = (seg.x + seg.right) / 2;
    let best = 0;
    columns.forEach((c, k) => {
      if (c <= Math.min(middle, seg.x + size * 0.6)) best = k;
    });
    return best;
  };
  const runs = new Map<number, { y: number; text: string; right: number }[]>();
  for (const line of lines) {
    for (const seg of line.segments) {
      const column = columnOf(seg);
      const list = runs.get(column) ?? [];
      const last = list.at(-1);
      // two runs of one line in one column: one text
      if (last && Math.abs(last.y - seg.y) < size * 0.4) {
        last.text = `${last.text} ${seg.text}`;
        last.right = seg.right;
      } else list.push({ y: seg.y, text: seg.text, right: seg.right });
      runs.set(column, list);
    }
  }
  // the pitch of a cell's wrapped lines: the closest step between two lines of one column that is seen twice
  // or more (a row's cells may be centred, so lines of different columns interleave closer than that; rows of
  // one line each may follow at a step seen more often; a wider step in a column is the next row)
  const steps = new Map<number, number>();
  for (const list of runs.values())
    for (let k = 1; k < list.length; k++) {
      const step = Math.round((list[k - 1]!.y - list[k]!.y) * 2) / 2;
      if (step >= size * 0.9 && step <= size * 1.6) steps.set(step, (steps.get(step) ?? 0) + 1);
    }
  const seen = [...steps].sort(([a], [b]) => a - b);
  const cellPitch = (seen.find(([, n]) => n >= 2) ?? seen[0])?.[0] ?? (size * 1.6) / 1.1;
  const wrapStep = cellPitch * 1.1;
  // rows set apart by more than a wrapped line's pitch (a cell's padding) are told by that step, and a line that
  // ends short is a paragraph's end within the cell; rows set at the pitch of the lines are told by a short line
  const padded = [...runs.values()].some((list) => list.some((r, k) => k > 0 && list[k - 1]!.y - r.y > wrapStep && list[k - 1]!.y - r.y < size * 3));
  interface Cell {
    column: number;
    parts: string[];
    top: number;
    bottom: number;
    right: number;
    row: number;
  }
  /** The cells down each column; `rowsAt`: baselines where a row starts in every column (a table without padding). */
  const cellsDown = (rowsAt: readonly number[]) => {
    const out: Cell[] = [];
    for (const [column, list] of runs) {
      // a column's text wraps before the next column starts; the last column's right edge is its widest line
      const right = columns[column + 1] ?? Math.max(...list.map((r) => r.right));
      let open: Cell | undefined;
      for (const run of list) {
        const short = open !== undefined && open.right < right - size * 2.5;
        const rowStarts = rowsAt.some((y) => Math.abs(y - run.y) < size * 0.4);
        if (!open || open.bottom - run.y > wrapStep || (short && !padded) || rowStarts) {
          open = { column, parts: [], top: run.y, bottom: run.y, right: run.right, row: 0 };
          out.push(open);
        } else if (short) open.parts.push('\n');
        // (a paragraph that ends short within a cell: the next stands on a line of its own, as the Word reader gives it)
        open.parts.push(run.text);
        open.bottom = run.y;
        open.right = run.right;
      }
    }
    return out;
  };
  // without padding, a row that starts in one column (after a short line) starts in all: lines of every column
  // follow at one pitch, and only the short line tells
  const first = cellsDown([]);
  const cells = padded ? first : cellsDown(first.map((c) => c.top).filter((y) => y < Math.max(...first.map((c) => c.top))));
  // a cell's height on the page, from its first line's top to its last line's baseline
  const high = (c: Cell) => c.top + size * 0.7;
  const low = (c: Cell) => c.bottom - size * 0.1;
  const overlaps = (a: Cell, b: Cell) => high(a) > low(b) && high(b) > low(a);
  const spansSeveral = (c: Cell) => {
    const counts = new Map<number, number>();
    for (const o of cells) if (o.column !== c.column && overlaps(c, o)) counts.set(o.column, (counts.get(o.column) ?? 0) + 1);
    return [...counts.values()].some((n) => n >= 2);
  };
  const single = cells.filter((c) => !spansSeveral(c)).sort((a, b) => high(b) - high(a));
  const bands: { high: number; low: number; cells: Cell[] }[] = [];
  for (const cell of single) {
    const band = bands.at(-1);
    if (band && high(cell) > band.low) {
      band.low = Math.min(band.low, low(cell));
      band.cells.push(cell);
    } else bands.push({ high: high(cell), low: low(cell), cells: [cell] });
  }
  bands.forEach((band, k) => band.cells.forEach((c) => (c.row = k)));
  for (const cell of cells) if (spansSeveral(cell)) cell.row = Math.max(0, bands.findIndex((b) => b.high > low(cell) && high(cell) > b.low));
  if (centred(bands, size)) {
    const lead = cells.filter((c) => c.column === 0).sort((a, b) => a.row - b.row);
    let from = 0;
    lead.forEach((cell, k) => {
      const before = lead[k + 1]?.row ?? bands.length;
      const middle = (high(cell) + low(cell)) / 2;
      // the rows from `start` on whose middle is nearest the cell's text, and how near
      const span = (start: number) => {
        let best = { end: start, off: Infinity };
        for (let e = Math.max(start, cell.row); e < before; e++) {
          const off = Math.abs((bands[start]!.high + bands[e]!.low) / 2 - middle);
          if (off < best.off) best = { end: e, off };
        }
        return best;
      };
      const own = span(cell.row);
      const up = from < cell.row ? span(from) : own;
      // rows above it that no first cell stands in are its own, when it stands about as well in their middle
      if (from < cell.row && up.off <= own.off + size * 0.25) {
        cell.row = from;
        from = up.end + 1;
      } else from = own.end + 1;
    });
  }
  const ordered = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  return { columns: [...columns], cells: ordered.map((c) => ({ row: c.row, column: c.column, text: c.parts.reduce((a, b) => (b === '\n' || a.endsWith('\n') ? a + b : joinLines(a, b)), '') })) };
}

/** Whether a table centres its cells' text in their rows: a short cell stands about the middle of its row, not at its top. */
function centred(bands: readonly { high: number; low: number; cells: readonly { top: number; bottom: number }[] }[], size: number): boolean {
  let middle = 0;
  let top = 0;
  for (const band of bands) {
    const tallest = Math.max(...band.cells.map((c) => c.top - c.bottom));
    for (const c of band.cells) {
      if (tallest - (c.top - c.bottom) < size) continue;
      const bandMiddle = (band.high + band.low) / 2 - size * 0.3;
      if (Math.abs((c.top + c.bottom) / 2 - bandMiddle) < size * 0.5) middle++;
      else if (Math.abs(c.top + size * 0.7 - band.high) < size * 0.5) top++;
    }
  }
  return middle > top;
}

/**
 * The blocks of one page. `columnsAbove`: the columns of a table that ended the page before, for a table that
 * goes on at the top of this page.
 */
export function groupPageText(items: readonly PositionedText[], box: PageBox, columnsAbove?: readonly number[]): PageBlock[] {
  const height = box.top - box.bottom || 842;
  const inMargin = (l: Line) => l.y < box.bottom + height * 0.08 || l.y > box.top - height * 0.08;
  const all = linesOf(items);
  // a page number stands apart; a number with text a line above or below it is a table's cell (No. 14)
  const alone = (l: Line) => !all.some((o) => o !== l && Math.abs(o.y - l.y) < l.size * 1.8);
  const found = all.filter((l) => !(inMargin(l) && PAGE_NUMBER.test(l.text) && alone(l)));
  const lines = splitAtStarts(found, columnsAbove);
  if (!lines.length) return [];
  const body = bodySize(lines);
  const textRight = Math.max(...lines.map((l) => l.right));
  const textLeft = Math.min(...lines.map((l) => l.left));
  const pitches = lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((d) => d > 0 && d < body * 3);
  const pitch = median(pitches) || body * 1.5;
  const isHeadingSize = (size: number) => size > body * 1.15;

  const regions = tableRegions(lines, pitch, columnsAbove);
  const groups: (Line[] | TableCells)[] = [];
  for (const [i, line] of lines.entries()) {
    const region = regions.get(i);
    if (region === 'inside') continue;
    if (region) {
      groups.push(region);
      continue;
    }
    const prev = i > 0 && !regions.has(i - 1) ? lines[i - 1]! : undefined;
    const last = groups.at(-1);
    const group = Array.isArray(last) ? last : undefined;
    const startsNew =
      !prev ||
      !group ||
      prev.y - line.y > Math.max(pitch, line.size * 1.25) * 1.3 ||
      Math.abs(prev.size - line.size) > Math.max(prev.size, line.size) * 0.12 ||
      (ITEM_START.test(line.text) && !(prev?.hang !== undefined && Math.abs(prev.hang - line.left) < line.size * 0.6) && !(group && group[0]!.hang !== undefined && Math.abs(group[0]!.hang - line.left) < line.size * 0.6)) ||
      // a row of label and value (住所　…, a table row) is followed by the next row at the first column
      (prev.starts.length > 1 && Math.abs(line.left - prev.left) < line.size * 0.6) ||
      // a line set to the right or centred (the date, 殿) stands alone
      (prev.left > textLeft + prev.size * 4 && line.left < prev.left - prev.size) ||
      /^[\u3000]/.test(line.text) ||
      (line.left > prev.left + line.size * 0.5 && !continuesColumn(prev, line)) ||
      (!continuesColumn(prev, line) && (prev.right < textRight - prev.size * 2.5 || (/[。：:]$/.test(prev.text) && prev.right < textRight - prev.size * 1.5)));
    if (startsNew) groups.push([line]);
    else group.push(line);
  }

  const lineGroups = groups.filter((g): g is Line[] => Array.isArray(g));
  const headingSizes = [...new Set(lineGroups.filter((g) => isHeadingSize(g[0]!.size)).map((g) => Math.round(g[0]!.size)))].sort((a, b) => b - a);
  return groups.flatMap((group): PageBlock | PageBlock[] => {
    if (!Array.isArray(group)) return group.cells.map((c): PageBlock => ({ text: c.text, kind: 'table-cell', cell: { table: 0, row: c.row, column: c.column }, inMargin: false, columns: group.columns }));
    const text = group.map((l) => l.text).reduce(joinLines, '');
    const size = group[0]!.size;
    const margin = group.every(inMargin);
    if (isHeadingSize(size) && text.length <= 80) return { text, kind: 'heading' as const, level: headingSizes.indexOf(Math.round(size)) + 1, inMargin: margin };
    // a list's number or bullet set apart by a tab is the item's label, as Word's numbering gives it
    const label = group[0]!.label;
    if (label && text.startsWith(label)) return { text: text.slice(label.length).trim(), kind: 'list-item' as const, level: 1, label, inMargin: margin };
    return { text, kind: ITEM_START.test(text) ? ('list-item' as const) : ('paragraph' as const), inMargin: margin };
  });
}
