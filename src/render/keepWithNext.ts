import type { Block } from '../document/tree.ts';

/**
 * Blocks that must not end a page, in both writers: headings, and paragraphs wholly in bold, which templates
 * use as captions of the table or text below them (（１）ターミナル). A draft's gap marks (【要確認：…】) are set in
 * bold too, but they say something about the text around them and caption nothing: a paragraph of marks alone,
 * such as a note under a measure's table, is not a caption (else every measure's notes would hold on to the next
 * measure, and the measures would make one chain that no page break may part).
 */
export function keepsWithNext(block: Block): boolean {
  if (block.type === 'heading') return true;
  if (block.type !== 'paragraph') return false;
  const texts = block.children.filter((c) => c.type === 'text' && c.text.trim());
  return texts.length > 0 && texts.every((c) => c.type === 'text' && c.style.bold) && texts.some((c) => c.type === 'text' && !c.style.mark);
}

/**
 * A note under a table, which stays with the table's last row in both writers: a small paragraph right after a
 * table or after another such note (the draft notes under a measure's table).
 */
export function isTableNote(blocks: readonly Block[], index: number): boolean {
  for (let i = index; i >= 0; i--) {
    const block = blocks[i]!;
    if (i < index && block.type === 'table') return true;
    if (block.type !== 'paragraph' || block.size !== 'small') return false;
  }
  return false;
}
