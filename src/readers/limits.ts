/**
 * What reading a document may cost at most. Documents we make are well under every limit (a filing's PDF is a
 * few hundred KB, its data a few dozen); a file beyond one is refused with a message, never read further.
 */
export const READ_LIMITS = {
  /** The size of a .pdf or .docx file. */
  fileBytes: 50 * 1024 * 1024,
  /** Objects in a PDF (counted while scanning). */
  pdfObjects: 200_000,
  /** One PDF stream, decoded. */
  pdfStreamBytes: 16 * 1024 * 1024,
  /** All the PDF streams decoded while reading one file. */
  pdfDecodedBudget: 64 * 1024 * 1024,
  /** Pages walked for text. */
  pdfPages: 5_000,
  /** Tokens read from all the content streams of one file. */
  pdfContentTokens: 5_000_000,
  /** Entries in a .docx (zip) file. */
  zipEntries: 5_000,
  /** One part of a .docx we read, as its header declares it uncompressed. */
  zipPartBytes: 32 * 1024 * 1024,
  /** The parts of a .docx we read, together. */
  zipTotalBytes: 64 * 1024 * 1024,
} as const;
