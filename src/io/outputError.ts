/** The outputs could not be written where asked; nothing was left behind and no earlier output was lost. */
export class OutputError extends Error {}
