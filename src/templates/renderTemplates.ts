import Handlebars from 'handlebars';
import { joinPath } from '../util/fileName.ts';
import { toWareki } from '../util/wareki.ts';
import { isGapMark } from './gapMark.ts';
import { interpretTemplate } from './interpretTemplate.ts';
import { blockNestingProblem, lintTemplate } from './lintTemplate.ts';
import type { TemplateFile, TemplateFolder } from './templateFolder.ts';
import { TemplateError } from './templateError.ts';

export { TemplateError } from './templateError.ts';

const MAIN = 'filing';

/**
 * Items `{{#each}}` may visit in one render: bounds the time of templates that loop over loops (a filing
 * with 10,000 external connections needs about 10,000; a review of 1,000 filings about 26,000).
 */
export const MAX_TEMPLATE_ITERATIONS = 500_000;

/** Partials calling partials (a partial that calls itself would never end). */
export const MAX_PARTIAL_DEPTH = 16;

/** Characters of markup one render may produce (a filing with 10,000 external connections makes 1.8 million). */
export const MAX_RENDERED_CHARS = 32 * 1024 * 1024;

export type DocumentKind = 'filing' | 'diff' | 'review' | 'notice' | 'power-of-attorney';

export interface CompiledTemplates {
  dir: string;
  /** Whether the folder has the template of this document. */
  has(document: DocumentKind): boolean;
  render(document: DocumentKind, context: object): string;
  /** Compiles every template of the folder, reporting every problem: for `templates check`. */
  checkAll(): void;
}

/** The built-in block helpers the documented template language uses. `log` and `lookup` are not among them. */
const BUILT_IN = ['if', 'unless', 'each', 'with'] as const;

/** The helpers templates may call (README, 書類のテンプレート). Only `lines` returns markup. */
function documentedHelpers(hb: typeof Handlebars): Record<string, Handlebars.HelperDelegate> {
  return {
    /** 2025-04-01 → 令和7年4月1日 */
    wareki: (date: unknown) => (isGapMark(date) ? date : typeof date === 'string' && date ? toWareki(date) : ''),
    /** Text with line breaks: each line escaped, joined by <br/>. */
    lines: (value: unknown) =>
      isGapMark(value) ? value : new hb.SafeString(
        String(value ?? '')
          .split(/\r\n|\r|\n/)
          .map((line) => hb.escapeExpression(line))
          .join('<br/>'),
      ),
    /** 12 → １２: full-width digits for numbering in running text */
    zen: (value: unknown) => String(value ?? '').replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))),
    /** "true" or "false", for attributes such as <check on="…"/> */
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
}

/** Any error while compiling or running a template, as a TemplateError naming the file, line and column. */
function templateError(err: unknown, template: TemplateFile): TemplateError {
  if (err instanceof TemplateError) return err;
  const e = err as Error & { lineNumber?: number; column?: number };
  if (err instanceof RangeError) return new TemplateError(`${template.file}: テンプレートの展開に失敗しました（入れ子か出力が大きすぎます：${e.message}）`);
  const message = String(e?.message ?? err).split('\n')[0]!.replace(/ - \d+:\d+$/, '');
  const place = e?.lineNumber ? `:${e.lineNumber}:${(e.column ?? 0) + 1}` : '';
  return new TemplateError(`${template.file}${place}: テンプレートの展開に失敗しました：${message}`);
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** A Handlebars of our own: the documented helpers only, strict, no helper the template language does not name. */
function templateEnvironment() {
  const hb = Handlebars.create();
  for (const name of ['log', 'lookup']) hb.unregisterHelper(name);
  const helpers = documentedHelpers(hb);
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  const knownHelpers: Record<string, boolean> = { log: false, lookup: false, helperMissing: false, blockHelperMissing: false };
  for (const name of [...BUILT_IN, ...Object.keys(helpers)]) knownHelpers[name] = true;
  const options = { strict: true, knownHelpers, knownHelpersOnly: true } as const;
  return { hb, options };
}

/** A template's syntax tree, once its nesting, syntax and the closed template rules are checked. */
function checkedTemplate(folder: TemplateFolder, template: TemplateFile, partialNames: ReadonlySet<string>): hbs.AST.Program {
  const source = folder.read(template);
  const tooDeep = blockNestingProblem(template.file, source);
  if (tooDeep) throw new TemplateError(tooDeep);
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch (err) {
    if (err instanceof RangeError) throw new TemplateError(`${template.file}: 入れ子が深すぎます（${err.message}）`);
    const m = /Parse error on line (\d+)/.exec(String((err as Error).message));
    const detail = String((err as Error).message).split('\n').slice(-1)[0];
    throw new TemplateError(`${template.file}${m ? `:${m[1]}` : ''}: テンプレートの書き方に誤りがあります（${detail}）`);
  }
  const problems = lintTemplate(template.file, ast, partialNames);
  if (problems.length) throw new TemplateError(problems.join('\n'));
  return ast;
}

/**
 * Every template of a folder as JavaScript source (Handlebars' precompiled form, keyed by the template's file), for
 * a shell that carries its templates as code: the offline page, whose policy forbids making code from text. The
 * same checks as at run time, the same options, so the compiled templates render exactly what the CLI's do.
 */
export function precompileTemplateFolder(folder: TemplateFolder): Record<string, string> {
  const { hb, options } = templateEnvironment();
  const partialNames = new Set(folder.partials.keys());
  const out: Record<string, string> = {};
  for (const template of [...folder.documents.values(), ...folder.partials.values()]) {
    try {
      out[template.file] = hb.precompile(checkedTemplate(folder, template, partialNames), options) as string;
    } catch (err) {
      throw templateError(err, template);
    }
  }
  return out;
}

export interface CompileOptions {
  /**
   * Run the templates by walking their syntax trees instead of compiling them to JavaScript (interpretTemplate.ts):
   * for a shell that may not make code from text (the offline page) and a folder it was not built with.
   */
  interpret?: boolean;
}

/** A folder's templates, compiled when first used; the partials a document calls are compiled with it. */
function makeTemplates(folder: TemplateFolder, compileOptions: CompileOptions): CompiledTemplates {
  const { hb, options } = templateEnvironment();
  const partialNames = new Set(folder.partials.keys());

  let iterations = 0;
  let partialDepth = 0;
  const each = hb.helpers.each!;
  hb.registerHelper('each', function (this: unknown, context: unknown, helperOptions: Handlebars.HelperOptions) {
    const items = Array.isArray(context) ? context.length : context && typeof context === 'object' ? Object.keys(context).length : 0;
    iterations += items;
    if (iterations > MAX_TEMPLATE_ITERATIONS) {
      const err = new Error(`{{#each}} の繰り返しが多すぎます（1回の展開で${MAX_TEMPLATE_ITERATIONS.toLocaleString('en-US')}回まで）`);
      const loc = (helperOptions as { loc?: { start: { line: number; column: number } } }).loc;
      throw Object.assign(err, { lineNumber: loc?.start.line, column: loc?.start.column });
    }
    return each.call(this, context, helperOptions);
  });

  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const compile = (template: TemplateFile): Handlebars.TemplateDelegate => {
    const key = template.file;
    const done = compiled.get(key);
    if (done) return done;
    // compiled when the page was made (the page may not turn text into code at run time): checked then
    const spec = folder.precompiled?.(template);
    let fn: Handlebars.TemplateDelegate;
    try {
      if (spec) fn = hb.template(spec as TemplateSpecification);
      else if (compileOptions.interpret) fn = interpretTemplate(hb, checkedTemplate(folder, template, partialNames), options.knownHelpers) as Handlebars.TemplateDelegate;
      else fn = hb.compile(checkedTemplate(folder, template, partialNames), options);
    } catch (err) {
      throw templateError(err, template);
    }
    compiled.set(key, fn);
    return fn;
  };

  for (const partial of folder.partials.values()) {
    const run: Handlebars.TemplateDelegate = (context: unknown, partialOptions?: Handlebars.RuntimeOptions) => {
      if (++partialDepth > MAX_PARTIAL_DEPTH) {
        partialDepth = 0;
        throw new TemplateError(`${partial.file}: 部品（パーシャル）の呼び出しが深すぎます（上限${MAX_PARTIAL_DEPTH}段。部品が自分自身を呼んでいませんか）`);
      }
      try {
        return compile(partial)(context, partialOptions);
      } catch (err) {
        throw templateError(err, partial);
      } finally {
        partialDepth = Math.max(0, partialDepth - 1);
      }
    };
    hb.registerPartial(partial.name, run);
  }

  const documentOf = (kind: DocumentKind) => {
    const template = folder.documents.get(kind);
    if (!template) throw new TemplateError(`${joinPath(folder.dir, `${kind}.hbs`)}: テンプレートが見つかりません`);
    return template;
  };

  return {
    dir: folder.dir,
    has: (kind) => folder.documents.has(kind),
    render(kind, context) {
      const template = documentOf(kind);
      const fn = compile(template);
      iterations = 0;
      partialDepth = 0;
      let markup: string;
      try {
        markup = fn(context);
      } catch (err) {
        throw templateError(err, template);
      }
      if (markup.length > MAX_RENDERED_CHARS) {
        throw new TemplateError(`${template.file}: テンプレートの出力が大きすぎます（${MAX_RENDERED_CHARS.toLocaleString('en-US')}文字まで）`);
      }
      return markup;
    },
    checkAll() {
      const problems: string[] = [];
      for (const template of [...folder.documents.values(), ...folder.partials.values()]) {
        try {
          compile(template);
        } catch (err) {
          problems.push(templateError(err, template).message);
        }
      }
      if (problems.length) throw new TemplateError(problems.join('\n'));
    },
  };
}

const cache = new Map<string, CompiledTemplates>();
const CACHE_SIZE = 8;

/**
 * The templates of a folder (top-level *.hbs are documents, partials/*.hbs are partials), given by the shell (a
 * folder on disk, platform/nodeTemplates.ts; or files in memory, templatesInMemory). Each template is read,
 * checked and compiled the first time a document needs it; compiled templates are kept while the folder's
 * signature stays the same.
 */
export function compileTemplateFolder(folder: TemplateFolder, compileOptions: CompileOptions = {}): CompiledTemplates {
  const { dir } = folder;
  if (!folder.documents.has(MAIN)) throw new TemplateError(`${joinPath(dir, `${MAIN}.hbs`)}: テンプレートが見つかりません（${MAIN}.hbs が必要です）`);
  const key = `${dir}\u0000${folder.signature}\u0000${compileOptions.interpret ? 'interpret' : 'compile'}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const templates = makeTemplates(folder, compileOptions);
  cache.set(key, templates);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return templates;
}
