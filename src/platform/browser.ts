import { bytesSource } from '../render/pdf/trueTypeFont.ts';
import { type CompiledTemplates, compileTemplateFolder } from '../templates/renderTemplates.ts';
import { templatesInMemory } from '../templates/templateFolder.ts';
import { deflate, inflate } from './flate.ts';
import { type FontRole, type Host, type PdfJs, installHost } from './host.ts';
import { base64Bytes, gunzip } from './browserBytes.ts';
import { sha256 } from './sha256.ts';

export { base64Bytes, gunzip } from './browserBytes.ts';

/**
 * The host of the offline page (and its Worker): the fonts are bytes the page carries, unpacked once; compression
 * and hashing are the same code the CLI's host uses, so a document built here has the CLI's bytes. No clock: the
 * core never asks for one.
 */
export function browserHost(fonts: Record<FontRole, Uint8Array> | null, pdfjs?: () => Promise<PdfJs>): Host {
  const sources = fonts && { regular: bytesSource(fonts.regular), bold: bytesSource(fonts.bold), emoji: bytesSource(fonts.emoji) };
  return {
    font: (role) => {
      // reading a file needs no font; a build waits for them (the Worker's fontsReady)
      if (!sources) throw new Error('書体をまだ読み込んでいません');
      return sources[role];
    },
    deflate,
    inflate,
    sha256,
    ...(pdfjs ? { pdfjs } : {}),
  };
}

/** PDF.js as the page carries it: the character maps of PDFs whose CJK fonts are not embedded come from the page, never a fetch. */
export function embeddedPdfjs(getDocument: (params: Record<string, unknown>) => ReturnType<PdfJs['getDocument']>, cMaps: Record<string, string>): PdfJs {
  class EmbeddedCMaps {
    async fetch({ name }: { name: string }) {
      const packed = cMaps[name];
      if (packed === undefined) throw new Error(`文字の対応表 ${name} はこのページにありません`);
      return { cMapData: base64Bytes(packed), isCompressed: true };
    }
  }
  return { getDocument: (params) => getDocument({ CMapReaderFactory: EmbeddedCMaps, useWorkerFetch: false, cMapPacked: true, ...params }) };
}

/** The fonts as the page carries them: gzip, then base64 (text that can sit in the page). */
export type PackedFonts = Record<FontRole, string>;

/** Unpacks the page's fonts once and installs the browser host with them (until then, the host without fonts reads files). */
export async function installBrowserHost(packed: PackedFonts, pdfjs?: () => Promise<PdfJs>): Promise<void> {
  const [regular, bold, emoji] = await Promise.all((['regular', 'bold', 'emoji'] as const).map((role) => gunzip(base64Bytes(packed[role]))));
  installHost(browserHost({ regular: regular!, bold: bold!, emoji: emoji! }, pdfjs));
}

/** The bundled templates (templates/ of the package), compiled when the page was made: sources and specifications by path. */
export interface BundledTemplates {
  files: Record<string, string>;
  specs: Record<string, object>;
}

export const BUNDLED_TEMPLATES_DIR = 'templates';

export function bundledTemplates(bundle: BundledTemplates): CompiledTemplates {
  const specs = Object.fromEntries(Object.entries(bundle.specs).map(([path, spec]) => [`${BUNDLED_TEMPLATES_DIR}/${path}`, spec]));
  return compileTemplateFolder(templatesInMemory(BUNDLED_TEMPLATES_DIR, bundle.files, specs));
}
