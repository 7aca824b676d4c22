import { createRequire } from 'node:module';
import { TrueTypeFont, fileSource } from './trueTypeFont.ts';
import { splitUnit } from './variationSelectors.ts';

/**
 * Fonts for the PDF: Noto Serif JP (regular and bold) from the npm registry, and monochrome Noto Emoji as
 * a fallback for pictographs. Each file is opened when a document first needs it, at most once per
 * process, and only the tables and glyphs asked for are read (trueTypeFont.ts).
 */

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: { path: require.resolve('@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf'), postScriptName: 'NotoSerifJP-Regular' },
  bold: { path: require.resolve('@expo-google-fonts/noto-serif-jp/700Bold/NotoSerifJP_700Bold.ttf'), postScriptName: 'NotoSerifJP-Bold' },
  emoji: { path: require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf'), postScriptName: 'NotoEmoji-Regular' },
} as const;

export type FontRole = keyof typeof FONT_FILES;

const opened = new Map<FontRole, TrueTypeFont>();

export function fontFile(role: FontRole): TrueTypeFont {
  let font = opened.get(role);
  if (!font) {
    font = new TrueTypeFont(fileSource(FONT_FILES[role].path));
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
