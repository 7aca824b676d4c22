import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { precompileTemplateFolder } from '../templates/renderTemplates.ts';
import type { TemplateFile, TemplateFolder } from '../templates/templateFolder.ts';
import { packageRoot } from './packageRoot.ts';

/**
 * The bundled templates compiled ahead of time (`npm install` writes dist/templates.cjs, scripts/bundle.mjs):
 * parsing, checking and compiling them took a tenth of a new process's build. A template is taken from there only
 * while its text has the hash recorded with it, and only in a folder with the same partials (the checks looked at
 * their names); anything else is compiled from its text as before.
 */

export const PRECOMPILED_TEMPLATES_FILE = join(packageRoot(), 'dist', 'templates.cjs');

export interface PrecompiledTemplates {
  partials: string[];
  templates: Record<string, { sha256: string; spec: object }>;
}

const textHash = (text: string) => createHash('sha256').update(text).digest('hex');
const keyOf = (folder: TemplateFolder, template: TemplateFile) => relative(folder.dir, template.file).split('\\').join('/');
const partialsOf = (folder: TemplateFolder) => [...folder.partials.keys()].sort().join('\n');

/** The CommonJS source of dist/templates.cjs for a folder (the bundled templates). */
export function precompiledTemplatesSource(folder: TemplateFolder): string {
  const specs = precompileTemplateFolder(folder);
  const entries = [...folder.documents.values(), ...folder.partials.values()].map(
    (t) => `${JSON.stringify(keyOf(folder, t))}: { sha256: ${JSON.stringify(textHash(folder.read(t)))}, spec: ${specs[t.file]} }`,
  );
  return `module.exports = { partials: ${JSON.stringify([...folder.partials.keys()].sort())}, templates: { ${entries.join(',\n')} } };\n`;
}

function load(): PrecompiledTemplates | undefined {
  try {
    return createRequire(import.meta.url)(PRECOMPILED_TEMPLATES_FILE) as PrecompiledTemplates;
  } catch {
    return undefined;
  }
}

/** The folder, taking from dist/templates.cjs each template whose text is still the one compiled there. */
export function withPrecompiledTemplates(folder: TemplateFolder, loaded: PrecompiledTemplates | undefined = load()): TemplateFolder {
  if (!loaded || loaded.partials.join('\n') !== partialsOf(folder)) return folder;
  return {
    ...folder,
    precompiled(template) {
      const entry = loaded.templates[keyOf(folder, template)];
      return entry && entry.sha256 === textHash(folder.read(template)) ? entry.spec : undefined;
    },
  };
}
