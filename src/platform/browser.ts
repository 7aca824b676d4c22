import { bytesSource } from '../render/pdf/trueTypeFont.ts';
import { type CompiledTemplates, compileTemplateFolder } from '../templates/renderTemplates.ts';
import { templatesInMemory } from '../templates/templateFolder.ts';
import { deflate, inflate } from './flate.ts';
import { type FontRole, type Host, installHost } from './host.ts';
import { sha256 } from './sha256.ts';

/**
 * The host of the offline page (and its Worker): the fonts are bytes the page carries, unpacked once; compression
 * and hashing are the same code the CLI's host uses, so a document built here has the CLI's bytes. No clock: the
 * core never asks for one.
 */
export function browserHost(fonts: Record<FontRole, Uint8Array>): Host {
  const sources = { regular: bytesSource(fonts.regular), bold: bytesSource(fonts.bold), emoji: bytesSource(fonts.emoji) };
  return { font: (role) => sources[role], deflate, inflate, sha256 };
}

/** The fonts as the page carries them: gzip, then base64 (text that can sit in the page). */
export type PackedFonts = Record<FontRole, string>;

/** Unpacks the page's fonts once and installs the browser host. */
export async function installBrowserHost(packed: PackedFonts): Promise<void> {
  const [regular, bold, emoji] = await Promise.all((['regular', 'bold', 'emoji'] as const).map((role) => gunzip(base64Bytes(packed[role]))));
  installHost(browserHost({ regular: regular!, bold: bold!, emoji: emoji! }));
}

/** base64 → bytes with the browser's own decoder (megabytes of font: no loop of ours over every character). */
export function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Unpacks gzip bytes with the browser's own stream (no code of ours runs for the 20 MB of fonts). */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
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
