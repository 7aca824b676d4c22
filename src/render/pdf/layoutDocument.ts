import type { DocumentTree } from '../../document/tree.ts';
import { Canvas, type Mark } from './canvas.ts';
import { Layout } from './layout.ts';
import { type PlacedBox, paginate } from './pageFlow.ts';
import { type PageGeometry, pageGeometry } from './pageStyle.ts';
import { drawRunningText } from './runningText.ts';

/** The whole document laid out on pages, as data: what the PDF writer paints, and what tests inspect. */

export interface LaidOutPage {
  /** Everything drawn on the page: the body first, then the running header and footer. */
  marks: Mark[];
  /** How many of the marks belong to the body (the rest are the running header and footer). */
  bodyMarks: number;
  /** The body's boxes in order, with their place. */
  placed: PlacedBox[];
}

/** A bookmark: sections (h2) and the items under them (h3). */
export interface OutlineEntry {
  title: string;
  level: 2 | 3;
  /** 0-based page index. */
  page: number;
  /** Top of the heading, in PDF coordinates. */
  y: number;
}

export interface LaidOutDocument {
  geometry: PageGeometry;
  pages: LaidOutPage[];
  outline: OutlineEntry[];
}

export function layoutDocument(tree: DocumentTree): LaidOutDocument {
  const geometry = pageGeometry(tree.orientation);
  const layout = new Layout();
  const boxes = layout.bodyBoxes(tree.body, geometry.contentWidth, geometry.contentHeight);
  const contentTop = geometry.height - geometry.top;
  const outline: OutlineEntry[] = [];
  const placedPages = paginate(boxes, geometry.contentHeight);
  const pages = placedPages.map((placed, index) => {
    const canvas = new Canvas();
    for (const p of placed) {
      const top = contentTop - p.top;
      p.box.draw(canvas, geometry.left, top);
      const tag = p.box.tag;
      if (tag.kind === 'heading' && tag.line === 0 && tag.level !== 1) outline.push({ title: tag.title, level: tag.level, page: index, y: top });
    }
    const bodyMarks = canvas.marks.length;
    drawRunningText(layout, canvas, geometry, tree.header, tree.footer, index + 1, placedPages.length);
    return { marks: canvas.marks, bodyMarks, placed };
  });
  return { geometry, pages, outline };
}
