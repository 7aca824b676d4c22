import { type Unzipped, unzipSync } from 'fflate';
import { base64Decode } from '../../util/bytes.ts';
import { SaxesParser } from 'saxes';
import { parseCarried } from '../../document/carriedData.ts';
import type { CarrierRead } from '../carrier.ts';
import { READ_LIMITS } from '../limits.ts';

/**
 * Reads a .docx we made (or one Word or LibreOffice saved again): the tos-filing data in its custom XML parts and
 * the text of its body. Only those parts are unzipped, each under a size limit taken from the zip's own
 * directory (fflate never inflates past the size it declares), so a zip bomb costs a bounded amount.
 */

export class ZipLimit extends Error {}

const WANTED = /^(word\/document\.xml|customXml\/item\d+\.xml)$/i;

/**
 * The parts of a zip whose names `wanted` matches, and only those, each within the reading limits (limits.ts):
 * throws ZipLimit beyond one, and fflate's error for a damaged zip. Shared with the reader of hand-typed plans.
 */
export function unzipWanted(bytes: Uint8Array, wanted: RegExp = WANTED): Unzipped {
  let entries = 0;
  let total = 0;
  return unzipSync(bytes, {
    filter(file) {
      if (++entries > READ_LIMITS.zipEntries) throw new ZipLimit('too many entries');
      if (!wanted.test(file.name)) return false;
      total += file.originalSize;
      if (file.originalSize > READ_LIMITS.zipPartBytes || total > READ_LIMITS.zipTotalBytes) throw new ZipLimit('part too large');
      return true;
    },
  });
}

export function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The file a custom XML part holds, if it is one of our attachments (see render/docx/customXml.ts). */
function attachmentText(xml: string): string | null {
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  let inside = false;
  let encoding = 'utf-8';
  let text = '';
  let ok = false;
  parser.on('opentag', (tag) => {
    depth++;
    if (depth === 1 && tag.local === 'attachment' && tag.uri === 'urn:x-tos-filing:attachment:1') {
      inside = true;
      ok = true;
      const enc = tag.attributes.encoding;
      encoding = typeof enc === 'string' ? enc : (enc?.value ?? 'utf-8');
    }
  });
  parser.on('closetag', () => {
    depth--;
    if (depth === 0) inside = false;
  });
  parser.on('text', (t) => {
    if (inside && depth === 1) text += t;
  });
  parser.on('cdata', (t) => {
    if (inside && depth === 1) text += t;
  });
  try {
    parser.write(xml).close();
  } catch {
    return null;
  }
  if (!ok) return null;
  return encoding === 'base64' ? utf8(base64Decode(text)) : text;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** The text of the body's runs (w:t) in document order; deleted text and markup-compatibility fallbacks are not shown. */
function bodyText(xml: string): string | null {
  const parser = new SaxesParser({ xmlns: true });
  const out: string[] = [];
  let inBody = 0;
  let inText = 0;
  let hidden = 0;
  parser.on('opentag', (tag) => {
    if (tag.uri === W && tag.local === 'body') inBody++;
    if (tag.uri === W && tag.local === 't') inText++;
    if (tag.uri === MC && tag.local === 'Fallback') hidden++;
  });
  parser.on('closetag', (tag) => {
    if (tag.uri === W && tag.local === 'body') inBody--;
    if (tag.uri === W && tag.local === 't') inText--;
    if (tag.uri === MC && tag.local === 'Fallback') hidden--;
  });
  parser.on('text', (t) => {
    if (inBody && inText && !hidden) out.push(t);
  });
  try {
    parser.write(xml).close();
  } catch {
    return null;
  }
  return out.join('');
}

export function readDocxCarrier(bytes: Uint8Array): CarrierRead {
  let files: Unzipped;
  try {
    files = unzipWanted(bytes);
  } catch (err) {
    return { ok: false, problem: err instanceof ZipLimit ? 'too-large' : 'damaged' };
  }
  const document = files['word/document.xml'];
  if (!document) return { ok: false, problem: 'damaged' };
  let newer: number | undefined;
  const items = Object.keys(files)
    .filter((n) => /^customXml\/item\d+\.xml$/i.test(n))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  for (const name of items) {
    const xml = utf8(files[name]!);
    const text = xml === null ? null : attachmentText(xml);
    if (text === null) continue;
    const parsed = parseCarried(text);
    if (!parsed.ok) {
      if (parsed.why === 'version') newer = parsed.version;
      continue;
    }
    const documentXml = utf8(document);
    return { ok: true, carried: parsed.data, bodyText: documentXml === null ? null : bodyText(documentXml) };
  }
  return newer !== undefined ? { ok: false, problem: 'newer-version', version: newer } : { ok: false, problem: 'no-data' };
}
