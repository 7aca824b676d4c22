import { classifyPort, type PortClassification } from '../catalog/classifyPort.ts';
import { REQUIREMENTS, type NotApplicableCondition, type Requirement, type RequirementId } from '../catalog/requirements.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { filing as filingSchema, type Filing, type Measure } from '../model/filing.ts';
import { type Finding, SEVERITY_ORDER, formatPath } from './finding.ts';
import { pathsWithXmlIllegal } from '../util/xmlSafe.ts';
import { messages } from './messages.ts';
import { say } from '../i18n/lang.ts';
import { MEASURE_DETAILS } from '../model/measureDetails.ts';
import { schemaFindings } from './schemaFindings.ts';

export interface CheckResult {
  filing: Filing | null;
  port: PortClassification | null;
  findings: Finding[];
}

/** Schema first; only a filing that has the right shape is judged by the rules. */
export function checkFiling(data: unknown): CheckResult {
  const parsed = filingSchema.safeParse(data);
  if (!parsed.success) {
    const rawPort = (data as { port?: { name?: unknown } } | null)?.port?.name;
    return {
      filing: null,
      port: typeof rawPort === 'string' ? classifyPort(rawPort) : null,
      findings: schemaFindings(filingSchema, parsed.error.issues, data),
    };
  }
  return { filing: parsed.data, port: portOf(parsed.data), findings: validate(parsed.data) };
}

/** The port classification used for applicability. An unknown port counts as general only when the filing confirms it. */
export function portOf(filing: Filing): PortClassification {
  return classifyPort(filing.port.name);
}

export function validate(filing: Filing): Finding[] {
  const port = portOf(filing);
  const findings = [
    ...portFindings(filing, port),
    ...applicationFindings(filing),
    ...terminalFindings(filing),
    ...organizationFindings(filing, port),
    ...measureFindings(filing, port),
    ...pathsWithXmlIllegal(filing).map((path) =>
      finding('warning', 'TEXT_CONTROL_CHARACTER', formatPath(path), messages.TEXT_CONTROL_CHARACTER()),
    ),
  ];
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function finding(
  severity: Finding['severity'],
  code: string,
  path: string,
  message: string,
  requirementId: string | null = null,
): Finding {
  return { severity, code, requirementId, path, message };
}

function portFindings(filing: Filing, port: PortClassification): Finding[] {
  const input = filing.port.name;
  if (port.name === null) {
    return filing.port.unlisted
      ? [finding('info', 'PORT_UNLISTED', 'port.name', messages.PORT_UNLISTED({ input }))]
      : [finding('error', 'PORT_UNKNOWN', 'port.name', messages.PORT_UNKNOWN({ input, suggestions: port.suggestions }))];
  }
  if (filing.port.unlisted) {
    return [finding('warning', 'PORT_UNLISTED_BUT_KNOWN', 'port.unlisted', messages.PORT_UNLISTED_BUT_KNOWN({ input, name: port.name }))];
  }
  return [];
}

function applicationFindings(filing: Filing): Finding[] {
  if (filing.application.kind === 'new-license') return [];
  const out: Finding[] = [];
  if (!filing.applicant.existingLicense)
    out.push(finding('error', 'LICENSE_MISSING', 'applicant.existingLicense', messages.LICENSE_MISSING()));
  if (!filing.application.changeSummary)
    out.push(finding('warning', 'CHANGE_SUMMARY_MISSING', 'application.changeSummary', messages.CHANGE_SUMMARY_MISSING()));
  return out;
}

function terminalFindings(filing: Filing): Finding[] {
  const out: Finding[] = [];
  filing.port.terminals.forEach((terminal, t) => {
    const base = `port.terminals[${t}]`;
    const tos = terminal.tos;
    if (terminal.type !== 'container')
      out.push(finding('info', 'TERMINAL_NOT_CONTAINER', `${base}.type`, messages.TERMINAL_NOT_CONTAINER({ name: terminal.name })));
    if (tos.ownership.applicantRole === 'user' && !tos.ownership.assurance)
      out.push(
        finding(
          'error',
          'TOS_OWNER_ASSURANCE_MISSING',
          `${base}.tos.ownership.assurance`,
          messages.TOS_OWNER_ASSURANCE_MISSING({ owner: tos.ownership.owner }),
        ),
      );
    tos.externalConnections.forEach((connection, c) => {
      const path = `${base}.tos.externalConnections[${c}]`;
      const { counterparty, method } = connection;
      if ((method === 'vpn' || method === 'internet') && !connection.sourceRestriction)
        out.push(
          finding(
            'error',
            'CONNECTION_SOURCE_UNRESTRICTED',
            `${path}.sourceRestriction`,
            messages.CONNECTION_SOURCE_UNRESTRICTED({ counterparty, method }),
            'ext-source-ip-restriction',
          ),
        );
      if ((method === 'leased-line' || method === 'nat') && !connection.firewall)
        out.push(finding('warning', 'CONNECTION_NO_FIREWALL', `${path}.firewall`, messages.CONNECTION_NO_FIREWALL({ counterparty, method })));
    });
    if (!tos.manualOperation.possible)
      out.push(
        finding(
          'warning',
          'MANUAL_OPERATION_IMPOSSIBLE',
          `${base}.tos.manualOperation.possible`,
          messages.MANUAL_OPERATION_IMPOSSIBLE({ name: terminal.name }),
          'bcp-system-failure',
        ),
      );
  });
  return out;
}

function organizationFindings(filing: Filing, port: PortClassification): Finding[] {
  if (port.specified && !filing.organization.csirt)
    return [finding('warning', 'CSIRT_MISSING', 'organization.csirt', messages.CSIRT_MISSING(), 'incident-response-organization')];
  return [];
}

/** What the filing itself shows, for judging a `not-applicable` measure. Returns why the condition fails, or null. */
function contradictionOf(filing: Filing, condition: NotApplicableCondition): string | null {
  const terminals = filing.port.terminals;
  switch (condition) {
    case 'no-external-connections': {
      const count = terminals.reduce((n, t) => n + t.tos.externalConnections.length, 0);
      return count ? say({ ja: `TOSの概要に外部接続が${count}件記載されています`, en: `the TOS overview lists ${count} external connection(s)` }) : null;
    }
    case 'no-removable-media':
      return terminals.some((t) => t.tos.removableMedia.used)
        ? say({ ja: 'TOSの概要で外部記憶媒体を使用するとされています', en: 'the TOS overview says removable media are used' })
        : null;
    case 'no-outsourcing': {
      const count = terminals.reduce((n, t) => n + t.tos.outsourcing.length, 0);
      return count ? say({ ja: `TOSの概要に外部委託が${count}件記載されています`, en: `the TOS overview lists ${count} outsourcing contract(s)` }) : null;
    }
  }
}

function measureFindings(filing: Filing, port: PortClassification): Finding[] {
  const applicable = new Set(requirementsFor(port).map((r) => r.id));
  const portName = port.name ?? filing.port.name;
  const out: Finding[] = [];
  for (const req of REQUIREMENTS) {
    const id = req.id as RequirementId;
    const measure = filing.measures[id] as Measure | undefined;
    const path = `measures.${id}`;
    if (!measure) {
      if (!applicable.has(id)) continue;
      out.push(
        req.confidence === 'low'
          ? finding('warning', 'MEASURE_MISSING', path, messages.MEASURE_MISSING_LOW_CONFIDENCE({ id, portName }), id)
          : finding('error', 'MEASURE_MISSING', path, messages.MEASURE_MISSING({ id, portName }), id),
      );
      continue;
    }
    if (!applicable.has(id) && port.name !== null) out.push(finding('info', 'MEASURE_NOT_REQUIRED_HERE', path, messages.MEASURE_NOT_REQUIRED_HERE({ id, portName }), id));
    out.push(...measureRuleFindings(filing, req, measure, path));
  }
  return out;
}

function measureRuleFindings(filing: Filing, req: Requirement, measure: Measure, path: string): Finding[] {
  const id = req.id;
  const out: Finding[] = [];
  const { status } = measure;
  if (status !== 'not-applicable' && !measure.description)
    out.push(finding('error', 'MEASURE_DESCRIPTION_MISSING', `${path}.description`, messages.MEASURE_DESCRIPTION_MISSING({ id }), id));
  if (status === 'planned') {
    if (!measure.plannedDate)
      out.push(finding('error', 'MEASURE_PLANNED_DATE_MISSING', `${path}.plannedDate`, messages.MEASURE_PLANNED_DATE_MISSING({ id }), id));
    else if (measure.plannedDate < filing.application.filingDate)
      out.push(
        finding('warning', 'MEASURE_PLANNED_DATE_PAST', `${path}.plannedDate`, messages.MEASURE_PLANNED_DATE_PAST({ id, date: measure.plannedDate }), id),
      );
  }
  if ((status === 'partial' || status === 'alternative' || status === 'not-applicable') && !measure.reason)
    out.push(finding('error', 'MEASURE_REASON_MISSING', `${path}.reason`, messages.MEASURE_REASON_MISSING({ id, status }), id));
  if (status === 'not-applicable') {
    if (!req.notApplicableWhen) {
      out.push(finding('error', 'MEASURE_NOT_APPLICABLE_UNSUPPORTED', `${path}.status`, messages.MEASURE_NOT_APPLICABLE_UNSUPPORTED({ id }), id));
    } else {
      const evidence = contradictionOf(filing, req.notApplicableWhen);
      if (evidence)
        out.push(
          finding(
            'error',
            'MEASURE_NOT_APPLICABLE_CONTRADICTED',
            `${path}.status`,
            messages.MEASURE_NOT_APPLICABLE_CONTRADICTED({ id, condition: req.notApplicableWhen, evidence }),
            id,
          ),
        );
    }
  }
  if (status === 'implemented') {
    const details = (measure.details ?? {}) as Record<string, unknown>;
    const shape = MEASURE_DETAILS[id as RequirementId].shape as Record<string, { meta(): { title?: string } | undefined }>;
    const missing = req.keyDetails.filter((key) => details[key] === undefined);
    const fields = missing.map((key) => `${key}（${shape[key]?.meta()?.title ?? key}）`);
    if (missing.length)
      out.push(finding('warning', 'MEASURE_DETAIL_MISSING', `${path}.details`, messages.MEASURE_DETAIL_MISSING({ id, fields }), id));
  }
  return out;
}
