/**
 * A piece of text read from a plan tos-filing did not make (a hand-typed .docx or a PDF with a text layer),
 * with where it stands, so that a screening can quote it and say where it was found. The readers of such plans
 * produce these in reading order; the matcher (src/screen/) maps them to requirements and to the cover.
 */
export interface TextBlock {
  /** The text as written (not yet normalised); a table cell's text, or a paragraph's. */
  text: string;
  kind: 'heading' | 'paragraph' | 'list-item' | 'table-cell';
  /** 1-based page where the reader knows it (PDF); absent for .docx. */
  page?: number;
  /** 1-based position of the block in the document's reading order. */
  index: number;
  /** Word numbering or a heading level, when the document states one (1 = top). */
  level?: number;
  /** The number Word's numbering put in front of the text (「（１）」「①」「ア」), when known. */
  label?: string;
  /** For a table cell: which table (1-based), row and column (0-based). */
  cell?: { table: number; row: number; column: number };
}

/** What a reader of a plan gives back: the blocks, or a problem the user can act on. */
export type PlanRead =
  | { ok: true; format: 'pdf' | 'docx'; pages?: number; blocks: TextBlock[] }
  | { ok: false; problem: 'no-text-layer' | 'encrypted' | 'damaged' | 'too-large'; message: string };
