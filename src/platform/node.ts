import { createHash } from 'node:crypto';
import { existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { FontFormatError } from '../render/pdf/trueTypeFont.ts';
import { deflate, inflate } from './flate.ts';
import { type FontRole, type FontSource, type Host, type PdfJs, installHost } from './host.ts';
import { packageRoot } from './packageRoot.ts';

/** The host of the CLI and the editor's server: fonts read from the installed npm packages. */

const require = createRequire(import.meta.url);

export const FONT_FILES: Record<FontRole, { path: string }> = {
  regular: { path: require.resolve('@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf') },
  bold: { path: require.resolve('@expo-google-fonts/noto-serif-jp/700Bold/NotoSerifJP_700Bold.ttf') },
  emoji: { path: require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf') },
};

/** Reads a file with positional reads; the descriptor stays open for the life of the process (one per font). */
export function fileSource(path: string): FontSource {
  const fd = openSync(path, 'r');
  return {
    size: fstatSync(fd).size,
    read(offset, length) {
      const out = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, out, done, length - done, offset + done);
        if (n === 0) throw new FontFormatError(`read past the end of ${path} (${offset}+${length})`);
        done += n;
      }
      return out;
    },
  };
}

export function nodeHost(): Host {
  const fonts = new Map<FontRole, FontSource>();
  return {
    font(role) {
      let source = fonts.get(role);
      if (!source) fonts.set(role, (source = fileSource(FONT_FILES[role].path)));
      return source;
    },
    deflate,
    inflate,
    // Node's own digest (the same bytes as sha256.ts, which the browser uses), many times faster than plain JS
    sha256: (bytes) => new Uint8Array(createHash('sha256').update(bytes).digest()),
    pdfjs: loadPdfjs,
  };
}

let pdfjs: Promise<PdfJs> | undefined;

/**
 * PDF.js, loaded the first time a hand-typed PDF is read: the CommonJS bundle of it that `npm install` makes
 * (dist/pdfjs.cjs, by scripts/bundle.mjs: the CLI's code-cached script cannot import() an ES module), else the
 * package itself (Node's require of an ES module). Its worker runs in this thread (no Worker is started).
 */
function loadPdfjs(): Promise<PdfJs> {
  pdfjs ??= Promise.resolve().then(() => {
    const bundled = join(packageRoot(), 'dist', 'pdfjs.cjs');
    let lib: PdfJs;
    if (existsSync(bundled)) lib = require(bundled) as PdfJs;
    else {
      const build = 'pdfjs-dist/legacy/build/';
      const g = globalThis as { pdfjsWorker?: unknown };
      g.pdfjsWorker ??= require(`${build}pdf.worker.mjs`);
      lib = require(`${build}pdf.mjs`) as PdfJs;
    }
    // the character maps of PDFs whose CJK fonts are not embedded (UniJIS-UCS2-H…), read from the package
    const cMapUrl = `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps')}/`;
    return { getDocument: (params) => lib.getDocument({ cMapUrl, cMapPacked: true, ...params }) };
  });
  return pdfjs;
}

/** For the entry points (the CLI, tests, benchmarks): install the Node host once. */
export function installNodeHost(): void {
  installHost(nodeHost());
}
