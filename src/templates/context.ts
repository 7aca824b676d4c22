import type { PortClassification } from '../catalog/classifyPort.ts';
import { formatReference, formatReferencesShort, type Requirement, type RequirementId } from '../catalog/requirements.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import type { Filing, Measure } from '../model/filing.ts';
import { ENUM_LABELS, MEASURE_DETAILS } from '../model/measureDetails.ts';
import type { Finding } from '../validate/finding.ts';
import { toWareki } from '../util/wareki.ts';
import { xmlSafeDeep } from '../util/xmlSafe.ts';

/**
 * What templates see: the filing with every optional value present (null when absent), enum values
 * turned into Japanese labels, and one entry per applicable requirement. Plain JSON only, so that
 * Handlebars' prototype protections hold.
 */

const LABELS = {
  applicationKind: {
    'new-license': '一般港湾運送事業の許可申請',
    'plan-change-approval': '事業計画変更認可申請',
    'plan-change-notification': '事業計画変更届出',
  },
  terminalType: { container: 'コンテナ埠頭', 'ferry-roro': 'フェリー・RORO埠頭', bulk: 'バルク埠頭', other: 'その他' },
  applicantRole: { owner: '所有者', user: '使用者', 'owner-and-user': '所有者かつ使用者' },
  hosting: { 'on-premises': '自社設置（オンプレミス）', 'data-center': 'データセンター', cloud: 'クラウドサービス', hybrid: '併用' },
  connectionMethod: { vpn: 'VPN', 'leased-line': '専用線', nat: 'NAT', internet: 'インターネット', other: 'その他' },
  outsourcingScope: { development: '開発', maintenance: '保守', operation: '運用', cloud: 'クラウド', line: '回線' },
  contactKind: {
    'transport-bureau': '地方運輸局等',
    'port-manager': '港湾管理者',
    police: '都道府県警察',
    'security-vendor': 'セキュリティベンダー',
    'specialist-organization': 'セキュリティ専門機関',
    'tos-vendor': 'TOS保守・開発会社',
    other: 'その他',
  },
  status: {
    implemented: '実施済み',
    partial: '一部実施',
    planned: '実施予定',
    alternative: '代替措置',
    'not-applicable': '該当なし',
  },
  scope: { all: '全ての港', specified: '特定の港' },
} as const;

const FLAT_LABELS: Record<string, string> = Object.assign({}, ...Object.values(LABELS), ENUM_LABELS);

/** The Japanese label of an enum value (vpn → VPN, data-center → データセンター), if it has one. */
export function enumLabel(value: string): string | undefined {
  return FLAT_LABELS[value];
}

export interface DetailLine {
  label: string;
  value: string;
}

type Shape = Record<string, { meta(): { title?: string } | undefined; _zod: { def: { type: string; innerType?: unknown; element?: unknown; shape?: unknown } } }>;

function shapeOf(schema: unknown): Shape | undefined {
  let s = schema as Shape[string] | undefined;
  while (s && (s._zod.def.type === 'optional' || s._zod.def.type === 'array')) {
    s = (s._zod.def.innerType ?? s._zod.def.element) as Shape[string];
  }
  return s && s._zod.def.type === 'object' ? (s._zod.def.shape as Shape) : undefined;
}

function describeValue(value: unknown, schema: unknown): string {
  if (typeof value === 'boolean') return value ? 'あり' : 'なし';
  if (typeof value === 'string') return ENUM_LABELS[value] ?? (/^\d{4}-\d{2}-\d{2}$/.test(value) ? toWareki(value) : value);
  if (Array.isArray(value)) return value.map((v) => describeValue(v, schema)).join(typeof value[0] === 'object' ? '\n' : '、');
  if (value && typeof value === 'object') {
    const shape = shapeOf(schema);
    return Object.entries(value)
      .map(([k, v]) => {
        const label = shape?.[k]?.meta()?.title ?? k;
        return typeof v === 'boolean' ? `${label}：${v ? 'あり' : 'なし'}` : `${label}：${describeValue(v, shape?.[k])}`;
      })
      .join(typeof Object.values(value)[0] === 'object' ? '\n' : '／');
  }
  return String(value);
}

/** The item-specific facts of a measure as labelled lines, in schema order. */
export function detailLines(id: RequirementId, details: Record<string, unknown> | undefined): DetailLine[] {
  if (!details) return [];
  const shape = MEASURE_DETAILS[id].shape as unknown as Shape;
  return Object.keys(shape)
    .filter((key) => details[key] !== undefined)
    .map((key) => ({ label: shape[key]!.meta()?.title ?? key, value: describeValue(details[key], shape[key]) }));
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function requirementEntry(req: Requirement, index: number, filing: Filing, findings: readonly Finding[]) {
  const id = req.id as RequirementId;
  const measure = filing.measures[id] as Measure | undefined;
  const own = findings.filter((f) => f.requirementId === id);
  return {
    no: index + 1,
    section: `3-${index + 1}`,
    id,
    title: req.title,
    summary: req.summary,
    scope: req.scope,
    scopeLabel: LABELS.scope[req.scope],
    references: req.references.map((r) => formatReference(r)).join('、'),
    referencesShort: formatReferencesShort(req.references),
    present: measure !== undefined,
    status: measure?.status ?? null,
    statusLabel: measure ? LABELS.status[measure.status] : null,
    implemented: measure?.status === 'implemented',
    description: orNull(measure?.description),
    plannedDate: orNull(measure?.plannedDate),
    reason: orNull(measure?.reason),
    details: detailLines(id, measure?.details as Record<string, unknown> | undefined),
    gaps: own.filter((f) => f.severity === 'error').map((f) => f.message),
    reviews: own.filter((f) => f.severity === 'warning').map((f) => f.message),
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
      kindLabel: LABELS.applicationKind[application.kind],
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
        kindLabel: LABELS.contactKind[c.kind],
        name: c.name,
        department: orNull(c.department),
        phone: orNull(c.phone),
      })),
      auditor: organization.auditor ? { name: organization.auditor.name, independenceLabel: ENUM_LABELS[organization.auditor.independence] ?? '' } : null,
    },
    requirements,
    counts: {
      applicable: requirements.length,
      all: requirements.filter((r) => r.scope === 'all').length,
      specified: requirements.filter((r) => r.scope === 'specified').length,
    },
    generalGaps: general.filter((f) => f.severity === 'error').map((f) => `${f.path}：${f.message}`),
    generalReviews: general.filter((f) => f.severity === 'warning').map((f) => `${f.path}：${f.message}`),
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
    typeLabel: LABELS.terminalType[terminal.type],
    address: orNull(terminal.address),
    berths: orNull(terminal.berths),
    tos: {
      systemName: tos.systemName,
      product: orNull(tos.product),
      developer: tos.developer,
      inServiceSince: orNull(tos.inServiceSince),
      owner: tos.ownership.owner,
      applicantRoleLabel: LABELS.applicantRole[tos.ownership.applicantRole],
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
      hosting: { kindLabel: LABELS.hosting[tos.hosting.kind], location: tos.hosting.location, redundancy: orNull(tos.hosting.redundancy) },
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
        methodLabel: LABELS.connectionMethod[c.method],
        terminatingDevice: c.terminatingDevice,
        sourceRestriction: orNull(c.sourceRestriction),
        firewall: c.firewall,
      })),
      outsourcing: tos.outsourcing.map((o, i) => ({
        no: i + 1,
        vendor: o.vendor,
        scopeLabel: o.scope.map((s) => LABELS.outsourcingScope[s]).join('・'),
        remoteAccess: o.remoteAccess,
        contract: orNull(o.contract),
      })),
      removableMedia: { used: tos.removableMedia.used, useCases: tos.removableMedia.useCases ?? [] },
      manualOperation: tos.manualOperation,
    },
  };
}

export type TemplateContext = ReturnType<typeof contextOf>;
