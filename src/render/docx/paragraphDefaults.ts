import { strFromU8, strToU8 } from 'fflate';

/**
 * Paragraph defaults docx's API cannot set (it writes only spacing there): widow control, and no automatic space
 * between Japanese and Latin letters or digits (autoSpaceDE/DN), which Word and LibreOffice otherwise insert
 * ("TOS の概要") and the PDF never does. Added to styles.xml's pPrDefault, before <w:spacing> as the schema orders it.
 */
export const PARAGRAPH_DEFAULTS = '<w:widowControl/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';

export function withParagraphDefaults(parts: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const styles = parts['word/styles.xml'];
  if (!styles) return parts;
  const xml = strFromU8(styles);
  const fixed = xml.replace(/<w:pPrDefault><w:pPr>(?!<w:widowControl)/, (m) => m + PARAGRAPH_DEFAULTS);
  if (fixed === xml && !xml.includes(`<w:pPrDefault><w:pPr>${PARAGRAPH_DEFAULTS}`)) throw new Error('styles.xml has no paragraph defaults to extend');
  return { ...parts, 'word/styles.xml': strToU8(fixed) };
}
