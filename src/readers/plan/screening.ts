import type { PlanRead, TextBlock } from './textBlock.ts';
import { type PlanCover, type RequirementMatch, matchRequirements, readCover } from './screenStub.ts';

export type { PlanCover, RequirementMatch };

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
  cover: PlanCover;
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

/** Where a block stands, in the reader's words: 「3ページ」 for a PDF, 「第12段落」 for a Word file. */
export function placeOf(plan: Pick<HandTypedPlan, 'format' | 'blocks'>, match: { blocks: readonly number[]; page?: number }): string {
  if (match.page !== undefined) return `${match.page}ページ`;
  const first = plan.blocks.find((b) => b.index === match.blocks[0]);
  if (first?.cell) return `表${first.cell.table}の${first.cell.row + 1}行目`;
  return first ? `第${first.index}段落` : '';
}
