import { type Color, ColorTypes, type PDFDocument, PDFName, type PDFPage, type PDFRef } from 'pdf-lib';
import type { PdfFont, PreparedFont } from './cidFont.ts';
import { latin1Bytes } from '../../util/bytes.ts';
import { deflate } from './deflate.ts';
import type { FontRole } from './fonts.ts';

/**
 * Page content written as PDF operators in text, with numbers rounded to what a page needs (0.01 pt),
 * instead of pdf-lib's operator objects. Text is held as glyph ids until finish(): the character codes of
 * a subset font are only known once every page is drawn. finish() embeds the fonts, then writes each page's
 * content stream (compressed with zlib) and its font resources through pdf-lib's public API.
 */

interface GlyphRun {
  font: PdfFont;
  ids: number[];
}

interface PageContent {
  parts: (string | GlyphRun)[];
  /**
   * The graphics state, so that an unchanged colour, line width, font or spacing is not repeated, and a
   * changed one is always set (character spacing left by a justified line once spread the text after it).
   */
  fill: string;
  stroke: string;
  lineWidth: string;
  font: string;
  spacing: string;
  /** Opacities of translucent text on the page, each an ExtGState resource. */
  opacities: Set<number>;
}

/** Resource names of the fonts, one per role. */
const FONT_KEYS: Record<FontRole, string> = { regular: 'F1', bold: 'F2', emoji: 'F3' };
const opacityKey = (opacity: number) => `GS${Math.round(opacity * 1000)}`;

/** A number rounded to `places` decimals, without trailing zeros (PDF has no exponent notation). */
export function num(v: number, places = 2): string {
  const f = 10 ** places;
  const r = Math.round(v * f) / f;
  return r === 0 ? '0' : String(r);
}

function colorOperands(c: Color): string {
  switch (c.type) {
    case ColorTypes.Grayscale:
      return num(c.gray, 3);
    case ColorTypes.RGB:
      return `${num(c.red, 3)} ${num(c.green, 3)} ${num(c.blue, 3)}`;
    case ColorTypes.CMYK:
      return `${num(c.cyan, 3)} ${num(c.magenta, 3)} ${num(c.yellow, 3)} ${num(c.key, 3)}`;
  }
}

const FILL_OPERATOR = { [ColorTypes.Grayscale]: 'g', [ColorTypes.RGB]: 'rg', [ColorTypes.CMYK]: 'k' };
const STROKE_OPERATOR = { [ColorTypes.Grayscale]: 'G', [ColorTypes.RGB]: 'RG', [ColorTypes.CMYK]: 'K' };
// colours are a handful of constants, so their operators are made once
const fills = new WeakMap<Color, string>();
const strokes = new WeakMap<Color, string>();
function fillColor(c: Color): string {
  let op = fills.get(c);
  if (op === undefined) fills.set(c, (op = `${colorOperands(c)} ${FILL_OPERATOR[c.type]}`));
  return op;
}
function strokeColor(c: Color): string {
  let op = strokes.get(c);
  if (op === undefined) strokes.set(c, (op = `${colorOperands(c)} ${STROKE_OPERATOR[c.type]}`));
  return op;
}

export class PageWriter {
  private readonly pages = new Map<PDFPage, PageContent>();

  private content(page: PDFPage): PageContent {
    let c = this.pages.get(page);
    if (!c) {
      c = { parts: [], fill: '0 g', stroke: '0 G', lineWidth: '1', font: '', spacing: '0', opacities: new Set() };
      this.pages.set(page, c);
    }
    return c;
  }

  text(page: PDFPage, text: string, o: { x: number; y: number; size: number; font: PdfFont; color: Color; spacing?: number }) {
    const c = this.content(page);
    let ops = 'BT\n';
    const fill = fillColor(o.color);
    if (fill !== c.fill) ops += `${(c.fill = fill)}\n`;
    const font = `/${FONT_KEYS[o.font.role]} ${num(o.size)} Tf`;
    if (font !== c.font) ops += `${(c.font = font)}\n`;
    const spacing = num(o.spacing ?? 0, 3);
    if (spacing !== c.spacing) ops += `${(c.spacing = spacing)} Tc\n`;
    ops += `1 0 0 1 ${num(o.x)} ${num(o.y)} Tm\n`;
    c.parts.push(ops, { font: o.font, ids: o.font.glyphIds(text) }, ' Tj\nET\n');
  }

  /** Marks what is drawn until endArtifact() as not part of the text (running header, list markers, the draft mark). */
  beginArtifact(page: PDFPage) {
    this.content(page).parts.push('/Artifact BMC\n');
  }

  endArtifact(page: PDFPage) {
    this.content(page).parts.push('EMC\n');
  }

  /** Stroking colour and line width operators, where they differ from the current ones. */
  private pen(c: PageContent, color: Color, width: number): string {
    let ops = '';
    const stroke = strokeColor(color);
    if (stroke !== c.stroke) ops += `${(c.stroke = stroke)}\n`;
    const lineWidth = num(width);
    if (lineWidth !== c.lineWidth) ops += `${(c.lineWidth = lineWidth)} w\n`;
    return ops;
  }

  line(page: PDFPage, x1: number, y1: number, x2: number, y2: number, width: number, color: Color) {
    const c = this.content(page);
    c.parts.push(`${this.pen(c, color, width)}${num(x1)} ${num(y1)} m\n${num(x2)} ${num(y2)} l\nS\n`);
  }

  /** A rectangle with a border, filled first if `fill` is given. */
  box(page: PDFPage, x: number, y: number, w: number, h: number, o: { border: Color; borderWidth: number; fill?: Color }) {
    const c = this.content(page);
    let ops = this.pen(c, o.border, o.borderWidth);
    if (o.fill) {
      const fill = fillColor(o.fill);
      if (fill !== c.fill) ops += `${(c.fill = fill)}\n`;
    }
    c.parts.push(`${ops}${num(x)} ${num(y)} ${num(w)} ${num(h)} re\n${o.fill ? 'B' : 'S'}\n`);
  }

  /** Large translucent text turned by `degrees` about its start (the 下書き mark on drafts). */
  watermark(page: PDFPage, text: string, o: { x: number; y: number; size: number; font: PdfFont; color: Color; opacity: number; degrees: number }) {
    const c = this.content(page);
    c.opacities.add(o.opacity);
    const a = (o.degrees * Math.PI) / 180;
    const [cos, sin] = [num(Math.cos(a), 4), num(Math.sin(a), 4)];
    c.parts.push(
      `q\n/${opacityKey(o.opacity)} gs\nBT\n${fillColor(o.color)}\n/${FONT_KEYS[o.font.role]} ${num(o.size)} Tf\n${cos} ${sin} ${num(-Math.sin(a), 4)} ${cos} ${num(o.x)} ${num(o.y)} Tm\n`,
      { font: o.font, ids: o.font.glyphIds(text) },
      ' Tj\nET\nQ\n',
    );
  }

  /** Embeds the fonts used and writes every page's content stream and resources. Call once, when every page is drawn and before saving. */
  finish(doc: PDFDocument) {
    const context = doc.context;
    const pages = [...this.pages];
    this.pages.clear();
    const fonts = new Map<PdfFont, PreparedFont & { hex: Map<number, string> }>();
    const pageFonts = pages.map(([, c]) => {
      const used = new Set<PdfFont>();
      for (const part of c.parts) if (typeof part !== 'string') used.add(part.font);
      for (const font of used) if (!fonts.has(font)) fonts.set(font, { ...font.prepare(), hex: new Map() });
      return used;
    });
    const contents = pages.map(([, c]) => {
      let stream = '';
      for (const part of c.parts) {
        if (typeof part === 'string') {
          stream += part;
          continue;
        }
        const { cidOf, hex } = fonts.get(part.font)!;
        stream += '<';
        for (const id of part.ids) {
          let h = hex.get(id);
          if (h === undefined) {
            h = cidOf(id).toString(16).toUpperCase().padStart(4, '0');
            hex.set(id, h);
          }
          stream += h;
        }
        stream += '>';
      }
      return latin1Bytes(stream);
    });

    const fontRefs = new Map([...fonts].map(([font, prepared]) => [font, prepared.register(context)]));
    const states = new Map<number, PDFRef>();
    pages.forEach(([page, c], i) => {
      page.node.addContentStream(context.register(context.stream(deflate(contents[i]!), { Filter: 'FlateDecode' })));
      for (const font of pageFonts[i]!) page.node.setFontDictionary(PDFName.of(FONT_KEYS[font.role]), fontRefs.get(font)!);
      for (const opacity of c.opacities) {
        let state = states.get(opacity);
        if (!state) states.set(opacity, (state = context.register(context.obj({ Type: 'ExtGState', ca: opacity }))));
        page.node.setExtGState(PDFName.of(opacityKey(opacity)), state);
      }
    });
  }
}
