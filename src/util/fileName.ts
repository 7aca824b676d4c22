/** File names as text, without node:path, for the page and the CLI alike (both / and \ separate folders). */

export const baseName = (file: string) => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/** The extension with its dot, lower case as written ('' when none; a leading dot is not one, as in node:path). */
export function extName(file: string): string {
  const name = baseName(file);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot);
}

export const joinPath = (dir: string, name: string) => (dir === '' ? name : /[/\\]$/.test(dir) ? dir + name : `${dir}/${name}`);
