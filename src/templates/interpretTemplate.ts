import type Handlebars from 'handlebars';

/**
 * A template run by walking its syntax tree (from Handlebars.parse, which makes no code) instead of compiling it to
 * JavaScript: for the offline page, whose policy forbids making code from text, so a firm's own templates can be
 * used there. It follows what Handlebars' compiler and runtime do for the constructs the closed template language
 * allows (lintTemplate.ts) under the options renderTemplates.ts compiles with (strict, known helpers only), and calls
 * the same helpers, so it renders the same text; test/interpretTemplate.test.ts holds the two side by side.
 */

type Node = hbs.AST.Node;
type Program = hbs.AST.Program;
type Path = hbs.AST.PathExpression;
type Call = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression;
type Data = Record<string, unknown> & { _parent?: Data };

export interface InterpretOptions {
  data?: Data;
  depths?: unknown[];
  partial?: boolean;
  [key: string]: unknown;
}

export type InterpretedTemplate = (context: unknown, options?: InterpretOptions) => string;

interface Scope {
  context: unknown;
  data: Data | undefined;
  depths: unknown[] | undefined;
  /** Block parameters of the enclosing programs, innermost first. */
  blockParams: { names: string[] | undefined; values: unknown[] | undefined }[];
}

/** The error Handlebars throws (its Exception): the place in `lineNumber` and `column`, as renderTemplates reads them. */
function placedError(message: string, node: Node | undefined): Error {
  const start = node?.loc?.start;
  const err = new Error(start ? `${message} - ${start.line}:${start.column}` : message);
  return start ? Object.assign(err, { lineNumber: start.line, column: start.column }) : err;
}

function isSimpleName(path: Node): path is Path {
  const p = path as Path;
  return p.type === 'PathExpression' && p.parts.length === 1 && !isScoped(p) && !p.depth;
}

/** `this.x`, `./x`: a path that names no helper or block parameter (Handlebars' scopedId). */
function isScoped(path: Path): boolean {
  return /^\.|this\b/.test(path.original);
}

function hasArguments(call: Call): boolean {
  return (call.type === 'SubExpression') || Boolean(call.params.length || call.hash);
}

/** Whether any path of the template climbs with `../` (Handlebars then carries the contexts above into partials). */
function usesDepths(ast: Program): boolean {
  const stack: unknown[] = [ast];
  while (stack.length) {
    const node = stack.pop() as Record<string, unknown>;
    if (node.type === 'PathExpression' && Number(node.depth) > 0) return true;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc' || !value || typeof value !== 'object') continue;
      if (Array.isArray(value)) stack.push(...value.filter((v) => v && typeof v === 'object'));
      else stack.push(value);
    }
  }
  return false;
}

/**
 * A template from its syntax tree, run with the helpers and partials of `hb`. Throws, as Handlebars' compiler does,
 * when the template calls a helper that is not known.
 */
export function interpretTemplate(hb: typeof Handlebars, ast: Program, knownHelpers: Record<string, boolean>): InterpretedTemplate {
  const known = (name: string) => knownHelpers[name] === true;
  const helperName = (call: Call) => (call.path as Path).parts?.[0] ?? String((call.path as Path).original);

  const blockParamOf = (path: Path, scope: Scope): { value: unknown } | null => {
    if (path.depth || isScoped(path) || !path.parts.length) return null;
    for (const level of scope.blockParams) {
      const i = level.names ? level.names.indexOf(path.parts[0]!) : -1;
      if (i >= 0) return { value: level.values?.[i] };
    }
    return null;
  };

  /** What a call is, as Handlebars' compiler classifies it under knownHelpersOnly. */
  const classify = (call: Call, scope: Scope): 'helper' | 'simple' => {
    const simple = isSimpleName(call.path);
    const blockParam = simple && blockParamOf(call.path as Path, scope) !== null;
    if (blockParam) return 'simple';
    if (hasArguments(call)) return 'helper';
    return simple && known((call.path as Path).parts[0]!) ? 'helper' : 'simple';
  };

  // what the compiler refuses before anything runs
  const checkHelpers = (program: Program, blockParamNames: string[][]) => {
    const stack: { node: Node; names: string[][] }[] = [{ node: program, names: blockParamNames }];
    const found: { node: Call; name: string }[] = [];
    while (stack.length) {
      const { node, names } = stack.pop()!;
      let inner = names;
      if (node.type === 'Program') inner = [(node as Program).blockParams ?? [], ...names];
      if (node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression') {
        const call = node as Call;
        const path = call.path as Path;
        const simple = isSimpleName(path);
        const isBlockParam = simple && names.some((level) => level.includes(path.parts[0]!));
        if (!isBlockParam && hasArguments(call) && path.type === 'PathExpression' && !known(helperName(call))) {
          found.push({ node: call, name: helperName(call) });
        }
      }
      const children: Node[] = [];
      for (const [key, value] of Object.entries(node)) {
        if (key === 'loc' || !value || typeof value !== 'object') continue;
        if (Array.isArray(value)) children.push(...(value.filter((v) => v && typeof v === 'object') as Node[]));
        else children.push(value as Node);
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, names: inner });
    }
    const first = found.sort((a, b) => a.node.loc.start.line - b.node.loc.start.line || a.node.loc.start.column - b.node.loc.start.column)[0];
    if (first) throw placedError(`You specified knownHelpersOnly, but used the unknown helper ${first.name}`, first.node);
  };
  checkHelpers(ast, []);
  const depthsUsed = usesDepths(ast);

  const lookupProperty = (parent: Record<string, unknown>, name: string): unknown => {
    const result = parent[name];
    if (result == null) return result;
    if (Object.prototype.hasOwnProperty.call(parent, name)) return result;
    return undefined;
  };

  /** A path's value; `strict` when the last part must exist (Handlebars' container.strict). */
  const resolvePath = (path: Path, scope: Scope, strict: boolean): unknown => {
    let value: unknown;
    let first = 0;
    const param = blockParamOf(path, scope);
    if (param) {
      value = param.value;
      first = 1;
      strict = false;
    } else if (path.data) {
      value = scope.data;
      for (let d = path.depth; value && d > 0; d--) value = (value as Data)._parent;
    } else {
      value = path.depth ? scope.depths?.[path.depth] : scope.context;
      if (!path.parts.length) return value;
    }
    const last = strict ? path.parts.length - 1 : path.parts.length;
    for (let i = first; i < last; i++) value = lookupProperty(value as Record<string, unknown>, path.parts[i]!);
    if (strict) {
      const name = path.parts[last]!;
      const obj = value as Record<string, unknown>;
      if (!obj || !(name in obj)) throw placedError(`"${name}" not defined in ${String(obj)}`, path);
      value = lookupProperty(obj, name);
    }
    return value;
  };

  const literal = (node: Node): { value: unknown } | null => {
    switch (node.type) {
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral':
        return { value: (node as hbs.AST.StringLiteral).value };
      case 'UndefinedLiteral':
        return { value: undefined };
      case 'NullLiteral':
        return { value: null };
    }
    return null;
  };

  const paramValue = (node: Node, scope: Scope): unknown => {
    const lit = literal(node);
    if (lit) return lit.value;
    if (node.type === 'SubExpression') return evaluateCall(node as hbs.AST.SubExpression, scope);
    return resolvePath(node as Path, scope, false);
  };

  /** A literal where a helper's or value's name goes ({{"a b"}}) is a path of that name (transformLiteralToPath). */
  const pathOf = (call: Call): Path => {
    const lit = literal(call.path);
    if (!lit) return call.path as Path;
    const original = String(lit.value);
    return { type: 'PathExpression', data: false, depth: 0, parts: [original], original, loc: call.path.loc } as Path;
  };

  const programFunction = (program: Program | undefined, scope: Scope) => {
    if (!program) return noop;
    return (context: unknown, options: { data?: Data; blockParams?: unknown[] } = {}) => {
      let depths = scope.depths;
      if (depths && context != depths[0] && !(context === nullContext && depths[0] === null)) depths = [context, ...depths];
      return renderProgram(program, {
        context,
        data: options.data || scope.data,
        depths,
        blockParams: [{ names: program.blockParams, values: options.blockParams }, ...scope.blockParams],
      });
    };
  };

  const callHelper = (call: Call, scope: Scope): unknown => {
    const name = helperName(call);
    const helper = hb.helpers[name]!;
    const params = call.params.map((p) => paramValue(p, scope));
    const hash: Record<string, unknown> = {};
    for (const pair of call.hash?.pairs ?? []) hash[pair.key] = paramValue(pair.value, scope);
    const options: Record<string, unknown> = { name, hash, data: scope.data, loc: call.loc, lookupProperty };
    if (call.type === 'BlockStatement') {
      options.fn = programFunction(call.program, scope);
      options.inverse = programFunction(call.inverse, scope);
    }
    return helper.call(scope.context ?? nullContext, ...params, options);
  };

  const evaluateCall = (call: Call, scope: Scope): unknown => {
    if (classify(call, scope) === 'helper') return callHelper(call, scope);
    let value = resolvePath(pathOf(call), scope, true);
    if (typeof value === 'function') value = (value as (this: unknown) => unknown).call(scope.context);
    if (call.type === 'BlockStatement') {
      const options = {
        name: (call.path as Path).original,
        hash: {},
        data: scope.data,
        loc: call.loc,
        fn: programFunction(call.program, scope),
        inverse: programFunction(call.inverse, scope),
        lookupProperty,
      };
      return hb.helpers.blockHelperMissing!.call(scope.context, value, options);
    }
    return value;
  };

  const invokePartial = (node: hbs.AST.PartialStatement, scope: Scope): string => {
    const name = String((node.name as Path).original);
    let context = node.params.length ? paramValue(node.params[0]!, scope) : scope.context;
    if (node.hash) {
      const hash: Record<string, unknown> = {};
      for (const pair of node.hash.pairs) hash[pair.key] = paramValue(pair.value, scope);
      context = Object.assign({}, context, hash);
    }
    const partial = Object.prototype.hasOwnProperty.call(hb.partials, name) ? hb.partials[name] : undefined;
    if (typeof partial !== 'function') throw placedError(`The partial ${name} could not be found`, node);
    const options: InterpretOptions = { name, data: scope.data, partial: true, ...(depthsUsed ? { depths: scope.depths } : {}) };
    let result = String((partial as (c: unknown, o: InterpretOptions) => string)(context, options) ?? '');
    const indent = node.indent;
    if (indent) {
      const lines = result.split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (!lines[i] && i + 1 === lines.length) break;
        lines[i] = indent + lines[i];
      }
      result = lines.join('\n');
    }
    return result;
  };

  const renderProgram = (program: Program, scope: Scope): string => {
    let out = '';
    for (const node of program.body) {
      switch (node.type) {
        case 'ContentStatement':
          out += (node as hbs.AST.ContentStatement).value;
          break;
        case 'CommentStatement':
          break;
        case 'MustacheStatement': {
          const mustache = node as hbs.AST.MustacheStatement;
          const value = evaluateCall(mustache, scope);
          if (mustache.escaped) out += hb.escapeExpression(value as string);
          else if (value != null) out += String(value);
          break;
        }
        case 'BlockStatement': {
          const value = evaluateCall(node as hbs.AST.BlockStatement, scope);
          if (value != null) out += String(value);
          break;
        }
        case 'PartialStatement':
          out += invokePartial(node as hbs.AST.PartialStatement, scope);
          break;
        default:
          throw placedError(`この書き方（${node.type}）はテンプレートで使えません`, node);
      }
    }
    return out;
  };

  return (context, options = {}) => {
    let data = options.data;
    if (!options.partial && (!data || !('root' in data))) {
      data = data ? (hb.createFrame(data) as Data) : {};
      data.root = context;
    }
    let depths: unknown[] | undefined;
    if (depthsUsed) depths = options.depths ? (context != options.depths[0] ? [context, ...options.depths] : options.depths) : [context];
    return renderProgram(ast, { context, data, depths, blockParams: [{ names: ast.blockParams, values: undefined }] });
  };
}

const nullContext = Object.seal({});
const noop = () => '';
