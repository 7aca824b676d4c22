import type { PortClassification } from '../catalog/classifyPort.ts';
import { formatReference, formatReferencesShort, type Requirement, type RequirementId } from '../catalog/requirements.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { ENUMS, SCOPE_LABELS, enumLabel } from '../model/enums.ts';
import type { Agent, Filing, Measure } from '../model/filing.ts';
import { REGISTRATION_RULES, registrationNumberText } from '../model/agentRegistration.ts';
import { MEASURE_DETAILS } from '../model/measureDetails.ts';
import { type Key, fieldTitle } from '../model/schemaWalk.ts';
import type { Finding } from '../validate/finding.ts';
import { xmlSafeDeep } from '../util/xmlSafe.ts';
import { type Described, describeDetail } from './describeValue.ts';
import { documentDigits, parenKatakana, parenNumber } from '../util/documentNumbers.ts';
import { FindingMarks } from './findingMarks.ts';
import { DRAFT_DOCUMENT_DATE } from './draftGaps.ts';
import { type GapMark, gapOf, isGapMark } from './gapMark.ts';

/**
 * What templates see: the filing with every optional value present (null when absent), enum values
 * turned into Japanese labels, and one entry per applicable requirement. Plain JSON only, so that
 * Handlebars' prototype protections hold.
 */

export interface DetailLine extends Described {
  label: string;
}

/** The item-specific facts of a measure, labelled, in schema order, each shaped as text, list, checks or table. */
export function detailLines(id: RequirementId, details: Record<string, unknown> | undefined): DetailLine[] {
  if (!details) return [];
  return Object.keys(MEASURE_DETAILS[id].shape)
    .filter((key) => details[key] !== undefined)
    .map((key) => {
      const path = ['measures', id, 'details', key];
      return { label: fieldTitle(path) ?? key, ...describeDetail(details[key], path) };
    });
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/**
 * A draft may leave a choice blank: its value is then a GapMark (draftGaps.ts). The label of a choice, or the mark;
 * a yes/no as itself (null when blank, so that templates show neither), and its mark apart.
 */
const choiceLabel = <E extends Parameters<typeof enumLabel>[0]>(name: E, value: Parameters<typeof enumLabel<E>>[1] | GapMark): string | GapMark =>
  isGapMark(value) ? value : enumLabel(name, value);
const yesNo = (value: boolean | GapMark): boolean | null => (isGapMark(value) ? null : value);

/** Every choice of a status, the chosen one checked: ■実施済み　□一部実施… */
const statusChoices = (chosen: string | undefined) =>
  Object.entries(ENUMS.measureStatus).map(([value, label]) => ({ label, on: value === chosen }));

function requirementEntry(req: Requirement, index: number, filing: Filing, marks: FindingMarks) {
  const id = req.id;
  const measure = filing.measures[id] as Measure | undefined;
  const path: Key[] = ['measures', id];
  return {
    no: index + 1,
    /** The item number under section ３: （１）, …, （10） */
    number: parenNumber(index + 1),
    id,
    title: req.title,
    summary: req.summary,
    scope: req.scope,
    scopeLabel: SCOPE_LABELS[req.scope],
    references: req.references.map((r) => formatReference(r)).join('、'),
    referencesShort: formatReferencesShort(req.references),
    present: measure !== undefined,
    status: measure?.status ?? null,
    statusLabel: measure ? choiceLabel('measureStatus', measure.status) : null,
    statusChoices: statusChoices(measure?.status),
    implemented: measure?.status === 'implemented',
    planned: measure?.status === 'planned',
    notApplicable: measure?.status === 'not-applicable',
    description: orNull(measure?.description),
    plannedDate: orNull(measure?.plannedDate),
    reason: orNull(measure?.reason),
    details: detailLines(id, measure?.details as Record<string, unknown> | undefined),
    /** Draft marks in place (null in a final document or when nothing is missing there). */
    statusGap: marks.measureMissing(id, '実施状況') ?? gapOf(measure?.status),
    descriptionGap: marks.measureMissing(id, '講じている措置') ?? marks.at(path, ['MEASURE_DESCRIPTION_MISSING'], '講じている措置'),
    plannedDateGap: marks.at([...path, 'plannedDate'], ['MEASURE_PLANNED_DATE_MISSING'], '実施予定日'),
    reasonGap: marks.at([...path, 'reason'], ['MEASURE_REASON_MISSING'], '理由'),
    /** Draft notes under the requirement's table: what no mark in place explains. */
    notes: marks.notesFor(id),
  };
}

export type RequirementEntry = ReturnType<typeof requirementEntry>;

/** The context for a filing; strings are made XML-safe so that no typed character can break the markup. */
export function templateContext(filing: Filing, port: PortClassification, findings: readonly Finding[], draft: boolean) {
  return xmlSafeDeep(contextOf(filing, port, findings, draft));
}

const valueAt = (data: unknown, path: readonly Key[]) =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<Key, unknown>)[k] : undefined), data);

function contextOf(filing: Filing, port: PortClassification, findings: readonly Finding[], draft: boolean) {
  const { application, applicant, organization } = filing;
  // a finding about a text the draft left blank is shown by the blank's own mark
  const marks = new FindingMarks(findings, draft, (f) => f.code.startsWith('SCHEMA_') && gapOf(valueAt(filing, f.segments)) !== null);
  const requirements = requirementsFor(port).map((req, i) => requirementEntry(req, i, filing, marks));
  return {
    draft,
    title: 'TOSの概要及び情報セキュリティの確保に関する事項',
    application: {
      kind: application.kind,
      kindLabel: choiceLabel('applicationKind', application.kind),
      isChange: !isGapMark(application.kind) && application.kind !== 'new-license',
      filingDate: application.filingDate,
      /** The date the document's properties carry: the filing date, or a fixed one while a draft leaves it blank. */
      documentDate: isGapMark(application.filingDate) ? DRAFT_DOCUMENT_DATE : application.filingDate,
      addressee: application.addressee,
      changeSummary: orNull(application.changeSummary),
      changeSummaryGap: marks.at(['application', 'changeSummary'], ['CHANGE_SUMMARY_MISSING'], '変更の概要'),
    },
    applicant: {
      name: applicant.name,
      representative: applicant.representative,
      address: applicant.address,
      corporateNumber: orNull(applicant.corporateNumber),
      contact: {
        name: applicant.contact.name,
        title: orNull(applicant.contact.title),
        department: orNull(applicant.contact.department),
        phone: orNull(applicant.contact.phone),
        email: orNull(applicant.contact.email),
      },
      existingLicense: applicant.existingLicense
        ? {
            number: applicant.existingLicense.number,
            date: applicant.existingLicense.date,
            businessKinds: applicant.existingLicense.businessKinds ?? [],
          }
        : null,
      existingLicenseGap: marks.at(['applicant', 'existingLicense'], ['LICENSE_MISSING'], '現に受けている許可'),
    },
    agent: agentEntry(filing.agent),
    port: {
      name: filing.port.name,
      registryName: port.name ?? filing.port.name,
      specified: port.specified,
      specifiedPort: port.specifiedPort,
      classLabel: port.specified
        ? `特定の港（${port.specifiedPort}）`
        : port.kind === 'part' && port.designatedPort
          ? `${port.designatedPort}の一部で、特定の港以外の港`
          : '特定の港以外の港',
      /** In a draft of a filing whose port is not in the registry, the class is not known. */
      classGap: marks.at(['port', 'name'], ['PORT_UNKNOWN'], '港の区分'),
    },
    terminals: filing.port.terminals.map((t, i) => terminalEntry(t, i, marks)),
    organization: {
      ciso: { ...organization.ciso, title: orNull(organization.ciso.title), department: orNull(organization.ciso.department), executive: organization.ciso.executive ?? false },
      csirt: organization.csirt
        ? {
            name: organization.csirt.name,
            lead: { name: organization.csirt.lead.name, title: orNull(organization.csirt.lead.title), department: orNull(organization.csirt.lead.department) },
            members: orNull(organization.csirt.members),
            support: organization.csirt.support ?? [],
          }
        : null,
      csirtGap: marks.at(['organization', 'csirt'], ['CSIRT_MISSING'], 'インシデント対応体制（CSIRT等）'),
      emergencyContacts: organization.emergencyContacts.map((c) => ({ ...c, means: orNull(c.means) })),
      externalContactsGap: gapOf(organization.externalContacts),
      externalContacts: organization.externalContacts.map((c) => ({
        kindLabel: choiceLabel('contactKind', c.kind),
        name: c.name,
        department: orNull(c.department),
        phone: orNull(c.phone),
      })),
      auditor: organization.auditor ? { name: organization.auditor.name, independenceLabel: choiceLabel('auditorIndependence', organization.auditor.independence) } : null,
    },
    requirements,
    counts: {
      applicable: requirements.length,
      all: requirements.filter((r) => r.scope === 'all').length,
      specified: requirements.filter((r) => r.scope === 'specified').length,
    },
    /** Draft notes for the cover: findings that belong to no requirement and no marked place. */
    notes: marks.general(),
  };
}

/**
 * The 代理人 as the cover and the 委任状 print it (null when the filing is made by the applicant itself): the
 * qualification's label, and the 登録番号 under the name its register gives it (日本行政書士会連合会登録番号
 * 第12345678号). In a draft a missing 氏名 is a GapMark, printed as its mark.
 */
export function agentEntry(agent: Agent | undefined) {
  if (!agent) return null;
  // In a draft the 資格 may be left blank (a GapMark): the title prints the mark and the number its plain label.
  const qualification = agent.qualification as Agent['qualification'] | GapMark;
  const known = isGapMark(qualification) ? null : qualification;
  const rule = REGISTRATION_RULES[known ?? 'other'];
  const number = agent.registrationNumber;
  return {
    qualification: known,
    qualificationLabel: choiceLabel('agentQualification', qualification),
    /** The qualification as a title before the name (行政書士　山田花子); none for その他. */
    title: known === 'other' ? null : choiceLabel('agentQualification', qualification),
    name: agent.name,
    office: orNull(agent.office),
    address: orNull(agent.address),
    phone: orNull(agent.phone),
    registrationLabel: rule.label,
    registrationNumber: typeof number === 'string' ? registrationNumberText(known ?? 'other', number) : orNull(number),
  };
}

function terminalEntry(terminal: Filing['port']['terminals'][number], index: number, marks: FindingMarks) {
  const tos = terminal.tos;
  const base: Key[] = ['port', 'terminals', index, 'tos'];
  const fn = tos.functions;
  const functionRow = (label: string, f: { used: boolean; description?: string | undefined }) => ({
    label,
    used: yesNo(f.used),
    usedGap: gapOf(f.used),
    description: orNull(f.description),
  });
  return {
    no: index + 1,
    /** The terminal's number under section １: （１）, （２）… */
    number: parenNumber(index + 1),
    name: terminal.name,
    typeLabel: choiceLabel('terminalType', terminal.type),
    address: orNull(terminal.address),
    berths: orNull(terminal.berths),
    tos: {
      systemName: tos.systemName,
      product: orNull(tos.product),
      developer: tos.developer,
      inServiceSince: orNull(tos.inServiceSince),
      owner: tos.ownership.owner,
      applicantRoleLabel: choiceLabel('applicantRole', tos.ownership.applicantRole),
      ownedByApplicant: tos.ownership.applicantRole !== 'user',
      otherUsers: tos.ownership.otherUsers ?? [],
      assurance: orNull(tos.ownership.assurance),
      assuranceGap: marks.at([...base, 'ownership', 'assurance'], ['TOS_OWNER_ASSURANCE_MISSING'], '対策の担保方法'),
      functions: [
        functionRow('本船プランニング', fn.vesselPlanning),
        functionRow('ヤードプランニング', fn.yardPlanning),
        functionRow('ヤードオペレーション', fn.yardOperation),
        functionRow('全体管理', fn.overallManagement),
      ],
      gateManagement: yesNo(fn.overallManagement.gateManagement),
      gateManagementGap: gapOf(fn.overallManagement.gateManagement),
      externalSystemLinks: fn.overallManagement.externalSystemLinks ?? [],
      externalSystemLinksGap: gapOf(fn.overallManagement.externalSystemLinks),
      hosting: { kindLabel: choiceLabel('hostingKind', tos.hosting.kind), location: tos.hosting.location, redundancy: orNull(tos.hosting.redundancy) },
      components: { servers: tos.components.servers, clientTerminals: tos.components.clientTerminals, other: tos.components.other ?? [] },
      network: {
        diagram: orNull(tos.network.diagram),
        linesGap: gapOf(tos.network.lines),
        devicesGap: gapOf(tos.network.devices),
        lines: tos.network.lines.map((l, i) => ({ no: documentDigits(i + 1), carrier: l.carrier, lineType: l.lineType, purpose: orNull(l.purpose) })),
        devices: tos.network.devices.map((d, i) => ({ no: documentDigits(i + 1), ...d, externalFacing: yesNo(d.externalFacing), externalFacingGap: gapOf(d.externalFacing) })),
        segmentation: orNull(tos.network.segmentation),
      },
      externalConnectionsGap: gapOf(tos.externalConnections),
      outsourcingGap: gapOf(tos.outsourcing),
      externalConnections: tos.externalConnections.map((c, i) => ({
        no: i + 1,
        /** （ア）, （イ）…: connections are items under カ */
        number: parenKatakana(i + 1),
        counterparty: c.counterparty,
        purpose: c.purpose,
        methodLabel: choiceLabel('connectionMethod', c.method),
        terminatingDevice: c.terminatingDevice,
        sourceRestriction: orNull(c.sourceRestriction),
        sourceRestrictionGap: marks.at([...base, 'externalConnections', i, 'sourceRestriction'], ['CONNECTION_SOURCE_UNRESTRICTED'], '接続元の制限'),
        firewall: yesNo(c.firewall),
        firewallGap: gapOf(c.firewall),
        firewallReview: marks.at([...base, 'externalConnections', i, 'firewall'], ['CONNECTION_NO_FIREWALL'], 'ファイアウォール'),
      })),
      outsourcing: tos.outsourcing.map((o, i) => ({
        no: documentDigits(i + 1),
        vendor: o.vendor,
        // a blank among the chosen scopes stands for the whole (the mark cannot be joined into text)
        scopeLabel: o.scope.find(isGapMark) ?? o.scope.map((s) => enumLabel('outsourcingScope', s)).join('・'),
        remoteAccess: yesNo(o.remoteAccess),
        remoteAccessGap: gapOf(o.remoteAccess),
        contract: orNull(o.contract),
      })),
      removableMedia: { used: yesNo(tos.removableMedia.used), usedGap: gapOf(tos.removableMedia.used), useCases: tos.removableMedia.useCases ?? [] },
      manualOperation: { ...tos.manualOperation, possible: yesNo(tos.manualOperation.possible), possibleGap: gapOf(tos.manualOperation.possible) },
    },
  };
}

export type TemplateContext = ReturnType<typeof contextOf>;
