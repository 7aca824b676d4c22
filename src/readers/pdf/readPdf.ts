import { parseCarried } from '../../document/carriedData.ts';
import { latin1Bytes, latin1Text } from '../../util/bytes.ts';
import type { CarrierRead } from '../carrier.ts';
import { PdfFile, PdfLimitError, isStream } from './pdfObjects.ts';
import { nameOf } from './pdfSyntax.ts';
import { pdfBodyText } from './pdfText.ts';

/**
 * Reads a PDF we made (or one someone re-saved): the tos-filing data in its embedded files, and its body text.
 * Never throws for what the file holds; limits on size, objects and decoding bound the cost (limits.ts).
 */
export function readPdfCarrier(bytes: Uint8Array): CarrierRead {
  const text = latin1Text(bytes);
  if (!text.slice(0, 1024).includes('%PDF-')) return { ok: false, problem: 'damaged' };
  try {
    const pdf = new PdfFile(text);
    if (pdf.encrypted) return { ok: false, problem: 'encrypted' };
    let newer: number | undefined;
    for (const object of pdf.allObjects()) {
      if (!isStream(object) || nameOf(object.dict.get('Type')) !== 'EmbeddedFile') continue;
      const data = pdf.decode(object);
      if (data === null) continue;
      const parsed = parseCarried(new TextDecoder().decode(latin1Bytes(data)));
      if (!parsed.ok) {
        if (parsed.why === 'version') newer = parsed.version;
        continue;
      }
      let bodyText: string | null;
      try {
        bodyText = pdfBodyText(pdf);
      } catch (err) {
        if (!(err instanceof PdfLimitError)) throw err;
        bodyText = null;
      }
      return { ok: true, carried: parsed.data, bodyText };
    }
    return newer !== undefined ? { ok: false, problem: 'newer-version', version: newer } : { ok: false, problem: 'no-data' };
  } catch (err) {
    if (err instanceof PdfLimitError) return { ok: false, problem: 'too-large' };
    if (err instanceof RangeError) return { ok: false, problem: 'damaged' }; // e.g. a stack overflow on hostile nesting
    throw err;
  }
}
