import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import icc from 'icc';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFStream, PDFString, decodePDFRawStream, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { carriedFiling } from '../src/app/carry.ts';
import { readDocumentBytes } from '../src/readers/readSource.ts';
import { reviewRows } from '../src/review/reviewFilings.ts';
import { checkFiling } from '../src/validate/validate.ts';
import { BUILDABLE, buildDocs, fixtureData } from './helpers/buildDocs.ts';
import { fixturePath } from './helpers/fixtures.ts';
import { readDocx } from './helpers/readDocx.ts';

const ok = <T extends { ok: boolean }>(r: T) => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
};

describe('documents carry the filing they were made from', { timeout: 60_000 }, () => {
  it.each(BUILDABLE)('%s: build → read back gives the input data, and the text is unchanged', async (name, draft) => {
    const { docx, pdf } = await buildDocs(name, draft);
    const input = fixtureData(name);
    // the validated filing (canonical choices and dates), or the normalised input for a draft that does not validate
    const expected = carriedFiling(checkFiling(input).filing, input);
    for (const [format, bytes] of [['pdf', pdf], ['docx', docx]] as const) {
      const read = ok(readDocumentBytes(`x.${format}`, format, bytes));
      expect(read.data).toEqual(expected);
      expect(read.carrier).toMatchObject({ format, document: 'filing', redacted: false, draft, changedSections: [] });
    }
  });

  it('leaves the private note out of the carried data', async () => {
    const input = fixtureData('sample/general-complete.yaml') as Record<string, unknown>;
    expect(input.note).toBeTruthy();
    const { pdf } = await buildDocs('sample/general-complete.yaml', false, { ...input, note: 'ないしょのメモ' });
    const read = ok(readDocumentBytes('x.pdf', 'pdf', pdf));
    expect(read.data).not.toHaveProperty('note');
    expect(Buffer.from(pdf).includes(Buffer.from('ないしょ'))).toBe(false);
  });

  it('review over the built documents equals review over their YAML, cell by cell and finding by finding', async () => {
    const yamlRows = reviewRows(BUILDABLE.map(([name]) => ({ file: name, read: { ok: true, file: name, data: fixtureData(name) } })));
    for (const format of ['pdf', 'docx'] as const) {
      const reads = [];
      for (const [name, draft] of BUILDABLE) {
        const docs = await buildDocs(name, draft);
        reads.push({ file: name, read: readDocumentBytes(name, format, docs[format]) });
      }
      const docRows = reviewRows(reads);
      expect(docRows.map(({ file: _f, ...row }) => row)).toEqual(yamlRows.map(({ file: _f, ...row }) => row));
    }
    // and the review is not trivially equal: the fixtures differ from each other
    expect(new Set(yamlRows.map((r) => JSON.stringify(r.cells))).size).toBeGreaterThan(3);
  }, 120_000);

  it('a 新旧対照表 carries both versions', async () => {
    const { compareFilings } = await import('../src/app/diff.ts');
    const { templates } = await import('./helpers/buildDocs.ts');
    const [before, after] = ['change/before.yaml', 'change/after.yaml'];
    const outcome = await compareFilings({ file: fixturePath(before), data: fixtureData(before) }, { file: fixturePath(after), data: fixtureData(after) }, { documents: ['pdf', 'docx'], templates });
    if (outcome.status !== 'compared') throw new Error('not compared');
    for (const o of outcome.outputs) {
      const read = ok(readDocumentBytes(o.name, o.name.endsWith('.pdf') ? 'pdf' : 'docx', o.bytes));
      expect(read.carrier?.document).toBe('diff');
      expect(read.data).toEqual(carriedFiling(outcome.after.filing, null));
      expect(read.carrier?.before).toEqual(carriedFiling(outcome.before.filing, null));
      expect(read.carrier?.changedSections).toEqual([]);
    }
  });
});

describe('a document whose text was edited after it was made', { timeout: 60_000 }, () => {
  it('docx: an edited run is reported with its section, and only that section', async () => {
    const { docx } = await buildDocs('sample/specified-complete.yaml', false);
    const files = unzipSync(docx);
    const xml = strFromU8(files['word/document.xml']!);
    const original = '1時間ごとの差分、日次のフル';
    expect(xml).toContain(original);
    files['word/document.xml'] = strToU8(xml.replace(original, '週1回のフル'));
    const read = ok(readDocumentBytes('edited.docx', 'docx', zipSync(files)));
    expect(read.carrier?.changedSections).toEqual(['（24）バックアップ対象の設定と適切な頻度での取得']);
    const findings = reviewRows([{ file: 'edited.docx', read }])[0]!.findings;
    expect(findings.map((f) => f.code)).toEqual(['DOCUMENT_TEXT_CHANGED']);
  });

  it('pdf: text added to a page is caught; re-saving the PDF (with object streams) alone is not', async () => {
    const { pdf } = await buildDocs('sample/general-complete.yaml', false);
    const resaved = await (await PDFDocument.load(pdf)).save({ useObjectStreams: true });
    expect(Buffer.from(resaved).includes(Buffer.from('/ObjStm'))).toBe(true);
    expect(ok(readDocumentBytes('resaved.pdf', 'pdf', resaved)).carrier?.changedSections).toEqual([]);

    const doc = await PDFDocument.load(pdf);
    doc.getPage(0).drawText('APPROVED', { x: 100, y: 400, size: 20, color: rgb(1, 0, 0) });
    const edited = ok(readDocumentBytes('edited.pdf', 'pdf', await doc.save()));
    expect(edited.carrier?.changedSections?.length).toBeGreaterThan(0);
    expect(edited.carrier?.changedSections?.length).toBeLessThan(3);
  });
});

describe('PDF/A-3b structure, read back', { timeout: 60_000 }, () => {
  it('has XMP with pdfaid part 3 and the extension schema, an sRGB output intent, a document ID and the data as an associated file', async () => {
    const { pdf } = await buildDocs('sample/specified-complete.yaml', false);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const catalog = doc.catalog;
    const metadata = catalog.lookup(PDFName.of('Metadata'), PDFStream) as PDFRawStream;
    expect(metadata.dict.get(PDFName.of('Filter'))).toBeUndefined(); // XMP stays readable without decoding
    const xmp = new TextDecoder().decode(metadata.getContents());
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('<pdfaSchema:prefix>tosf</pdfaSchema:prefix>');
    expect(xmp).toContain('<tosf:DocumentFileName>tos-filing.json</tosf:DocumentFileName>');
    // the XMP says what the document information dictionary says
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${doc.getTitle()}</rdf:li>`);
    expect(xmp).toContain(`<xmp:CreateDate>${doc.getCreationDate()!.toISOString().replace('.000', '')}</xmp:CreateDate>`);
    expect(xmp).toContain(`<pdf:Producer>${doc.getProducer()}</pdf:Producer>`);

    const intent = catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toEqual(PDFName.of('GTS_PDFA1'));
    const profileStream = intent.lookup(PDFName.of('DestOutputProfile'), PDFStream) as PDFRawStream;
    expect(profileStream.dict.get(PDFName.of('N'))?.toString()).toBe('3');
    const profile = icc.parse(Buffer.from(decodePDFRawStream(profileStream).decode()));
    expect(profile).toMatchObject({ version: '2.1', deviceClass: 'Monitor', colorSpace: 'RGB', connectionSpace: 'XYZ', description: 'sRGB IEC61966-2.1' });
    // the profile is compressed once per process: a later PDF carries the same stream, dictionary and bytes
    const later = await PDFDocument.load((await buildDocs('sample/general-complete.yaml', false)).pdf, { updateMetadata: false });
    const laterIntent = later.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict);
    const laterProfile = laterIntent.lookup(PDFName.of('DestOutputProfile'), PDFStream) as PDFRawStream;
    expect(laterProfile.dict.toString()).toBe(profileStream.dict.toString());
    expect(laterProfile.dict.get(PDFName.of('Filter'))).toEqual(PDFName.of('FlateDecode'));
    expect(Buffer.from(laterProfile.getContents()).equals(Buffer.from(profileStream.getContents()))).toBe(true);

    const af = catalog.lookup(PDFName.of('AF'), PDFArray).lookup(0, PDFDict);
    expect(af.get(PDFName.of('AFRelationship'))).toEqual(PDFName.of('Source'));
    expect((af.lookup(PDFName.of('F')) as PDFString).decodeText()).toBe('tos-filing.json');
    const file = af.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'), PDFStream) as PDFRawStream;
    expect(file.dict.get(PDFName.of('Subtype'))).toEqual(PDFName.of('application/json'));
    const embedded = JSON.parse(new TextDecoder().decode(decodePDFRawStream(file).decode()));
    expect(embedded).toMatchObject({ format: 'tos-filing', version: 1, document: 'filing' });

    const id = doc.context.trailerInfo.ID as PDFArray;
    expect(id.size()).toBe(2);
    expect((id.get(0) as PDFHexString).asString()).toMatch(/^[0-9A-F]{32}$/);

    // every font is embedded
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      if (object instanceof PDFDict && object.get(PDFName.of('Type'))?.toString() === '/FontDescriptor')
        expect(['FontFile', 'FontFile2', 'FontFile3'].some((k) => object.has(PDFName.of(k)))).toBe(true);
    }
  });
});

describe('the .docx custom XML part', { timeout: 60_000 }, () => {
  it('is a well-formed part, related from the document, with its properties part and content type', async () => {
    const { docx } = await buildDocs('sample/general-complete.yaml', false);
    const package_ = readDocx(docx);
    expect(package_.problems).toEqual([]);
    expect(package_.xml('word/_rels/document.xml.rels')).toMatch(/relationships\/customXml" Target="\.\.\/customXml\/item1\.xml"/);
    expect(package_.xml('[Content_Types].xml')).toContain('PartName="/customXml/itemProps1.xml"');
    expect(package_.xml('customXml/item1.xml')).toMatch(/^<\?xml[^>]*>\n<attachment xmlns="urn:x-tos-filing:attachment:1" name="tos-filing.json" mimeType="application\/json" encoding="utf-8">\{/);
    expect(package_.xml('customXml/itemProps1.xml')).toMatch(/ds:itemID="\{[0-9A-F-]{36}\}"/);
  });
});
