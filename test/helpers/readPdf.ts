import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFRawStream, PDFStream, decodePDFRawStream } from 'pdf-lib';

/**
 * Reads our PDFs back without poppler: decodes each page's content streams and maps the glyph ids of
 * every Tj through the font's ToUnicode map. Also reports glyph id 0 (.notdef, drawn as tofu).
 */
export interface PdfReadBack {
  pages: string[];
  notdef: number;
  fonts: { name: string; embedded: boolean }[];
  pageSizes: { width: number; height: number }[];
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

export async function readPdf(bytes: Uint8Array): Promise<PdfReadBack> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const cmaps = new Map<string, Map<number, string>>();
  const fonts = new Map<string, boolean>();
  let notdef = 0;
  const pages = doc.getPages().map((page) => {
    const fontDict = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    const byKey = new Map<string, Map<number, string>>();
    for (const key of fontDict?.keys() ?? []) {
      const font = fontDict!.lookup(key, PDFDict);
      const base = font.lookup(PDFName.of('BaseFont'))!.toString().slice(1);
      if (!cmaps.has(base)) {
        cmaps.set(base, toUnicodeMap(decode(font.lookup(PDFName.of('ToUnicode')))));
        const descendant = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
        const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
        fonts.set(base, ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.lookup(PDFName.of(k)) instanceof PDFStream));
      }
      byKey.set(key.toString(), cmaps.get(base)!);
    }
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    let text = '';
    let current: Map<number, string> | undefined;
    let lastY: string | undefined;
    for (const stream of streams) {
      // a new baseline (the y of Tm) starts a new line of text; pieces on the same baseline run together
      for (const op of decode(stream).matchAll(/(\/[^\s]+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj|[-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ ([-\d.]+) Tm/g)) {
        if (op[1]) current = byKey.get(op[1]);
        else if (op[3] !== undefined) {
          if (lastY !== undefined && op[3] !== lastY) text += '\n';
          lastY = op[3];
        } else if (op[2] !== undefined) {
          for (const gid of (op[2].match(/.{4}/g) ?? []).map((h) => parseInt(h, 16))) {
            if (gid === 0) notdef++;
            text += current?.get(gid) ?? '\uFFFD';
          }
        }
      }
    }
    return text;
  });
  return {
    pages,
    notdef,
    fonts: [...fonts].map(([name, embedded]) => ({ name, embedded })),
    pageSizes: doc.getPages().map((p) => p.getSize()),
  };
}
