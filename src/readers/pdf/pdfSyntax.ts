/**
 * A small, tolerant reader of PDF syntax: objects (numbers, strings, names, arrays, dictionaries, references) from
 * a latin1 string, with a nesting limit. It reads; it never evaluates anything. Used to find the data a document
 * carries and the text on its pages without trusting cross-reference tables (see pdfObjects.ts).
 */

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
/** A string's bytes, one char per byte (latin1). */
export class PdfString {
  constructor(readonly bytes: string) {}
}
/** An operator or keyword in a content stream (or a keyword such as `stream`). */
export class PdfKeyword {
  constructor(readonly word: string) {}
}

export type PdfDict = Map<string, PdfValue>;
export type PdfValue = null | boolean | number | PdfName | PdfRef | PdfString | PdfKeyword | PdfValue[] | PdfDict;

export class PdfSyntaxError extends Error {}

export const MAX_NESTING = 64;

/** ` 0 R` after an object number. */
const REF_TAIL = /[\0\t\n\f\r ]+(\d{1,5})[\0\t\n\f\r ]+R(?![^\0\t\n\f\r ()<>[\]{}\/%])/y;

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));

export const isDict = (v: PdfValue | undefined): v is PdfDict => v instanceof Map;
export const nameOf = (v: PdfValue | undefined): string | undefined => (v instanceof PdfName ? v.name : undefined);

export class Lexer {
  pos: number;
  constructor(
    readonly s: string,
    start = 0,
    readonly end = s.length,
  ) {
    this.pos = start;
  }

  skipSpace(): void {
    const { s, end } = this;
    while (this.pos < end) {
      const c = s.charCodeAt(this.pos);
      if (WHITE.has(c)) this.pos++;
      else if (c === 0x25 /* % */) {
        while (this.pos < end && s[this.pos] !== '\n' && s[this.pos] !== '\r') this.pos++;
      } else break;
    }
  }

  private regular(): string {
    const { s, end } = this;
    const start = this.pos;
    while (this.pos < end) {
      const c = s.charCodeAt(this.pos);
      if (WHITE.has(c) || DELIM.has(c)) break;
      this.pos++;
    }
    return s.slice(start, this.pos);
  }

  /** The next value, or a keyword (content operators, `obj`, `stream`…); undefined at the end. */
  next(depth = 0): PdfValue | undefined {
    if (depth > MAX_NESTING) throw new PdfSyntaxError('nesting too deep');
    this.skipSpace();
    if (this.pos >= this.end) return undefined;
    const s = this.s;
    const c = s[this.pos]!;
    switch (c) {
      case '/': {
        this.pos++;
        return new PdfName(this.regular().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
      }
      case '(':
        return this.literalString();
      case '<':
        if (s[this.pos + 1] === '<') {
          this.pos += 2;
          return this.dict(depth + 1);
        }
        return this.hexString();
      case '[': {
        this.pos++;
        const out: PdfValue[] = [];
        for (;;) {
          this.skipSpace();
          if (this.pos >= this.end) throw new PdfSyntaxError('unterminated array');
          if (s[this.pos] === ']') {
            this.pos++;
            return out;
          }
          const v = this.value(depth + 1);
          out.push(v);
        }
      }
      case ']':
      case '>':
      case ')':
      case '{':
      case '}':
        this.pos++;
        return new PdfKeyword(c);
      default: {
        const word = this.regular();
        if (!word) {
          this.pos++;
          return new PdfKeyword(c);
        }
        const first = word.charCodeAt(0);
        if (((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e) && NUMBER.test(word)) return Number(word);
        if (word === 'true') return true;
        if (word === 'false') return false;
        if (word === 'null') return null;
        return new PdfKeyword(word);
      }
    }
  }

  /** A value where one is expected: `n g R` becomes a reference. */
  value(depth = 0): PdfValue {
    const v = this.next(depth);
    if (v === undefined) throw new PdfSyntaxError('unexpected end');
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) {
      REF_TAIL.lastIndex = this.pos;
      const m = REF_TAIL.exec(this.s);
      if (m && REF_TAIL.lastIndex <= this.end) {
        this.pos = REF_TAIL.lastIndex;
        return new PdfRef(v, Number(m[1]));
      }
    }
    return v;
  }

  private dict(depth: number): PdfDict {
    const out: PdfDict = new Map();
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) throw new PdfSyntaxError('unterminated dictionary');
      if (this.s.startsWith('>>', this.pos)) {
        this.pos += 2;
        return out;
      }
      const key = this.next(depth);
      if (!(key instanceof PdfName)) {
        if (key instanceof PdfKeyword && key.word === '>') continue;
        throw new PdfSyntaxError('dictionary key is not a name');
      }
      this.skipSpace();
      if (this.s.startsWith('>>', this.pos)) {
        out.set(key.name, null);
        continue;
      }
      out.set(key.name, this.value(depth));
    }
  }

  private hexString(): PdfString {
    const { s } = this;
    const close = s.indexOf('>', this.pos);
    if (close === -1 || close >= this.end) throw new PdfSyntaxError('unterminated hex string');
    const codes: number[] = [];
    let high = -1;
    for (let i = this.pos + 1; i < close; i++) {
      const d = hexDigit(s.charCodeAt(i));
      if (d < 0) continue;
      if (high < 0) high = d;
      else {
        codes.push((high << 4) | d);
        high = -1;
      }
    }
    if (high >= 0) codes.push(high << 4);
    this.pos = close + 1;
    let bytes = '';
    for (let i = 0; i < codes.length; i += 4096) bytes += String.fromCharCode(...codes.slice(i, i + 4096));
    return new PdfString(bytes);
  }

  private literalString(): PdfString {
    const { s, end } = this;
    this.pos++;
    let depth = 1;
    let out = '';
    while (this.pos < end) {
      const c = s[this.pos++]!;
      if (c === '\\') {
        const n = s[this.pos++];
        if (n === undefined) break;
        const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
        if (n in escapes) out += escapes[n];
        else if (/[0-7]/.test(n)) {
          let oct = n;
          while (oct.length < 3 && /[0-7]/.test(s[this.pos] ?? '')) oct += s[this.pos++];
          out += String.fromCharCode(parseInt(oct, 8) & 0xff);
        } else if (n === '\r') {
          if (s[this.pos] === '\n') this.pos++;
        } else if (n !== '\n') out += n;
      } else if (c === '(') {
        depth++;
        out += c;
      } else if (c === ')') {
        if (--depth === 0) return new PdfString(out);
        out += c;
      } else out += c;
    }
    throw new PdfSyntaxError('unterminated string');
  }
}

/** PDF text strings: UTF-16BE with a byte-order mark, or (near enough) latin1. */
export function textOf(v: PdfValue | undefined): string | undefined {
  if (!(v instanceof PdfString)) return undefined;
  const b = v.bytes;
  if (b.startsWith('\u00fe\u00ff')) {
    let out = '';
    for (let i = 2; i + 1 < b.length; i += 2) out += String.fromCharCode((b.charCodeAt(i) << 8) | b.charCodeAt(i + 1));
    return out;
  }
  return b;
}
