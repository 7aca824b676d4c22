import type { EditorDocumentKind } from '../editorDocuments.ts';
import type { Key } from '../../model/schemaWalk.ts';
import type { Data } from './filingData.ts';

/**
 * Where the editor page keeps its file and makes its documents (TiddlyWiki's "saver", chosen when the page starts):
 * the editor's server (`tos-filing edit`: the file on disk, documents made by the server) or the offline single
 * file (documents made by a Worker in the page, the file opened and saved by the browser). The page itself —
 * form, validation, messages, preview — is the same code for both.
 */

/** The file the page edits, as the backend gives it. */
export interface FileAnswer {
  ok: boolean;
  message?: string;
  name: string;
  /** What the drafts kept in the browser are filed under. */
  path: string;
  exists: boolean;
  version: string;
  data: Data;
  /** Said once the page shows the file: for a draft made from a plan typed by hand, what was found in it. */
  note?: string;
}

export interface Answer<T> {
  status: number;
  body: T;
}

export interface SaveAnswer {
  ok: boolean;
  version?: string;
  error?: string;
  current?: FileAnswer;
  /** Said in place of 保存しました when the file went somewhere else (a download). */
  note?: string;
}

export interface DocumentsAnswer {
  ok: boolean;
  id?: string;
  draft?: boolean;
  message?: string;
  problems?: { where: string; message: string; at?: Key[] }[];
  error?: string;
}

export type DocumentFormat = 'pdf' | 'docx';

export interface Backend {
  readonly kind: 'server' | 'offline';
  /** The file to start with; offline, null until the person opens or creates one. */
  load(): Promise<Answer<FileAnswer> | null>;
  save(baseVersion: string, data: Data): Promise<Answer<SaveAnswer>>;
  /** The version of the file where it is kept, when the backend can look (the server: on disk). */
  currentVersion(): Promise<string | null>;
  /** The file as it is now where it is kept (after a change made outside the page). */
  current(): Promise<Answer<FileAnswer>>;
  /** The documents of one kind (the filing unless said: its copy for sharing, the 委任状), as `build` makes them. */
  makeDocuments(data: Data, formats: DocumentFormat[], kind?: EditorDocumentKind): Promise<Answer<DocumentsAnswer>>;
  /** Where the browser finds a made document: for the preview frame, or a download (with the name to save it as). */
  documentLink(id: string, format: DocumentFormat, download: boolean): { href: string; download: string };
  /** What the save could not reach is said in the page's words (the server's absence, a refused write). */
  readonly unreachable: string;
}
