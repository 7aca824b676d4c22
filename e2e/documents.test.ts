import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PDFDict, PDFDocument, PDFName, type PDFRawStream, type PDFRef, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildFiling } from '../src/app/build.ts';
import { compareFilings } from '../src/app/diff.ts';
import { officeAgent, withOfficeAgent } from '../src/app/office.ts';
import { readFiling } from '../src/io/readFiling.ts';
import { writeDocuments } from '../src/render/registry.ts';
import { reviewRows } from '../src/review/reviewFilings.ts';
import { collectFilingFiles } from '../src/io/collectFilingFiles.ts';
import { reviewContext } from '../src/review/reviewOutputs.ts';
import { renderDocument } from '../src/templates/renderDocument.ts';
import { parseMarkup } from '../src/document/parseMarkup.ts';
import { writeDocx } from '../src/render/docx/writeDocx.ts';
import { writePdf } from '../src/render/pdf/writePdf.ts';
import { compileTemplates } from '../src/platform/nodeTemplates.ts';
import { fixturePath } from '../test/helpers/fixtures.ts';
import { filingTree } from '../test/helpers/documentTrees.ts';
import { checkDocx, checkPdf, pdfText, writeTemp } from './checks.ts';

const templates = compileTemplates();

/** Every fixture that makes documents: the valid ones as they are, the incomplete ones as drafts. */
const FIXTURES = [
  ['sample/specified-complete.yaml', false],
  ['sample/general-complete.yaml', false],
  ['sample/general-from-init.yaml', false],
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

describe('新旧対照表 and review as their readers get them', () => {
  it('makes a 新旧対照表 whose table runs over pages row by row, its head repeated on every page', async () => {
    const side = (name: string) => {
      const read = readFiling(fixturePath(name));
      if (!read.ok) throw new Error(read.message);
      return { file: name, data: read.data };
    };
    const outcome = await compareFilings(side('change/before.yaml'), side('change/after.yaml'), { documents: ['docx', 'pdf'], templates });
    if (outcome.status !== 'compared') throw new Error('not compared');
    const expected = ['事業計画新旧対照表', '（下線部分は変更部分）', '（2）港北みなと第4コンテナターミナル', '（新設）', '（削除）', '変更のない事項'];
    const pdf = writeTemp('after.diff.pdf', outcome.outputs.find((o) => o.name.endsWith('.pdf'))!.bytes);
    expect(checkPdf(pdf, { expected })).toEqual([]);
    const pages = pdfText(pdf).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(3);
    // every page after the first continues the table, with its head repeated
    for (const page of pages.slice(1, -1)) {
      expect(page, page.slice(0, 80)).toContain('変更後');
      expect(page, page.slice(0, 80)).toContain('変更前');
    }
    const docx = writeTemp('after.diff.docx', outcome.outputs.find((o) => o.name.endsWith('.docx'))!.bytes);
    expect(checkDocx(docx, expected)).toEqual([]);
  });

  it('makes a review whose marks and item numbers draw in both formats', async () => {
    const files = collectFilingFiles([fixturePath('')]);
    const rows = reviewRows(files.map((file) => ({ file, read: readFiling(file) })));
    const outputs = await writeDocuments(renderDocument(templates, 'review', reviewContext(rows)), ['docx', 'pdf']);
    const expected = ['○', '△', '×', '—', '別表　要件の番号', '3（25）'];
    const pdf = writeTemp('review.pdf', outputs.find((o) => o.format === 'pdf')!.bytes);
    const reference = writeTemp('review-reference.pdf', await writePdf(renderDocument(templates, 'review', reviewContext(rows)), { subsetFonts: false }));
    expect(checkPdf(pdf, { expected, reference })).toEqual([]);
    // the two-digit column numbers are not broken over two lines
    expect(pdfText(pdf)).toMatch(/21\s+22\s+23\s+24\s+25/);
    const docx = writeTemp('review.docx', outputs.find((o) => o.format === 'docx')!.bytes);
    expect(checkDocx(docx, expected)).toEqual([]);
  });
});

describe('a filing made through an agent, as LibreOffice and poppler get it', () => {
  it('shows 上記代理人 on the cover and makes a one-page 委任状, in both formats', { timeout: 120_000 }, async () => {
    const office = readFiling(fixturePath('agent/office.yaml'));
    const filing = readFiling(fixturePath('sample/general-complete.yaml'));
    if (!office.ok || !filing.ok) throw new Error('fixtures not read');
    const agent = officeAgent('office.yaml', office.data);
    if (!agent.ok) throw new Error(agent.message);
    const outcome = await buildFiling({ file: 'general-complete.yaml', data: withOfficeAgent(filing.data, agent.agent) }, { formats: ['docx', 'pdf'], templates });
    if (outcome.status !== 'built') throw new Error('not built');
    const bytes = (name: string) => outcome.outputs.find((o) => o.name === name)!.bytes;
    // pdftotext reads the cover's label column apart from its values: each is looked for on its own
    const cover = ['上記代理人', '港田 みなと', '港田行政書士事務所', '日本行政書士会連合会登録番号', '第12345678号'];
    expect(checkPdf(writeTemp('agent.pdf', bytes('general-complete.pdf')), { expected: cover })).toEqual([]);
    expect(checkDocx(writeTemp('agent.docx', bytes('general-complete.docx')), cover)).toEqual([]);
    const poa = ['委　任　状', '（受任者）', '（委任者）', '第1号の申請に係る補正及び取下げに関すること', '令和　　年　　月　　日'];
    const poaPdf = writeTemp('poa.pdf', bytes('general-complete.委任状.pdf'));
    expect(checkPdf(poaPdf, { expected: poa })).toEqual([]);
    expect(pdfText(poaPdf).split('\f').filter((p) => p.trim())).toHaveLength(1);
    expect(checkDocx(writeTemp('poa.docx', bytes('general-complete.委任状.docx')), poa)).toEqual([]);
  });
});

describe('the checks fail on broken files', () => {
  const { tree, expected } = treeOf('sample/specified-complete.yaml', false);

  it('catches a font subset whose glyphs draw blank although the text extracts', async () => {
    // a short page, as in tech-notes §2.2, where @pdf-lib/fontkit's subsets drew most glyphs blank
    const page = parseMarkup(
      '<document title="t" date="2025-04-01"><h1>届出書</h1><p>令和７年３月２８日　髙﨑　「申請書」『別紙』□■①②③〒100-8918</p>' +
        '<p>Terminal Operation System（TOS）の概要</p><p>港湾運送事業者は、情報セキュリティの確保に関する事項を記載する。</p></document>',
    );
    const text = ['令和7年3月28日', '港湾運送事業者は']; // digits are shown half-width
    const good = await writePdf(page);
    const broken = writeTemp('broken.pdf', await withBlankGlyphs(good));
    const reference = writeTemp('reference.pdf', await writePdf(page, { subsetFonts: false }));
    expect(checkPdf(broken, { expected: text })).toEqual([]); // text extraction alone is fooled
    expect(checkPdf(broken, { expected: text, reference }).join('\n')).toMatch(/glyphs are missing or broken/);
    expect(checkPdf(writeTemp('good.pdf', good), { expected: text, reference })).toEqual([]);
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

/** The PDF with every embedded glyph outline emptied (the glyf table zeroed), as a broken subsetter would leave it. */
async function withBlankGlyphs(bytes: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.lookup(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const ref = object.get(PDFName.of('FontFile2')) as PDFRef;
    const font = decodePDFRawStream(pdf.context.lookup(ref) as PDFRawStream).decode().slice();
    const v = new DataView(font.buffer);
    for (let i = 0; i < v.getUint16(4); i++) {
      const entry = 12 + 16 * i;
      if (String.fromCharCode(...font.subarray(entry, entry + 4)) === 'glyf') font.fill(0, v.getUint32(entry + 8), v.getUint32(entry + 8) + v.getUint32(entry + 12));
    }
    pdf.context.assign(ref, pdf.context.flateStream(font, { Length1: font.length }));
  }
  return pdf.save({ updateFieldAppearances: false });
}
