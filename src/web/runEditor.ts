import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { filingSkeleton } from '../app/init.ts';
import type { PortClassification } from '../catalog/classifyPort.ts';
import type { Prefecture } from '../catalog/prefectures.ts';
import { compileTemplates } from '../platform/nodeTemplates.ts';
import { clientAssets } from './clientBundle.ts';
import { FilingFile } from './filingFile.ts';
import { type EditorServer, startEditorServer } from './server.ts';

/**
 * `tos-filing edit`: serves the editor for one filing until Ctrl+C or SIGTERM. The default port is fixed, so that
 * the page comes back at the same address after a restart and finds the unsaved edits the browser kept for it.
 */

export const DEFAULT_HTTP_PORT = 47_800;
/** Ports tried after the default when it is taken (another editor is open). */
const DEFAULT_PORT_TRIES = 10;

export class EditorStartError extends Error {}

export interface EditorOptions {
  file: string;
  /** The port the filing is for, to start from the `init` skeleton when the file does not exist yet. */
  port?: PortClassification;
  /** With a port outside the registry: its 都道府県, for the skeleton's addressee. */
  unlisted?: { prefecture: Prefecture };
  /** undefined: the default port (or the next free one after it); 0: any free port. */
  httpPort?: number;
  open: boolean;
  log: (line: string) => void;
  /** The text to start from when the file does not exist yet, instead of the port's skeleton (a draft from `import`). */
  start?: { text: string; from: string; note?: string };
  /** A firm's own templates folder (as `build --templates`) for the preview and the documents. */
  templates?: string;
}

export async function startEditor(options: EditorOptions): Promise<EditorServer> {
  const exists = existsSync(options.file);
  if (!exists && !options.port && !options.start)
    throw new EditorStartError(`${options.file}: ファイルが見つかりません。新しく作る場合は --port 港名 を指定してください（例：--port 清水港）`);
  if (!exists && /\.(pdf|docx)$/iu.test(options.file))
    throw new EditorStartError(`${options.file}: 新しい届出ファイルは .yaml の名前で作ってください（例：tos-filing edit ${options.file.replace(/\.(pdf|docx)$/iu, '.yaml')} --port 港名）。書類（.pdf / .docx）は build が作ります`);
  if (exists && options.port) options.log(`${options.file} は既にあるため、--port の指定は使いません。`);
  const file = new FilingFile(
    options.file,
    options.start && !exists ? options.start.text : options.port ? filingSkeleton(options.port, 'new-license', { unlisted: options.unlisted }) : undefined,
  );
  const read = file.read();
  if (!read.ok) throw new EditorStartError(read.message);
  const templates = compileTemplates(options.templates);
  // a broken firm's folder is said now, with file, line and column, not at the first preview
  if (options.templates) templates.checkAll();
  const assets = await clientAssets();

  const ports = options.httpPort === undefined ? Array.from({ length: DEFAULT_PORT_TRIES }, (_, i) => DEFAULT_HTTP_PORT + i) : [options.httpPort];
  let server: EditorServer | undefined;
  for (const port of ports) {
    try {
      server = await startEditorServer({ file, templates, assets, port, ...(options.start?.note && !exists ? { startNote: options.start.note } : {}) });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    }
  }
  if (!server) throw new EditorStartError(`ポート ${ports.join('・')} は使用中です。--http-port 0 で空いているポートを使えます`);
  if (!read.state.exists && options.start) options.log(`${options.start.from} の本文から作った下書きを ${options.file} として開きます。「保存」で作成します（それまでファイルは作られません）。`);
  else if (!read.state.exists) options.log(`${options.file} はまだありません。${options.port!.name ?? options.port!.input} のひな形から始め、「保存」で作成します。`);
  options.log(`届出の編集画面：${server.url}`);
  options.log('終了するには Ctrl+C を押してください。');
  if (options.open) openBrowser(server.url);
  return server;
}

/** Runs the editor until the process is asked to stop. */
export async function runEditor(options: EditorOptions): Promise<void> {
  const server = await startEditor(options);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  options.log('編集画面を終了しました。');
}

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no browser to open: the URL is printed
  }
}
