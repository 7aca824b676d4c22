/** Blocks and sub-expressions nested in one template (the bundled ones nest 4 deep). */
export const MAX_TEMPLATE_NESTING = 32;

const MAX_REPORTED = 20;

interface AstNode {
  type?: string;
  loc?: { start: { line: number; column: number } };
  escaped?: boolean;
  name?: AstNode & { original?: unknown };
  [key: string]: unknown;
}

/**
 * What a template may not do, found on its syntax tree before it is compiled (a walk, not a render):
 * unescaped output ({{{x}}} or {{&x}}) would let text from a filing change the document's structure;
 * inline partials, decorators and partial blocks are not part of the documented template language;
 * a partial must be one of partials/*.hbs, named as written; and blocks may not nest without end
 * (the compiler recurses, and thousands of nested blocks overflow its stack). Returns the problems as
 * `file:line:column: message` lines.
 */
export function lintTemplate(file: string, ast: unknown, partials: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const report = (node: AstNode, message: string) => {
    if (problems.length < MAX_REPORTED) problems.push(`${file}:${node.loc?.start.line ?? 1}:${(node.loc?.start.column ?? 0) + 1}: ${message}`);
  };
  const stack: { node: AstNode; depth: number }[] = [{ node: ast as AstNode, depth: 0 }];
  while (stack.length) {
    const { node, depth: above } = stack.pop()!;
    let depth = above;
    switch (node.type) {
      case 'Program':
      case 'SubExpression':
        depth++;
        if (depth > MAX_TEMPLATE_NESTING) {
          report(node, `入れ子が深すぎます（ブロックの入れ子の上限${MAX_TEMPLATE_NESTING}段を超えています）`);
          continue;
        }
        break;
      case 'MustacheStatement':
        if (node.escaped === false) report(node, 'エスケープしない出力（{{{ }}} や {{& }}）は使用できません');
        break;
      case 'Decorator':
      case 'DecoratorBlock':
        report(node, 'インラインパーシャル（{{#*inline}}）やデコレータは使用できません。部品は partials/ にファイルとして置いてください');
        continue;
      case 'PartialBlockStatement':
        report(node, '部品のブロック呼び出し（{{#> 名前}}）は使用できません。{{> 名前}} と書いてください');
        continue;
      case 'PartialStatement': {
        const name = node.name;
        if (name?.type !== 'PathExpression') report(node, '部品（パーシャル）の名前は {{> cover}} のようにそのまま書いてください');
        else if (!partials.has(String(name.original))) {
          report(node, `部品（パーシャル）「${String(name.original)}」がありません（partials/${String(name.original)}.hbs を置いてください）`);
        }
        break;
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc' || !value || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) if (value[i] && typeof value[i] === 'object') stack.push({ node: value[i] as AstNode, depth });
      } else stack.push({ node: value as AstNode, depth });
    }
  }
  problems.sort((a, b) => {
    const [la, ca] = a.slice(file.length + 1).split(':').map(Number);
    const [lb, cb] = b.slice(file.length + 1).split(':').map(Number);
    return la! - lb! || ca! - cb!;
  });
  return problems;
}

/**
 * The template parser and compiler recurse once per nested block, so thousands of nested `{{#if}}` overflow
 * the stack before the syntax tree exists. The block tags are counted in the text first (comments left out).
 */
export function blockNestingProblem(file: string, source: string): string | null {
  const text = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (comment) => comment.replace(/[^\n]/g, ' '));
  let depth = 0;
  for (const match of text.matchAll(/\{\{~?\s*([#/]|\^(?!\s*~?\}\}))/g)) {
    depth += match[1] === '/' ? -1 : 1;
    if (depth > MAX_TEMPLATE_NESTING) {
      const before = text.slice(0, match.index);
      const line = before.split('\n').length;
      const column = match.index - before.lastIndexOf('\n');
      return `${file}:${line}:${column}: 入れ子が深すぎます（ブロックの入れ子の上限${MAX_TEMPLATE_NESTING}段を超えています）`;
    }
  }
  return null;
}
