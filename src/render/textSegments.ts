import LineBreaker from 'linebreak';

/**
 * Where a line may break: UAX #14 (the `linebreak` package keeps 、。」）ー and small kana off the start of a
 * line and opening brackets off its end, and Latin words and numbers whole). UAX #14 lets a katakana word break
 * anywhere, which body text may, but a narrow table cell should not: with `keepWords`, a run of katakana
 * (ファイアウォール), also with Latin letters or digits attached (VPNルータ), stays whole too, unless it is wider
 * than the line.
 */

export interface BreakOpportunity {
  /** UTF-16 offset the next line would start at. */
  position: number;
  /** A forced break (a line feed). */
  required: boolean;
}

const KATAKANA = /[\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f]/;
const ALNUM = /[0-9A-Za-z]/;

function insideWord(before: string, after: string): boolean {
  return (KATAKANA.test(before) && (KATAKANA.test(after) || ALNUM.test(after))) || (ALNUM.test(before) && KATAKANA.test(after));
}

// UAX #14 is the costliest part of measuring text, and both writers (and column widths) ask for the same texts
// again and again; the answers are kept per process (cleared when large, for long batches)
const CACHE_LIMIT = 50_000;
const cached = { strict: new Map<string, readonly BreakOpportunity[]>(), keepWords: new Map<string, readonly BreakOpportunity[]>() };

export function breakOpportunities(text: string, keepWords = false): readonly BreakOpportunity[] {
  const cache = keepWords ? cached.keepWords : cached.strict;
  let found = cache.get(text);
  if (!found) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    found = findBreakOpportunities(text, keepWords);
    cache.set(text, found);
  }
  return found;
}

function findBreakOpportunities(text: string, keepWords: boolean): BreakOpportunity[] {
  const out: BreakOpportunity[] = [];
  const breaker = new LineBreaker(text);
  for (let brk = breaker.nextBreak(); brk; brk = breaker.nextBreak()) {
    const p = brk.position;
    if (keepWords && !brk.required && p < text.length && insideWord(text[p - 1]!, text[p]!)) continue;
    out.push({ position: p, required: brk.required });
  }
  return out;
}

/** The pieces of text no line break may split (trailing spaces dropped): what decides a column's narrowest width. */
export function unbreakableSegments(text: string, keepWords = true): string[] {
  const out: string[] = [];
  let start = 0;
  for (const { position } of breakOpportunities(text, keepWords)) {
    const piece = text.slice(start, position).replace(/[\s\u3000]+$/u, '');
    if (piece) out.push(piece);
    start = position;
  }
  return out;
}
