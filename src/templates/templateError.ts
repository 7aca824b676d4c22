/** A template that cannot be used: the message names the template file and, where known, line and column. */
export class TemplateError extends Error {}
