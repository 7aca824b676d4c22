import { MAX_FILING_BYTES } from './limits.ts';
import { readRegularFile } from './readBounded.ts';
import { type ReadResult, failed, parseFilingBytes } from './parseFilingText.ts';

export { type ReadResult, parseFilingBytes, parseFilingText } from './parseFilingText.ts';

/** Reads a filing file (YAML, or JSON, which is YAML too) without judging its content. Never writes. */
export function readFiling(file: string): ReadResult {
  const read = readRegularFile(file, MAX_FILING_BYTES);
  return read.ok ? parseFilingBytes(file, read.bytes) : failed(file, 'unreadable', read.problem);
}
