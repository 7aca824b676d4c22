import { z } from 'zod';

export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

let current: Lang = 'ja';
z.config(z.locales.ja());

/** Messages are Japanese by default; zod's own messages follow the same language. */
export function setLang(lang: Lang): void {
  current = lang;
  z.config(lang === 'en' ? z.locales.en() : z.locales.ja());
}

export function lang(): Lang {
  return current;
}

/** Picks the message in the language in force. */
export function say(text: { ja: string; en: string }): string {
  return text[current];
}
