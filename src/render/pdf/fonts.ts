import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import * as fontkit from 'fontkit';

/**
 * Fonts for the PDF: Noto Serif JP (regular and bold) from the npm registry, and monochrome Noto Emoji as
 * a fallback for pictographs. Files are read and parsed once per process.
 *
 * pdf-lib's own @pdf-lib/fontkit corrupts CJK subsets; upstream fontkit 2 is used through a small adapter
 * (see ../shared/design/tech-notes.md §2).
 */

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-serif-jp/700Bold/NotoSerifJP_700Bold.ttf'),
  emoji: require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf'),
} as const;

export type FontRole = keyof typeof FONT_FILES;

const bytesCache = new Map<FontRole, Uint8Array>();
const parsedCache = new WeakMap<Uint8Array, fontkit.Font>();

export function fontBytes(role: FontRole): Uint8Array {
  let bytes = bytesCache.get(role);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(FONT_FILES[role]));
    bytesCache.set(role, bytes);
  }
  return bytes;
}

export function parsedFont(bytes: Uint8Array): fontkit.Font {
  let font = parsedCache.get(bytes);
  if (!font) {
    font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (font.type === 'TTC' || font.type === 'DFont') throw new Error('font collections are not supported');
    parsedCache.set(bytes, font);
  }
  return font;
}

/** What pdf-lib expects of a fontkit: create(bytes) → a font whose subsets can encodeStream(). */
export const fontkitForPdfLib = {
  create(bytes: Uint8Array) {
    const font = parsedFont(bytes) as fontkit.Font & { cff?: unknown; 'CFF '?: unknown };
    const wrapped = Object.create(font) as typeof font;
    wrapped.createSubset = () => {
      const subset = font.createSubset() as fontkit.Subset & { encodeStream?: () => Readable };
      subset.encodeStream = () => Readable.from([subset.encode()]);
      return subset;
    };
    if (!('cff' in font)) Object.defineProperty(wrapped, 'cff', { get: () => font['CFF '] });
    return wrapped;
  },
};

/** Advance widths per code point at size 1, cached: layout measures every character of every line. */
export class Metrics {
  private readonly widths = new Map<string, number>();
  constructor(readonly font: fontkit.Font) {}

  has(char: string): boolean {
    return this.font.hasGlyphForCodePoint(char.codePointAt(0)!);
  }

  width(char: string): number {
    let w = this.widths.get(char);
    if (w === undefined) {
      w = this.font.layout(char).advanceWidth / this.font.unitsPerEm;
      this.widths.set(char, w);
    }
    return w;
  }
}

const metricsCache = new Map<FontRole, Metrics>();
export function metricsFor(role: FontRole): Metrics {
  let m = metricsCache.get(role);
  if (!m) {
    m = new Metrics(parsedFont(fontBytes(role)));
    metricsCache.set(role, m);
  }
  return m;
}
