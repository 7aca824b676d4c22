import type { PortClassification } from '../catalog/classifyPort.ts';
import { enumLabel } from '../model/enums.ts';
import type { Filing } from '../model/filing.ts';
import { xmlSafeDeep } from '../util/xmlSafe.ts';
import { agentEntry } from './context.ts';
import { DRAFT_DOCUMENT_DATE } from './draftGaps.ts';
import { isGapMark } from './gapMark.ts';

/** What the bundled 委任状 grants the agent beyond the filing itself: the document the bureau issues, per kind. */
const ISSUED: Record<Filing['application']['kind'], string | null> = {
  'new-license': '許可書',
  'plan-change-approval': '認可書',
  'plan-change-notification': null,
};

/**
 * The context of the 委任状 the applicant signs for a filing made through an agent (templates/power-of-attorney.hbs):
 * the applicant as 委任者, the agent as 受任者, and the filing the matters delegated are about (申請区分 in the
 * filing's own words, the port, the addressee). The date the applicant signs is left for the template to leave
 * blank; the document's properties carry the filing date, so that the same filing gives the same bytes.
 */
export function powerOfAttorneyContext(filing: Filing, port: PortClassification, draft: boolean) {
  const { application, applicant } = filing;
  return xmlSafeDeep({
    draft,
    title: '委任状',
    date: isGapMark(application.filingDate) ? DRAFT_DOCUMENT_DATE : application.filingDate,
    principal: {
      name: applicant.name,
      representative: applicant.representative,
      address: applicant.address,
    },
    agent: agentEntry(filing.agent),
    application: {
      kind: application.kind,
      kindLabel: enumLabel('applicationKind', application.kind),
      isChange: application.kind !== 'new-license',
      isNotification: application.kind === 'plan-change-notification',
      /** 許可書 / 認可書; null for a notification, which is received, not granted. */
      issued: ISSUED[application.kind],
      addressee: application.addressee,
      filingDate: application.filingDate,
    },
    port: { name: filing.port.name, registryName: port.name ?? filing.port.name },
  });
}

export type PowerOfAttorneyContext = ReturnType<typeof powerOfAttorneyContext>;
