import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFRawStream, PDFStream, PDFString, decodePDFRawStream } from 'pdf-lib';

/**
 * Reads our PDFs back without poppler: interprets each page's content streams (text runs with their font,
 * size, colour, character spacing and position; stroked lines) and maps glyph ids through the font's ToUnicode
 * map. Also reports glyph id 0 (.notdef, drawn as tofu), the outline (bookmarks) and the document info.
 */
export interface PdfRun {
  text: string;
  /** BaseFont of the font, e.g. TOSFAB+NotoSerifJP-Bold. */
  font: string;
  size: number;
  x: number;
  y: number;
  /** Fill colour as r g b (0–1). */
  color: [number, number, number];
  /** Character spacing (Tc) in force when the run was shown. */
  spacing: number;
  /** The text matrix is turned (a watermark). */
  rotated: boolean;
}

export interface PdfLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfOutlineItem {
  title: string;
  page: number;
  children: PdfOutlineItem[];
}

export interface PdfReadBack {
  /** Text per page; a new baseline starts a new line. */
  pages: string[];
  runs: PdfRun[][];
  lines: PdfLine[][];
  /** Stroked rectangles (table cell borders). */
  rects: PdfRect[][];
  notdef: number;
  fonts: { name: string; embedded: boolean }[];
  pageSizes: { width: number; height: number }[];
  outline: PdfOutlineItem[];
  info: { title?: string; author?: string };
}

function decode(stream: unknown): string {
  return new TextDecoder('latin1').decode(decodePDFRawStream(stream as PDFRawStream).decode());
}

function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexToString = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1]!, 16), hexToString(m[2]!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const [from, to, start] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
      for (let g = from; g <= to; g++) map.set(g, String.fromCodePoint(start + g - from));
    }
  return map;
}

const TOKEN = /\/[^\s/<>[\]()]+|<[0-9A-Fa-f\s]*>|\(|\[|\]|[-+]?\d*\.?\d+(?:e[-+]?\d+)?|[A-Za-z'"*]+/g;

interface GraphicsState {
  color: [number, number, number];
  spacing: number;
}

function textOfString(s: PDFString | PDFHexString | undefined): string | undefined {
  return s?.decodeText();
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReadBack> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const cmaps = new Map<string, Map<number, string>>();
  const fonts = new Map<string, boolean>();
  let notdef = 0;
  const runs: PdfRun[][] = [];
  const lines: PdfLine[][] = [];
  const rects: PdfRect[][] = [];
  const pages = doc.getPages().map((page) => {
    const fontDict = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    const byKey = new Map<string, { cmap: Map<number, string>; base: string }>();
    for (const key of fontDict?.keys() ?? []) {
      const font = fontDict!.lookup(key, PDFDict);
      const base = font.lookup(PDFName.of('BaseFont'))!.toString().slice(1);
      if (!cmaps.has(base)) {
        cmaps.set(base, toUnicodeMap(decode(font.lookup(PDFName.of('ToUnicode')))));
        const descendant = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
        const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
        fonts.set(base, ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.lookup(PDFName.of(k)) instanceof PDFStream));
      }
      byKey.set(key.toString(), { cmap: cmaps.get(base)!, base });
    }
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    const pageRuns: PdfRun[] = [];
    const pageLines: PdfLine[] = [];
    const pageRects: PdfRect[] = [];
    let rect: PdfRect | undefined;
    let text = '';
    let lastY: number | undefined;
    let state: GraphicsState = { color: [0, 0, 0], spacing: 0 };
    const saved: GraphicsState[] = [];
    let font: { cmap: Map<number, string>; base: string } | undefined;
    let size = 0;
    let matrix = [1, 0, 0, 1, 0, 0];
    let path: number[] = [];
    for (const stream of streams) {
      const operands: string[] = [];
      for (const [token] of decode(stream).matchAll(TOKEN)) {
        if (!/^[A-Za-z'"*]+$/.test(token)) {
          operands.push(token);
          continue;
        }
        const num = (i: number) => Number(operands[operands.length + i]);
        switch (token) {
          case 'q':
            saved.push({ ...state });
            break;
          case 'Q':
            state = saved.pop() ?? state;
            break;
          case 'rg':
            state.color = [num(-3), num(-2), num(-1)];
            break;
          case 'Tc':
            state.spacing = num(-1);
            break;
          case 'Tf':
            font = byKey.get(operands.at(-2)!);
            size = num(-1);
            break;
          case 'Tm':
            matrix = operands.slice(-6).map(Number);
            break;
          case 'm':
            path = [num(-2), num(-1)];
            break;
          case 'l':
            path.push(num(-2), num(-1));
            break;
          case 're':
            rect = { x: num(-4), y: num(-3), width: num(-2), height: num(-1) };
            break;
          case 'S':
            if (path.length === 4) pageLines.push({ x1: path[0]!, y1: path[1]!, x2: path[2]!, y2: path[3]! });
            if (rect) pageRects.push(rect);
            path = [];
            rect = undefined;
            break;
          case 'f':
          case 'n':
            rect = undefined;
            path = [];
            break;
          case 'Tj':
          case 'TJ': {
            let shown = '';
            for (const hex of operands.filter((o) => o.startsWith('<')))
              for (const gid of (hex.replace(/[<>\s]/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16))) {
                if (gid === 0) notdef++;
                shown += font?.cmap.get(gid) ?? '\uFFFD';
              }
            const [a, b, , , x, y] = matrix as [number, number, number, number, number, number];
            const rotated = Math.abs(b) > 1e-6 || a < 0;
            if (!rotated) {
              if (lastY !== undefined && y !== lastY) text += '\n';
              lastY = y;
              text += shown;
            }
            pageRuns.push({ text: shown, font: font?.base ?? '', size, x, y, color: [...state.color], spacing: state.spacing, rotated });
            break;
          }
        }
        operands.length = 0;
      }
    }
    runs.push(pageRuns);
    lines.push(pageLines);
    rects.push(pageRects);
    return text;
  });

  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const outlineItems = (first: unknown): PdfOutlineItem[] => {
    const out: PdfOutlineItem[] = [];
    for (let item = first instanceof PDFDict ? first : undefined; item; ) {
      const dest = item.lookup(PDFName.of('Dest'), PDFArray);
      out.push({
        title: textOfString(item.lookup(PDFName.of('Title')) as PDFHexString) ?? '',
        page: pageIndex.get(dest.get(0).toString()) ?? -1,
        children: outlineItems(item.lookup(PDFName.of('First'))),
      });
      const next = item.lookup(PDFName.of('Next'));
      item = next instanceof PDFDict ? next : undefined;
    }
    return out;
  };
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'));
  return {
    pages,
    runs,
    lines,
    rects,
    notdef,
    fonts: [...fonts].map(([name, embedded]) => ({ name, embedded })),
    pageSizes: doc.getPages().map((p) => p.getSize()),
    outline: outlines instanceof PDFDict ? outlineItems(outlines.lookup(PDFName.of('First'))) : [],
    info: { title: doc.getTitle(), author: doc.getAuthor() },
  };
}
