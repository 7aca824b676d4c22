import { READ_LIMITS } from '../limits.ts';
import { type PdfFile, PdfLimitError, type PdfStream, isStream } from './pdfObjects.ts';
import { Lexer, type PdfDict, PdfKeyword, PdfString, PdfSyntaxError, type PdfValue, nameOf } from './pdfSyntax.ts';

/**
 * The body text of a PDF's pages, in the order it is drawn: the strings shown by text operators, mapped to
 * Unicode through each font's ToUnicode map. Marked-content artifacts (running headers and footers, the draft
 * mark) are not body text and are left out. Layout is ignored: what matters is the sequence of characters.
 */

interface FontDecoder {
  decode(bytes: string): string;
}

const REPLACEMENT = '\uFFFD';

function utf16be(hex: string): string {
  let out = '';
  for (let i = 0; i + 3 < hex.length + 1; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4).padEnd(4, '0'), 16));
  return out;
}

const bytesToNumber = (b: string) => {
  let n = 0;
  for (let i = 0; i < b.length; i++) n = n * 256 + b.charCodeAt(i);
  return n;
};
const hexOfBytes = (b: string) => [...b].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');

/** A ToUnicode CMap: code → text, with the code lengths its codespace ranges declare. */
function parseCMap(cmap: string): { lengths: number[]; map: Map<string, string> } {
  const map = new Map<string, string>();
  const lengths = new Set<number>();
  const lexer = new Lexer(cmap);
  const operands: PdfValue[] = [];
  let mode: 'codespace' | 'bfchar' | 'bfrange' | null = null;
  let entries = 0;
  for (let t = lexer.next(); t !== undefined; t = lexer.next()) {
    if (t instanceof PdfKeyword) {
      const w = t.word;
      if (w === 'begincodespacerange') mode = 'codespace';
      else if (w === 'beginbfchar') mode = 'bfchar';
      else if (w === 'beginbfrange') mode = 'bfrange';
      else if (w.startsWith('end')) mode = null;
      operands.length = 0;
      continue;
    }
    if (!mode) continue;
    operands.push(t);
    if (mode === 'codespace' && operands.length === 2) {
      const lo = operands[0];
      if (lo instanceof PdfString) lengths.add(lo.bytes.length);
      operands.length = 0;
    } else if (mode === 'bfchar' && operands.length === 2) {
      const [src, dst] = operands;
      if (src instanceof PdfString && dst instanceof PdfString) map.set(src.bytes, utf16be(hexOfBytes(dst.bytes)));
      operands.length = 0;
    } else if (mode === 'bfrange' && operands.length === 3) {
      const [lo, hi, dst] = operands;
      operands.length = 0;
      if (!(lo instanceof PdfString) || !(hi instanceof PdfString)) continue;
      const from = bytesToNumber(lo.bytes);
      const to = bytesToNumber(hi.bytes);
      if (to < from || to - from > 0xffff || (entries += to - from + 1) > 0x40000) continue;
      const width = lo.bytes.length;
      const codeOf = (n: number) => {
        let s = '';
        for (let i = width - 1; i >= 0; i--) s += String.fromCharCode((n >> (8 * i)) & 0xff);
        return s;
      };
      if (dst instanceof PdfString) {
        const base = hexOfBytes(dst.bytes);
        const prefix = base.slice(0, -4);
        const last = parseInt(base.slice(-4) || '0', 16);
        for (let n = from; n <= to; n++) map.set(codeOf(n), utf16be(prefix + (last + n - from).toString(16).padStart(4, '0')));
      } else if (Array.isArray(dst)) {
        dst.forEach((d, i) => {
          if (d instanceof PdfString && from + i <= to) map.set(codeOf(from + i), utf16be(hexOfBytes(d.bytes)));
        });
      }
    }
  }
  return { lengths: [...lengths].sort((a, b) => a - b), map };
}

function fontDecoder(pdf: PdfFile, font: PdfDict | undefined, cache: Map<PdfDict, FontDecoder>): FontDecoder {
  if (!font) return { decode: (b) => REPLACEMENT.repeat(b.length) };
  const cached = cache.get(font);
  if (cached) return cached;
  const composite = nameOf(font.get('Subtype')) === 'Type0';
  const toUnicode = pdf.get(font.get('ToUnicode'));
  let decoder: FontDecoder;
  const cmapText = isStream(toUnicode) ? pdf.decode(toUnicode, 4 * 1024 * 1024) : null;
  if (cmapText !== null) {
    const { lengths, map } = parseCMap(cmapText);
    const widths = lengths.length ? lengths : [composite ? 2 : 1];
    // one map per code length, keyed by the code as a number
    const byWidth = new Map<number, Map<number, string>>();
    for (const [code, text] of map) {
      let m = byWidth.get(code.length);
      if (!m) byWidth.set(code.length, (m = new Map()));
      m.set(bytesToNumber(code), text);
    }
    const tables = widths.map((w) => [w, byWidth.get(w) ?? new Map<number, string>()] as const);
    const fallback = widths.at(-1)!;
    decoder = {
      decode(bytes) {
        let out = '';
        for (let i = 0; i < bytes.length; ) {
          let matched = false;
          for (const [w, table] of tables) {
            let code = 0;
            for (let k = 0; k < w; k++) code = code * 256 + (bytes.charCodeAt(i + k) || 0);
            const text = table.get(code);
            if (text !== undefined) {
              out += text;
              i += w;
              matched = true;
              break;
            }
          }
          if (!matched) {
            out += REPLACEMENT;
            i += fallback;
          }
        }
        return out;
      },
    };
  } else if (composite) decoder = { decode: (b) => REPLACEMENT.repeat(Math.ceil(b.length / 2)) };
  else decoder = { decode: (b) => b }; // a simple font without a map: its bytes read as latin1, near enough
  cache.set(font, decoder);
  return decoder;
}

interface Walk {
  pdf: PdfFile;
  fonts: Map<PdfDict, FontDecoder>;
  tokens: number;
  out: string[];
}

function contentOf(pdf: PdfFile, contents: PdfValue | undefined): string {
  const resolved = pdf.get(contents);
  const parts = Array.isArray(resolved) ? resolved.map((r) => pdf.get(r)) : [resolved];
  return parts
    .filter(isStream)
    .map((s) => pdf.decode(s as PdfStream) ?? '')
    .join('\n');
}

/** Runs a content stream for its text. */
function showText(walk: Walk, content: string, resources: PdfDict | undefined, depth: number): void {
  const { pdf } = walk;
  const fontsDict = pdf.dict(resources?.get('Font'));
  const xobjects = pdf.dict(resources?.get('XObject'));
  const lexer = new Lexer(content);
  const operands: PdfValue[] = [];
  const marked: boolean[] = [];
  let artifactDepth = 0;
  let font: FontDecoder = fontDecoder(pdf, undefined, walk.fonts);
  const show = (s: PdfValue | undefined) => {
    if (artifactDepth === 0 && s instanceof PdfString) walk.out.push(font.decode(s.bytes));
  };
  for (;;) {
    if (++walk.tokens > READ_LIMITS.pdfContentTokens) throw new PdfLimitError('too much page content');
    let t: PdfValue | undefined;
    try {
      t = lexer.next();
    } catch (err) {
      if (err instanceof PdfSyntaxError) return; // a damaged stream: keep what was read
      throw err;
    }
    if (t === undefined) return;
    if (!(t instanceof PdfKeyword)) {
      if (operands.length < 64) operands.push(t);
      continue;
    }
    switch (t.word) {
      case 'Tf':
        font = fontDecoder(pdf, pdf.dict(fontsDict?.get(nameOf(operands[0]) ?? '')), walk.fonts);
        break;
      case 'Tj':
      case "'":
        show(operands.at(-1));
        break;
      case '"':
        show(operands[2]);
        break;
      case 'TJ': {
        const array = operands.at(-1);
        if (Array.isArray(array)) array.forEach(show);
        break;
      }
      case 'BMC':
      case 'BDC': {
        const artifact = nameOf(operands[0]) === 'Artifact';
        marked.push(artifact);
        if (artifact) artifactDepth++;
        break;
      }
      case 'EMC':
        if (marked.pop()) artifactDepth--;
        break;
      case 'Do': {
        const name = nameOf(operands[0]);
        const xobject = name ? pdf.get(xobjects?.get(name)) : undefined;
        if (depth < 8 && isStream(xobject) && nameOf(xobject.dict.get('Subtype')) === 'Form' && artifactDepth === 0) {
          const own = pdf.dict(xobject.dict.get('Resources'));
          showText(walk, pdf.decode(xobject) ?? '', own ?? resources, depth + 1);
        }
        break;
      }
      case 'BI': {
        // an inline image: its data runs from ID to EI and is not syntax
        const id = content.indexOf('ID', lexer.pos);
        const ei = id === -1 ? -1 : content.slice(id).search(/[\0\t\n\f\r ]EI(?![^\0\t\n\f\r ])/);
        if (ei === -1) return;
        lexer.pos = id + ei + 3;
        break;
      }
    }
    operands.length = 0;
  }
}

/** Page dictionaries in order, each with its inherited resources. */
function pages(pdf: PdfFile): { page: PdfDict; resources: PdfDict | undefined }[] {
  const out: { page: PdfDict; resources: PdfDict | undefined }[] = [];
  const seen = new Set<PdfDict>();
  const visit = (ref: PdfValue | undefined, inherited: PdfDict | undefined, depth: number) => {
    const node = pdf.dict(ref);
    if (!node || seen.has(node) || depth > 64) return;
    seen.add(node);
    const resources = pdf.dict(node.get('Resources')) ?? inherited;
    const kids = pdf.get(node.get('Kids'));
    if (Array.isArray(kids)) {
      for (const kid of kids) visit(kid, resources, depth + 1);
      return;
    }
    if (out.length >= READ_LIMITS.pdfPages) throw new PdfLimitError('too many pages');
    out.push({ page: node, resources });
  };
  visit(pdf.catalog()?.get('Pages'), undefined, 0);
  return out;
}

/** The body text of every page, in order. */
export function pdfBodyText(pdf: PdfFile): string {
  const walk: Walk = { pdf, fonts: new Map(), tokens: 0, out: [] };
  for (const { page, resources } of pages(pdf)) showText(walk, contentOf(pdf, page.get('Contents')), resources, 0);
  return walk.out.join('');
}

