/** Characters that XML 1.0 cannot carry (C0 controls but tab and line breaks, U+FFFE/U+FFFF, lone surrogates). */
export const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

export function hasXmlIllegal(text: string): boolean {
  return text.search(XML_ILLEGAL) !== -1;
}

export function xmlSafe(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}

/** A deep copy of plain JSON data with every string made XML-safe. */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafeDeep) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafeDeep(v)])) as T;
  }
  return value;
}

/** Paths of the strings in plain data that hold characters XML cannot carry. */
export function pathsWithXmlIllegal(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return hasXmlIllegal(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => pathsWithXmlIllegal(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => pathsWithXmlIllegal(v, [...path, k]));
  return [];
}
