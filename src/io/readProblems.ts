import { forTerminal } from '../util/terminalText.ts';

/**
 * Why a filing file could not be read, as data (a code, its parameters and where in the file), and the
 * message a person reads for it. Messages do not name the file: the caller puts the file name in front.
 */

export type ReadProblemCode =
  // the file itself
  | 'FILE_NOT_FOUND'
  | 'FILE_NO_PERMISSION'
  | 'FILE_IS_FOLDER'
  | 'FILE_NOT_REGULAR'
  | 'FILE_TOO_LARGE'
  | 'FILE_NAME_TOO_LONG'
  | 'FILE_LINK_LOOP'
  | 'FILE_READ_FAILED'
  | 'FILE_NOT_UTF8'
  | 'FILE_EMPTY'
  // the YAML
  | 'YAML_SYNTAX'
  | 'YAML_BAD_INDENT'
  | 'YAML_TAB_INDENT'
  | 'YAML_UNCLOSED_QUOTE'
  | 'YAML_UNCLOSED_BRACKET'
  | 'YAML_NOT_KEY_VALUE'
  | 'YAML_TWO_ITEMS_ON_ONE_LINE'
  | 'YAML_BAD_VALUE_START'
  | 'YAML_BAD_ESCAPE'
  | 'YAML_MULTIPLE_DOCUMENTS'
  | 'YAML_TAG'
  | 'YAML_UNKNOWN_ALIAS'
  | 'YAML_ALIAS_CYCLE'
  | 'YAML_DUPLICATE_KEY'
  | 'YAML_KEY_NOT_TEXT'
  | 'YAML_KEY_FULLWIDTH_SPACE'
  // the limits
  | 'TOO_DEEP'
  | 'TOO_MANY_KEYS'
  | 'TOO_MANY_ALIASES'
  | 'EXPANDS_TOO_LARGE';

/** The usual cause of a YAML error, recognised from the lines around it. */
export type YamlHint = 'FULLWIDTH_SPACE' | 'TAB' | 'NO_SPACE_AFTER_COLON' | 'FULLWIDTH_COLON' | 'UNCLOSED_QUOTE';

export interface ReadProblem {
  code: ReadProblemCode;
  params: Record<string, string | number>;
  /** 1-based line and column in the file, when the problem has a place. */
  line?: number;
  column?: number;
  hint?: { code: YamlHint; line: number };
}

export type MessageLang = 'ja' | 'en';

type Params = ReadProblem['params'];
type Text = (p: Params) => string;

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const size = (n: number) => (n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MB` : `${grouped(n)} bytes`);
const sizeJa = (n: number) => (n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)}MB` : `${grouped(n)}バイト`);
const num = (p: Params, key: string) => Number(p[key]);
/** User text quoted in a message: no control characters, and short. */
const quoted = (value: unknown) => {
  const text = forTerminal(String(value ?? ''));
  return [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text;
};

const KIND_JA: Record<string, string> = { fifo: '名前付きパイプ', device: 'デバイス', socket: 'ソケット', other: '特殊なファイル' };
const KIND_EN: Record<string, string> = { fifo: 'a named pipe', device: 'a device', socket: 'a socket', other: 'a special file' };

const JA: Record<ReadProblemCode, Text> = {
  FILE_NOT_FOUND: () => 'ファイルが見つかりません',
  FILE_NO_PERMISSION: () => 'ファイルを読む権限がありません',
  FILE_IS_FOLDER: () => 'フォルダです。ファイルを指定してください',
  FILE_NOT_REGULAR: (p) => `通常のファイルではありません（${KIND_JA[String(p.kind)] ?? KIND_JA.other}）。届出ファイル（.yaml・.yml・.json）を指定してください`,
  FILE_TOO_LARGE: (p) => `ファイルが大きすぎます。読み込めるのは${sizeJa(num(p, 'limit'))}までです（ファイルの大きさの上限）`,
  FILE_NAME_TOO_LONG: () => 'ファイル名またはフォルダ名が長すぎます',
  FILE_LINK_LOOP: () => 'シンボリックリンクが循環していて、ファイルにたどり着けません',
  FILE_READ_FAILED: (p) => `ファイルを読めません（${quoted(p.detail)}）`,
  FILE_NOT_UTF8: () => 'UTF-8 の文字コードではありません（Shift_JIS 等で保存されている場合は UTF-8 で保存し直してください）',
  FILE_EMPTY: () => 'ファイルが空です（項目が1つも書かれていません）',
  YAML_SYNTAX: () => 'YAMLの書き方に誤りがあります',
  YAML_BAD_INDENT: () => 'YAMLの構文エラー：字下げがそろっていません。同じ階層の項目は同じ位置から書き始めてください',
  YAML_TAB_INDENT: () => 'YAMLの構文エラー：字下げにタブが使われています。字下げは半角スペースで入力してください',
  YAML_UNCLOSED_QUOTE: () => 'YAMLの構文エラー：引用符（" または \'）が閉じられていません',
  YAML_UNCLOSED_BRACKET: () => 'YAMLの構文エラー：括弧（[ ] または { }）の対応がとれていないか、区切りの「,」がありません',
  YAML_NOT_KEY_VALUE: () => 'YAMLの構文エラー：「項目名: 値」の形になっていない行があります',
  YAML_TWO_ITEMS_ON_ONE_LINE: () => 'YAMLの構文エラー：1行に「項目名: 値」が2つ以上あります。1行に1項目ずつ書いてください',
  YAML_BAD_VALUE_START: (p) => `YAMLの構文エラー：値を「${quoted(p.char)}」で始めることはできません。値全体を引用符（"）で囲んでください`,
  YAML_BAD_ESCAPE: () => 'YAMLの構文エラー：二重引用符（"）の中の「\\」の使い方が誤っています。「\\」そのものは「\\\\」と書いてください',
  YAML_MULTIPLE_DOCUMENTS: () => 'YAMLの構文エラー：1つのファイルに複数の文書（区切り「---」）があります。1ファイルに1件ずつ書いてください',
  YAML_TAG: (p) => `使用できないタグです（${quoted(p.tag)}）。「!」で始まる指定は使えません`,
  YAML_UNKNOWN_ALIAS: (p) => `参照「*${quoted(p.name)}」の参照先（&${quoted(p.name)}）がありません`,
  YAML_ALIAS_CYCLE: (p) => `参照「*${quoted(p.name)}」が自分自身を含む項目を指しています（循環する参照）`,
  YAML_DUPLICATE_KEY: (p) => `同じ項目名「${quoted(p.key)}」が重複しています（最初は${p.firstLine}行目）`,
  YAML_KEY_NOT_TEXT: () => '項目名には文字を書いてください（一覧や入れ子を項目名にはできません）',
  YAML_KEY_FULLWIDTH_SPACE: (p) => `項目名「${quoted(p.key)}」に全角スペースが含まれています`,
  TOO_DEEP: (p) => `入れ子が深すぎます（入れ子の深さの上限${p.limit}段を超えています）`,
  TOO_MANY_KEYS: (p) => `1つの区分に項目が多すぎます（1区分の項目数の上限${grouped(num(p, 'limit'))}個を超えています）`,
  TOO_MANY_ALIASES: (p) => `参照（*名前）が多すぎます（参照の数の上限${grouped(num(p, 'limit'))}個を超えています）`,
  EXPANDS_TOO_LARGE: (p) =>
    `参照（*名前）を展開すると文字数が多すぎます（展開後の文字数の上限${grouped(num(p, 'limit'))}文字を超えています）`,
};

const EN: Record<ReadProblemCode, Text> = {
  FILE_NOT_FOUND: () => 'file not found',
  FILE_NO_PERMISSION: () => 'permission denied',
  FILE_IS_FOLDER: () => 'is a folder, not a file',
  FILE_NOT_REGULAR: (p) => `not a regular file (${KIND_EN[String(p.kind)] ?? KIND_EN.other}); name a filing file (.yaml, .yml or .json)`,
  FILE_TOO_LARGE: (p) => `file too large: the file size limit is ${size(num(p, 'limit'))}`,
  FILE_NAME_TOO_LONG: () => 'file or folder name too long',
  FILE_LINK_LOOP: () => 'symbolic links loop and never reach a file',
  FILE_READ_FAILED: (p) => `cannot read the file (${quoted(p.detail)})`,
  FILE_NOT_UTF8: () => 'the file is not UTF-8 (save it as UTF-8 if it was saved as Shift_JIS or similar)',
  FILE_EMPTY: () => 'the file is empty',
  YAML_SYNTAX: () => 'YAML syntax error',
  YAML_BAD_INDENT: () => 'YAML syntax error: the indentation does not line up; items of one level must start in the same column',
  YAML_TAB_INDENT: () => 'YAML syntax error: a tab is used for indentation; indent with spaces',
  YAML_UNCLOSED_QUOTE: () => 'YAML syntax error: a quote (" or \') is not closed',
  YAML_UNCLOSED_BRACKET: () => 'YAML syntax error: brackets ([ ] or { }) do not match, or a "," is missing',
  YAML_NOT_KEY_VALUE: () => 'YAML syntax error: a line is not of the form "name: value"',
  YAML_TWO_ITEMS_ON_ONE_LINE: () => 'YAML syntax error: more than one "name: value" on one line',
  YAML_BAD_VALUE_START: (p) => `YAML syntax error: a value cannot start with "${quoted(p.char)}"; put the whole value in double quotes`,
  YAML_BAD_ESCAPE: () => 'YAML syntax error: a backslash in double quotes is misused; write a backslash as \\\\',
  YAML_MULTIPLE_DOCUMENTS: () => 'YAML syntax error: more than one document (---) in one file',
  YAML_TAG: (p) => `tags are not allowed (${quoted(p.tag)})`,
  YAML_UNKNOWN_ALIAS: (p) => `the alias *${quoted(p.name)} has no anchor &${quoted(p.name)}`,
  YAML_ALIAS_CYCLE: (p) => `the alias *${quoted(p.name)} refers to an item that contains it`,
  YAML_DUPLICATE_KEY: (p) => `the name "${quoted(p.key)}" appears twice (first on line ${p.firstLine})`,
  YAML_KEY_NOT_TEXT: () => 'item names must be text, not lists or mappings',
  YAML_KEY_FULLWIDTH_SPACE: (p) => `the item name "${quoted(p.key)}" contains a full-width space`,
  TOO_DEEP: (p) => `nested too deeply (the nesting limit is ${p.limit} levels)`,
  TOO_MANY_KEYS: (p) => `too many items in one mapping (the limit is ${grouped(num(p, 'limit'))} items per mapping)`,
  TOO_MANY_ALIASES: (p) => `too many aliases (the limit is ${grouped(num(p, 'limit'))} aliases)`,
  EXPANDS_TOO_LARGE: (p) => `the aliases expand to too much text (the limit is ${grouped(num(p, 'limit'))} characters after expansion)`,
};

const HINT_JA: Record<YamlHint, string> = {
  FULLWIDTH_SPACE: '字下げに全角スペース（　）が使われています。字下げは半角スペースで入力してください。',
  TAB: '字下げにタブが使われています。字下げは半角スペースで入力してください。',
  NO_SPACE_AFTER_COLON: '「項目名:」のコロンの後に半角スペースが必要です（例：kind: new-license）。',
  FULLWIDTH_COLON: '項目名の後のコロンが全角の「：」です。半角の「:」と半角スペースにしてください（例：name: 横浜港）。',
  UNCLOSED_QUOTE: '引用符（" または \'）で始めた値は、同じ引用符で閉じてください。',
};

const HINT_EN: Record<YamlHint, string> = {
  FULLWIDTH_SPACE: 'A full-width space (U+3000) is used for indentation; indent with ordinary spaces.',
  TAB: 'A tab is used for indentation; indent with spaces.',
  NO_SPACE_AFTER_COLON: 'Put a space after the colon of "name:" (e.g. kind: new-license).',
  FULLWIDTH_COLON: 'The colon after the name is a full-width "："; use ":" and a space (e.g. name: Yokohama).',
  UNCLOSED_QUOTE: 'A value that starts with a quote (" or \') must end with the same quote.',
};

/** The message for a read problem, with its place in the file and a hint for the usual cause. */
export function readProblemMessage(problem: ReadProblem, lang: MessageLang = 'ja'): string {
  const ja = lang === 'ja';
  const place =
    problem.line === undefined ? '' : ja ? `${problem.line}行${problem.column ?? 1}列：` : `line ${problem.line}, column ${problem.column ?? 1}: `;
  const what = (ja ? JA : EN)[problem.code](problem.params);
  const hint = problem.hint;
  if (!hint) return `${place}${what}`;
  const hintPlace = hint.line === problem.line ? '' : ja ? `（${hint.line}行目）` : `(line ${hint.line}) `;
  return ja ? `${place}${what}。${hintPlace}${HINT_JA[hint.code]}` : `${place}${what}. ${hintPlace}${HINT_EN[hint.code]}`;
}
