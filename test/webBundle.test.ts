import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The page runs the CLI's own model, validator and catalog in the browser: they must bundle for the browser
 * with nothing of Node in them, and the page must not pull in the writers, the readers or the file system.
 */
describe('the editor page bundle', () => {
  it('bundles for the browser without any Node module or server-side part', async () => {
    const result = await build({
      entryPoints: ['src/web/page/main.ts'],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      outdir: 'out/bundle-check',
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs).toContain('src/validate/validate.ts');
    expect(inputs).toContain('src/catalog/requirements.ts');
    expect(inputs.filter((p) => /^(node:|src\/(io|render|app|templates|document)\/)|src\/web\/(server|filingFile|guard|runEditor|clientBundle)\.ts/.test(p))).toEqual([]);
    const js = result.outputFiles!.find((f) => f.path.endsWith('.js'))!.text;
    expect(js).not.toContain('require("node:');
    // system fonts only, nothing fetched from elsewhere
    const css = result.outputFiles!.find((f) => f.path.endsWith('.css'))!.text;
    expect(css).not.toMatch(/@import|@font-face|url\(/);
  });

  it('takes from zod only what the schemas use (not its messages in sixty other languages)', async () => {
    // `import { z } from 'zod'` hands over one object holding all of zod, which the bundler cannot trim: the page
    // grew to 476 KB, two thirds of it messages in 60 languages, and took a third of a second longer to start
    const result = await build({ entryPoints: ['src/web/page/main.ts'], bundle: true, write: false, minify: true, platform: 'browser', format: 'esm', outdir: 'out/bundle-check', metafile: true, logLevel: 'silent' });
    const js = Object.values(result.metafile!.outputs).find((o) => o.entryPoint)!;
    const zodParts = Object.entries(js.inputs)
      .filter(([p, used]) => p.includes('node_modules/zod/') && used.bytesInOutput > 0)
      .map(([p]) => p);
    expect(zodParts.length).toBeGreaterThan(0);
    expect(zodParts.filter((p) => /\/locales\/(?!en\.js)/.test(p))).toEqual([]);
  });
});
