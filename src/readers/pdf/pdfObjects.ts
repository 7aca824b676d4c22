import { InflateLimitError, host } from '../../platform/host.ts';
import { latin1Bytes, latin1Text } from '../../util/bytes.ts';
import { READ_LIMITS } from '../limits.ts';
import { Lexer, type PdfDict, PdfKeyword, PdfRef, PdfSyntaxError, type PdfValue, isDict, nameOf } from './pdfSyntax.ts';

/**
 * The objects of a PDF file, found by scanning the file for `n g obj` (the way PDF readers recover damaged
 * files) rather than by trusting its cross-reference tables, and the objects inside object streams. Later
 * definitions replace earlier ones (incremental updates append). Every stream is decoded under a size limit
 * and all decoding together under a budget, so a compression bomb costs a bounded amount of memory and time.
 */

export class PdfLimitError extends Error {}

export interface PdfStream {
  dict: PdfDict;
  /** The raw bytes of the stream, as a latin1 string slice. */
  raw: () => string;
}

export type PdfObject = PdfValue | PdfStream;

export const isStream = (v: unknown): v is PdfStream => typeof v === 'object' && v !== null && 'raw' in v && 'dict' in v;

const OBJ_HEADER = /(\d{1,10})[\0\t\n\f\r ]+(\d{1,5})[\0\t\n\f\r ]+obj(?![^\0\t\n\f\r ()<>[\]{}\/%])/g;

export class PdfFile {
  private readonly objects = new Map<number, PdfObject>();
  readonly trailers: PdfDict[] = [];
  private decoded = 0;

  constructor(readonly text: string) {
    this.scan();
    this.scanTrailers();
    this.expandObjectStreams();
  }

  get(ref: PdfValue | undefined): PdfObject | undefined {
    let v: PdfObject | undefined = ref as PdfObject | undefined;
    for (let hops = 0; v instanceof PdfRef && hops < 8; hops++) v = this.objects.get(v.num);
    return v instanceof PdfRef ? undefined : v;
  }

  dict(ref: PdfValue | undefined): PdfDict | undefined {
    const v = this.get(ref);
    if (isStream(v)) return v.dict;
    return isDict(v as PdfValue) ? (v as PdfDict) : undefined;
  }

  *allObjects(): Iterable<PdfObject> {
    yield* this.objects.values();
  }

  /** The bytes of a stream with its filters undone (Flate only), or null when they cannot be undone. */
  decode(stream: PdfStream, limit: number = READ_LIMITS.pdfStreamBytes): string | null {
    const filter = this.get(stream.dict.get('Filter'));
    if (isStream(filter)) return null;
    const listed: PdfValue[] = Array.isArray(filter) ? filter : filter === undefined || filter === null ? [] : [filter];
    const filters = listed.map((f) => nameOf(this.get(f) as PdfValue));
    let data = stream.raw();
    for (const f of filters) {
      if (f !== 'FlateDecode' && f !== 'Fl') return null;
      const room = Math.min(limit, READ_LIMITS.pdfDecodedBudget - this.decoded);
      if (room <= 0) throw new PdfLimitError('decoded budget exceeded');
      let out: Uint8Array | null;
      try {
        out = host().inflate(latin1Bytes(data), room);
      } catch (err) {
        if (err instanceof InflateLimitError) throw new PdfLimitError('stream too large when decoded');
        throw err;
      }
      if (out === null) return null;
      this.decoded += out.length;
      data = latin1Text(out);
    }
    return data;
  }

  private scan(): void {
    const text = this.text;
    OBJ_HEADER.lastIndex = 0;
    let count = 0;
    for (let m = OBJ_HEADER.exec(text); m; m = OBJ_HEADER.exec(text)) {
      if (++count > READ_LIMITS.pdfObjects) throw new PdfLimitError('too many objects');
      const num = Number(m[1]);
      const lexer = new Lexer(text, OBJ_HEADER.lastIndex);
      let value: PdfValue | undefined;
      try {
        value = lexer.value();
      } catch (err) {
        if (!(err instanceof PdfSyntaxError)) throw err;
        continue; // damaged object: skip it, keep scanning
      }
      lexer.skipSpace();
      if (isDict(value) && text.startsWith('stream', lexer.pos)) {
        let start = lexer.pos + 'stream'.length;
        if (text[start] === '\r') start++;
        if (text[start] === '\n') start++;
        const declared = value.get('Length');
        let end = typeof declared === 'number' && declared >= 0 && Number.isInteger(declared) ? start + declared : -1;
        if (end < 0 || end > text.length || !/^[\0\t\n\f\r ]*endstream/.test(text.slice(end, end + 32))) {
          end = text.indexOf('endstream', start);
          if (end === -1) end = text.length;
        }
        const [from, to] = [start, end];
        this.objects.set(num, { dict: value, raw: () => text.slice(from, to) });
        OBJ_HEADER.lastIndex = to;
      } else if (value !== undefined) {
        this.objects.set(num, value);
        OBJ_HEADER.lastIndex = Math.max(OBJ_HEADER.lastIndex, lexer.pos);
      }
    }
  }

  private scanTrailers(): void {
    const text = this.text;
    for (let at = text.indexOf('trailer'); at !== -1; at = text.indexOf('trailer', at + 7)) {
      try {
        const value = new Lexer(text, at + 7).value();
        if (isDict(value)) this.trailers.push(value);
      } catch {
        // not a trailer after all
      }
    }
    for (const object of this.objects.values()) if (isStream(object) && nameOf(object.dict.get('Type')) === 'XRef') this.trailers.push(object.dict);
  }

  private expandObjectStreams(): void {
    const found: [number, PdfValue][] = [];
    for (const object of [...this.objects.values()]) {
      if (!isStream(object) || nameOf(object.dict.get('Type')) !== 'ObjStm') continue;
      const n = object.dict.get('N');
      const first = object.dict.get('First');
      if (typeof n !== 'number' || typeof first !== 'number' || n < 0 || n > READ_LIMITS.pdfObjects) continue;
      const data = this.decode(object);
      if (data === null) continue;
      const header = new Lexer(data, 0, Math.min(first, data.length));
      try {
        for (let i = 0; i < n; i++) {
          const num = header.next();
          const offset = header.next();
          if (typeof num !== 'number' || typeof offset !== 'number') break;
          if (this.objects.has(num)) continue;
          try {
            const value = new Lexer(data, first + offset).value();
            if (!(value instanceof PdfKeyword)) found.push([num, value]);
          } catch (err) {
            if (!(err instanceof PdfSyntaxError)) throw err;
          }
          if (found.length > READ_LIMITS.pdfObjects) throw new PdfLimitError('too many objects');
        }
      } catch (err) {
        if (!(err instanceof PdfSyntaxError)) throw err;
      }
    }
    for (const [num, value] of found) if (!this.objects.has(num)) this.objects.set(num, value);
  }

  /** Whether the file is encrypted (its strings and streams cannot be read without a key). */
  get encrypted(): boolean {
    return this.trailers.some((t) => t.has('Encrypt'));
  }

  /** The document catalog: from the last trailer that names one, else the last /Type /Catalog object. */
  catalog(): PdfDict | undefined {
    for (let i = this.trailers.length - 1; i >= 0; i--) {
      const root = this.dict(this.trailers[i]!.get('Root'));
      if (root) return root;
    }
    let last: PdfDict | undefined;
    for (const object of this.objects.values()) if (isDict(object as PdfValue) && nameOf((object as PdfDict).get('Type')) === 'Catalog') last = object as PdfDict;
    return last;
  }
}

