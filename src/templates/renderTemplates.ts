import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { packageRoot } from '../util/packageRoot.ts';
import Handlebars from 'handlebars';
import { toWareki } from '../util/wareki.ts';
import { isGapMark } from './gapMark.ts';

export const DEFAULT_TEMPLATES_DIR = join(packageRoot(), 'templates');
const MAIN = 'filing.hbs';

export class TemplateError extends Error {}

interface TemplateSource {
  file: string;
  name: string;
  source: string;
}

/** The helpers templates may call; anything else is rejected at compile time (knownHelpersOnly). */
function registerHelpers(hb: typeof Handlebars): Record<string, true> {
  const helpers: Record<string, Handlebars.HelperDelegate> = {
    /** 2025-04-01 → 令和7年4月1日 */
    wareki: (date: unknown) => (typeof date === 'string' && date ? toWareki(date) : ''),
    /** Text with line breaks: each line escaped, joined by <br/>. The only helper that returns markup. */
    lines: (value: unknown) =>
      isGapMark(value) ? value : new hb.SafeString(
        String(value ?? '')
          .split(/\r\n|\r|\n/)
          .map((line) => hb.escapeExpression(line))
          .join('<br/>'),
      ),
    /** "true" or "false", for attributes such as <check on="…"/> */
    /** 12 → １２: full-width digits for numbering in running text */
    zen: (value: unknown) => String(value ?? '').replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))),
    bool: (value: unknown) => (value ? 'true' : 'false'),
    join: (list: unknown, separator: unknown) =>
      Array.isArray(list)
        ? new hb.SafeString(list.map((item) => hb.escapeExpression(item as string)).join(hb.escapeExpression(typeof separator === 'string' ? separator : '、')))
        : '',
    eq: (a: unknown, b: unknown) => a === b,
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
    and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
    not: (value: unknown) => !value,
  };
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  return Object.fromEntries(Object.keys(helpers).map((k) => [k, true as const]));
}

/** Unescaped output ({{{x}}} or {{&x}}) would let user text change the document structure. */
export function lintTemplate(template: TemplateSource): void {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(template.source);
  } catch (err) {
    throw new TemplateError(`${template.file}: ${(err as Error).message.split('\n')[0]}`);
  }
  const problems: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; escaped?: boolean; loc?: hbs.AST.SourceLocation };
    if (n.type === 'MustacheStatement' && n.escaped === false && n.loc) {
      problems.push(`${template.file}:${n.loc.start.line}:${n.loc.start.column + 1}: エスケープしない出力（{{{ }}} や {{& }}）は使用できません`);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && value !== n.loc) visit(value);
    }
  };
  visit(ast);
  if (problems.length) throw new TemplateError(problems.join('\n'));
}

export type DocumentKind = 'filing' | 'diff' | 'review' | 'notice';

export function readTemplates(dir: string): { documents: TemplateSource[]; partials: TemplateSource[] } {
  if (!existsSync(join(dir, MAIN))) throw new TemplateError(`${join(dir, MAIN)}: テンプレートが見つかりません（${MAIN} が必要です）`);
  const list = (folder: string) =>
    existsSync(folder)
      ? readdirSync(folder)
          .filter((f) => f.endsWith('.hbs'))
          .sort()
          .map((entry) => ({ file: join(folder, entry), name: basename(entry, '.hbs'), source: readFileSync(join(folder, entry), 'utf8') }))
      : [];
  return { documents: list(dir), partials: list(join(dir, 'partials')) };
}

export interface CompiledTemplates {
  dir: string;
  /** Whether the folder has this document's template. */
  has(document: DocumentKind): boolean;
  render(document: DocumentKind, context: object): string;
}

/** Compiles every document template (top-level *.hbs) and partial (partials/*.hbs) of a folder. */
export function compileTemplates(dir: string = DEFAULT_TEMPLATES_DIR): CompiledTemplates {
  const { documents, partials } = readTemplates(dir);
  [...documents, ...partials].forEach(lintTemplate);
  const hb = Handlebars.create();
  const knownHelpers = registerHelpers(hb);
  const options = { strict: true, knownHelpers, knownHelpersOnly: true } as const;
  for (const partial of partials) hb.registerPartial(partial.name, hb.compile(partial.source, options));
  const compiled = new Map(documents.map((d) => [d.name, { file: d.file, template: hb.compile(d.source, options) }]));
  return {
    dir,
    has: (document) => compiled.has(document),
    render(document, context) {
      const entry = compiled.get(document);
      if (!entry) throw new TemplateError(`${join(dir, `${document}.hbs`)}: テンプレートが見つかりません`);
      try {
        return entry.template(context);
      } catch (err) {
        throw new TemplateError(`${relative(process.cwd(), entry.file) || entry.file}: テンプレートの展開に失敗しました：${(err as Error).message}`);
      }
    },
  };
}
