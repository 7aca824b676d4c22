import { type Finding, finding } from './finding.ts';

/** What a reader found about a .pdf/.docx beyond the filing it carries (see readers/readSource.ts). */
export interface DocumentFacts {
  format: 'pdf' | 'docx';
  redacted: boolean;
  /** Sections whose visible text no longer matches the text the document was made with; null: unreadable text. */
  changedSections: string[] | null;
}

/** Findings about the document itself: its text was edited after it was made; it is a redacted copy. */
export function documentFindings(facts: DocumentFacts | undefined): Finding[] {
  if (!facts) return [];
  const out: Finding[] = [];
  const { changedSections } = facts;
  if (changedSections === null || changedSections.length)
    out.push(finding('warning', 'DOCUMENT_TEXT_CHANGED', [], { format: facts.format, sections: changedSections ?? [], unreadable: changedSections === null }));
  if (facts.redacted) out.push(finding('info', 'DOCUMENT_REDACTED', [], { format: facts.format }));
  return out;
}
