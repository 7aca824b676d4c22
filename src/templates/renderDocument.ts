import { MarkupError, parseMarkup } from '../document/parseMarkup.ts';
import type { DocumentTree } from '../document/tree.ts';
import { type CompiledTemplates, type DocumentKind, TemplateError } from './renderTemplates.ts';

/** Template → markup → document tree; markup errors are reported against the template folder. */
export function renderDocument(templates: CompiledTemplates, kind: DocumentKind, context: object): DocumentTree {
  const markup = templates.render(kind, context);
  try {
    return parseMarkup(markup);
  } catch (err) {
    if (!(err instanceof MarkupError)) throw err;
    const line = markup.split('\n')[err.line - 1]?.trim().slice(0, 80) ?? '';
    throw new TemplateError(
      `${templates.dir}: ${kind}.hbs の出力が文書の形式に合いません（出力の${err.line}行${err.column}列：${err.message}）「${line}」`,
    );
  }
}
