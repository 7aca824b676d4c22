import type { Block } from '../document/tree.ts';

/**
 * Blocks that must not end a page, in both writers: headings, and paragraphs wholly in bold, which templates
 * use as captions of the table or text below them (（１）ターミナル).
 */
export function keepsWithNext(block: Block): boolean {
  if (block.type === 'heading') return true;
  if (block.type !== 'paragraph') return false;
  const texts = block.children.filter((c) => c.type === 'text');
  return texts.length > 0 && texts.every((c) => c.style.bold || !c.text.trim());
}
