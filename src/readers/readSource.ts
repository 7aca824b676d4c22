import { changedSections, normalizeVisible } from '../document/visibleText.ts';
import { type ReadResult, parseFilingBytes } from '../io/parseFilingText.ts';
import { extName } from '../util/fileName.ts';
import type { CarrierProblem, CarrierRead } from './carrier.ts';
import { readDocxCarrier } from './docx/readDocx.ts';
import { READ_LIMITS } from './limits.ts';
import { readPdfCarrier } from './pdf/readPdf.ts';
import { readPlanDocx } from './plan/readPlanDocx.ts';
import { readPlanPdf } from './plan/readPlanPdf.ts';
import type { PlanText } from './plan/screening.ts';
import type { PlanRead } from './plan/textBlock.ts';

/**
 * The reader registry: a filing comes from a YAML or JSON file, or from the data a .pdf or .docx we made carries.
 * The reader is chosen by the file's first bytes (%PDF-, or a zip) and then its extension; every reader returns
 * the filing's data, not yet judged, or a message that names the file's problem in Japanese.
 */

/** What a document's reader found besides the filing: where it came from and whether its text was edited. */
export interface CarrierInfo {
  format: 'pdf' | 'docx';
  /** filing / diff: a document tos-filing made; plan: one it did not make, read as text and screened. */
  document: 'filing' | 'diff' | 'plan';
  redacted: boolean;
  draft: boolean;
  /**
   * Titles of the sections whose visible text no longer matches the text the document was made with ('' is the
   * part before the first heading); null when the text could not be read at all.
   */
  changedSections: string[] | null;
  /** For a 新旧対照表: the version before the change (the data is the version after). */
  before?: unknown;
  /**
   * For a hand-typed plan: its text. The app screens it (app/screening.ts); the data is then the draft filing made
   * from what was found (null until then).
   */
  handTyped?: PlanText;
}

/** A failure: the YAML reader's (with its structured problem) or a document reader's (a message). */
type SourceFailure = Omit<Extract<ReadResult, { ok: false }>, 'problem'> & { problem?: Extract<ReadResult, { ok: false }>['problem'] };

export type SourceRead = SourceFailure | { ok: true; file: string; data: unknown; carrier?: CarrierInfo };

export const DOCUMENT_EXTENSIONS = ['.pdf', '.docx'] as const;

const PROBLEMS: Record<CarrierProblem, (format: string) => string> = {
  'no-data': (f) =>
    `この${f}には tos-filing の届出データが含まれていません（tos-filing で作成した書類だけが読めます。届出ファイル（YAML）があればそれを指定してください）`,
  'newer-version': (f) => `この${f}の届出データは、新しい版の tos-filing で作成されています。tos-filing を更新してください`,
  encrypted: (f) => `この${f}は暗号化（パスワード保護）されているため読めません。保護を解除したファイルを指定してください`,
  damaged: (f) => `${f}として読めません（ファイルが壊れているか、${f}ではありません）`,
  'too-large': (f) => `${f}の内容が大きすぎるため読むのをやめました（tos-filing が作成する書類はこの上限を大きく下回ります）`,
};

/**
 * Which reader a file needs: by its first bytes (%PDF-, a zip); a file without them is a document only by its
 * extension when it does not look like text (a YAML file someone named filing.pdf is still a filing).
 */
export function kindOf(file: string, head: Uint8Array): 'pdf' | 'docx' | 'filing' {
  const ext = extName(file).toLowerCase();
  head = head.subarray(0, 8);
  const ascii = String.fromCharCode(...head);
  if (ascii.startsWith('%PDF-')) return 'pdf';
  if (ascii.startsWith('PK\u0003\u0004')) return 'docx';
  const looksLikeText = head.length > 0 && !head.includes(0) && new TextDecoder('utf-8', { fatal: false }).decode(head).indexOf('\ufffd') === -1;
  if (!looksLikeText && ext === '.pdf') return 'pdf';
  if (!looksLikeText && ext === '.docx') return 'docx';
  return 'filing';
}

function fromCarrier(file: string, format: 'pdf' | 'docx', read: CarrierRead): SourceRead {
  const label = format === 'pdf' ? 'PDF' : 'Word文書（.docx）';
  if (!read.ok) return { ok: false, file, reason: 'unreadable', message: PROBLEMS[read.problem](label) };
  const { carried, bodyText } = read;
  const visible = bodyText === null ? null : normalizeVisible(bodyText);
  const carrier: CarrierInfo = {
    format,
    document: carried.document,
    redacted: carried.redacted,
    draft: carried.draft,
    changedSections: visible === null ? null : changedSections(carried, visible),
  };
  if (carried.document === 'diff') return { ok: true, file, data: carried.after, carrier: { ...carrier, before: carried.before } };
  return { ok: true, file, data: carried.filing, carrier };
}

/**
 * Reads a filing from the bytes of any file a person may give: YAML, JSON, or a .pdf/.docx made by tos-filing,
 * the reader picked by the content. The one way in for the CLI (platform/readSourceFile.ts), the editor and the
 * offline page; a reader for other kinds of file plugs in here.
 */
export function readSourceBytes(file: string, bytes: Uint8Array): SourceRead {
  const kind = kindOf(file, bytes);
  return kind === 'filing' ? parseFilingBytes(file, bytes) : readDocumentBytes(file, kind, bytes);
}

/** A plan tos-filing did not make: its text, for the app to screen (its data is null until then). */
export function fromPlan(file: string, read: PlanRead): SourceRead {
  if (!read.ok) return { ok: false, file, reason: 'unreadable', message: read.message };
  if (!read.blocks.length) {
    const what = read.format === 'pdf' ? 'PDF' : 'Word文書（.docx）';
    return { ok: false, file, reason: 'unreadable', message: `この${what}には本文の文字がありません（tos-filing の届出データもありません）` };
  }
  const handTyped: PlanText = { format: read.format, ...(read.pages !== undefined ? { pages: read.pages } : {}), blocks: read.blocks };
  return { ok: true, file, data: null, carrier: { format: read.format, document: 'plan', redacted: false, draft: true, changedSections: [], handTyped } };
}

/**
 * The same for bytes already in memory (tests, the editor), without waiting: a .pdf/.docx made by tos-filing, or a
 * hand-typed .docx. A hand-typed PDF needs PDF.js, which is asynchronous: readDocument reads those.
 */
export function readDocumentBytes(file: string, format: 'pdf' | 'docx', bytes: Uint8Array): SourceRead {
  if (bytes.length > READ_LIMITS.fileBytes) return { ok: false, file, reason: 'unreadable', message: `ファイルが大きすぎます（${READ_LIMITS.fileBytes / 1024 / 1024}MBまで）` };
  const carried = format === 'pdf' ? readPdfCarrier(bytes) : readDocxCarrier(bytes);
  if (format === 'docx' && !carried.ok && carried.problem === 'no-data') return fromPlan(file, readPlanDocx(bytes));
  return fromCarrier(file, format, carried);
}

/** Any .pdf/.docx: one tos-filing made (its data), or a plan typed by hand (its text screened, see fromPlan). */
export async function readDocument(file: string, format: 'pdf' | 'docx', bytes: Uint8Array): Promise<SourceRead> {
  if (format === 'docx' || bytes.length > READ_LIMITS.fileBytes) return readDocumentBytes(file, format, bytes);
  const carried = readPdfCarrier(bytes);
  // a PDF our reader cannot follow (object streams, say) may still have a text layer PDF.js reads
  if (!carried.ok && (carried.problem === 'no-data' || carried.problem === 'damaged')) return fromPlan(file, await readPlanPdf(bytes));
  return fromCarrier(file, format, carried);
}
