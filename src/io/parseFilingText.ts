import { LineCounter, parseDocument } from 'yaml';
import { checkYamlTree } from './checkYamlTree.ts';
import { MAX_ALIASES, MAX_FILING_BYTES } from './limits.ts';
import { type ReadProblem, readProblemMessage } from './readProblems.ts';
import { yamlErrorProblem } from './yamlProblems.ts';
import { precheckYaml } from './yamlPrecheck.ts';

export type ReadResult =
  | { ok: true; file: string; data: unknown }
  | {
      ok: false;
      file: string;
      reason: 'unreadable' | 'syntax';
      problem: ReadProblem;
      /** The problem in Japanese, without the file name (the caller puts it in front). */
      message: string;
    };

/** A filing's text from bytes already read (the page's file input, a dropped file): UTF-8 only. */
export function parseFilingBytes(file: string, bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_FILING_BYTES) return failed(file, 'unreadable', { code: 'FILE_TOO_LARGE', params: { limit: MAX_FILING_BYTES } });
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return failed(file, 'unreadable', { code: 'FILE_NOT_UTF8', params: {} });
  }
  return parseFilingText(file, source);
}

export function parseFilingText(file: string, source: string): ReadResult {
  // A file saved with CR alone between lines (old Mac editors) reads as one line to YAML: a comment, or
  // a single long key. Line ends become LF; line and column numbers stay those an editor shows.
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const early = precheckYaml(text);
  if (early) return failed(file, 'syntax', early);
  const lines = new LineCounter();
  const doc = parseQuickly(text, lines);
  const error = doc.errors[0] ?? doc.warnings[0];
  if (error) return failed(file, 'syntax', yamlErrorProblem(error, text, error.pos[0] >= 0 ? lines.linePos(error.pos[0]) : undefined));
  const problem = checkYamlTree(doc, lines);
  if (problem) return failed(file, 'syntax', problem);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    // checkYamlTree has bounded the aliases already; this is the yaml package's own guard
    return failed(file, 'syntax', { code: 'TOO_MANY_ALIASES', params: { limit: MAX_ALIASES, detail: (err as Error).message } });
  }
  if (data === null || data === undefined) return failed(file, 'syntax', { code: 'FILE_EMPTY', params: {} });
  return { ok: true, file, data };
}

/**
 * core schema: YAML 1.2, so `no` stays a string and dates stay strings. Duplicate keys are found by
 * checkYamlTree in linear time (the yaml package's uniqueKeys compares every key with all before it).
 * A broken file can hold an error per token; without stack traces (and without prettyErrors, which
 * copies the line of each error) making them is cheap. Only the first error is reported.
 */
function parseQuickly(text: string, lineCounter: LineCounter) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseDocument(text, { schema: 'core', uniqueKeys: false, strict: true, lineCounter, prettyErrors: false });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function failed(file: string, reason: 'unreadable' | 'syntax', problem: ReadProblem): ReadResult {
  return { ok: false, file, reason, problem, message: readProblemMessage(problem, 'ja') };
}
