import type { DocumentTree } from '../document/tree.ts';
import { writeDocx } from './docx/writeDocx.ts';
import { writePdf } from './pdf/writePdf.ts';

/** Options a writer may take; each writer reads only its own. */
export interface WriterOptions {
  /** The Mincho font Word should use (the docx names a font; it does not carry one). */
  docxFont?: string;
}

/** Every document format, each a writer over the document tree. A new format is one entry here and one module. */
export const DOCUMENT_WRITERS = {
  docx: (tree: DocumentTree, options: WriterOptions) => writeDocx(tree, options.docxFont ? { font: options.docxFont } : undefined),
  pdf: (tree: DocumentTree, _options: WriterOptions) => writePdf(tree),
} as const;

export type DocumentFormat = keyof typeof DOCUMENT_WRITERS;
export const DOCUMENT_FORMATS = Object.keys(DOCUMENT_WRITERS) as DocumentFormat[];

export const isDocumentFormat = (format: string): format is DocumentFormat => Object.hasOwn(DOCUMENT_WRITERS, format);

/** The tree through each requested writer, in memory, in the order asked. */
export async function writeDocuments(tree: DocumentTree, formats: readonly DocumentFormat[], options: WriterOptions = {}) {
  const out: { format: DocumentFormat; bytes: Uint8Array }[] = [];
  for (const format of formats) out.push({ format, bytes: await DOCUMENT_WRITERS[format](tree, options) });
  return out;
}
