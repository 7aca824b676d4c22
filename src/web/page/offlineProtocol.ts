/**
 * What the offline page and its Worker say to each other (the Worker runs the core: reading a file, the `init`
 * skeleton, the documents, the YAML splice of a save). Every request carries an id; the answer has the same id.
 */
import type { EditorDocumentKind } from '../editorDocuments.ts';
import type { ReviewRow } from '../../review/reviewFilings.ts';
import type { Data } from './filingData.ts';

export type OfflineFormat = 'pdf' | 'docx';

/** A filing as the editor holds it offline: the text it came as (comments kept on save) and its data. */
export interface OfflineFiling {
  name: string;
  /** json: saved as JSON; yaml: the text is spliced, comments and layout kept. */
  format: 'yaml' | 'json';
  text: string;
  data: Data;
  /** SHA-256 of the text: the version the drafts of this filing are kept under. */
  version: string;
  /** The kind of file it was read from, when not YAML or JSON: the page says so. */
  from?: 'pdf' | 'docx';
  /** For a plan typed by hand: what `import` found where and did not find, said once it is open. */
  note?: string;
}

/** What the examiner may download for one received file: 補正のお願い (as `review --notice`), the YAML a document carries (as `extract`). */
export interface ReviewedFileOutputs {
  notices: { name: string; bytes: Uint8Array }[];
  extracted?: { name: string; text: string };
}

export type WorkerRequest =
  | { op: 'fonts'; fonts: Record<'regular' | 'bold' | 'emoji', string> }
  | { op: 'open'; name: string; bytes: Uint8Array }
  | { op: 'new'; port: string; kind: string }
  | { op: 'save'; filing: Pick<OfflineFiling, 'name' | 'format' | 'text'>; data: Data }
  /** A firm's own templates folder (paths inside it, texts) for the builds that follow; without files, back to the bundled one. */
  | { op: 'templates'; folder: string; files?: { path: string; file: Blob }[] }
  | { op: 'build'; name: string; data: Data; formats: OfflineFormat[]; kind?: EditorDocumentKind }
  | { op: 'review'; files: { name: string; bytes: Uint8Array }[]; bureau?: string }
  | { op: 'diff'; before: { name: string; bytes: Uint8Array }; after: { name: string; bytes: Uint8Array } };

export type WorkerAnswer =
  | { ok: true; filing: OfflineFiling }
  | { ok: true; text: string; version: string }
  | { ok: true; draft: boolean; stem: string; documents: Partial<Record<OfflineFormat, Uint8Array>> }
  | { ok: true; rows: ReviewRow[]; xlsx: Uint8Array; reviewDocuments: { name: string; bytes: Uint8Array }[]; perFile: ReviewedFileOutputs[] }
  | { ok: true; outputs: { name: string; bytes: Uint8Array }[]; changes: number; alerts: string[] }
  | { ok: true }
  | { ok: false; message: string; problems?: { where: string; message: string; at: (string | number)[] }[] };
