import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTemplates } from '../src/app/templatesCheck.ts';
import { parseFilingText } from '../src/io/readFiling.ts';
import { DEFAULT_TEMPLATES_DIR, listTemplateFolder } from '../src/platform/nodeTemplates.ts';
import { writeDocuments } from '../src/render/registry.ts';
import { reviewRows } from '../src/review/reviewFilings.ts';
import { reviewContext } from '../src/review/reviewOutputs.ts';
import { templateContext } from '../src/templates/context.ts';
import { renderDocument } from '../src/templates/renderDocument.ts';
import { type CompiledTemplates, type DocumentKind, compileTemplateFolder } from '../src/templates/renderTemplates.ts';
import { TemplateError } from '../src/templates/templateError.ts';
import { type TemplateFolder, templatesInMemory } from '../src/templates/templateFolder.ts';
import { checkFiling } from '../src/validate/validate.ts';

/**
 * The offline page runs a firm's templates by walking their syntax trees (it may not compile them to code): every
 * document must come out as the compiled templates make it.
 */

/** The templates with every render's output kept, in order. */
function recording(templates: CompiledTemplates) {
  const rendered: string[] = [];
  const recorder: CompiledTemplates = {
    ...templates,
    has: (kind) => templates.has(kind),
    checkAll: () => templates.checkAll(),
    render(kind: DocumentKind, context: object) {
      const out = templates.render(kind, context);
      rendered.push(`${kind}\n${out}`);
      return out;
    },
  };
  return { recorder, rendered };
}

const readDir = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => `${dir}/${f}`);
const sources = [...readDir('fixtures/sample'), ...readDir('fixtures/incomplete')].map((file) => {
  const read = parseFilingText(file, readFileSync(file, 'utf8'));
  return { file, read, data: read.ok ? read.data : undefined };
});

/** A folder on disk read fresh, so neither path shares the precompiled templates of the install. */
const bundledFolder = (): TemplateFolder => {
  const folder = listTemplateFolder(DEFAULT_TEMPLATES_DIR);
  return { ...folder, precompiled: undefined, signature: `${folder.signature}-fresh` };
};

/** Everything a folder's templates render for the fixtures: every document kind, draft and final. */
async function renderAll(templates: CompiledTemplates): Promise<string[]> {
  const { recorder, rendered } = recording(templates);
  const samples = sources.filter((s) => s.file.startsWith('fixtures/sample')).map((s) => ({ file: s.file, data: s.data }));
  await checkTemplates(recorder, samples);
  for (const source of sources) {
    const { filing, port, findings } = checkFiling(source.data);
    if (!filing || !port) continue;
    for (const draft of [false, true]) renderDocument(recorder, 'filing', templateContext(filing, port, findings, draft));
  }
  renderDocument(recorder, 'review', reviewContext(reviewRows(sources.map((s) => ({ file: s.file, read: s.read })))));
  return rendered;
}

describe('templates run from their syntax trees', () => {
  it('render every bundled document for every fixture as the compiled templates do', async () => {
    const compiled = await renderAll(compileTemplateFolder(bundledFolder()));
    const interpreted = await renderAll(compileTemplateFolder(bundledFolder(), { interpret: true }));
    expect(compiled.length).toBeGreaterThan(10);
    expect(interpreted).toEqual(compiled);
  }, 120_000);

  it('make the same document bytes (filing, docx and PDF)', async () => {
    const source = sources.find((s) => s.file.endsWith('general-complete.yaml'))!;
    const { filing, port, findings } = checkFiling(source.data);
    const bytes = async (templates: CompiledTemplates) =>
      (await writeDocuments(renderDocument(templates, 'filing', templateContext(filing!, port!, findings, false)), ['docx', 'pdf'])).map((d) => Buffer.from(d.bytes).toString('base64'));
    const compiled = await bytes(compileTemplateFolder(bundledFolder()));
    expect(await bytes(compileTemplateFolder(bundledFolder(), { interpret: true }))).toEqual(compiled);
  }, 120_000);
});

/** A folder of these templates in memory: compiled and interpreted. */
function both(files: Record<string, string>, n: number) {
  const folder = (tag: string) => ({ ...templatesInMemory(`t${n}`, files), signature: `${tag}-${n}` });
  return [compileTemplateFolder(folder('c')), compileTemplateFolder(folder('i'), { interpret: true })] as const;
}
let serial = 0;
const renderBoth = (files: Record<string, string>, context: object) => both(files, ++serial).map((t) => t.render('filing', context));
const errorBoth = (files: Record<string, string>, context: object) =>
  both(files, ++serial).map((t) => {
    try {
      t.render('filing', context);
      return 'no error';
    } catch (err) {
      expect(err).toBeInstanceOf(TemplateError);
      return (err as Error).message;
    }
  });

describe('each construct of the template language, as Handlebars runs it', () => {
  const context = {
    title: 'A & <B> "c" \'d\' `e` =f',
    zero: 0,
    no: false,
    nothing: null,
    empty: [],
    list: ['一', '二', '三'],
    map: { a: 1, b: 2 },
    people: [{ name: '甲', tags: ['x', 'y'] }, { name: '乙', tags: [] }],
    date: '2025-04-01',
    text: 'line1\nline<2>',
    nested: { inner: { deep: 'd' } },
  };

  it('escape, whitespace control and standalone lines', () => {
    const [a, b] = renderBoth({ 'filing.hbs': '{{title}}|{{zero}}|{{no}}|{{nothing}}|{{list}}\n  {{~title~}}  \n{{#if title}}\n  yes\n{{/if}}\n{{! comment }}\nend' }, context);
    expect(b).toBe(a);
    expect(a).toContain('A &amp; &lt;B&gt; &quot;c&quot; &#x27;d&#x27; &#x60;e&#x60; &#x3D;f');
  });

  it('each over arrays and objects with data variables, else, ../ and this', () => {
    const source = [
      '{{#each list}}{{@index}}:{{this}}{{#if @first}}F{{/if}}{{#if @last}}L{{/if}}{{#unless @last}},{{/unless}}{{/each}}',
      '{{#each map}}{{@key}}={{this}}/{{../title}};{{/each}}',
      '{{#each empty}}x{{else}}none{{/each}}',
      '{{#each people}}\n  {{name}}{{#each tags}}<{{this}} of {{../name}} in {{@root.date}} {{@../index}}>{{else}}-{{/each}}\n{{/each}}',
      '{{#if empty}}E{{else if zero}}Z{{else}}neither{{/if}}',
      '{{#with nested.inner}}{{deep}}{{../date}}{{/with}}{{#with nothing}}w{{else}}nw{{/with}}',
      '{{#if zero includeZero=true}}zero counts{{/if}}',
      '{{#each list as |item i|}}[{{i}}{{item}}]{{/each}}',
    ].join('\n');
    const [a, b] = renderBoth({ 'filing.hbs': source }, context);
    expect(b).toBe(a);
    expect(a).toContain('a=1/A &amp;');
    expect(a).toContain('none');
  });

  it('the documented helpers, sub-expressions and partials with their indentation', () => {
    const files = {
      'filing.hbs': '{{wareki date}} {{lines text}} {{zen 12}} {{bool no}} {{join list "・"}}\n{{#if (and (or no zero title) (not nothing))}}ok{{/if}} {{#if (eq zero 0)}}eq{{/if}}\n  {{> item nested}}\n{{#each people}}\n    {{> item}}\n{{/each}}',
      'partials/item.hbs': '<{{#if name}}{{name}}{{else}}{{inner.deep}}{{/if}}>\n<second>\n',
    };
    const [a, b] = renderBoth(files, context);
    expect(b).toBe(a);
    expect(a).toContain('    <甲>\n    <second>');
  });

  it('the same messages, with file, line and column, for a missing field and an unknown helper', () => {
    const missing = errorBoth({ 'filing.hbs': 'ok\n  {{missing}}' }, context);
    expect(missing[1]).toBe(missing[0]);
    expect(missing[0]).toMatch(/filing\.hbs:2:5: /);
    const deep = errorBoth({ 'filing.hbs': '{{#if nothing.x}}{{/if}}' }, context);
    expect(deep[1]).toBe(deep[0]);
    const unknown = errorBoth({ 'filing.hbs': 'a\n{{#if (shout title)}}{{/if}}' }, context);
    expect(unknown[1]).toBe(unknown[0]);
    expect(unknown[0]).toMatch(/filing\.hbs:2:7: .*shout/);
  });
});
