
/** A template file larger than this is refused (the bundled ones are under 6 KB). */
export const MAX_TEMPLATE_BYTES = 256 * 1024;

/** Template files in one folder (documents and partials together). */
export const MAX_TEMPLATE_FILES = 200;

/** What a folder of too many templates, or a template too large, is told (the CLI's folder and the page's chosen one alike). */
export const TOO_MANY_TEMPLATES = `テンプレートが多すぎます（1フォルダ${MAX_TEMPLATE_FILES}ファイルまで）`;
export const TEMPLATE_TOO_LARGE = `テンプレートが大きすぎます（1ファイル${MAX_TEMPLATE_BYTES / 1024}KBまで）`;

export interface TemplateFile {
  /** The path as the user gave the folder, for messages. */
  file: string;
  /** `filing` for filing.hbs, `cover` for partials/cover.hbs */
  name: string;
}

export interface TemplateFolder {
  dir: string;
  documents: Map<string, TemplateFile>;
  partials: Map<string, TemplateFile>;
  /** Names, sizes and modification times of every template: the folder's contents changed when this did. */
  signature: string;
  /** The text of a template (a TemplateError naming the file when it cannot be read). */
  read(template: TemplateFile): string;
  /** A template compiled ahead of time (Handlebars' precompiled specification), when the shell carries them so. */
  precompiled?(template: TemplateFile): object | undefined;
}

/** A folder whose files are already in memory (the offline page carries the bundled templates): path → text. */
export function templatesInMemory(dir: string, files: Record<string, string>, precompiled?: Record<string, object>): TemplateFolder {
  const documents = new Map<string, TemplateFile>();
  const partials = new Map<string, TemplateFile>();
  for (const path of Object.keys(files).sort()) {
    const m = /^(partials\/)?([^/]+)\.hbs$/.exec(path);
    if (!m) continue;
    (m[1] ? partials : documents).set(m[2]!, { file: `${dir}/${path}`, name: m[2]! });
  }
  const text = new Map(Object.entries(files).map(([path, t]) => [`${dir}/${path}`, t]));
  const folder: TemplateFolder = { dir, documents, partials, signature: precompiled ? 'precompiled' : 'memory', read: (template) => text.get(template.file)! };
  if (precompiled) folder.precompiled = (template) => precompiled[template.file];
  return folder;
}
