/**
 * The properties of most paragraphs, cells, rows and tables repeat (the sample has 835 paragraph properties, 29 of
 * them different), and so do many runs of text: docx's formatter builds the same object tree for each. Here an
 * element made from the same options takes the tree made the first time in the process (the formatter only reads
 * it; the XML is the same). Only elements whose output depends on nothing but their options are given a key: not
 * numbered paragraphs, which register their list, nor page-number fields.
 */

interface Preparable {
  rootKey?: string;
  prepForXml(context: unknown): unknown;
  setColumnWidth?(twips: number): void;
}

const prepared = new Map<string, unknown>();
/** Enough for every different element of many filings; past it the map starts again. */
const LIMIT = 20_000;

function memoPrepared(element: Preparable, scoped: string | (() => string)): Preparable {
  const prepare = element.prepForXml.bind(element);
  element.prepForXml = (context) => {
    const at = typeof scoped === 'string' ? scoped : scoped();
    if (prepared.has(at)) return prepared.get(at);
    const made = prepare(context);
    if (prepared.size >= LIMIT) prepared.clear();
    prepared.set(at, made);
    return made;
  };
  return element;
}

/** Makes `element` (a text run) reuse the tree made for an element of the same `key` in this process. */
export function memoElement<T extends object>(element: T, key: string): T {
  memoPrepared(element as T & Preparable, `run\u0000${key}`);
  return element;
}

const propertiesOf = (element: object, rootKey: string) => (Reflect.get(element, 'root') as Preparable[] | undefined)?.find((child) => child?.rootKey === rootKey);

/** Makes the child `rootKey` of a docx element (w:pPr, w:trPr, w:tblPr) reuse the tree made for the same `key`. */
export function memoProperties<T extends object>(element: T, rootKey: string, key: string | (() => string)): T {
  const properties = propertiesOf(element, rootKey);
  if (!properties) return element;
  memoPrepared(properties, () => `${rootKey}\u0000${typeof key === 'string' ? key : key()}`);
  return element;
}

/**
 * The same for a table cell (w:tcPr): its table sets the cell's width (w:tcW) when it is written, so the width it
 * was last given (the one written) is part of the key.
 */
export function memoCellProperties<T extends object>(cell: T, key: string): T {
  const properties = propertiesOf(cell, 'w:tcPr');
  if (!properties?.setColumnWidth) return cell;
  let width: number | undefined;
  const setColumnWidth = properties.setColumnWidth.bind(properties);
  properties.setColumnWidth = (twips) => {
    width = twips; // each width replaces the one before
    setColumnWidth(twips);
  };
  return memoProperties(cell, 'w:tcPr', () => `${key}\u0000${width}`);
}
