import type { PlanRead, TextBlock } from './textBlock.ts';
import { type CoverRead, type RequirementMatch, matchRequirements, readCover } from '../../screen/index.ts';

export type { CoverRead, RequirementMatch };

/**
 * A plan tos-filing did not make, read and screened: its text blocks, the requirements its text describes (the
 * matcher of src/screen/) and what its cover states. What the screening found is an estimate from the text, never
 * what the applicant declared.
 */
export interface HandTypedPlan {
  format: 'pdf' | 'docx';
  pages?: number;
  blocks: TextBlock[];
  matches: RequirementMatch[];
  cover: CoverRead;
}

export function screenPlan(read: Extract<PlanRead, { ok: true }>): HandTypedPlan {
  return {
    format: read.format,
    ...(read.pages !== undefined ? { pages: read.pages } : {}),
    blocks: read.blocks,
    matches: matchRequirements(read.blocks),
    cover: readCover(read.blocks),
  };
}

/** Where a block stands, in the reader's words: 「3ページ」 for a PDF, 「第12段落」 or 「表1の3行目」 for a Word file. */
export function placeOf(plan: Pick<HandTypedPlan, 'blocks'>, match: { blocks: readonly number[]; page?: number }): string {
  const first = plan.blocks.find((b) => b.index === match.blocks[0]);
  const page = match.page ?? first?.page;
  if (page !== undefined) return `${page}ページ`;
  if (first?.cell) return `表${first.cell.table}の${first.cell.row + 1}行目`;
  return first ? `第${first.index}段落` : '';
}
