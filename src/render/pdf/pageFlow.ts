import type { Box } from './layout.ts';

/**
 * The page flow: fills pages with boxes top to bottom. When a box does not fit, the page ends before the last
 * box on it that allows a break (so a heading goes over with its paragraph); if none does, before the box that
 * does not fit. A box taller than a page that can split (a table row) is split to fill the page. Vertical space
 * is dropped at the top of a page. A page that starts inside a table begins with the table's header rows.
 */

export interface PlacedBox {
  box: Box;
  /** Distance from the top of the content area to the top of the box. */
  top: number;
  /** A header row drawn again at the top of a page. */
  repeated: boolean;
}

/** A row taller than a page is split here only if at least this much room is left; otherwise on the next page. */
const MIN_SPLIT_ROOM = 48;
const EPSILON = 1e-6;

export function paginate(input: readonly Box[], pageHeight: number): PlacedBox[][] {
  const boxes = [...input]; // splitting replaces a box by its parts
  const pages: PlacedBox[][] = [];
  let page: { placed: PlacedBox; index: number }[] = [];
  let used = 0;
  let firstIndex = 0; // index of the first box on this page that is not a repeated header

  const hasContent = () => page.some((p) => !p.placed.repeated && p.placed.box.tag.kind !== 'space');
  const place = (box: Box, index: number, repeated = false) => {
    page.push({ placed: { box, top: used, repeated }, index });
    used += box.height;
  };
  const newPage = (startIndex: number) => {
    pages.push(page.map((p) => p.placed));
    page = [];
    used = 0;
    firstIndex = startIndex;
    for (const header of boxes[startIndex]?.repeat ?? []) place(header, -1, true);
  };

  for (let i = 0; i < boxes.length; ) {
    const box = boxes[i]!;
    if (box.tag.kind === 'pagebreak') {
      if (hasContent()) newPage(i + 1);
      i++;
      continue;
    }
    if (box.tag.kind === 'space') {
      if (hasContent() && used + box.height <= pageHeight + EPSILON) place(box, i);
      i++;
      continue;
    }
    if (used + box.height <= pageHeight + EPSILON) {
      place(box, i);
      i++;
      continue;
    }

    const repeatHeight = (box.repeat ?? []).reduce((h, r) => h + r.height, 0);
    const room = pageHeight - used;
    if (box.split && box.height > pageHeight - repeatHeight + EPSILON && (room >= MIN_SPLIT_ROOM || !hasContent())) {
      const parts = box.split(room);
      if (parts) {
        const [head, rest] = parts;
        boxes.splice(i, 1, head, { ...rest, repeat: box.repeat });
        place(head, i);
        newPage(i + 1);
        i++;
        continue;
      }
    }

    // end the page before the last box on it that allows a break, or else before this box
    let k = i;
    while (k > firstIndex && !boxes[k]!.breakBefore) k--;
    if (k === firstIndex) k = i;
    if (k === firstIndex || !hasContent()) {
      place(box, i); // taller than a page and cannot split: it runs over rather than vanish
      i++;
      continue;
    }
    page = page.filter((p) => p.index < k);
    newPage(k);
    i = k;
  }
  if (page.length || pages.length === 0) pages.push(page.map((p) => p.placed));
  return pages;
}
