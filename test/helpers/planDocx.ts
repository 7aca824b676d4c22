import { strToU8, zipSync } from 'fflate';

/**
 * Small .docx files written in the test, as Word writes them (WordprocessingML), for the readers of hand-typed
 * plans: a body of paragraphs given as XML, with optional styles, numbering and header parts.
 */

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph: its text, and optionally a style id or a numbering (numId, level). */
export function p(text: string, options: { style?: string; num?: [number, number]; outline?: number } = {}): string {
  const props = [
    options.style ? `<w:pStyle w:val="${options.style}"/>` : '',
    options.num ? `<w:numPr><w:ilvl w:val="${options.num[1]}"/><w:numId w:val="${options.num[0]}"/></w:numPr>` : '',
    options.outline !== undefined ? `<w:outlineLvl w:val="${options.outline}"/>` : '',
  ].join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
}

/** A table of rows of cells (each cell one paragraph per line of its text). */
export function table(rows: string[][]): string {
  const cell = (text: string) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${text.split('\n').map((t) => p(t)).join('')}</w:tc>`;
  return `<w:tbl><w:tblPr/><w:tblGrid/>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}

/** A paragraph anchoring a text box, written as Word does: the drawing, and the same text again in VML for old readers. */
export function textBox(text: string, anchorText = ''): string {
  const inner = text.split('\n').map((t) => p(t)).join('');
  return (
    `<w:p><w:r><w:t>${escape(anchorText)}</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>` +
    `<wps:wsp><wps:txbx><w:txbxContent>${inner}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
    `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`
  );
}

/** Word's numbering part: one list per entry, each level given as [numFmt, lvlText]. */
export function numbering(lists: Record<number, [string, string][]>): string {
  const abstract = Object.entries(lists)
    .map(([id, levels]) => `<w:abstractNum w:abstractNumId="${id}">${levels.map(([fmt, text], i) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`).join('')}</w:abstractNum>`)
    .join('');
  const nums = Object.keys(lists).map((id) => `<w:num w:numId="${id}"><w:abstractNumId w:val="${id}"/></w:num>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${NS}>${abstract}${nums}</w:numbering>`;
}

export const HEADING_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${NS}>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Midashi3"><w:name w:val="見出し 3"/></w:style>
</w:styles>`;

/** A .docx (or .docm, by its content type) of the body given; `extra` adds parts (a header, a macro project). */
export function planDocx(body: string, parts: { styles?: string; numbering?: string; header?: string; extra?: Record<string, Uint8Array> } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}<w:sectPr/></w:body></w:document>`),
  };
  if (parts.styles) files['word/styles.xml'] = strToU8(parts.styles);
  if (parts.numbering) files['word/numbering.xml'] = strToU8(parts.numbering);
  if (parts.header) files['word/header1.xml'] = strToU8(`<?xml version="1.0"?><w:hdr ${NS}>${p(parts.header)}</w:hdr>`);
  Object.assign(files, parts.extra ?? {});
  return zipSync(files);
}
