import { Lexer } from 'yaml';
import { MAX_NESTING_DEPTH } from './limits.ts';
import type { ReadProblem } from './readProblems.ts';

/**
 * The yaml parser takes time far beyond the size of some inputs: thousands of nested brackets take it
 * seconds per hundred kilobytes, and a line of thousands of tokens makes one error object per token.
 * Its lexer is fast and linear, so the lexemes are looked at first: nesting deeper than the limit, and a
 * line outside brackets with more lexemes than any valid YAML line has, are refused before parsing.
 */

/** A line outside brackets holds, per level of nesting, an indicator, a space and a name or value. */
export const MAX_LEXEMES_PER_BLOCK_LINE = 4 * MAX_NESTING_DEPTH;

/** Lexemes that mark token types and are not characters of the source. */
const NOT_SOURCE = new Set(['\u0002', '\u0018', '\u001f']);

export function precheckYaml(source: string): ReadProblem | null {
  let flowDepth = 0;
  let blockIndicators = 0;
  let lexemesOnLine = 0;
  let offset = 0;
  for (const lexeme of new Lexer().lex(source)) {
    let found: ReadProblem['code'] | null = null;
    switch (lexeme) {
      case '[':
      case '{':
        if (++flowDepth > MAX_NESTING_DEPTH) found = 'TOO_DEEP';
        break;
      case ']':
      case '}':
        if (flowDepth > 0) flowDepth--;
        break;
      case '\n':
        blockIndicators = 0;
        lexemesOnLine = 0;
        break;
      case '-':
      case '?':
        if (flowDepth === 0 && ++blockIndicators > MAX_NESTING_DEPTH) found = 'TOO_DEEP';
        break;
    }
    if (flowDepth === 0 && ++lexemesOnLine > MAX_LEXEMES_PER_BLOCK_LINE) found = 'YAML_SYNTAX';
    if (found) return { code: found, params: found === 'TOO_DEEP' ? { limit: MAX_NESTING_DEPTH } : {}, ...placeOf(source, offset) };
    if (!NOT_SOURCE.has(lexeme)) offset += lexeme.length;
  }
  return null;
}

function placeOf(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
