/**
 * The properties of most paragraphs, rows and tables repeat (the sample has 835 paragraph properties, 29 of them
 * different): docx's formatter builds the same object tree for each. Here a properties element made from the same
 * options takes the tree made the first time (the formatter only reads it; the XML is the same). Only elements whose
 * output depends on nothing but their options are given a key: not numbered paragraphs, which register their list.
 */

interface Preparable {
  rootKey?: string;
  prepForXml(context: unknown): unknown;
}

const prepared = new Map<string, unknown>();
/** Enough for every different properties element of many filings; past it the map starts again. */
const LIMIT = 20_000;

/** Makes the child `rootKey` of a docx element (w:pPr, w:trPr, w:tblPr) reuse the tree made for the same `key`. */
export function memoProperties<T extends object>(element: T, rootKey: string, key: string): T {
  const root = Reflect.get(element, 'root') as Preparable[] | undefined;
  const properties = root?.find((child) => child?.rootKey === rootKey);
  if (!properties) return element;
  const scoped = `${rootKey}\u0000${key}`;
  const prepare = properties.prepForXml.bind(properties);
  properties.prepForXml = (context) => {
    if (prepared.has(scoped)) return prepared.get(scoped);
    const made = prepare(context);
    if (prepared.size >= LIMIT) prepared.clear();
    prepared.set(scoped, made);
    return made;
  };
  return element;
}
