/**
 * A file a document carries inside itself: in a PDF an associated file (/AF, PDF/A-3), in a .docx a custom XML
 * part. Writers embed the bytes as they are; what the file means is the business of whoever attached it.
 */
export interface Attachment {
  /** The file's name inside the document, e.g. tos-filing.json. */
  name: string;
  mimeType: string;
  /** A short description shown by PDF viewers' attachment panes. */
  description: string;
  /** How the file relates to the document (PDF/A-3 AFRelationship): Source = the document was made from it. */
  relationship: 'Source' | 'Data';
  bytes: Uint8Array;
}
