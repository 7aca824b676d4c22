import { type FontRole, host } from '../../platform/host.ts';
import { TrueTypeFont } from './trueTypeFont.ts';
import { splitUnit } from './variationSelectors.ts';

/**
 * Fonts for the PDF: Noto Serif JP (regular and bold) from the npm registry, and monochrome Noto Emoji as
 * a fallback for pictographs. The host gives their bytes (a file on disk, or bytes the offline page carries);
 * each is opened when a document first needs it, at most once per process, and only the tables and glyphs
 * asked for are read (trueTypeFont.ts).
 */

export type { FontRole } from '../../platform/host.ts';

export const FONT_NAMES: Record<FontRole, string> = { regular: 'NotoSerifJP-Regular', bold: 'NotoSerifJP-Bold', emoji: 'NotoEmoji-Regular' };

const opened = new Map<FontRole, TrueTypeFont>();

export function fontFile(role: FontRole): TrueTypeFont {
  let font = opened.get(role);
  if (!font) {
    font = new TrueTypeFont(host().font(role));
    opened.set(role, font);
  }
  return font;
}

/** Roles whose font file has been opened in this process (for tests of lazy loading). */
export function openedFonts(): FontRole[] {
  return [...opened.keys()];
}

/** What one unit of text (a character, or a character with its variation selector) is drawn with. */
export interface Glyph {
  /** Glyph id in the font file; 0 when the font has no glyph for the character. */
  id: number;
  /** Advance width at size 1. */
  width: number;
  /** The text the glyph stands for, for copying out of the PDF: the unit, without a selector the font ignores. */
  text: string;
}

/**
 * Glyphs and advance widths of one font, looked up in its cmap and hmtx tables and cached per process:
 * layout measures every character of every line, and nothing needs shaping for Japanese.
 */
export class Metrics {
  private readonly glyphs = new Map<string, Glyph>();
  constructor(private readonly role: FontRole) {}

  glyph(unit: string): Glyph {
    let glyph = this.glyphs.get(unit);
    if (!glyph) {
      const font = fontFile(this.role);
      const { base, selector } = splitUnit(unit);
      const plain = font.glyphId(base);
      const variant = selector === undefined || plain === 0 ? undefined : font.variantGlyphId(base, selector);
      const id = variant ?? plain;
      glyph = { id, width: font.advance(id) / font.unitsPerEm, text: variant !== undefined && variant !== plain ? unit : String.fromCodePoint(base) };
      this.glyphs.set(unit, glyph);
    }
    return glyph;
  }

  has(unit: string): boolean {
    return this.glyph(unit).id !== 0;
  }

  width(unit: string): number {
    return this.glyph(unit).width;
  }
}

const metricsCache = new Map<FontRole, Metrics>();

/** Metrics of a role; the font file itself is opened only when a glyph is first asked for. */
export function metricsFor(role: FontRole): Metrics {
  let m = metricsCache.get(role);
  if (!m) {
    m = new Metrics(role);
    metricsCache.set(role, m);
  }
  return m;
}
