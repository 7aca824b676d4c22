import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/** Unzips a .docx and checks the package: every part well-formed XML, every relationship target present. */
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
  return { files, xml, problems, document, text: paragraphs.join('\n') };
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
