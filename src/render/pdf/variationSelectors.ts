/**
 * Variation selectors: VS1–16 (U+FE00–FE0F) and the ideographic variation selectors VS17–256
 * (U+E0100–E01EF) that pick a glyph variant of the character before them (葛󠄀 vs 葛).
 */
export function isVariationSelector(codePoint: number): boolean {
  return (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef);
}

const ANY_SELECTOR = /[\ufe00-\ufe0f]|\udb40[\udd00-\uddef]/;

/**
 * Splits text into the units drawn as one glyph: a character, or a character with the variation selector
 * that follows it. A selector that follows nothing it could modify (the start, a space or a control
 * character, another selector) is dropped, so that it is never drawn as a character of its own. Spaces are
 * excluded as bases because a line may break right after them.
 */
export function glyphUnits(text: string): string[] {
  if (!ANY_SELECTOR.test(text)) return Array.from(text);
  const units: string[] = [];
  let pending = '';
  for (const char of text) {
    if (isVariationSelector(char.codePointAt(0)!)) {
      if (pending && pending.codePointAt(0)! > 0x20) {
        units.push(pending + char);
        pending = '';
      }
      continue;
    }
    if (pending) units.push(pending);
    pending = char;
  }
  if (pending) units.push(pending);
  return units;
}

/** The base character and the selector (if any) of a unit made by glyphUnits. */
export function splitUnit(unit: string): { base: number; selector: number | undefined } {
  const base = unit.codePointAt(0)!;
  const rest = unit.length > (base > 0xffff ? 2 : 1) ? unit.codePointAt(base > 0xffff ? 2 : 1) : undefined;
  return { base, selector: rest };
}
