/** The Mincho font the .docx names unless told otherwise (kept apart so that the CLI's help needs no docx writer). */
export const DEFAULT_DOCX_FONT = 'ＭＳ 明朝';
