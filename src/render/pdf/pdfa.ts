import { AFRelationship, PDFArray, type PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { DocumentTree } from '../../document/tree.ts';
import { hex, host } from '../../platform/host.ts';
import { SRGB_PROFILE_NAME, srgbProfile } from './srgbProfile.ts';

/**
 * Makes a PDF a PDF/A-3b file, just before it is saved: the tree's attachments as associated files (/AF), XMP
 * metadata that mirrors the document information dictionary (with pdfaid part 3 and an extension schema naming
 * the embedded data file), an sRGB output intent, and a document ID. Everything is derived from the tree and the
 * information the writer already set, so the bytes stay the same across runs and time zones.
 *
 * The writer must embed every font it draws with (ours does: Noto Serif JP and Noto Emoji subsets).
 */

export const PDFA_EXTENSION = { prefix: 'tosf', namespace: 'urn:x-tos-filing:pdfa:1#' } as const;

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const xmpDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A stable UUID-shaped id from a digest. */
function uuidOf(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function documentDigest(tree: DocumentTree): string {
  const { attachments, ...rest } = tree;
  const encode = (s: string) => new TextEncoder().encode(s);
  const parts = [encode(JSON.stringify(rest)), ...(attachments ?? []).flatMap((a) => [encode(a.name), a.bytes])];
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return hex(host().sha256(all));
}

interface InfoValues {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
  created?: Date;
  modified?: Date;
}

function xmpPacket(info: InfoValues, digest: string, attachments: DocumentTree['attachments']): string {
  const d = (ns: string, body: string) => `<rdf:Description rdf:about="" ${ns}>${body}</rdf:Description>`;
  const parts: string[] = [];
  parts.push(d('xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"', '<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>'));
  let dc = '<dc:format>application/pdf</dc:format>';
  if (info.title !== undefined) dc += `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.title)}</rdf:li></rdf:Alt></dc:title>`;
  if (info.author !== undefined) dc += `<dc:creator><rdf:Seq><rdf:li>${xml(info.author)}</rdf:li></rdf:Seq></dc:creator>`;
  if (info.subject !== undefined) dc += `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.subject)}</rdf:li></rdf:Alt></dc:description>`;
  parts.push(d('xmlns:dc="http://purl.org/dc/elements/1.1/"', dc));
  let xmp = '';
  if (info.creator !== undefined) xmp += `<xmp:CreatorTool>${xml(info.creator)}</xmp:CreatorTool>`;
  if (info.created) xmp += `<xmp:CreateDate>${xmpDate(info.created)}</xmp:CreateDate>`;
  if (info.modified) xmp += `<xmp:ModifyDate>${xmpDate(info.modified)}</xmp:ModifyDate><xmp:MetadataDate>${xmpDate(info.modified)}</xmp:MetadataDate>`;
  if (xmp) parts.push(d('xmlns:xmp="http://ns.adobe.com/xap/1.0/"', xmp));
  let pdf = '';
  if (info.producer !== undefined) pdf += `<pdf:Producer>${xml(info.producer)}</pdf:Producer>`;
  if (info.keywords !== undefined) pdf += `<pdf:Keywords>${xml(info.keywords)}</pdf:Keywords>`;
  if (pdf) parts.push(d('xmlns:pdf="http://ns.adobe.com/pdf/1.3/"', pdf));
  parts.push(d('xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"', `<xmpMM:DocumentID>uuid:${uuidOf(digest)}</xmpMM:DocumentID><xmpMM:InstanceID>uuid:${uuidOf(digest)}</xmpMM:InstanceID>`));
  const data = attachments?.[0];
  if (data) {
    const property = (name: string, description: string) =>
      `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${description}</pdfaProperty:description></rdf:li>`;
    parts.push(
      d(
        'xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"',
        '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">' +
          '<pdfaSchema:schema>tos-filing embedded data</pdfaSchema:schema>' +
          `<pdfaSchema:namespaceURI>${PDFA_EXTENSION.namespace}</pdfaSchema:namespaceURI>` +
          `<pdfaSchema:prefix>${PDFA_EXTENSION.prefix}</pdfaSchema:prefix>` +
          '<pdfaSchema:property><rdf:Seq>' +
          property('DocumentFileName', 'Name of the embedded file that holds the data the document was made from') +
          property('DocumentType', 'Media type of that file') +
          property('Version', 'Version of the tos-filing data format') +
          '</rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>',
      ),
    );
    const p = PDFA_EXTENSION.prefix;
    parts.push(
      d(
        `xmlns:${p}="${PDFA_EXTENSION.namespace}"`,
        `<${p}:DocumentFileName>${xml(data.name)}</${p}:DocumentFileName><${p}:DocumentType>${xml(data.mimeType)}</${p}:DocumentType><${p}:Version>1</${p}:Version>`,
      ),
    );
  }
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
    parts.join('\n') +
    '\n</rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>'
  );
}

function infoOf(doc: PDFDocument): InfoValues {
  const values: InfoValues = {
    title: doc.getTitle(),
    author: doc.getAuthor(),
    subject: doc.getSubject(),
    keywords: doc.getKeywords(),
    creator: doc.getCreator(),
    producer: doc.getProducer(),
    created: doc.getCreationDate(),
    modified: doc.getModificationDate(),
  };
  return values;
}

let compressedProfile: Uint8Array | undefined;

/** The PDF/A-3b part of writing a PDF; call after every page is drawn and the document information is set. */
export async function finishPdfA(doc: PDFDocument, tree: DocumentTree): Promise<void> {
  const date = new Date(`${tree.date}T00:00:00Z`);
  for (const a of tree.attachments ?? []) {
    await doc.attach(a.bytes, a.name, {
      mimeType: a.mimeType,
      description: a.description,
      creationDate: date,
      modificationDate: date,
      afRelationship: AFRelationship[a.relationship],
    });
  }
  const digest = documentDigest(tree);
  const { context, catalog } = doc;
  const metadata = context.stream(new TextEncoder().encode(xmpPacket(infoOf(doc), digest, tree.attachments)), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(PDFName.of('Metadata'), context.register(metadata));
  // the same profile in every PDF: compressed by pdf-lib's flateStream once per process, then its bytes reused
  const profile = compressedProfile ? context.stream(compressedProfile, { N: 3, Filter: 'FlateDecode' }) : context.flateStream(srgbProfile(), { N: 3 });
  compressedProfile ??= profile.getContents();
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(SRGB_PROFILE_NAME),
    RegistryName: PDFString.of('http://www.color.org'),
    Info: PDFString.of(SRGB_PROFILE_NAME),
    DestOutputProfile: context.register(profile),
  });
  catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
  const id = PDFHexString.of(digest.slice(0, 32).toUpperCase());
  context.trailerInfo.ID = PDFArray.withContext(context);
  (context.trailerInfo.ID as PDFArray).push(id);
  (context.trailerInfo.ID as PDFArray).push(id);
}
