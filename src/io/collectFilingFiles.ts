import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

const FILING_EXTENSIONS = /\.(ya?ml|json)$/i;
/** Documents made by tos-filing carry their filing: a folder of received documents can be reviewed as it is. */
const WITH_DOCUMENTS = /\.(ya?ml|json|pdf|docx)$/i;

const realPath = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
};

/** The names review writes into its output folder that it could otherwise read back as a filing. */
const OWN_OUTPUTS = new Set(['review.json', 'review.pdf', 'review.docx']);
/**
 * The 委任状 build writes beside a filing made through an agent (<name>.委任状.pdf / .docx): it carries no filing (the
 * filing's own documents do), so a folder of received documents is reviewed without it. Named on its own, it is read.
 */
const POWER_OF_ATTORNEY = /\.委任状\.(pdf|docx)$/i;

/**
 * The filing files named by the arguments: files as given, folders searched recursively, in a stable order.
 * The output folder is never searched when it lies inside a searched folder, and when it is a searched
 * folder itself, review's own outputs in it are left out, so that a second run does not review the first
 * run's review.json; nor are the 委任状 a build made. Symbolic links to folders are not followed (no loops).
 */
export function collectFilingFiles(inputs: readonly string[], options: { outDir?: string; documents?: boolean } = {}): string[] {
  const wanted = options.documents ? WITH_DOCUMENTS : FILING_EXTENSIONS;
  const out: string[] = [];
  const outReal = options.outDir === undefined ? null : realPath(options.outDir);
  const walk = (dir: string, top: boolean) => {
    const real = realPath(dir);
    if (!top && real !== null && real === outReal) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      out.push(dir); // reported in its row as unreadable
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, false);
      else if (wanted.test(entry.name) && !(real !== null && real === outReal && OWN_OUTPUTS.has(entry.name)) && !(options.documents && POWER_OF_ATTORNEY.test(entry.name))) out.push(path);
    }
  };
  for (const input of inputs) {
    let isFolder = false;
    try {
      isFolder = statSync(input).isDirectory();
    } catch {
      // a missing or unreachable file is reported in its row
    }
    if (isFolder) walk(input, true);
    else out.push(input); // a missing file is reported in its row
  }
  return out;
}
