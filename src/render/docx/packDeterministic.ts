import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Attachment } from '../../document/attachment.ts';
import { addCustomXmlParts } from './customXml.ts';

/**
 * Makes a packed .docx byte-identical across runs and time zones: fixed core-properties dates, fixed zip
 * entry times, a fixed entry order, and nanoid-based ids (relationships, watermark shapes) renumbered in order
 * of appearance. `fix` changes parts before they are zipped again.
 */
export function packDeterministic(
  packed: Uint8Array,
  isoDate: string,
  fix = (parts: Record<string, Uint8Array>) => parts,
  attachments?: readonly Attachment[],
): Uint8Array {
  return zipDeterministic(fix(unzipSync(packed)), isoDate, attachments);
}

/** The same, from the package's parts before they were ever zipped. */
export function zipDeterministic(files: Record<string, Uint8Array>, isoDate: string, attachments?: readonly Attachment[]): Uint8Array {
  addCustomXmlParts(files, attachments); // the data the document carries (customXml.ts)
  const stamp = `${isoDate}T00:00:00Z`;
  const core = files['docProps/core.xml'];
  if (core) {
    files['docProps/core.xml'] = strToU8(
      strFromU8(core)
        .replace(/(<dcterms:created[^>]*>)[^<]*/, `$1${stamp}`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*/, `$1${stamp}`),
    );
  }
  renumberRandomIds(files);
  // fflate writes DOS times from local getters: build the date from local components so TZ does not matter,
  // at noon, because some zones skip local midnight when daylight saving starts (that day would read 01:00)
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const mtime = new Date(Math.max(y, 1980), m - 1, d, 12);
  const names = Object.keys(files).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  return zipSync(Object.fromEntries(names.map((n) => [n, [files[n]!, { mtime, level: 6 }]])));
}

// random ids docx makes with nanoid, and the stem of the numbered id each becomes
// (`prefix`: what each id starts with, found by a plain search before the pattern scans the part)
const RANDOM_IDS = [
  { pattern: /rId[A-Za-z0-9_-]{15,}/g, prefix: 'rId', stem: 'rIdH' },
  { pattern: /PowerPlusWaterMarkObject[a-z0-9_-]{15,}/g, prefix: 'PowerPlusWaterMarkObject', stem: 'PowerPlusWaterMarkObject' },
];

function renumberRandomIds(files: Record<string, Uint8Array>): void {
  const targets = Object.keys(files).filter((n) => /^word\/(.*\.xml|_rels\/.*\.rels)$/.test(n)).sort();
  const texts = new Map(targets.map((name) => [name, strFromU8(files[name]!)]));
  for (const { pattern, prefix, stem } of RANDOM_IDS) {
    const ids = new Map<string, string>();
    for (const name of targets) {
      const text = texts.get(name)!;
      if (!text.includes(prefix) || text.search(pattern) === -1) continue;
      const renumbered = text.replace(pattern, (id) => {
        let fixed = ids.get(id);
        if (!fixed) {
          fixed = `${stem}${ids.size + 1}`;
          ids.set(id, fixed);
        }
        return fixed;
      });
      texts.set(name, renumbered);
      files[name] = strToU8(renumbered);
    }
  }
}
