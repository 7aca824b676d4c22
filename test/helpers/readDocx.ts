import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/**
 * Unzips a .docx and checks the package: every part well-formed XML, every relationship target present.
 * Also reads the body back as paragraphs and tables with the properties the writers set, the numbering, the
 * headers and footers per page kind, and the core properties.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attributes: {}, children: [] };
  const stack = [root];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [] };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (text) => void stack.at(-1)!.children.push(text));
  parser.write(xml).close();
  return root.children.find((c): c is XmlElement => typeof c !== 'string')!;
}

const elements = (e: XmlElement) => e.children.filter((c): c is XmlElement => typeof c !== 'string');
const child = (e: XmlElement | undefined, name: string) => (e ? elements(e).find((c) => c.name === name) : undefined);
function descendants(e: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of elements(e)) {
    if (c.name === name) out.push(c);
    else out.push(...descendants(c, name));
  }
  return out;
}
const on = (e: XmlElement | undefined) => !!e && e.attributes['w:val'] !== '0' && e.attributes['w:val'] !== 'false';

export interface DocxRun {
  text: string;
  bold: boolean;
  underline: boolean;
  color?: string;
  /** A PAGE or NUMPAGES field. */
  field?: string;
}

export interface DocxParagraph {
  kind: 'paragraph';
  style?: string;
  align?: string;
  keepNext: boolean;
  pageBreakBefore: boolean;
  numbering?: { numId: string; level: number };
  runs: DocxRun[];
  text: string;
}

export interface DocxTable {
  kind: 'table';
  columns: number[];
  rows: { header: boolean; cantSplit: boolean; cells: { blocks: (DocxParagraph | DocxTable)[]; span: number; merge?: string; shaded: boolean }[] }[];
}

function readRuns(p: XmlElement): DocxRun[] {
  const runs: DocxRun[] = [];
  let field: string | undefined;
  for (const r of descendants(p, 'w:r')) {
    const rPr = child(r, 'w:rPr');
    const instr = child(r, 'w:instrText');
    if (instr) field = String(instr.children[0] ?? '').trim().split(/\s+/)[0];
    const style = { bold: on(child(rPr, 'w:b')), underline: !!child(rPr, 'w:u'), color: child(rPr, 'w:color')?.attributes['w:val'] };
    if (field && child(r, 'w:fldChar')?.attributes['w:fldCharType'] === 'end') {
      runs.push({ text: '', ...style, field });
      field = undefined;
    }
    for (const c of elements(r)) {
      if (c.name === 'w:t') runs.push({ text: c.children.join(''), ...style });
      else if (c.name === 'w:br') runs.push({ text: '\n', ...style });
    }
  }
  return runs;
}

function readParagraph(p: XmlElement): DocxParagraph {
  const pPr = child(p, 'w:pPr');
  const numPr = child(pPr, 'w:numPr');
  const runs = readRuns(p);
  return {
    kind: 'paragraph',
    style: child(pPr, 'w:pStyle')?.attributes['w:val'],
    align: child(pPr, 'w:jc')?.attributes['w:val'],
    keepNext: on(child(pPr, 'w:keepNext')),
    pageBreakBefore: on(child(pPr, 'w:pageBreakBefore')),
    numbering: numPr ? { numId: child(numPr, 'w:numId')!.attributes['w:val']!, level: Number(child(numPr, 'w:ilvl')?.attributes['w:val'] ?? 0) } : undefined,
    runs,
    text: runs.map((r) => r.text).join(''),
  };
}

function readBlocks(container: XmlElement): (DocxParagraph | DocxTable)[] {
  return elements(container).flatMap((e): (DocxParagraph | DocxTable)[] => (e.name === 'w:p' ? [readParagraph(e)] : e.name === 'w:tbl' ? [readTable(e)] : []));
}

function readTable(t: XmlElement): DocxTable {
  return {
    kind: 'table',
    columns: descendants(child(t, 'w:tblGrid')!, 'w:gridCol').map((c) => Number(c.attributes['w:w'])),
    rows: elements(t)
      .filter((e) => e.name === 'w:tr')
      .map((tr) => {
        const trPr = child(tr, 'w:trPr');
        return {
          header: !!child(trPr, 'w:tblHeader'),
          cantSplit: !!child(trPr, 'w:cantSplit'),
          cells: elements(tr)
            .filter((e) => e.name === 'w:tc')
            .map((tc) => {
              const tcPr = child(tc, 'w:tcPr');
              const merge = child(tcPr, 'w:vMerge');
              return {
                blocks: readBlocks(tc),
                span: Number(child(tcPr, 'w:gridSpan')?.attributes['w:val'] ?? 1),
                merge: merge ? (merge.attributes['w:val'] ?? 'continue') : undefined,
                shaded: !!child(tcPr, 'w:shd'),
              };
            }),
        };
      }),
  };
}

export function readDocx(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const xml = (name: string) => strFromU8(files[name] ?? new Uint8Array());
  const problems: string[] = [];
  for (const name of Object.keys(files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const parser = new SaxesParser();
    parser.on('error', (e) => problems.push(`${name}: ${e.message}`));
    try {
      parser.write(xml(name)).close();
    } catch (e) {
      problems.push(`${name}: ${(e as Error).message}`);
    }
  }
  for (const rels of Object.keys(files).filter((n) => n.endsWith('.rels'))) {
    const base = rels.replace(/_rels\/[^/]*\.rels$/, '');
    for (const m of xml(rels).matchAll(/Target="([^"]+)"(?: TargetMode="([^"]+)")?/g)) {
      if (m[2] === 'External') continue;
      const joined = m[1]!.startsWith('/') ? m[1]!.slice(1) : base + m[1]!;
      // resolve ../ segments (a custom XML part is related from word/ as ../customXml/item1.xml)
      const target = joined.split('/').reduce<string[]>((parts, seg) => (seg === '..' ? parts.slice(0, -1) : [...parts, seg]), []).join('/');
      if (!files[target]) problems.push(`${rels}: missing target ${target}`);
    }
  }
  const contentTypes = xml('[Content_Types].xml');
  for (const name of Object.keys(files).filter((n) => n.endsWith('.xml') && n !== '[Content_Types].xml')) {
    const ext = name.split('.').pop();
    if (!contentTypes.includes(`PartName="/${name}"`) && !contentTypes.includes(`Extension="${ext}"`)) problems.push(`no content type for ${name}`);
  }
  const document = xml('word/document.xml');
  // paragraphs' text in document order (w:t runs, with w:br as line breaks)
  const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[1] !== undefined ? unescapeXml(m[1]) : '\n')).join(''),
  );

  const read = () => {
    const body = child(parseXml(document), 'w:body')!;
    const sectPr = child(body, 'w:sectPr')!;
    const rels = new Map([...xml('word/_rels/document.xml.rels').matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, `word/${m[2]!}`]));
    const part = (kind: 'header' | 'footer', type: string) => {
      const ref = elements(sectPr).find((e) => e.name === `w:${kind}Reference` && e.attributes['w:type'] === type);
      const name = ref && rels.get(ref.attributes['r:id']!);
      return name ? { name, blocks: readBlocks(parseXml(xml(name))), xml: xml(name) } : undefined;
    };
    const numberingXml = files['word/numbering.xml'] ? parseXml(xml('word/numbering.xml')) : undefined;
    const abstract = new Map(
      (numberingXml ? elements(numberingXml).filter((e) => e.name === 'w:abstractNum') : []).map((a) => {
        const lvl = elements(a).find((e) => e.name === 'w:lvl' && e.attributes['w:ilvl'] === '0')!;
        return [a.attributes['w:abstractNumId']!, { format: child(lvl, 'w:numFmt')!.attributes['w:val']!, text: child(lvl, 'w:lvlText')!.attributes['w:val']! }];
      }),
    );
    const numbering = new Map(
      (numberingXml ? elements(numberingXml).filter((e) => e.name === 'w:num') : []).map((n) => [n.attributes['w:numId']!, abstract.get(child(n, 'w:abstractNumId')!.attributes['w:val']!)!]),
    );
    const core = xml('docProps/core.xml');
    const prop = (name: string) => unescapeXml(core.match(new RegExp(`<${name}[^>]*>([^<]*)</${name}>`))?.[1] ?? '');
    return {
      blocks: readBlocks(body),
      titlePage: !!child(sectPr, 'w:titlePg'),
      headers: { first: part('header', 'first'), default: part('header', 'default') },
      footers: { first: part('footer', 'first'), default: part('footer', 'default') },
      numbering,
      core: { title: prop('dc:title'), creator: prop('dc:creator') },
    };
  };
  return { files, xml, problems, document, text: paragraphs.join('\n'), read };
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
