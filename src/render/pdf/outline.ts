import { type PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';
import { displayText } from '../displayText.ts';
import type { OutlineEntry } from './layoutDocument.ts';

/**
 * PDF bookmarks (the outline): sections at the top level and the items under each section below it, each
 * opening its page at the heading. Built from pdf-lib's public object API (/Outlines with /First /Last /Next
 * /Prev /Parent /Count and a /Dest per item), as the PDF reference describes.
 */

interface Node {
  entry: OutlineEntry;
  ref: PDFRef;
  children: Node[];
}

export function addOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (!entries.length) return;
  const context = doc.context;
  const pages = doc.getPages();
  const roots: Node[] = [];
  for (const entry of entries) {
    const node = { entry, ref: context.nextRef(), children: [] };
    const parent = roots.at(-1);
    if (entry.level === 3 && parent && parent.entry.level === 2) parent.children.push(node);
    else roots.push(node);
  }

  const rootRef = context.nextRef();
  const link = (nodes: readonly Node[], parentRef: PDFRef) => {
    nodes.forEach((node, i) => {
      const page = pages[node.entry.page]!;
      const dict = context.obj({
        Title: PDFHexString.fromText(displayText(node.entry.title)),
        Parent: parentRef,
        Dest: [page.ref, 'XYZ', null, node.entry.y, null],
      });
      if (i > 0) dict.set(PDFName.of('Prev'), nodes[i - 1]!.ref);
      if (i < nodes.length - 1) dict.set(PDFName.of('Next'), nodes[i + 1]!.ref);
      if (node.children.length) {
        dict.set(PDFName.of('First'), node.children[0]!.ref);
        dict.set(PDFName.of('Last'), node.children.at(-1)!.ref);
        dict.set(PDFName.of('Count'), context.obj(node.children.length)); // open: its items show
        link(node.children, node.ref);
      }
      context.assign(node.ref, dict);
    });
  };
  link(roots, rootRef);
  const visible = roots.reduce((n, r) => n + 1 + r.children.length, 0);
  context.assign(
    rootRef,
    context.obj({ Type: 'Outlines', First: roots[0]!.ref, Last: roots.at(-1)!.ref, Count: visible }),
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
