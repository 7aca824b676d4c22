import { editDistance } from '../util/closest.ts';
import { hasKana, kanaToRomaji } from '../util/kanaRomaji.ts';
import { type Bureau, PORTS, type PortEntry, type PortKind, type SpecifiedPortName } from './ports.ts';

export interface PortClassification {
  input: string;
  /** The registry's name for the port, or null when the port is not in the registry. */
  name: string | null;
  specified: boolean;
  specifiedPort: SpecifiedPortName | null;
  /** The bureau competent for the port (null when the port is not in the registry). */
  bureau: Bureau | null;
  /** Close registry names, for a "did you mean" message, when the port is unknown. */
  suggestions: string[];
  /** What the registry knows the name as (null when it does not know it). */
  kind: PortKind | null;
  /** The 指定港 of 港湾運送事業法 the port is or lies in (null for a not-designated or unknown name). */
  designatedPort: string | null;
  /** 都道府県 of the port, from the registry (empty when the port is not in it). */
  prefectures: readonly string[];
  /** For a not-designated name: what to check, in Japanese. */
  hint: string | null;
}

/** Folds full-width forms, case, spaces and a trailing 港 / "port" so that spellings compare equal. */
export function normalizePortName(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '')
    .replace(/(港|port)$/u, '');
}

function keysOf(entry: PortEntry): string[] {
  return [entry.name, ...entry.aliases, entry.romaji].map(normalizePortName);
}

const index = new Map<string, PortEntry>();
for (const entry of PORTS) {
  for (const key of keysOf(entry)) {
    const clash = index.get(key);
    if (clash && clash !== entry) throw new Error(`port registry: "${key}" names both ${clash.name} and ${entry.name}`);
    index.set(key, entry);
  }
}

export function lookupPort(raw: string): PortEntry | undefined {
  return index.get(normalizePortName(raw));
}

export function classifyPort(raw: string): PortClassification {
  const entry = lookupPort(raw);
  if (entry) {
    return {
      input: raw,
      name: entry.name,
      specified: entry.specifiedPort !== undefined,
      specifiedPort: entry.specifiedPort ?? null,
      bureau: entry.bureau,
      suggestions: [],
      kind: entry.kind,
      designatedPort: entry.designatedPort ?? null,
      prefectures: entry.prefectures,
      hint: entry.hint ?? null,
    };
  }
  return {
    input: raw,
    name: null,
    specified: false,
    specifiedPort: null,
    bureau: null,
    suggestions: suggestPorts(raw),
    kind: null,
    designatedPort: null,
    prefectures: [],
    hint: null,
  };
}

/** 北九州港 → 「北九州港（関門港）」: a name for a part of a 指定港 shown with the 指定港 it lies in. */
export function portLabel(port: Pick<PortClassification, 'name' | 'input' | 'designatedPort'>): string {
  const name = port.name ?? port.input;
  return port.designatedPort && port.designatedPort !== name ? `${name}（${port.designatedPort}）` : name;
}

/**
 * Registry names an unknown port name is almost certainly a misspelling of. A port name is short, and two
 * different ports often differ in one character (静岡 and 福岡), so a change of a character counts only in a name
 * of three or more characters, and at most one change in every three; a name that only gains or loses
 * characters at its ends or in between (横浜x, 名古) counts when what remains is the whole other name. A name in
 * kana is also compared, as romaji, with the registry's romanised names (かまいし → kamaishi). Only the nearest
 * names are offered.
 */
export function suggestPorts(raw: string, limit = 3): string[] {
  // A stray 港 in the middle ("横浜港x") should not hide the port it was meant to be.
  const key = normalizePortName(raw).replaceAll('港', '');
  if (!key) return [];
  const keys = hasKana(key) ? [key, kanaToRomaji(key)] : [key];
  const scored: { name: string; distance: number }[] = [];
  for (const [k, entry] of index) {
    const candidate = k.replaceAll('港', '');
    for (const typed of keys) {
      const distance = nearMiss(typed, candidate);
      if (distance !== null) scored.push({ name: entry.name, distance });
    }
  }
  const best = Math.min(...scored.map((s) => s.distance));
  const names = scored.filter((s) => s.distance === best).map((s) => s.name).sort();
  return [...new Set(names)].slice(0, limit);
}

/** The edit distance when `a` is a near-certain misspelling of `b`, else null. */
function nearMiss(a: string, b: string): number | null {
  const [x, y] = [[...a], [...b]];
  const shorter = Math.min(x.length, y.length);
  if (shorter < 2) return null;
  const distance = editDistance(a, b);
  if (distance === 0) return 0;
  // only additions or omissions: the shorter name survives whole, in order
  if (distance === Math.abs(x.length - y.length) && distance <= Math.max(1, Math.floor(shorter / 2))) return distance;
  if (shorter < 3) return null;
  return distance <= Math.floor(shorter / 3) ? distance : null;
}
