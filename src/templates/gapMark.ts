import Handlebars from 'handlebars';

/**
 * A place in a draft where something is missing (or to be checked). It reaches the templates as a value: printed
 * with {{value}} it becomes a <missing>/<review> node naming, in the filing's own words, what is missing. User
 * text is never scanned for marks, so text a person typed as 【未記入】 stays plain text.
 */
export class GapMark {
  constructor(
    readonly kind: 'missing' | 'review',
    /** What is missing, in the document's words (対策の担保方法). */
    readonly label: string,
  ) {}

  /** Handlebars prints an object with toHTML() as markup rather than escaping its text. */
  toHTML(): string {
    return `<${this.kind}>${Handlebars.escapeExpression(this.label)}</${this.kind}>`;
  }

  toString(): string {
    return this.toHTML();
  }
}

export const isGapMark = (value: unknown): value is GapMark => value instanceof GapMark;

const LIST_GAP = Symbol('list gap');

/** A list the draft left blank, standing in as an empty list that carries its mark: 外部接続 【未記入】, not 「接続はない」. */
export function blankList(mark: GapMark): never[] {
  return Object.assign([] as never[], { [LIST_GAP]: mark });
}

/** The mark of a value the draft left blank: a blank text or choice, or a blank list. */
export const gapOf = (value: unknown): GapMark | null =>
  isGapMark(value) ? value : Array.isArray(value) ? ((value as { [LIST_GAP]?: GapMark })[LIST_GAP] ?? null) : null;
