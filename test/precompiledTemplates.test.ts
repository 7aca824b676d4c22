import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES_DIR, listTemplateFolder } from '../src/platform/nodeTemplates.ts';
import { type PrecompiledTemplates, precompiledTemplatesSource, withPrecompiledTemplates } from '../src/platform/precompiledTemplates.ts';
import { TemplateError } from '../src/templates/templateError.ts';
import { compileTemplateFolder } from '../src/templates/renderTemplates.ts';
import type { TemplateFile } from '../src/templates/templateFolder.ts';

/**
 * dist/templates.cjs (the bundled templates compiled at install) stands in for a template only while the template's
 * text is the one compiled there, in a folder with the same partials.
 */

/** The generated file, loaded as require would (its specs hold functions). */
const load = (source: string) => {
  const module = { exports: {} as PrecompiledTemplates };
  new Function('module', source)(module);
  return module.exports;
};

const bundled = listTemplateFolder(DEFAULT_TEMPLATES_DIR);
const precompiled = load(precompiledTemplatesSource(bundled));
const filing = bundled.documents.get('filing')!;
/** The bundled folder with filing.hbs's text changed. */
const editedFiling = (text: (original: string) => string) => ({ ...bundled, read: (t: TemplateFile) => (t === filing ? text(bundled.read(t)) : bundled.read(t)) });

describe('templates compiled at install', () => {
  it('hold every bundled template, each with the hash of its text', () => {
    expect(Object.keys(precompiled.templates).sort()).toEqual(
      [...[...bundled.documents.keys()].map((n) => `${n}.hbs`), ...[...bundled.partials.keys()].map((n) => `partials/${n}.hbs`)].sort(),
    );
    expect(precompiled.templates['filing.hbs']!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stand in for a template whose text is unchanged, and not for an edited one', () => {
    expect(withPrecompiledTemplates(bundled, precompiled).precompiled?.(filing)).toBe(precompiled.templates['filing.hbs']!.spec);
    expect(withPrecompiledTemplates(editedFiling((t) => `${t}\n`), precompiled).precompiled?.(filing)).toBeUndefined();
  });

  it('are not used in a folder with other partials', () => {
    expect(withPrecompiledTemplates({ ...bundled, partials: new Map() }, precompiled).precompiled).toBeUndefined();
  });

  it('leave an edited, broken template to be compiled from its text, and refused', () => {
    const templates = compileTemplateFolder(withPrecompiledTemplates(editedFiling((t) => `${t}{{#if}}`), precompiled));
    expect(() => templates.checkAll()).toThrow(TemplateError);
  });
});
