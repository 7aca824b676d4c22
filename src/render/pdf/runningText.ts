import type { Paragraph, TextStyle } from '../../document/tree.ts';
import { PLAIN } from '../../document/tree.ts';
import { fitOnOneLine } from '../fitLine.ts';
import type { Canvas } from './canvas.ts';
import { metricsFor } from './fonts.ts';
import type { Layout } from './layout.ts';
import { breakLines } from './lineBreak.ts';
import { type PageGeometry, STYLE } from './pageStyle.ts';

/**
 * The running header and footer of one page. Each paragraph is one line, fitted (see fitLine.ts); lines that
 * would not fit in the header's band (or the footer's) are left out, so nothing ever reaches the body.
 */

const measureAt = (size: number) => (char: string, style: TextStyle | null) => metricsFor(style?.bold ? 'bold' : 'regular').width(char) * size;

function withPageNumbers(p: Paragraph, page: number, pages: number): Paragraph {
  return {
    ...p,
    children: p.children.map((c) => (c.type === 'page' || c.type === 'pages' ? { type: 'text', text: String(c.type === 'page' ? page : pages), style: PLAIN } : c)),
  };
}

/** Draws `paragraphs` as lines from `top` down to no lower than `bottom`. */
function drawBand(layout: Layout, canvas: Canvas, paragraphs: readonly Paragraph[], geo: PageGeometry, top: number, bottom: number) {
  let y = top;
  for (const p of paragraphs) {
    const size = p.size === 'small' ? STYLE.smallSize : STYLE.bodySize;
    const left = p.left * size;
    const width = geo.contentWidth - left;
    const fitted = fitOnOneLine(p.children, width, measureAt(size));
    const setSize = size * fitted.scale;
    const height = STYLE.runningLeading * setSize;
    if (y - height < bottom - 1e-6) break;
    const [line] = breakLines(fitted.children, Number.POSITIVE_INFINITY);
    if (line) {
      const baseline = y - (height - setSize) / 2 - setSize * 0.88;
      layout.drawLine(canvas, { ...line, last: true }, geo.left + left, baseline, setSize, width, p.align);
    }
    y -= height;
  }
}

export function drawRunningText(layout: Layout, canvas: Canvas, geo: PageGeometry, header: readonly Paragraph[], footer: readonly Paragraph[], page: number, pages: number) {
  const number = (p: Paragraph) => withPageNumbers(p, page, pages);
  // the first page is the cover: no running header
  if (page > 1) drawBand(layout, canvas, header.map(number), geo, geo.height - geo.headerTop, geo.height - geo.top);
  drawBand(layout, canvas, footer.map(number), geo, geo.bottom - STYLE.footerGap, geo.footerBottom);
}
