import { DOCUMENT_FORMATS } from '../render/registry.ts';

/** The review's file formats besides the documents (each has a row writer in review.ts). */
export const ROW_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type RowFormat = (typeof ROW_FORMATS)[number];

/** Every format `review` makes: text on the terminal, the row formats, and the document formats. */
export const REVIEW_FORMATS = ['text', ...ROW_FORMATS, ...DOCUMENT_FORMATS] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];
