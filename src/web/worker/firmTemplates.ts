import { hex } from '../../platform/host.ts';
import { sha256 } from '../../platform/sha256.ts';
import { type CompiledTemplates, compileTemplateFolder } from '../../templates/renderTemplates.ts';
import { TemplateError } from '../../templates/templateError.ts';
import { MAX_TEMPLATE_BYTES, MAX_TEMPLATE_FILES, TEMPLATE_TOO_LARGE, TOO_MANY_TEMPLATES, templatesInMemory } from '../../templates/templateFolder.ts';

/** A template file of the folder the person chose: its path inside the folder (`filing.hbs`, `partials/cover.hbs`) and its text. */
export interface ChosenTemplateFile {
  path: string;
  text: string;
}

/** The files of the chosen folder as the page sends them (paths inside the folder): each read only when small enough. */
export async function readChosenFiles(folder: string, files: readonly { path: string; file: Blob }[]): Promise<ChosenTemplateFile[] | { ok: false; message: string }> {
  const dir = folder || 'templates';
  const hbs = files.filter((f) => TEMPLATE_PATH.test(f.path));
  if (hbs.length > MAX_TEMPLATE_FILES) return tooMany(dir);
  const read: ChosenTemplateFile[] = [];
  for (const { path, file } of hbs) {
    if (file.size > MAX_TEMPLATE_BYTES) return tooLarge(dir, path);
    try {
      read.push({ path, text: new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()) });
    } catch {
      return { ok: false, message: `${dir}/${path}: UTF-8 の文字コードではありません（UTF-8 で保存し直してください）` };
    }
  }
  return read;
}

const tooMany = (dir: string) => ({ ok: false as const, message: `${dir}: ${TOO_MANY_TEMPLATES}` });
const tooLarge = (dir: string, path: string) => ({ ok: false as const, message: `${dir}/${path}: ${TEMPLATE_TOO_LARGE}` });

/** `filing.hbs` at the folder's top or `partials/x.hbs`: the templates `--templates` lists. */
const TEMPLATE_PATH = /^(partials\/)?[^/]+\.hbs$/;

export type ChosenTemplates = { ok: true; templates: CompiledTemplates } | { ok: false; message: string };

/**
 * A firm's own templates folder, chosen on the offline page: checked with the rules and messages of `--templates`
 * and `templates check` (file, line and column), and run from their syntax trees, since the page may not make
 * code from text.
 */
export function chosenTemplates(folder: string, files: readonly ChosenTemplateFile[]): ChosenTemplates {
  // the files as readChosenFiles gave them: templates of the folder only, within the bounds of --templates
  const dir = folder || 'templates';
  const texts: Record<string, string> = {};
  const encoder = new TextEncoder();
  let signature = '';
  for (const file of files) {
    texts[file.path] = file.text.replace(/^\uFEFF/, '');
    signature += `${file.path}\u0000${hex(sha256(encoder.encode(file.text)))}\n`;
  }
  try {
    const templates = compileTemplateFolder({ ...templatesInMemory(dir, texts), signature }, { interpret: true });
    templates.checkAll();
    return { ok: true, templates };
  } catch (err) {
    if (err instanceof TemplateError) return { ok: false, message: err.message };
    throw err;
  }
}
