import { fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FontFormatError } from '../render/pdf/trueTypeFont.ts';
import { deflate, inflate } from './flate.ts';
import { type FontRole, type FontSource, type Host, installHost } from './host.ts';
import { sha256 } from './sha256.ts';

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
    sha256,
  };
}

/** For the entry points (the CLI, tests, benchmarks): install the Node host once. */
export function installNodeHost(): void {
  installHost(nodeHost());
}
