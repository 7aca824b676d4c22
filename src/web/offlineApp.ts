import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FONT_FILES } from '../platform/node.ts';
import { DEFAULT_TEMPLATES_DIR, listTemplateFolder } from '../platform/nodeTemplates.ts';
import { packageRoot } from '../platform/packageRoot.ts';
import { precompileTemplateFolder } from '../templates/renderTemplates.ts';
import { offlinePageHtml } from './pageHtml.ts';

/**
 * `tos-filing app`: the offline single file. The editor's page script (src/web/page/main.ts, the one `edit`
 * serves), the Worker that runs the core (src/web/worker/offlineWorker.ts) with the package's templates compiled
 * into it, the style, and the fonts (gzip, base64) in one HTML file.
 *
 * Made by `npm install` (the prepare script) into dist/app/tos-filing.html, which `app` copies; made again
 * here only when the sources are newer, which needs esbuild (a development dependency).
 */

export const APP_FILE_NAME = 'tos-filing.html';
const builtPage = () => join(packageRoot(), 'dist', 'app', APP_FILE_NAME);

export class AppBuildError extends Error {}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Whether dist/app/tos-filing.html was made from the sources as they are now (an installed package has no src/). */
function builtIsFresh(): boolean {
  const page = builtPage();
  if (!existsSync(page)) return false;
  const src = join(packageRoot(), 'src');
  if (!existsSync(src)) return true;
  return statSync(page).mtimeMs >= Math.max(newestMtime(src), newestMtime(DEFAULT_TEMPLATES_DIR));
}

/** The package's templates as an ES module: sources and Handlebars' precompiled specifications by path. */
export function templatesModuleSource(dir: string = DEFAULT_TEMPLATES_DIR): string {
  const folder = listTemplateFolder(dir);
  const specs = precompileTemplateFolder(folder);
  const files: Record<string, string> = {};
  const entries: string[] = [];
  for (const [kind, map] of [['', folder.documents], ['partials/', folder.partials]] as const) {
    for (const template of map.values()) {
      const path = `${kind}${template.name}.hbs`;
      files[path] = folder.read(template);
      entries.push(`${JSON.stringify(path)}: ${specs[template.file]}`);
    }
  }
  return `export default { files: ${JSON.stringify(files)}, specs: { ${entries.join(',\n')} } };\n`;
}

type Esbuild = typeof import('esbuild');

function loadEsbuild(): Esbuild {
  // required, not import()ed: the CLI bundle is a code-cached script, which cannot import() at run time
  const name = 'esbuild';
  try {
    return createRequire(import.meta.url)(name) as Esbuild;
  } catch {
    throw new AppBuildError(
      'オフライン版のページを作るための esbuild がありません。npm install（開発用の依存関係を含む）を実行してから、もう一度 tos-filing app を実行してください',
    );
  }
}

const fontText = (path: string) => gzipSync(readFileSync(path), { level: 9 }).toString('base64');

const COMMON = { bundle: true, minify: true, write: false, platform: 'browser', target: 'chrome110', charset: 'utf8', legalComments: 'none', logLevel: 'warning' } as const;

/**
 * The character maps PDF.js needs for Japanese PDFs whose fonts are not embedded (UniJIS-UCS2-H…, Adobe-Japan1-UCS2),
 * as a module of base64 strings: the page cannot fetch them. The other scripts' maps are left out (the file's size).
 */
const JAPANESE_CMAPS = /^(Adobe-Japan1-UCS2|UniJIS[^X]*|90m?s?p?v?-RKSJ-[HV]|EUC-[HV]|[HV])\.bcmap$/;

function japaneseCMapsModule(): string {
  const dir = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
  const maps = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => JAPANESE_CMAPS.test(f))
      .sort()
      .map((f) => [f.replace(/\.bcmap$/, ''), readFileSync(join(dir, f)).toString('base64')]),
  );
  return `export default ${JSON.stringify(maps)};`;
}

/** The Worker's script: the core, with the package's templates compiled in. */
export async function bundleWorker(options: { metafile?: boolean } = {}) {
  const { build } = loadEsbuild();
  const root = packageRoot();
  const templates = templatesModuleSource();
  return build({
    ...COMMON,
    metafile: options.metafile ?? false,
    entryPoints: [join(root, 'src', 'web', 'worker', 'offlineWorker.ts')],
    outfile: join(root, 'dist', 'app-build', 'worker.js'),
    format: 'iife',
    // PDF.js's build reads import.meta.url only in Node, or to load a worker script it is never asked for
    define: { 'import.meta.url': '""' },
    plugins: [
      {
        name: 'tos-filing-templates',
        setup(b) {
          b.onResolve({ filter: /^tos-filing:templates$/ }, () => ({ path: 'templates', namespace: 'tos-filing' }));
          b.onResolve({ filter: /^tos-filing:cmaps$/ }, () => ({ path: 'cmaps', namespace: 'tos-filing' }));
          b.onResolve({ filter: /^tos-filing:pdfjs$/ }, () => ({ path: join(root, 'scripts', 'pdfjsBrowserEntry.mjs') }));
          b.onLoad({ filter: /^templates$/, namespace: 'tos-filing' }, () => ({ contents: templates, loader: 'js' }));
          b.onLoad({ filter: /^cmaps$/, namespace: 'tos-filing' }, () => ({ contents: japaneseCMapsModule(), loader: 'js' }));
        },
      },
    ],
  });
}

/** Builds the single file from the sources. */
export async function buildOfflinePage(): Promise<string> {
  const { build } = loadEsbuild();
  const root = packageRoot();
  // the editor's page script, as a classic script: it runs where it stands, before the fonts are read
  const page = await build({ ...COMMON, entryPoints: { app: join(root, 'src', 'web', 'page', 'main.ts') }, outdir: join(root, 'dist', 'app-build'), format: 'iife' });
  const worker = await bundleWorker();
  const text = (files: { path: string; text: string }[], ext: string) => files.find((f) => f.path.endsWith(ext))?.text ?? '';
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return offlinePageHtml({
    js: text(page.outputFiles, '.js'),
    css: text(page.outputFiles, '.css'),
    // the Worker's script as the fonts are (gzip, base64): the page unpacks it before starting the Worker
    worker: gzipSync(text(worker.outputFiles, '.js'), { level: 9 }).toString('base64'),
    fonts: { regular: fontText(FONT_FILES.regular.path), bold: fontText(FONT_FILES.bold.path), emoji: fontText(FONT_FILES.emoji.path) },
    version,
  });
}

/** The single file's bytes: the one `npm install` made, or made now from newer sources. */
export async function offlinePage(): Promise<Uint8Array> {
  if (builtIsFresh()) return readFileSync(builtPage());
  return new TextEncoder().encode(await buildOfflinePage());
}
