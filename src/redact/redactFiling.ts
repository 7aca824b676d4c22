import { mapAlongSchema } from '../model/schemaWalk.ts';

/**
 * A filing made fit for sharing: contact details and network addresses replaced by 【非開示】 before any document is
 * made from it, so that they are absent from the text, the fonts and the embedded data alike (removed, not drawn
 * over). What is replaced:
 *  - the names of contact persons (連絡担当者, CISO, CSIRT責任者, 緊急連絡先), wherever they appear in the filing;
 *    the representative's name is public (it is on the register) and stays;
 *  - telephone numbers (every 電話番号 field, and numbers written in any text);
 *  - e-mail addresses (电子メール fields are left out; addresses in any text are replaced);
 *  - IP addresses (IPv4 and IPv6, with a prefix length) and host names written as domain names, in any text.
 */

export const REDACTED = '【非開示】';

type Path = readonly (string | number)[];

/** Fields that hold a contact person's name. */
function isPersonName(path: Path): boolean {
  const p = path.filter((k) => typeof k === 'string').join('.');
  return (
    p === 'applicant.contact.name' ||
    p === 'organization.ciso.name' ||
    p === 'organization.csirt.lead.name' ||
    p === 'organization.emergencyContacts.name'
  );
}

const last = (path: Path) => [...path].reverse().find((k) => typeof k === 'string');

const D = '[0-9０-９]';
const PATTERNS: RegExp[] = [
  // e-mail addresses
  /[A-Za-z0-9._%+-]+[@＠][A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g,
  // IPv4, with a prefix length or a port
  new RegExp(`(?<![0-9０-９.])${D}{1,3}(?:[.．]${D}{1,3}){3}(?:[/／]${D}{1,2}|:${D}{1,5})?(?![0-9０-９])`, 'g'),
  // IPv6: at least three groups, or a :: abbreviation
  /(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{1,4}(?:\/\d{1,3})?(?![0-9A-Fa-f:])|(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?(?:\/\d{1,3})?(?![0-9A-Fa-f:])/g,
  // telephone numbers: 045-000-1234, 03(1234)5678, 0120-123-456, +81-45-000-1234, 09012345678
  new RegExp(`(?<![0-9０-９])(?:[+＋]81[-‐－ー−\\s]?|[0０])${D}{1,4}[-‐－ー−(（)）\\s]{0,2}${D}{1,4}[-‐－ー−(（)）\\s]{0,2}${D}{3,4}(?![0-9０-９])`, 'g'),
];

/** Host names written as domain names: two labels or more ending in a known top-level name, or three labels or more. */
const HOST = /(?<![A-Za-z0-9.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{1,62}(?![A-Za-z0-9-]|\.[A-Za-z0-9])/g;
const TOP_LEVEL = new Set(['jp', 'com', 'net', 'org', 'local', 'lan', 'internal', 'intra', 'corp', 'home', 'io', 'co', 'info', 'biz', 'cloud', 'example', 'test', 'invalid', 'localhost', 'gov', 'edu', 'int', 'aws', 'azure', 'tokyo', 'osaka', 'nagoya', 'yokohama', 'kobe']);

function isHostName(candidate: string): boolean {
  const labels = candidate.split('.');
  const tld = labels.at(-1)!.toLowerCase();
  if (/^\d+$/.test(tld)) return false;
  return TOP_LEVEL.has(tld) || labels.length >= 3;
}

const countDigits = (s: string) => (s.normalize('NFKC').match(/\d/g) ?? []).length;

function redactText(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of names) out = out.split(name).join(REDACTED);
  out = out.replace(PATTERNS[0]!, REDACTED).replace(PATTERNS[1]!, REDACTED).replace(PATTERNS[2]!, REDACTED);
  out = out.replace(HOST, (m) => (isHostName(m) ? REDACTED : m));
  out = out.replace(PATTERNS[3]!, (m) => {
    const digits = countDigits(m.replace(/^[+＋]81/, '0'));
    return digits >= 10 && digits <= 11 ? REDACTED : m;
  });
  return out;
}

/** The names of contact persons in the filing, as written and without their blanks (潮見 浩一 / 潮見浩一). */
function contactNames(data: unknown): string[] {
  const found = new Set<string>();
  const representative = (data as { applicant?: { representative?: { name?: unknown } } } | null)?.applicant?.representative?.name;
  const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
  mapAlongSchema(data, (value, _info, path) => {
    if (typeof value === 'string' && isPersonName(path) && value.trim()) {
      if (typeof representative === 'string' && squash(representative) === squash(value)) return value;
      found.add(value.trim());
      found.add(squash(value));
      for (const part of value.trim().split(/[\s\u3000]+/)) if ([...part].length >= 2 && part !== value.trim()) found.add(part);
    }
    return value;
  });
  // longer names first, so that a family name alone does not break up a full name
  return [...found].sort((a, b) => b.length - a.length);
}

/** A redacted deep copy of a filing's data (as read, or as validated): the input is never modified. */
export function redactFiling(data: unknown): unknown {
  const names = contactNames(data);
  const redacted = mapAlongSchema(structuredClone(data), (value, info, path) => {
    if (typeof value !== 'string') return value;
    const key = last(path);
    if (isPersonName(path) && names.length && names.includes(value.trim())) return REDACTED;
    if (key === 'phone') return REDACTED;
    if (key === 'email') return undefined;
    if (info && info.kind !== 'text') return value; // dates and choices are not free text
    return redactText(value, names);
  });
  return dropUndefined(redacted);
}

function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, dropUndefined(v)]));
  return value;
}
