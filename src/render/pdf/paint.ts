import { type PDFPage, rgb } from 'pdf-lib';
import type { PdfFont } from './cidFont.ts';
import type { Mark } from './canvas.ts';
import type { PageWriter } from './drawOps.ts';
import { type FontRole, metricsFor } from './fonts.ts';
import type { PageGeometry } from './pageStyle.ts';

/** Paints laid-out marks onto a pdf-lib page. */

export type Fonts = Record<FontRole, PdfFont>;

export function paintMarks(ops: PageWriter, page: PDFPage, marks: readonly Mark[], fonts: Fonts) {
  for (const m of marks) {
    if (m.kind === 'text') {
      if (m.artifact) ops.beginArtifact(page);
      ops.text(page, m.text, { x: m.x, y: m.y, size: m.size, font: fonts[m.role], color: m.color, spacing: m.spacing });
      if (m.artifact) ops.endArtifact(page);
    }
    else if (m.kind === 'line') ops.line(page, m.x1, m.y1, m.x2, m.y2, m.width, m.color);
    else ops.box(page, m.x, m.y, m.width, m.height, { border: m.border, borderWidth: m.borderWidth, fill: m.fill });
  }
}

export const DRAFT_MARK = '下書き';

/** The draft mark: large, faint and diagonal, centred on the body so that it stays inside the content box. */
export function paintDraftMark(ops: PageWriter, page: PDFPage, font: PdfFont, geo: PageGeometry) {
  const size = 110;
  const angle = (40 * Math.PI) / 180;
  const metrics = metricsFor(font.role);
  const width = [...DRAFT_MARK].reduce((w, c) => w + metrics.width(c), 0) * size;
  // the text's own centre (CJK glyphs sit about 0.38 em above the baseline), turned with the text
  const [cx, cy] = [width / 2, size * 0.38];
  const centreX = geo.left + geo.contentWidth / 2;
  const centreY = geo.bottom + geo.contentHeight / 2;
  ops.watermark(page, DRAFT_MARK, {
    x: centreX - (cx * Math.cos(angle) - cy * Math.sin(angle)),
    y: centreY - (cx * Math.sin(angle) + cy * Math.cos(angle)),
    size,
    font,
    color: rgb(0.85, 0.2, 0.2),
    opacity: 0.12,
    degrees: 40,
  });
}
