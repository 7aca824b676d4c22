import type { PortClassification } from '../catalog/classifyPort.ts';
import { formatReference, formatReferencesShort, type Requirement, type RequirementId } from '../catalog/requirements.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { SCOPE_LABELS, enumLabel } from '../model/enums.ts';
import type { Filing, Measure } from '../model/filing.ts';
import { MEASURE_DETAILS } from '../model/measureDetails.ts';
import { fieldTitle } from '../model/schemaWalk.ts';
import type { Finding } from '../validate/finding.ts';
import { fieldWords, findingMessage } from '../validate/messages.ts';
import { xmlSafeDeep } from '../util/xmlSafe.ts';
import { describeValue } from './describeValue.ts';
import { GapMark } from './gapMark.ts';

/**
 * What templates see: the filing with every optional value present (null when absent), enum values
 * turned into Japanese labels, and one entry per applicable requirement. Plain JSON only, so that
 * Handlebars' prototype protections hold.
 */

export interface DetailLine {
  label: string;
  value: string;
}

/** The item-specific facts of a measure as labelled lines, in schema order. */
export function detailLines(id: RequirementId, details: Record<string, unknown> | undefined): DetailLine[] {
  if (!details) return [];
  return Object.keys(MEASURE_DETAILS[id].shape)
    .filter((key) => details[key] !== undefined)
    .map((key) => {
      const path = ['measures', id, 'details', key];
      return { label: fieldTitle(path) ?? key, value: describeValue(details[key], path) };
    });
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function requirementEntry(req: Requirement, index: number, filing: Filing, findings: readonly Finding[]) {
  const id = req.id;
  const measure = filing.measures[id] as Measure | undefined;
  const own = findings.filter((f) => f.requirementId === id);
  return {
    no: index + 1,
    section: `3-${index + 1}`,
    id,
    title: req.title,
    summary: req.summary,
    scope: req.scope,
    scopeLabel: SCOPE_LABELS[req.scope],
    references: req.references.map((r) => formatReference(r)).join('、'),
    referencesShort: formatReferencesShort(req.references),
    present: measure !== undefined,
    status: measure?.status ?? null,
    statusLabel: measure ? enumLabel('measureStatus', measure.status) : null,
    implemented: measure?.status === 'implemented',
    description: orNull(measure?.description),
    plannedDate: orNull(measure?.plannedDate),
    reason: orNull(measure?.reason),
    details: detailLines(id, measure?.details as Record<string, unknown> | undefined),
    gaps: own.filter((f) => f.severity === 'error').map((f) => new GapMark('missing', findingMessage(f, 'ja'))),
    reviews: own.filter((f) => f.severity === 'warning').map((f) => new GapMark('review', findingMessage(f, 'ja'))),
  };
}

export type RequirementEntry = ReturnType<typeof requirementEntry>;

/** The context for a filing; strings are made XML-safe so that no typed character can break the markup. */
export function templateContext(filing: Filing, port: PortClassification, findings: readonly Finding[], draft: boolean) {
  return xmlSafeDeep(contextOf(filing, port, findings, draft));
}

function contextOf(filing: Filing, port: PortClassification, findings: readonly Finding[], draft: boolean) {
  const { application, applicant, organization } = filing;
  const requirements = requirementsFor(port).map((req, i) => requirementEntry(req, i, filing, findings));
  const general = findings.filter((f) => !f.requirementId && f.severity !== 'info');
  return {
    draft,
    title: 'TOSの概要及び情報セキュリティの確保に関する事項',
    application: {
      kind: application.kind,
      kindLabel: enumLabel('applicationKind', application.kind),
      isChange: application.kind !== 'new-license',
      filingDate: application.filingDate,
      addressee: application.addressee,
      changeSummary: orNull(application.changeSummary),
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
    },
    port: {
      name: filing.port.name,
      registryName: port.name ?? filing.port.name,
      specified: port.specified,
      specifiedPort: port.specifiedPort,
      classLabel: port.specified ? `特定の港（${port.specifiedPort}）` : '特定の港以外の港',
    },
    terminals: filing.port.terminals.map((t, i) => terminalEntry(t, i)),
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
      emergencyContacts: organization.emergencyContacts.map((c) => ({ ...c, means: orNull(c.means) })),
      externalContacts: organization.externalContacts.map((c) => ({
        kindLabel: enumLabel('contactKind', c.kind),
        name: c.name,
        department: orNull(c.department),
        phone: orNull(c.phone),
      })),
      auditor: organization.auditor ? { name: organization.auditor.name, independenceLabel: enumLabel('auditorIndependence', organization.auditor.independence) } : null,
    },
    requirements,
    counts: {
      applicable: requirements.length,
      all: requirements.filter((r) => r.scope === 'all').length,
      specified: requirements.filter((r) => r.scope === 'specified').length,
    },
    generalGaps: general.filter((f) => f.severity === 'error').map((f) => new GapMark('missing', `${fieldWords(f.segments)}：${findingMessage(f, 'ja')}`)),
    generalReviews: general.filter((f) => f.severity === 'warning').map((f) => new GapMark('review', `${fieldWords(f.segments)}：${findingMessage(f, 'ja')}`)),
  };
}

function terminalEntry(terminal: Filing['port']['terminals'][number], index: number) {
  const tos = terminal.tos;
  const fn = tos.functions;
  const functionRow = (label: string, f: { used: boolean; description?: string | undefined }) => ({
    label,
    used: f.used,
    description: orNull(f.description),
  });
  return {
    no: index + 1,
    name: terminal.name,
    typeLabel: enumLabel('terminalType', terminal.type),
    address: orNull(terminal.address),
    berths: orNull(terminal.berths),
    tos: {
      systemName: tos.systemName,
      product: orNull(tos.product),
      developer: tos.developer,
      inServiceSince: orNull(tos.inServiceSince),
      owner: tos.ownership.owner,
      applicantRoleLabel: enumLabel('applicantRole', tos.ownership.applicantRole),
      ownedByApplicant: tos.ownership.applicantRole !== 'user',
      otherUsers: tos.ownership.otherUsers ?? [],
      assurance: orNull(tos.ownership.assurance),
      functions: [
        functionRow('本船プランニング', fn.vesselPlanning),
        functionRow('ヤードプランニング', fn.yardPlanning),
        functionRow('ヤードオペレーション', fn.yardOperation),
        functionRow('全体管理', fn.overallManagement),
      ],
      gateManagement: fn.overallManagement.gateManagement,
      externalSystemLinks: fn.overallManagement.externalSystemLinks ?? [],
      hosting: { kindLabel: enumLabel('hostingKind', tos.hosting.kind), location: tos.hosting.location, redundancy: orNull(tos.hosting.redundancy) },
      components: { servers: tos.components.servers, clientTerminals: tos.components.clientTerminals, other: tos.components.other ?? [] },
      network: {
        diagram: orNull(tos.network.diagram),
        lines: tos.network.lines.map((l, i) => ({ no: i + 1, carrier: l.carrier, lineType: l.lineType, purpose: orNull(l.purpose) })),
        devices: tos.network.devices.map((d, i) => ({ no: i + 1, ...d })),
        segmentation: orNull(tos.network.segmentation),
      },
      externalConnections: tos.externalConnections.map((c, i) => ({
        no: i + 1,
        counterparty: c.counterparty,
        purpose: c.purpose,
        methodLabel: enumLabel('connectionMethod', c.method),
        terminatingDevice: c.terminatingDevice,
        sourceRestriction: orNull(c.sourceRestriction),
        firewall: c.firewall,
      })),
      outsourcing: tos.outsourcing.map((o, i) => ({
        no: i + 1,
        vendor: o.vendor,
        scopeLabel: o.scope.map((s) => enumLabel('outsourcingScope', s)).join('・'),
        remoteAccess: o.remoteAccess,
        contract: orNull(o.contract),
      })),
      removableMedia: { used: tos.removableMedia.used, useCases: tos.removableMedia.useCases ?? [] },
      manualOperation: tos.manualOperation,
    },
  };
}

export type TemplateContext = ReturnType<typeof contextOf>;
