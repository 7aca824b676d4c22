import { createRequire } from 'node:module';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseMarkup } from '../src/document/parseMarkup.ts';
import { writeDocx } from '../src/render/docx/writeDocx.ts';
import { writePdf } from '../src/render/pdf/writePdf.ts';
import { filingTree } from '../test/helpers/documentTrees.ts';
import { checkDocx, checkPdf, writeTemp } from './checks.ts';

/** Every fixture that makes documents: the valid ones as they are, the incomplete ones as drafts. */
const FIXTURES = [
  ['sample/specified-complete.yaml', false],
  ['sample/general-complete.yaml', false],
  ['change/before.yaml', false],
  ['change/after.yaml', false],
  ['robustness/hostile-text.yaml', false],
  ['incomplete/common-omissions.yaml', true],
  ['incomplete/contradictions.yaml', true],
  ['incomplete/unknown-port.yaml', true],
  ['incomplete/change-without-license.yaml', true],
] as const;

const treeOf = (name: string, draft: boolean) => filingTree(name, draft);

describe.each(FIXTURES)('%s', (name, draft) => {
  const { tree, expected } = treeOf(name, draft);

  it('makes a PDF that qpdf accepts, with embedded fonts, the expected text and every glyph drawn', async () => {
    const pdf = writeTemp('filing.pdf', await writePdf(tree));
    const reference = writeTemp('reference.pdf', await writePdf(tree, { subsetFonts: false }));
    expect(checkPdf(pdf, { expected, reference })).toEqual([]);
  });

  it('makes a .docx that LibreOffice converts, with the same text', async () => {
    const docx = writeTemp('filing.docx', await writeDocx(tree));
    expect(checkDocx(docx, expected)).toEqual([]);
  });
});

describe('the checks fail on broken files', () => {
  const { tree, expected } = treeOf('sample/specified-complete.yaml', false);

  it('catches a font subset made by @pdf-lib/fontkit, whose glyphs draw blank although the text extracts', async () => {
    // a short page, as in tech-notes §2.2: @pdf-lib/fontkit writes a short loca table that corrupts it
    const page = parseMarkup(
      '<document title="t" date="2025-04-01"><h1>届出書</h1><p>令和７年３月２８日　髙﨑　「申請書」『別紙』□■①②③〒100-8918</p>' +
        '<p>Terminal Operation System（TOS）の概要</p><p>港湾運送事業者は、情報セキュリティの確保に関する事項を記載する。</p></document>',
    );
    const text = ['令和7年3月28日', '港湾運送事業者は']; // digits are shown half-width
    const brokenFontkit = createRequire(import.meta.url)('@pdf-lib/fontkit');
    const broken = writeTemp('broken.pdf', await writePdf(page, { fontkit: brokenFontkit }));
    const good = writeTemp('good.pdf', await writePdf(page));
    const reference = writeTemp('reference.pdf', await writePdf(page, { subsetFonts: false }));
    expect(checkPdf(broken, { expected: text })).toEqual([]); // text extraction alone is fooled
    expect(checkPdf(broken, { expected: text, reference }).join('\n')).toMatch(/glyphs are missing or broken/);
    expect(checkPdf(good, { expected: text, reference })).toEqual([]);
  });

  it('catches a .docx with an invalid part', async () => {
    const files = unzipSync(await writeDocx(tree));
    const xml = strFromU8(files['word/document.xml']!);
    files['word/document.xml'] = strToU8(xml.slice(0, Math.floor(xml.length / 2)));
    const broken = writeTemp('broken.docx', zipSync(files));
    const problems = checkDocx(broken, expected);
    expect(problems.some((p) => p.startsWith('package: word/document.xml'))).toBe(true);
    expect(problems.length).toBeGreaterThan(1);
  });

  it('catches a PDF whose text lacks a requirement', async () => {
    const pdf = writeTemp('filing.pdf', await writePdf(tree));
    expect(checkPdf(pdf, { expected: [...expected, '存在しない要件の見出し'] })).toEqual(['text not found: 存在しない要件の見出し']);
  });
});
