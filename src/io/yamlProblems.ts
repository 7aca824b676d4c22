import type { YAMLError } from 'yaml';
import { MAX_NESTING_DEPTH } from './limits.ts';
import type { ReadProblem, ReadProblemCode, YamlHint } from './readProblems.ts';

/** An error of the yaml package as a read problem: what it means for someone writing a filing by hand. */
export function yamlErrorProblem(error: YAMLError, source: string, pos: { line: number; col: number } | undefined): ReadProblem {
  const place = pos ? { line: pos.line, column: pos.col } : {};
  const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  const { code, params } = classify(error.code, message);
  const lines = source.split('\n');
  if (code === 'YAML_UNCLOSED_QUOTE' && pos) {
    const opening = openingQuote(lines, pos.line);
    if (opening) return { code, params, ...opening };
  }
  const hint = pos && code !== 'YAML_TAB_INDENT' && code !== 'TOO_DEEP' ? hintNear(lines, pos.line) : undefined;
  if (!hint) return { code, params, ...place };
  // Full-width spaces make YAML read the lines around them in odd ways: what it reports is a symptom,
  // so the message is the general one, placed at the full-width space, with the cause as the hint.
  if (hint.code === 'FULLWIDTH_SPACE') return { code: 'YAML_SYNTAX', params: {}, line: hint.line, column: (lines[hint.line - 1] ?? '').indexOf('\u3000') + 1, hint };
  return { code, params, ...place, hint };
}

function classify(yamlCode: YAMLError['code'], message: string): { code: ReadProblemCode; params: ReadProblem['params'] } {
  const plain = (code: ReadProblemCode) => ({ code, params: {} });
  switch (yamlCode) {
    case 'TAB_AS_INDENT':
      return plain('YAML_TAB_INDENT');
    case 'BAD_INDENT':
      return plain(/^Flow (sequence|map)/.test(message) ? 'YAML_UNCLOSED_BRACKET' : 'YAML_BAD_INDENT');
    case 'MULTILINE_IMPLICIT_KEY':
      return plain('YAML_NOT_KEY_VALUE');
    case 'BLOCK_AS_IMPLICIT_KEY':
      return plain('YAML_TWO_ITEMS_ON_ONE_LINE');
    case 'BAD_SCALAR_START':
      return { code: 'YAML_BAD_VALUE_START', params: { char: /cannot start with (?:reserved character )?(\S+)/.exec(message)?.[1] ?? '' } };
    case 'BAD_DQ_ESCAPE':
      return plain('YAML_BAD_ESCAPE');
    case 'MULTIPLE_DOCS':
      return plain('YAML_MULTIPLE_DOCUMENTS');
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
      return { code: 'YAML_TAG', params: { tag: shortTag(/Unresolved tag: (\S+)/.exec(message)?.[1] ?? /^(\S+)/.exec(message)?.[1] ?? '') } };
    case 'RESOURCE_EXHAUSTION':
      return { code: 'TOO_DEEP', params: { limit: MAX_NESTING_DEPTH } };
    case 'MISSING_CHAR':
      if (/quote/.test(message)) return plain('YAML_UNCLOSED_QUOTE');
      if (/Implicit map keys/.test(message)) return plain('YAML_NOT_KEY_VALUE');
      if (/Missing space after :/.test(message)) return plain('YAML_NOT_KEY_VALUE');
      if (/flow|Missing ,/.test(message)) return plain('YAML_UNCLOSED_BRACKET');
      return plain('YAML_SYNTAX');
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_IN_FLOW':
      if (/flow|[\]}]/.test(message)) return plain('YAML_UNCLOSED_BRACKET');
      return plain('YAML_SYNTAX');
    default:
      return plain('YAML_SYNTAX');
  }
}

/** tag:yaml.org,2002:js/function → !!js/function, as it was written */
const shortTag = (tag: string) => tag.replace(/^tag:yaml\.org,2002:/, '!!');

const FULLWIDTH_INDENT = /^[ \t\u3000]*\u3000/;
const TAB_INDENT = /^[ \u3000]*\t/;
/** `name：value`, an item name (ASCII, as every name in a filing is) followed by a full-width colon */
const FULLWIDTH_COLON = /^[ \t]*(?:- +)?[A-Za-z][\w.-]*[ \t]*：/;
/** `name:value`, with no space after the colon (and not a URL) */
const NO_SPACE = /^[ \t]*(?:- +)?[A-Za-z][\w.-]*:(?![\s/]|$)/;

function hintOf(line: string): YamlHint | undefined {
  if (FULLWIDTH_INDENT.test(line)) return 'FULLWIDTH_SPACE';
  if (TAB_INDENT.test(line)) return 'TAB';
  if (FULLWIDTH_COLON.test(line)) return 'FULLWIDTH_COLON';
  if (NO_SPACE.test(line)) return 'NO_SPACE_AFTER_COLON';
  return undefined;
}

/** The usual causes, looked for on the reported line, then the one before and the one after it. */
function hintNear(lines: readonly string[], lineNo: number): ReadProblem['hint'] {
  for (const n of [lineNo, lineNo - 1, lineNo + 1]) {
    const line = lines[n - 1];
    if (line === undefined) continue;
    const code = hintOf(line);
    if (code) return { code, line: n };
  }
  return undefined;
}

/** yaml reports an unclosed quote where the file ends; the person needs the line where the quote opens. */
function openingQuote(lines: readonly string[], errorLine: number): { line: number; column: number } | null {
  for (let n = Math.min(errorLine, lines.length); n >= 1 && n > errorLine - 200; n--) {
    const line = lines[n - 1]!;
    const match = /^(?:[ \t]*(?:- +)?(?:[^\s"'#][^:]*:[ \t]+)?)(["'])/.exec(line);
    if (!match) continue;
    const quote = match[1]!;
    const rest = line.slice(match[0].length);
    const closed = quote === '"' ? /(?:^|[^\\])(?:\\\\)*"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ''));
    if (!closed) return { line: n, column: match[0].length };
  }
  return null;
}
