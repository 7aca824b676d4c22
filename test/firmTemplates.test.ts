import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chosenTemplates, readChosenFiles } from '../src/web/worker/firmTemplates.ts';
import { MAX_TEMPLATE_BYTES } from '../src/templates/templateFolder.ts';

/** The bundled templates as the page sends a chosen folder: paths inside it and texts. */
const bundledFiles = () => [
  ...readdirSync('templates').filter((f) => f.endsWith('.hbs')).map((f) => ({ path: f, text: readFileSync(`templates/${f}`, 'utf8') })),
  ...readdirSync('templates/partials').map((f) => ({ path: `partials/${f}`, text: readFileSync(`templates/partials/${f}`, 'utf8') })),
];

describe('a templates folder chosen on the offline page', () => {
  it('is taken when it follows the rules', () => {
    const files = bundledFiles().map((f) => (f.path === 'filing.hbs' ? { ...f, text: f.text.replace('事業計画', '事業計画書') } : f));
    const chosen = chosenTemplates('事務所', files);
    expect(chosen.ok).toBe(true);
    expect(chosen.ok && chosen.templates.dir).toBe('事務所');
  });

  it('is refused with the file, line and column of a template that breaks the rules, in Japanese', () => {
    const files = bundledFiles().map((f) => (f.path === 'partials/cover.hbs' ? { ...f, text: `ok\n  {{{raw}}}\n${f.text}` } : f));
    const chosen = chosenTemplates('事務所', files);
    expect(chosen).toEqual({ ok: false, message: expect.stringMatching(/^事務所\/partials\/cover\.hbs:2:3: エスケープしない出力/) });
  });

  it('is refused without filing.hbs, or with a template that calls an unknown helper', () => {
    expect(chosenTemplates('x', [{ path: 'notice.hbs', text: '' }])).toEqual({ ok: false, message: expect.stringMatching(/^x\/filing\.hbs: テンプレートが見つかりません/) });
    const chosen = chosenTemplates('y', [{ path: 'filing.hbs', text: 'a\n {{shout title}}' }]);
    expect(chosen).toEqual({ ok: false, message: expect.stringMatching(/^y\/filing\.hbs:2:2: テンプレートの展開に失敗しました.*shout/) });
  });

  it('is read only as far as its bounds allow: a file not in UTF-8 or too large is named, with what to do', async () => {
    const utf16 = new Blob([new Uint8Array([0xff, 0xfe, 0x42, 0x30, 0x44, 0x30])]);
    expect(await readChosenFiles('事務所', [{ path: 'filing.hbs', file: utf16 }])).toEqual({ ok: false, message: '事務所/filing.hbs: UTF-8 の文字コードではありません（UTF-8 で保存し直してください）' });
    const large = new Blob([new Uint8Array(MAX_TEMPLATE_BYTES + 1).fill(0x61)]);
    expect(await readChosenFiles('事務所', [{ path: 'partials/cover.hbs', file: large }])).toEqual({ ok: false, message: expect.stringMatching(/^事務所\/partials\/cover\.hbs: テンプレートが大きすぎます/) });
    // files that are not templates of the folder (a note beside them, a template two folders down) are not read
    const read = await readChosenFiles('事務所', [{ path: 'filing.hbs', file: new Blob(['{{title}}']) }, { path: 'memo.txt', file: utf16 }, { path: 'old/partials/x.hbs', file: large }]);
    expect(read).toEqual([{ path: 'filing.hbs', text: '{{title}}' }]);
  });
});
