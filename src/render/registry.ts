import type { DocumentTree } from '../document/tree.ts';

/** Options a writer may take; each writer reads only its own. */
export interface WriterOptions {
  /** The Mincho font Word should use (the docx names a font; it does not carry one). */
  docxFont?: string;
  /** Writers the shell runs elsewhere, in its place (the CLI: the PDF in a worker thread, while the .docx is written). */
  elsewhere?: Partial<Record<DocumentFormat, (tree: DocumentTree) => Promise<Uint8Array>>>;
}

/**
 * Every document format, each a writer over the document tree. A new format is one entry here and one module.
 * Each writer's module is loaded when its format is first asked for (a command that makes no PDF loads no pdf-lib).
 */
export const DOCUMENT_WRITERS = {
  docx: async (tree: DocumentTree, options: WriterOptions) => (await import('./docx/writeDocx.ts')).writeDocx(tree, options.docxFont ? { font: options.docxFont } : undefined),
  pdf: async (tree: DocumentTree, _options: WriterOptions) => (await import('./pdf/writePdf.ts')).writePdf(tree),
} as const;

export type DocumentFormat = keyof typeof DOCUMENT_WRITERS;
export const DOCUMENT_FORMATS = Object.keys(DOCUMENT_WRITERS) as DocumentFormat[];

export const isDocumentFormat = (format: string): format is DocumentFormat => Object.hasOwn(DOCUMENT_WRITERS, format);

/** The tree through each requested writer, in memory, in the order asked (those run elsewhere started first). */
export async function writeDocuments(tree: DocumentTree, formats: readonly DocumentFormat[], options: WriterOptions = {}) {
  const started = formats.map((format) => options.elsewhere?.[format]?.(tree));
  // a failure is thrown where its document is awaited, in the order asked, not as an unhandled rejection before
  for (const s of started) s?.catch(() => undefined);
  const out: { format: DocumentFormat; bytes: Uint8Array }[] = [];
  for (const [i, format] of formats.entries()) out.push({ format, bytes: await (started[i] ?? DOCUMENT_WRITERS[format](tree, options)) });
  return out;
}
