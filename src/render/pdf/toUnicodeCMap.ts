/**
 * The ToUnicode CMap of a font (PDF 32000-1 §9.10.3): maps each 2-byte character code to the text it
 * stands for, so that text can be searched and copied. Runs of consecutive codes that stand for
 * consecutive characters (kana, digits) are written as ranges.
 */

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out;
}

const HEADER = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
`;
const FOOTER = `endcmap
CMapName currentdict /CMap defineresource pop
end
end
`;

/** At most 100 entries per block, as the CMap format requires. */
const BLOCK = 100;

export function toUnicodeCMap(entries: Iterable<readonly [code: number, text: string]>): string {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const ranges: string[] = [];
  const chars: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const [code, text] = sorted[i]!;
    let j = i;
    // a range may only vary the last byte of the code and of a single UTF-16 unit
    if (text.length === 1) {
      const unit = text.charCodeAt(0);
      while (j + 1 < sorted.length) {
        const [nextCode, nextText] = sorted[j + 1]!;
        const step = j + 1 - i;
        if (nextCode !== code + step || nextText.length !== 1 || nextText.charCodeAt(0) !== unit + step) break;
        if (nextCode >> 8 !== code >> 8 || (unit + step) >> 8 !== unit >> 8) break;
        j++;
      }
    }
    if (j > i) ranges.push(`<${hex4(code)}> <${hex4(sorted[j]![0])}> <${hex4(text.charCodeAt(0))}>`);
    else chars.push(`<${hex4(code)}> <${utf16Hex(text)}>`);
    i = j + 1;
  }
  let body = '';
  for (let i = 0; i < chars.length; i += BLOCK) {
    const block = chars.slice(i, i + BLOCK);
    body += `${block.length} beginbfchar\n${block.join('\n')}\nendbfchar\n`;
  }
  for (let i = 0; i < ranges.length; i += BLOCK) {
    const block = ranges.slice(i, i + BLOCK);
    body += `${block.length} beginbfrange\n${block.join('\n')}\nendbfrange\n`;
  }
  return HEADER + body + FOOTER;
}
