import type { TextBlock } from './textBlock.ts';

/**
 * A plan tos-filing did not make, as its reader gave it: the text blocks, in reading order. The screening of it
 * (the requirements it describes, its cover: src/screen/) is done above the readers, by the app (app/screening.ts).
 */
export interface PlanText {
  format: 'pdf' | 'docx';
  pages?: number;
  blocks: TextBlock[];
}

/** Where a block stands, in the reader's words: 「3ページ」 for a PDF, 「第12段落」 or 「表1の3行目」 for a Word file. */
export function placeOf(plan: Pick<PlanText, 'blocks'>, match: { blocks: readonly number[]; page?: number }): string {
  const first = plan.blocks.find((b) => b.index === match.blocks[0]);
  const page = match.page ?? first?.page;
  if (page !== undefined) return `${page}ページ`;
  if (first?.cell) return `表${first.cell.table}の${first.cell.row + 1}行目`;
  return first ? `第${first.index}段落` : '';
}
