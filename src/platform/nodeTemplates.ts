import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { readRegularFile } from '../io/readBounded.ts';
import { readProblemMessage } from '../io/readProblems.ts';
import { TemplateError } from '../templates/templateError.ts';
import { MAX_TEMPLATE_BYTES, MAX_TEMPLATE_FILES, TEMPLATE_TOO_LARGE, TOO_MANY_TEMPLATES, type TemplateFile, type TemplateFolder } from '../templates/templateFolder.ts';
import { type CompiledTemplates, compileTemplateFolder } from '../templates/renderTemplates.ts';
import { packageRoot } from './packageRoot.ts';
import { withPrecompiledTemplates } from './precompiledTemplates.ts';

/** The templates folder on disk: the bundled one, or a firm's own (`--templates`). */

export const DEFAULT_TEMPLATES_DIR = join(packageRoot(), 'templates');

function realOrFail(path: string, what: string): string {
  try {
    return realpathSync(path);
  } catch {
    throw new TemplateError(`${path}: ${what}が見つかりません`);
  }
}

/**
 * Lists the templates of a folder: `*.hbs` at its top (documents) and in `partials/` (partials). Only
 * regular files that really lie inside the folder are taken: a symbolic link that leads out of it, a
 * folder named `x.hbs` or a device is a template error, so that a template folder received from someone
 * else cannot make the tool read other files on the machine.
 */
export function listTemplateFolder(dir: string): TemplateFolder {
  const root = realOrFail(dir, 'テンプレートのフォルダ');
  if (!statSync(root).isDirectory()) throw new TemplateError(`${dir}: テンプレートのフォルダではありません（フォルダを指定してください）`);
  const inside = (real: string) => real.startsWith(root + sep);
  let signature = '';
  let count = 0;
  const list = (folder: string): Map<string, TemplateFile> => {
    const found = new Map<string, TemplateFile>();
    let names: string[];
    try {
      names = readdirSync(folder).filter((n) => n.endsWith('.hbs')).sort();
    } catch (err) {
      throw new TemplateError(`${folder}: テンプレートのフォルダを読めません（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）`);
    }
    for (const name of names) {
      const file = join(folder, name);
      if (++count > MAX_TEMPLATE_FILES) throw new TemplateError(`${dir}: ${TOO_MANY_TEMPLATES}`);
      const real = realOrFail(file, 'テンプレート');
      if (!inside(real)) throw new TemplateError(`${file}: テンプレートのフォルダの外を指すリンクです（${real}）。テンプレートはフォルダの中に置いてください`);
      const stats = statSync(real);
      if (!stats.isFile()) throw new TemplateError(`${file}: テンプレートではありません（${stats.isDirectory() ? 'フォルダ' : '特殊なファイル'}です）`);
      signature += `${file}\u0000${stats.size}\u0000${stats.mtimeMs}\u0000${stats.ino}\n`;
      found.set(basename(name, '.hbs'), { file, name: basename(name, '.hbs') });
    }
    return found;
  };
  const documents = list(dir);
  const partialsDir = join(dir, 'partials');
  let partials = new Map<string, TemplateFile>();
  const partialsStats = statSync(partialsDir, { throwIfNoEntry: false });
  if (partialsStats) {
    const real = realOrFail(partialsDir, '部品（partials）のフォルダ');
    if (!inside(real) || !statSync(real).isDirectory()) throw new TemplateError(`${partialsDir}: 部品（partials）のフォルダはテンプレートのフォルダの中のフォルダである必要があります`);
    partials = list(partialsDir);
  }
  return { dir, documents, partials, signature, read: readTemplateSource };
}

/** The text of one template, read with the same guards as filings (regular file, size limit, UTF-8). */
export function readTemplateSource(template: TemplateFile): string {
  const read = readRegularFile(template.file, MAX_TEMPLATE_BYTES);
  if (!read.ok) {
    const why = read.problem.code === 'FILE_TOO_LARGE' ? TEMPLATE_TOO_LARGE : readProblemMessage(read.problem);
    throw new TemplateError(`${template.file}: ${why}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(read.bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new TemplateError(`${template.file}: UTF-8 の文字コードではありません（UTF-8 で保存し直してください）`);
  }
}

/** The templates of a folder on disk, compiled when first used and kept while its files stay the same. */
export function compileTemplates(dir: string = DEFAULT_TEMPLATES_DIR): CompiledTemplates {
  const folder = listTemplateFolder(dir);
  // the bundled templates, compiled when the package was installed (precompiledTemplates.ts)
  return compileTemplateFolder(dir === DEFAULT_TEMPLATES_DIR ? withPrecompiledTemplates(folder) : folder);
}
