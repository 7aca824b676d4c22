import { parseFilingBytes } from '../io/parseFilingText.ts';
import { type SourceRead, kindOf, readDocument } from '../readers/readSource.ts';
import { screenRead } from './screening.ts';

/**
 * A file a person gave as bytes (the offline page has no paths): YAML, JSON, a .pdf/.docx made by tos-filing, or a
 * plan typed by hand, read and screened as the CLI's readSource does with a file on disk.
 */
export async function readReceived(file: string, bytes: Uint8Array): Promise<SourceRead> {
  const kind = kindOf(file, bytes);
  if (kind === 'filing') return parseFilingBytes(file, bytes);
  return screenRead(await readDocument(file, kind, bytes));
}
