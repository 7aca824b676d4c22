/** A filing as read by a reader: the name it came by (for outputs and reports) and its data, not yet judged. */
export interface FilingSource {
  file: string;
  data: unknown;
}

/** A file a command produced, named relative to the output folder; the CLI writes it (atomically). */
export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}
