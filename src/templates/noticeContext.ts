import type { Bureau } from '../catalog/ports.ts';
import { addresseeOf } from '../catalog/ports.ts';
import { ENUMS } from '../model/enums.ts';
import type { Finding } from '../validate/finding.ts';
import { fieldWords, findingMessage, guidelineSection } from '../validate/messages.ts';
import { xmlSafeDeep } from '../util/xmlSafe.ts';

export interface NoticeFacts {
  file: string;
  applicantName: string;
  /** 代表取締役社長　潮見 浩一 */
  representative: string;
  portName: string;
  bureau: Bureau | null;
  filingDate: string | null;
  kind: string | null;
  findings: readonly Finding[];
  /** A plan tos-filing did not make: the items come from a screening of its text. */
  screened?: boolean;
}

/**
 * The context of a draft 補正 request: addressed to the applicant, from the head of the bureau competent for the
 * port, listing every error with the guideline section it rests on. Dates come from the filing, never the clock.
 */
export function noticeContext(facts: NoticeFacts) {
  const errors = facts.findings.filter((f) => f.severity === 'error');
  return xmlSafeDeep({
    title: '補正のお願い（案）',
    date: facts.filingDate ?? '2024-03-31',
    file: facts.file,
    screened: facts.screened ?? false,
    applicant: { name: facts.applicantName, representative: facts.representative },
    sender: facts.bureau ? addresseeOf(facts.bureau) : '',
    filingDate: facts.filingDate ?? '',
    kindLabel: facts.kind ? ((ENUMS.applicationKind as Record<string, string>)[facts.kind] ?? '') : '',
    portName: facts.portName,
    items: errors.map((f, i) => ({
      no: i + 1,
      field: fieldWords(f.segments) || '届出全体',
      message: findingMessage(f, 'ja'),
      guideline: f.requirementId ? guidelineSection(f.requirementId, 'ja') : '—',
    })),
  });
}
