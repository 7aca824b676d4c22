import { type Command, Help, type Option } from 'commander';

/** The headings commander prints, in Japanese. */
const TITLES: Record<string, string> = {
  'Usage:': '使い方:',
  'Options:': 'オプション:',
  'Global Options:': '共通のオプション:',
  'Arguments:': '引数:',
  'Commands:': 'コマンド:',
};

/**
 * commander's help in Japanese: headings, and the default and choices of each option written as
 * （既定：out）（選択肢：ja、en） instead of commander's English. Boolean switches show no default.
 */
export const japaneseHelp: Partial<Help> = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  commandUsage(cmd: Command): string {
    return Help.prototype.commandUsage.call(this, cmd).replace('[options]', '[オプション]').replace('[command]', '[コマンド]');
  },
  optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(`選択肢：${option.argChoices.join('、')}`);
    if (option.defaultValue !== undefined && typeof option.defaultValue !== 'boolean')
      extra.push(`既定：${option.defaultValueDescription ?? String(option.defaultValue)}`);
    return extra.length ? `${option.description}（${extra.join('。')}）` : option.description;
  },
};

/** commander's own error messages (wrong arguments), in Japanese; anything not listed passes as it is. */
const ERRORS: [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown option '([^']*)'(?:\s*\(Did you mean (.*)\?\))?/, (o, s) => `エラー：不明なオプション「${o}」です。${s ? `もしかして ${s} ですか。` : ''}`],
  [/^error: unknown command '([^']*)'(?:\s*\(Did you mean (.*)\?\))?/, (c, s) => `エラー：不明なコマンド「${c}」です。${s ? `もしかして ${s} ですか。` : ''}\`tos-filing --help\` でコマンドの一覧を表示します。`],
  [/^error: missing required argument '([^']*)'/, (a) => `エラー：引数「${a}」を指定してください。`],
  [/^error: required option '([^']*)' not specified/, (o) => `エラー：オプション「${o}」を指定してください。`],
  [/^error: option '([^']*)' argument missing/, (o) => `エラー：オプション「${o}」に値を指定してください。`],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./, (o, v, c) => `エラー：オプション「${o}」の値「${v}」は使えません。${c} のいずれかを指定してください。`],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, (_c, e, g) => `エラー：引数が多すぎます（${e}個のところ${g}個）。`],
];

export function japaneseError(message: string): string {
  for (const [pattern, render] of ERRORS) {
    const m = pattern.exec(message.trim());
    if (m) return `${render(...m.slice(1).map((x) => x ?? ''))}\n`;
  }
  return message;
}
