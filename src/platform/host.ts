/**
 * What the core asks of the program it runs in (the CLI and the editor's server on Node, or the offline page in a
 * browser): the bytes of the fonts, compression and hashing. Nothing here reads a clock. Template files reach the
 * core as a TemplateFolder the shell builds (templates/templateFolder.ts), passed to compileTemplates.
 *
 * Both shells give the same deflate, inflate and SHA-256 (platform/flate.ts, platform/sha256.ts, pure JavaScript)
 * so that a document has the same bytes in Node and in a browser. A shell installs its host once at start.
 */

export type FontRole = 'regular' | 'bold' | 'emoji';

/** A font's bytes, read piece by piece (a file on disk) or from memory. */
export interface FontSource {
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
}

/** Thrown by inflate when the output would pass the limit asked for. */
export class InflateLimitError extends RangeError {}

export interface Host {
  font(role: FontRole): FontSource;
  /** zlib (RFC 1950) deflate, level 6. */
  deflate(bytes: Uint8Array): Uint8Array;
  /** zlib inflate of at most maxBytes (InflateLimitError beyond); a stream cut short yields what it holds, or null when damaged. */
  inflate(bytes: Uint8Array, maxBytes: number): Uint8Array | null;
  sha256(bytes: Uint8Array): Uint8Array;
  /**
   * Mozilla's PDF.js (pdfjs-dist), for the text of PDFs tos-filing did not make (readers/plan/readPlanPdf.ts);
   * a shell without it cannot read hand-typed PDFs.
   */
  pdfjs?(): Promise<PdfJs>;
}

/** The part of PDF.js the reader of hand-typed PDFs uses (pdfjs-dist 4.x, legacy build). */
export interface PdfJs {
  getDocument(params: {
    data: Uint8Array;
    verbosity?: number;
    isEvalSupported?: boolean;
    disableFontFace?: boolean;
    useSystemFonts?: boolean;
    stopAtErrors?: boolean;
    cMapUrl?: string;
    cMapPacked?: boolean;
    standardFontDataUrl?: string;
  }): { promise: Promise<PdfJsDocument>; destroy(): Promise<void> };
}
export interface PdfJsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfJsPage>;
  destroy(): Promise<void>;
}
export interface PdfJsPage {
  view: number[];
  getTextContent(): Promise<{ items: ({ str: string; transform: number[]; width: number; height: number; hasEOL?: boolean } | { type: string })[] }>;
  cleanup(): void;
}

let installed: Host | undefined;

export function installHost(host: Host): void {
  installed = host;
}

export function host(): Host {
  if (!installed) throw new Error('tos-filing: no host installed (the shell must call installHost first)');
  return installed;
}

export const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
