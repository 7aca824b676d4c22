import { closest } from '../util/closest.ts';
import { type Bureau, PORTS, type PortEntry, type SpecifiedPortName } from './ports.ts';

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
    };
  }
  return { input: raw, name: null, specified: false, specifiedPort: null, bureau: null, suggestions: suggestPorts(raw) };
}

export function suggestPorts(raw: string, limit = 3): string[] {
  // A stray 港 in the middle ("横浜港x") should not hide the port it was meant to be.
  const key = normalizePortName(raw).replaceAll('港', '');
  if (!key) return [];
  const byFolded = new Map([...index].map(([k, entry]) => [k.replaceAll('港', ''), entry]));
  const names = closest(key, byFolded.keys(), limit * 3).map((k) => byFolded.get(k)!.name);
  return [...new Set(names)].slice(0, limit);
}
