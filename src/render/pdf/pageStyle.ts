import { rgb } from 'pdf-lib';

const mm = (v: number) => (v * 72) / 25.4;

export interface PageGeometry {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** The running header sits between headerTop (from the page top) and the top margin. */
  headerTop: number;
  /** The running footer sits between the bottom margin and footerBottom (from the page bottom). */
  footerBottom: number;
  contentWidth: number;
  contentHeight: number;
}

/** A4 with the margins of an official form (left margin wide enough for binding). */
export function pageGeometry(orientation: 'portrait' | 'landscape'): PageGeometry {
  const [width, height] = orientation === 'portrait' ? [mm(210), mm(297)] : [mm(297), mm(210)];
  const margins = { top: mm(25), bottom: mm(22), left: mm(25), right: mm(20), headerTop: mm(10), footerBottom: mm(5) };
  return {
    width,
    height,
    ...margins,
    contentWidth: width - margins.left - margins.right,
    contentHeight: height - margins.top - margins.bottom,
  };
}

/** Sizes in points; leading is a multiple of the font size. */
export const STYLE = {
  bodySize: 10.5,
  bodyLeading: 1.7,
  smallSize: 9,
  cellSize: 9.5,
  cellLeading: 1.45,
  cellPadX: 4,
  cellPadY: 3,
  paragraphAfter: 4,
  /** Running header and footer lines. */
  runningLeading: 1.45,
  /** Space between the body and the running footer's first line. */
  footerGap: mm(7),
  tableAfter: 8,
  border: 0.5,
  headerFill: rgb(0.88, 0.88, 0.88),
  headings: {
    1: { size: 15, leading: 1.5, before: 10, after: 12 },
    2: { size: 12.5, leading: 1.5, before: 14, after: 6 },
    3: { size: 11, leading: 1.5, before: 8, after: 4 },
  },
} as const;
