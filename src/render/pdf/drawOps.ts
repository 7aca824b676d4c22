import {
  type Color,
  type PDFFont,
  PDFHexString,
  type PDFName,
  type PDFPage,
  beginText,
  endText,
  fill,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setCharacterSpacing,
  setFillingColor,
  setFontAndSize,
  setLineWidth,
  setStrokingColor,
  setTextMatrix,
  showText,
  stroke,
} from 'pdf-lib';

/**
 * Low-level drawing with content-stream operators. pdf-lib's drawText shapes every string with fontkit and
 * registers a new font resource per call; Japanese text needs no shaping, so glyph codes are looked up once
 * per character and each page names each font once. This makes the PDF writer several times faster.
 */
export class PageWriter {
  private readonly glyphCodes = new Map<PDFFont, Map<string, string>>();
  private readonly fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

  private hexOf(font: PDFFont, text: string): string {
    let codes = this.glyphCodes.get(font);
    if (!codes) this.glyphCodes.set(font, (codes = new Map()));
    let hex = '';
    for (const char of text) {
      let code = codes.get(char);
      if (code === undefined) {
        code = font.encodeText(char).asString(); // also adds the glyph to the font's subset
        codes.set(char, code);
      }
      hex += code;
    }
    return hex;
  }

  private fontKey(page: PDFPage, font: PDFFont): PDFName {
    let keys = this.fontKeys.get(page);
    if (!keys) this.fontKeys.set(page, (keys = new Map()));
    let key = keys.get(font);
    if (!key) {
      key = page.node.newFontDictionary(font.name, font.ref);
      keys.set(font, key);
    }
    return key;
  }

  text(page: PDFPage, text: string, o: { x: number; y: number; size: number; font: PDFFont; color: Color; spacing?: number }) {
    page.pushOperators(
      beginText(),
      setFillingColor(o.color),
      setFontAndSize(this.fontKey(page, o.font), o.size),
      ...(o.spacing ? [setCharacterSpacing(o.spacing)] : []),
      setTextMatrix(1, 0, 0, 1, o.x, o.y),
      showText(PDFHexString.of(this.hexOf(o.font, text))),
      // Tc belongs to the graphics state and outlives ET: reset it, or later text on the page spreads too
      ...(o.spacing ? [setCharacterSpacing(0)] : []),
      endText(),
    );
  }

  line(page: PDFPage, x1: number, y1: number, x2: number, y2: number, width: number, color: Color) {
    page.pushOperators(pushGraphicsState(), setStrokingColor(color), setLineWidth(width), moveTo(x1, y1), lineTo(x2, y2), stroke(), popGraphicsState());
  }

  box(page: PDFPage, x: number, y: number, w: number, h: number, o: { border: Color; borderWidth: number; fill?: Color }) {
    page.pushOperators(
      pushGraphicsState(),
      ...(o.fill ? [setFillingColor(o.fill), rectangle(x, y, w, h), fill()] : []),
      setStrokingColor(o.border),
      setLineWidth(o.borderWidth),
      rectangle(x, y, w, h),
      stroke(),
      popGraphicsState(),
    );
  }
}
