/** Bidirectional embedding, override and isolate controls: they can make two viewers show different text. */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;

/** Characters that XML 1.0 cannot carry (C0 controls but tab and line breaks, U+FFFE/U+FFFF, lone surrogates). */
export const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

export function hasXmlIllegal(text: string): boolean {
  return text.search(XML_ILLEGAL) !== -1;
}

/** Text as documents carry it: no characters XML cannot hold, no bidirectional controls. */
export function xmlSafe(text: string): string {
  return text.replace(XML_ILLEGAL, '').replace(BIDI_CONTROLS, '');
}

/** A deep copy of plain JSON data with every string made XML-safe; objects of a class (gap marks) pass as they are. */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafeDeep) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
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


export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Paths of the strings in plain data that hold bidirectional controls. */
export function pathsWithBidiControl(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return value.search(BIDI_CONTROLS) !== -1 ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => pathsWithBidiControl(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => pathsWithBidiControl(v, [...path, k]));
  return [];
}
