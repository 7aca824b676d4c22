import { strFromU8, strToU8 } from 'fflate';
import type { Attachment } from '../../document/attachment.ts';
import { hex, host } from '../../platform/host.ts';
import { base64Encode } from '../../util/bytes.ts';

/**
 * A .docx carries the tree's attachments as custom XML parts (customXml/itemN.xml with its properties part),
 * related from the main document as Word expects. Word and LibreOffice keep custom XML parts when they save the
 * document again. Each part is one element holding the file as text (or base64 when the bytes are not text
 * XML can hold), with the file's name and media type as attributes.
 */

export const ATTACHMENT_NAMESPACE = 'urn:x-tos-filing:attachment:1';

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CUSTOM_XML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const CUSTOM_XML_PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');
const XML_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function body(bytes: Uint8Array): { encoding: 'utf-8' | 'base64'; text: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { encoding: 'base64', text: base64Encode(bytes) };
  }
  // carriage returns would be normalised away by XML parsers
  if (XML_UNSAFE.test(text) || text.includes('\r')) return { encoding: 'base64', text: base64Encode(bytes) };
  return { encoding: 'utf-8', text: escapeText(text) };
}

/** A GUID derived from the content, so that the same document gets the same bytes. */
function guidOf(bytes: Uint8Array): string {
  const h = hex(host().sha256(bytes)).toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

export function attachmentXml(a: Attachment): string {
  const { encoding, text } = body(a.bytes);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<attachment xmlns="${ATTACHMENT_NAMESPACE}" name="${escapeAttr(a.name)}" mimeType="${escapeAttr(a.mimeType)}" encoding="${encoding}">${text}</attachment>`
  );
}

/** Adds the attachments to a package's parts (before zipping). */
export function addCustomXmlParts(files: Record<string, Uint8Array>, attachments: readonly Attachment[] | undefined): void {
  if (!attachments?.length) return;
  let next = 1;
  while (files[`customXml/item${next}.xml`]) next++;
  const docRels = strFromU8(files['word/_rels/document.xml.rels'] ?? strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS_NS}"></Relationships>`));
  let relations = '';
  let overrides = '';
  attachments.forEach((a, i) => {
    const n = next + i;
    const item = strToU8(attachmentXml(a));
    files[`customXml/item${n}.xml`] = item;
    files[`customXml/itemProps${n}.xml`] = strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
        `<ds:datastoreItem ds:itemID="${guidOf(item)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${ATTACHMENT_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
    );
    files[`customXml/_rels/item${n}.xml.rels`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${CUSTOM_XML_PROPS_REL}" Target="itemProps${n}.xml"/></Relationships>`,
    );
    relations += `<Relationship Id="rIdCustomXml${n}" Type="${CUSTOM_XML_REL}" Target="../customXml/item${n}.xml"/>`;
    overrides += `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${PROPS_TYPE}"/>`;
  });
  files['word/_rels/document.xml.rels'] = strToU8(docRels.replace('</Relationships>', `${relations}</Relationships>`));
  const types = strFromU8(files['[Content_Types].xml']!);
  const withXml = /Extension="xml"/.test(types) ? types : types.replace('</Types>', '<Default Extension="xml" ContentType="application/xml"/></Types>');
  files['[Content_Types].xml'] = strToU8(withXml.replace('</Types>', `${overrides}</Types>`));
}
