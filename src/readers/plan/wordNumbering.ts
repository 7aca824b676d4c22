import { SaxesParser } from 'saxes';

/**
 * Word's list numbering (word/numbering.xml): what number a numbered paragraph shows, computed as Word does from
 * each level's format (w:numFmt), its text (w:lvlText, "（%1）"), its start and the counters of the list so far.
 * Hand-typed plans number their items this way (（１）①ア…), and the text itself does not hold the number.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Level {
  start: number;
  format: string;
  text: string;
  /** w:isLgl: every level's number shown in decimal. */
  legal: boolean;
}

export interface Numbering {
  /** abstractNumId → level (0–8) → its definition. */
  abstract: Map<string, Map<number, Level>>;
  /** numId → its abstractNumId and the start values it overrides per level. */
  nums: Map<string, { abstractId: string; starts: Map<number, number> }>;
}

export const NO_NUMBERING: Numbering = { abstract: new Map(), nums: new Map() };

const attr = (tag: { attributes: Record<string, unknown> }, local: string): string | undefined => {
  for (const [name, value] of Object.entries(tag.attributes)) {
    const a = value as { local?: string; uri?: string; value?: string };
    if (a.local === local && (a.uri === W || a.uri === '')) return a.value;
    if (name === local) return typeof value === 'string' ? value : a.value;
  }
  return undefined;
};

/** Reads numbering.xml; a part that does not parse gives no numbering (the text is still read). */
export function parseNumbering(xml: string | null): Numbering {
  if (!xml) return NO_NUMBERING;
  const out: Numbering = { abstract: new Map(), nums: new Map() };
  const parser = new SaxesParser({ xmlns: true });
  let abstract: Map<number, Level> | null = null;
  let level: Level | null = null;
  let num: { abstractId: string; starts: Map<number, number> } | null = null;
  let overrideLevel: number | null = null;
  parser.on('opentag', (tag) => {
    if (tag.uri !== W) return;
    switch (tag.local) {
      case 'abstractNum':
        abstract = new Map();
        out.abstract.set(attr(tag, 'abstractNumId') ?? '', abstract);
        break;
      case 'lvl':
        if (abstract && overrideLevel === null) {
          level = { start: 1, format: 'decimal', text: '', legal: false };
          abstract.set(Number(attr(tag, 'ilvl') ?? 0), level);
        }
        break;
      case 'start':
        if (level) level.start = Number(attr(tag, 'val') ?? 1) || 0;
        break;
      case 'numFmt':
        if (level) level.format = attr(tag, 'val') ?? 'decimal';
        break;
      case 'lvlText':
        if (level) level.text = attr(tag, 'val') ?? '';
        break;
      case 'isLgl':
        if (level) level.legal = attr(tag, 'val') !== '0' && attr(tag, 'val') !== 'false';
        break;
      case 'num':
        num = { abstractId: '', starts: new Map() };
        out.nums.set(attr(tag, 'numId') ?? '', num);
        break;
      case 'abstractNumId':
        if (num) num.abstractId = attr(tag, 'val') ?? '';
        break;
      case 'lvlOverride':
        overrideLevel = Number(attr(tag, 'ilvl') ?? 0);
        break;
      case 'startOverride':
        if (num && overrideLevel !== null) num.starts.set(overrideLevel, Number(attr(tag, 'val') ?? 1) || 0);
        break;
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.uri !== W) return;
    if (tag.local === 'abstractNum') abstract = null;
    else if (tag.local === 'lvl') level = null;
    else if (tag.local === 'num') num = null;
    else if (tag.local === 'lvlOverride') overrideLevel = null;
  });
  try {
    parser.write(xml).close();
  } catch {
    return NO_NUMBERING;
  }
  return out;
}

const FULL_DIGITS = '０１２３４５６７８９';
const AIUEO = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';
const AIUEO_HALF = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ';
const IROHA = 'イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス';
const KANJI = '〇一二三四五六七八九';

const cycle = (chars: string, n: number) => chars[(n - 1) % chars.length] ?? String(n);
const fullWidth = (n: number) => String(n).replace(/\d/g, (d) => FULL_DIGITS[Number(d)]!);

function kanjiCount(n: number): string {
  if (n <= 0) return KANJI[0]!;
  if (n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  let out = '';
  String(n)
    .split('')
    .reverse()
    .forEach((d, i) => {
      const digit = Number(d);
      if (!digit) return;
      out = (digit === 1 && i > 0 ? '' : KANJI[digit]!) + units[i]! + out;
    });
  return out;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** One counter in a level's format (w:numFmt): 3 → 3, ３, ③, ⑶, ウ, ハ, 三, III, C… */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return fullWidth(n);
    case 'decimalHalfWidth':
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : n >= 21 && n <= 35 ? String.fromCodePoint(0x3251 + n - 21) : n >= 36 && n <= 50 ? String.fromCodePoint(0x32b1 + n - 36) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${n}.`;
    case 'aiueoFullWidth':
      return cycle(AIUEO, n);
    case 'aiueo':
      return cycle(AIUEO_HALF, n);
    case 'irohaFullWidth':
    case 'iroha':
      return cycle(IROHA, n);
    case 'japaneseCounting':
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseLegal':
      return kanjiCount(n);
    case 'ideographDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => KANJI[Number(d)]!);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Bullets in symbol fonts (Symbol, Wingdings) live in the private-use area: shown as the bullet they mean. */
const bullet = (text: string) => (/^[\uf000-\uf0ff]$/.test(text) ? '・' : text);

/** The counters of one document's lists as its paragraphs are read, and the label each numbered one shows. */
export class NumberingCounters {
  private readonly counters = new Map<string, number[]>();

  constructor(private readonly numbering: Numbering) {}

  /** The label of the next paragraph of list `numId` at level `ilvl` (null: not a list Word numbers). */
  next(numId: string, ilvl: number): string | null {
    if (numId === '0' || !numId) return null;
    const num = this.numbering.nums.get(numId);
    const levels = num && this.numbering.abstract.get(num.abstractId);
    if (!num || !levels) return null;
    const lvl = Math.min(8, Math.max(0, ilvl));
    const level = levels.get(lvl);
    if (!level) return null;
    const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    let counts = this.counters.get(numId);
    if (!counts) this.counters.set(numId, (counts = []));
    counts[lvl] = counts[lvl] === undefined ? startOf(lvl) : counts[lvl]! + 1;
    counts.length = lvl + 1; // deeper levels start again
    if (level.format === 'bullet') return bullet(level.text);
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const n = counts![l] ?? startOf(l);
      const format = level.legal && l < lvl ? 'decimal' : (levels.get(l)?.format ?? 'decimal');
      return formatNumber(n, format);
    });
  }
}
