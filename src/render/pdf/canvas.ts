import type { Color } from 'pdf-lib';
import type { FontRole } from './fonts.ts';

/**
 * What a page shows, as data: laid-out boxes draw onto a Canvas, and the writer paints the marks with pdf-lib.
 * Keeping the marks lets tests check where every piece of text went without reading a PDF back.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextMark {
  kind: 'text';
  /** Left end of the baseline. */
  x: number;
  y: number;
  size: number;
  role: FontRole;
  text: string;
  color: Color;
  /** Character spacing (Tc) for this run only: it justifies this line and no other. */
  spacing: number;
  /** Advance width including the spacing. */
  width: number;
  /** The table cell the text belongs to, if any. */
  cell: Rect | null;
  /** Not part of the text a reader extracts (a list marker, which Word writes as numbering, not text). */
  artifact?: boolean;
}

export interface LineMark {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: Color;
}

export interface RectMark extends Rect {
  kind: 'rect';
  border: Color;
  borderWidth: number;
  fill?: Color;
}

export type Mark = TextMark | LineMark | RectMark;

export class Canvas {
  readonly marks: Mark[] = [];
  private cell: Rect | null = null;

  text(mark: Omit<TextMark, 'kind' | 'cell'>) {
    this.marks.push({ kind: 'text', ...mark, cell: this.cell });
  }

  line(mark: Omit<LineMark, 'kind'>) {
    this.marks.push({ kind: 'line', ...mark });
  }

  rect(mark: Omit<RectMark, 'kind'>) {
    this.marks.push({ kind: 'rect', ...mark });
  }

  /** Draws the content of a table cell: text drawn inside is tagged with the cell. */
  inCell(cell: Rect, draw: () => void) {
    const outer = this.cell;
    this.cell = cell;
    draw();
    this.cell = outer;
  }
}
