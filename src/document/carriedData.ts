import * as z from 'zod';
import type { Attachment } from './attachment.ts';
import type { DocumentText } from './visibleText.ts';

/**
 * The data a document carries: the filing it was made from (the canonical JSON of the validated input; a
 * 新旧対照表 carries both versions) and the sections of the text it was made with. One JSON file, named
 * tos-filing.json, embedded by the writers as an attachment (see attachment.ts).
 */

export const CARRIED_FILE_NAME = 'tos-filing.json';
export const CARRIED_FORMAT = 'tos-filing';
export const CARRIED_VERSION = 1;

const sections = z.array(z.object({ title: z.string(), text: z.string() }));

const common = {
  format: z.literal(CARRIED_FORMAT),
  version: z.number().int(),
  /** The copy for sharing, with contact details and addresses replaced (build --redact). */
  redacted: z.boolean(),
  /** Built with --draft: gaps marked in the text. */
  draft: z.boolean(),
  sections,
  repeatedHeaders: z.array(z.string()).default([]),
};

const carriedSchema = z.discriminatedUnion('document', [
  z.object({ ...common, document: z.literal('filing'), filing: z.unknown() }),
  z.object({ ...common, document: z.literal('diff'), before: z.unknown(), after: z.unknown() }),
]);

export type CarriedData = z.infer<typeof carriedSchema>;
export type CarriedInput =
  | { document: 'filing'; filing: unknown; redacted?: boolean; draft?: boolean }
  | { document: 'diff'; before: unknown; after: unknown; redacted?: boolean; draft?: boolean };

/** XML 1.0 cannot carry these even as text; JSON can say them as escapes (the docx keeps the JSON as XML text). */
const NOT_FOR_XML = /[\u007f-\u009f\u2028\u2029\ufffe\uffff]/g;
const escapeForXml = (json: string) => json.replace(NOT_FOR_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function carriedJson(input: CarriedInput, text: DocumentText): string {
  const { redacted = false, draft = false, ...rest } = input;
  const data = { format: CARRIED_FORMAT, version: CARRIED_VERSION, ...rest, redacted, draft, ...text };
  return escapeForXml(JSON.stringify(data));
}

export function carriedAttachment(input: CarriedInput, text: DocumentText): Attachment {
  return {
    name: CARRIED_FILE_NAME,
    mimeType: 'application/json',
    description: input.document === 'diff' ? '新旧対照表の元の届出データ（変更前・変更後）' : 'この書類の元の届出データ（tos-filing）',
    relationship: 'Source',
    bytes: new TextEncoder().encode(carriedJson(input, text)),
  };
}

export type CarriedParse =
  | { ok: true; data: CarriedData }
  /** not ours: JSON or not, it is not tos-filing data */
  | { ok: false; why: 'foreign' }
  /** ours, but from a newer version of the tool */
  | { ok: false; why: 'version'; version: number };

/** Reads an embedded file back; anything that is not tos-filing data is 'foreign', never an exception. */
export function parseCarried(text: string): CarriedParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, why: 'foreign' };
  }
  if (!json || typeof json !== 'object' || (json as { format?: unknown }).format !== CARRIED_FORMAT) return { ok: false, why: 'foreign' };
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > CARRIED_VERSION) return { ok: false, why: 'version', version };
  const parsed = carriedSchema.safeParse(json);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, why: 'foreign' };
}
