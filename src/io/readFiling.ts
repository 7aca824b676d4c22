import { readFileSync, statSync } from 'node:fs';
import { parseDocument } from 'yaml';
const say = (text: { ja: string; en: string }) => text.ja;

export type ReadResult =
  | { ok: true; file: string; data: unknown }
  | { ok: false; file: string; reason: 'unreadable' | 'syntax'; message: string };

const MAX_BYTES = 20 * 1024 * 1024;

/** Reads a filing file (YAML, or JSON, which is YAML too) without judging its content. Never writes. */
export function readFiling(file: string): ReadResult {
  let source: string;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return unreadable(file, say({ ja: 'フォルダです。ファイルを指定してください', en: 'is a folder, not a file' }));
    if (stat.size > MAX_BYTES) return unreadable(file, say({ ja: 'ファイルが大きすぎます（20MBまで）', en: 'file is larger than 20 MB' }));
    const bytes = readFileSync(file);
    try {
      source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return unreadable(
        file,
        say({
          ja: 'UTF-8 の文字コードではありません（Shift_JIS 等で保存されている場合は UTF-8 で保存し直してください）',
          en: 'the file is not UTF-8 (save it as UTF-8 if it was saved as Shift_JIS or similar)',
        }),
      );
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? say({ ja: 'ファイルが見つかりません', en: 'file not found' })
        : code === 'EACCES'
          ? say({ ja: 'ファイルを読む権限がありません', en: 'permission denied' })
          : String((err as Error).message);
    return unreadable(file, why);
  }
  return parseFilingText(file, source);
}

export function parseFilingText(file: string, source: string): ReadResult {
  const text = source.replace(/^\uFEFF/, '');
  // core schema: YAML 1.2, so `no` stays a string and dates stay strings; duplicate keys are errors.
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, strict: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const pos = problem.linePos?.[0];
    const where = pos ? `${pos.line}:${pos.col}` : '';
    return syntax(file, `${where ? `${where} ` : ''}${describeYamlProblem(problem.code, problem.message)}`);
  }
  try {
    // An alias bomb ("billion laughs") is cut off here rather than expanded.
    const data: unknown = doc.toJS({ maxAliasCount: 100 });
    if (data === null || data === undefined)
      return syntax(file, say({ ja: 'ファイルが空です', en: 'the file is empty' }));
    return { ok: true, file, data };
  } catch (err) {
    return syntax(file, say({ ja: `YAMLを展開できません：${(err as Error).message}`, en: `cannot expand the YAML: ${(err as Error).message}` }));
  }
}

function describeYamlProblem(code: string, message: string): string {
  if (/Maximum call stack/.test(message)) return say({ ja: '入れ子が深すぎます', en: 'the nesting is too deep' });
  const firstLine = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return say({ ja: `同じ項目名が重複しています（${firstLine}）`, en: firstLine });
    case 'TAG_RESOLVE_FAILED':
      return say({ ja: `使用できないタグです（${firstLine}）`, en: firstLine });
    default:
      return say({ ja: `YAMLの構文エラー：${firstLine}`, en: `YAML syntax error: ${firstLine}` });
  }
}

const unreadable = (file: string, message: string): ReadResult => ({ ok: false, file, reason: 'unreadable', message });
const syntax = (file: string, message: string): ReadResult => ({ ok: false, file, reason: 'syntax', message });
