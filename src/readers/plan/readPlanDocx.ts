import { SaxesParser, type SaxesTagNS } from 'saxes';
import { type Unzipped } from 'fflate';
import { ZipLimit, unzipWanted, utf8 } from '../docx/readDocx.ts';
import { NumberingCounters, parseNumbering } from './wordNumbering.ts';
import type { PlanRead, TextBlock } from './textBlock.ts';

/**
 * Reads the text of any .docx (or .docm: only its XML is read, its macros never) as blocks in reading order:
 * paragraphs, headings (by style name 見出し N / Heading N, or outline level), list items with the number Word
 * shows for them, table cells with their place, and text boxes once each (the drawing's text, not the VML copy
 * kept for old readers in mc:Fallback). Headers, footers, footnotes and comments are other parts: not read.
 * Only document.xml, styles.xml and numbering.xml are unzipped, within the zip bounds of readDocx.ts.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const PARTS = /^word\/(document|styles|numbering)\.xml$/i;

const val = (tag: SaxesTagNS): string | undefined => {
  for (const a of Object.values(tag.attributes)) if (a.local === 'val' && (a.uri === W || a.uri === '')) return a.value;
  return undefined;
};
const attrOf = (tag: SaxesTagNS, local: string): string | undefined => {
  for (const a of Object.values(tag.attributes)) if (a.local === local) return a.value;
  return undefined;
};

interface Style {
  name: string;
  basedOn?: string;
  outline?: number;
  numId?: string;
  ilvl?: number;
}

function parseStyles(xml: string | null): Map<string, Style> {
  const styles = new Map<string, Style>();
  if (!xml) return styles;
  const parser = new SaxesParser({ xmlns: true });
  let style: Style | null = null;
  let inPPr = 0;
  parser.on('opentag', (tag) => {
    if (tag.uri !== W) return;
    if (tag.local === 'style' && attrOf(tag, 'type') === 'paragraph') {
      style = { name: '' };
      styles.set(attrOf(tag, 'styleId') ?? '', style);
    } else if (style) {
      if (tag.local === 'name') style.name = val(tag) ?? '';
      else if (tag.local === 'basedOn') style.basedOn = val(tag);
      else if (tag.local === 'pPr') inPPr++;
      else if (inPPr && tag.local === 'outlineLvl') style.outline = Number(val(tag));
      else if (inPPr && tag.local === 'numId') style.numId = val(tag);
      else if (inPPr && tag.local === 'ilvl') style.ilvl = Number(val(tag));
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.uri !== W) return;
    if (tag.local === 'style') style = null;
    else if (tag.local === 'pPr' && style) inPPr--;
  });
  try {
    parser.write(xml).close();
  } catch {
    return new Map();
  }
  return styles;
}

/** A heading level from a style's name: 見出し 2, heading 2, Heading2 → 2; タイトル/Title → 1. */
function headingLevelOfName(name: string): number | undefined {
  const m = name.normalize('NFKC').match(/^(?:heading|見出し)\s*(\d)$/i);
  if (m) return Number(m[1]);
  return /^(title|表題|タイトル)$/i.test(name.trim()) ? 1 : undefined;
}

/** What a paragraph's style (followed through basedOn) says of its heading level and numbering. */
function styleFacts(styles: Map<string, Style>, id: string | undefined): { heading?: number; numId?: string; ilvl?: number } {
  const out: { heading?: number; numId?: string; ilvl?: number } = {};
  const seen = new Set<string>();
  for (let s = id ? styles.get(id) : undefined; s && !seen.has(s.name); s = s.basedOn ? styles.get(s.basedOn) : undefined) {
    seen.add(s.name);
    out.heading ??= headingLevelOfName(s.name) ?? (s.outline !== undefined && s.outline < 9 ? s.outline + 1 : undefined);
    out.numId ??= s.numId;
    out.ilvl ??= s.ilvl;
  }
  return out;
}

interface Para {
  text: string;
  styleId?: string;
  numId?: string;
  ilvl?: number;
  outline?: number;
  inPPr: number;
  /** inside w:pPr/w:rPr: the paragraph mark's run properties, not text */
}

interface Cell {
  table: number;
  row: number;
  column: number;
  parts: string[];
}

interface Table {
  number: number;
  row: number;
  column: number;
}

export function readPlanDocx(bytes: Uint8Array): PlanRead {
  let files: Unzipped;
  try {
    files = unzipWanted(bytes, PARTS);
  } catch (err) {
    return err instanceof ZipLimit
      ? { ok: false, problem: 'too-large', message: 'Word文書（.docx）の内容が大きすぎるため読むのをやめました' }
      : { ok: false, problem: 'damaged', message: 'Word文書（.docx）として読めません（ファイルが壊れているか、.docx ではありません）' };
  }
  const part = (name: string) => {
    const key = Object.keys(files).find((k) => k.toLowerCase() === name);
    return key ? utf8(files[key]!) : null;
  };
  const documentXml = part('word/document.xml');
  if (documentXml === null) return { ok: false, problem: 'damaged', message: 'Word文書（.docx）の本文（word/document.xml）が見つからないか、読めません' };
  const blocks = documentBlocks(documentXml, parseStyles(part('word/styles.xml')), new NumberingCounters(parseNumbering(part('word/numbering.xml'))));
  if (blocks === null) return { ok: false, problem: 'damaged', message: 'Word文書（.docx）の本文が壊れているため読めません' };
  return { ok: true, format: 'docx', blocks };
}

function documentBlocks(xml: string, styles: Map<string, Style>, counters: NumberingCounters): TextBlock[] | null {
  const parser = new SaxesParser({ xmlns: true });
  const blocks: TextBlock[] = [];
  const paras: Para[] = [];
  const tables: Table[] = [];
  const cells: Cell[] = [];
  let tableCount = 0;
  let inBody = 0;
  let fallback = 0;
  let inText = 0;
  /** inside a run (w:r), and whether its properties hide it (w:vanish: hidden text is not what the page shows) */
  let inRun = 0;
  let runHidden = false;
  /** depth of text boxes: a paragraph inside one is its own block, not part of the paragraph anchoring it */
  let textBoxes = 0;
  const cellDepth: number[] = []; // textBoxes depth when each open cell began

  const push = (block: Omit<TextBlock, 'index'>) => {
    const text = block.text.replace(/[ \t\u3000]+$/gm, '').replace(/^\n+|\n+$/g, '');
    if (!text.trim()) return;
    blocks.push({ ...block, text, index: blocks.length + 1 });
  };

  parser.on('opentag', (tag) => {
    if (tag.uri === MC && tag.local === 'Fallback') fallback++;
    if (fallback || tag.uri !== W) return;
    const para = paras.at(-1);
    switch (tag.local) {
      case 'body':
        inBody++;
        break;
      case 'txbxContent':
        textBoxes++;
        break;
      case 'tbl':
        tables.push({ number: ++tableCount, row: -1, column: -1 });
        break;
      case 'tr':
        if (tables.length) Object.assign(tables.at(-1)!, { row: tables.at(-1)!.row + 1, column: -1 });
        break;
      case 'tc': {
        const t = tables.at(-1);
        if (!t) break;
        t.column++;
        cells.push({ table: t.number, row: t.row, column: t.column, parts: [] });
        cellDepth.push(textBoxes);
        break;
      }
      case 'gridSpan': {
        const t = tables.at(-1);
        const span = Number(val(tag));
        if (t && span > 1 && !para) t.column += span - 1;
        break;
      }
      case 'p':
        paras.push({ text: '', inPPr: 0 });
        break;
      case 'pPr':
        if (para) para.inPPr++;
        break;
      case 'pStyle':
        if (para?.inPPr) para.styleId = val(tag);
        break;
      case 'numId':
        if (para?.inPPr) para.numId = val(tag);
        break;
      case 'ilvl':
        if (para?.inPPr) para.ilvl = Number(val(tag));
        break;
      case 'outlineLvl':
        if (para?.inPPr) para.outline = Number(val(tag));
        break;
      case 't':
        inText++;
        break;
      case 'r':
        inRun++;
        runHidden = false;
        break;
      case 'vanish':
      case 'specVanish':
        if (inRun && !para?.inPPr) runHidden = attrOf(tag, 'val') !== 'false' && attrOf(tag, 'val') !== '0';
        break;
      case 'tab':
        if (para && !para.inPPr) para.text += '\t';
        break;
      case 'br':
      case 'cr':
        if (para && !para.inPPr) para.text += '\n';
        break;
      case 'noBreakHyphen':
        if (para) para.text += '-';
        break;
    }
  });

  parser.on('text', (t) => {
    if (inBody && inText && !fallback && !runHidden && paras.length) paras.at(-1)!.text += t;
  });

  parser.on('closetag', (tag) => {
    if (tag.uri === MC && tag.local === 'Fallback') {
      fallback--;
      return;
    }
    if (fallback || tag.uri !== W) return;
    switch (tag.local) {
      case 'body':
        inBody--;
        break;
      case 'txbxContent':
        textBoxes--;
        break;
      case 'tbl':
        tables.pop();
        break;
      case 'tc': {
        const cell = cells.pop();
        cellDepth.pop();
        if (cell) push({ text: cell.parts.join('\n'), kind: 'table-cell', cell: { table: cell.table, row: cell.row, column: cell.column } });
        break;
      }
      case 't':
        inText--;
        break;
      case 'r':
        inRun--;
        runHidden = false;
        break;
      case 'pPr': {
        const para = paras.at(-1);
        if (para) para.inPPr--;
        break;
      }
      case 'p': {
        const para = paras.pop();
        if (!para || !inBody) break;
        const facts = styleFacts(styles, para.styleId);
        const numId = para.numId ?? facts.numId;
        const label = numId ? counters.next(numId, para.ilvl ?? facts.ilvl ?? 0) : null;
        const text = para.text;
        // a paragraph of a table cell (not one in a text box inside it) is part of the cell's text
        const cell = cells.at(-1);
        if (cell && cellDepth.at(-1) === textBoxes) {
          if (text.trim()) cell.parts.push(label ? `${label}${/\s$/.test(label) ? '' : ' '}${text}`.replace(/^\s+/, '') : text);
          break;
        }
        const heading = para.outline !== undefined && para.outline < 9 ? para.outline + 1 : facts.heading;
        const kind = heading !== undefined ? 'heading' : label !== null ? 'list-item' : 'paragraph';
        const level = heading ?? (label !== null ? (para.ilvl ?? facts.ilvl ?? 0) + 1 : undefined);
        push({
          text,
          kind,
          ...(level !== undefined ? { level } : {}),
          ...(label ? { label: label.trim() } : {}),
        });
        break;
      }
    }
  });

  try {
    parser.write(xml).close();
  } catch {
    return null;
  }
  return blocks;
}
