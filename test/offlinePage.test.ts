import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildFiling } from '../src/app/build.ts';
import { bundledTemplates } from '../src/platform/browser.ts';
import { compileTemplates } from '../src/platform/nodeTemplates.ts';
import { TemplateError } from '../src/templates/templateError.ts';
import { templatesInMemory } from '../src/templates/templateFolder.ts';
import { compileTemplateFolder, precompileTemplateFolder } from '../src/templates/renderTemplates.ts';
import { bundleWorker, templatesModuleSource } from '../src/web/offlineApp.ts';
import { createHash } from 'node:crypto';
import { offlineContentSecurityPolicy, offlinePageHtml, scriptText } from '../src/web/pageHtml.ts';
import { fixturePath } from './helpers/fixtures.ts';
import { runCli } from './helpers/runCli.ts';

/**
 * The offline single file carries its templates compiled to code (its policy lets nothing turn text into code)
 * and must make the very bytes the CLI makes; its page forbids every connection.
 */

/** The generated module, run as the page's bundler would include it. */
function loadTemplatesModule() {
  const source = templatesModuleSource().replace(/^export default /, 'return ');
  return new Function(source)() as { files: Record<string, string>; specs: Record<string, object> };
}

describe('templates compiled into the offline page', () => {
  it('make the same documents, byte for byte, as the templates the CLI compiles', async () => {
    const data = parse(readFileSync(fixturePath('sample/specified-complete.yaml'), 'utf8'));
    const source = { file: 'specified-complete.yaml', data };
    const cli = await buildFiling(source, { formats: ['docx', 'pdf'], templates: compileTemplates() });
    const page = await buildFiling(source, { formats: ['docx', 'pdf'], templates: bundledTemplates(loadTemplatesModule()) });
    expect(cli.status).toBe('built');
    expect(page.status).toBe('built');
    if (cli.status !== 'built' || page.status !== 'built') return;
    expect(page.outputs.map((o) => o.name)).toEqual(cli.outputs.map((o) => o.name));
    for (const [i, o] of page.outputs.entries()) expect(Buffer.from(o.bytes).equals(Buffer.from(cli.outputs[i]!.bytes))).toBe(true);
  });

  it('are used in place of the source: a precompiled template is never parsed again', async () => {
    const bundle = loadTemplatesModule();
    // the source of filing.hbs is broken, its compiled form is not: building uses the compiled form
    const broken = { ...bundle.files, 'filing.hbs': '{{#if}}' };
    const specs = Object.fromEntries(Object.entries(bundle.specs).map(([p, s]) => [`broken/${p}`, s]));
    expect(() => precompileTemplateFolder(templatesInMemory('broken', broken))).toThrow(TemplateError);
    const data = parse(readFileSync(fixturePath('sample/specified-complete.yaml'), 'utf8'));
    const built = await buildFiling({ file: 'x.yaml', data }, { formats: ['docx'], templates: compileTemplateFolder(templatesInMemory('broken', broken, specs)) });
    expect(built.status).toBe('built');
  });

  it('refuses, when made, a template the closed template rules refuse', () => {
    const folder = templatesInMemory('mine', { 'filing.hbs': '{{{applicant.name}}}' });
    expect(() => precompileTemplateFolder(folder)).toThrow(/mine\/filing\.hbs/);
  });
});

describe('the offline page', () => {
  const html = offlinePageHtml({ js: 'let a = "</script><!--";', css: 'body{}', worker: 'self.x = "</SCRIPT>"', fonts: { regular: 'AAAA', bold: 'BBBB', emoji: 'CCCC' }, version: '0.1.0' });

  it('declares a policy that forbids every connection and every remote source', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    const directives = new Map(csp!.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    for (const sources of directives.values()) for (const s of sources) expect(s).toMatch(/^('none'|'unsafe-inline'|'sha256-[A-Za-z0-9+/=]+'|data:|blob:)$/);
    // the one script that runs is named by the hash of its text, as the browser computes it
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(directives.get('script-src')).toEqual([`'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`]);
    expect(csp).toBe(offlineContentSecurityPolicy(createHash('sha256').update(script, 'utf8').digest('base64')));
    expect(html).not.toMatch(/\b(src|href)="(https?:|\/\/)/);
  });

  it('keeps the scripts it carries from closing their element', () => {
    expect(html.match(/<\/script>/gi)?.length).toBe(5);
    // the page's script comes before the fonts (the first screen does not wait for 12 MB of them)
    expect(html.indexOf('<script>')).toBeLessThan(html.indexOf('id="tos-font-regular"'));
    expect(scriptText('a</script>b<!--c')).toBe('a\\u003c/script>b\\u003c!--c');
    expect(html).toContain('<meta name="tos-filing-backend" content="offline">');
  });
});

describe('the offline page\'s Worker', () => {
  it('holds the core and nothing of Node, and makes no code from text at run time', async () => {
    const result = await bundleWorker({ metafile: true });
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs).toContain('src/app/build.ts');
    expect(inputs.some((p) => p.startsWith('src/render/pdf/'))).toBe(true);
    // PDF.js for plans typed by hand, the CLI's own legacy build, with the reader of them
    expect(inputs).toEqual(expect.arrayContaining(['node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs', 'src/readers/plan/readPlanPdf.ts', 'src/app/import.ts']));
    expect(inputs.filter((p) => /^node:|src\/platform\/node|src\/io\/(readBounded|readFiling|writeAtomically)|src\/web\/(server|filingFile|runEditor|clientBundle|offlineApp)\.ts/.test(p))).toEqual([]);
    const js = result.outputFiles!.find((f) => f.path.endsWith('.js'))!.text;
    expect(js.includes('require("node:')).toBe(false);
    // Handlebars compiles a template with new Function, which the page's policy refuses: they are compiled in
    expect(/compiler:\[8,/.test(js)).toBe(true);
  });
});

describe('tos-filing app', () => {
  it('writes one file, tos-filing.html, under 16 MB, that carries its fonts and forbids every connection', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tos-app-'));
    try {
      const run = await runCli(['app', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      expect(readdirSync(out)).toEqual(['tos-filing.html']);
      expect(run.stdout.trim()).toBe(join(out, 'tos-filing.html'));
      const path = join(out, 'tos-filing.html');
      expect(statSync(path).size).toBeLessThan(16 * 1024 * 1024);
      const html = readFileSync(path, 'utf8');
      expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+';[^"]*connect-src 'none'/);
      for (const id of ['tos-filing-worker', 'tos-font-regular', 'tos-font-bold', 'tos-font-emoji']) expect(html).toContain(`id="${id}"`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

