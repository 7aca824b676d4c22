import { type CarriedInput, carriedAttachment } from '../document/carriedData.ts';
import type { DocumentTree } from '../document/tree.ts';
import { documentText } from '../document/visibleText.ts';
import type { Filing } from '../model/filing.ts';
import { normalizeInput } from '../model/normalizeInput.ts';

/**
 * Documents carry their data: the filing a document was made from goes inside it, with the sections of the text
 * it was made with (so that a later edit of the text can be told). See document/carriedData.ts.
 */
export function carrying(tree: DocumentTree, input: CarriedInput): DocumentTree {
  return { ...tree, attachments: [carriedAttachment(input, documentText(tree))] };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The filing as a document carries it: the validated filing (choices and dates in canonical form) or, for a draft
 * that does not validate, the input as normalised, so that reading the document back gives the same findings.
 * The note is the writer's own memo and is never printed, so it does not travel with the document either.
 */
export function carriedFiling(validated: Filing | null, input: unknown): unknown {
  const data = validated ?? normalizeInput(input);
  if (!isRecord(data)) return data;
  const { note: _note, ...rest } = data;
  return rest;
}
