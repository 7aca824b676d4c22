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
