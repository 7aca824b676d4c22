/** The languages messages can be shown in; documents are always Japanese. */
export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

/** The text in the language asked for. */
export function inLang(text: { ja: string; en: string }, lang: Lang): string {
  return text[lang];
}
