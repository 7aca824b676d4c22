import { type PortClassification, classifyPort } from '../catalog/classifyPort.ts';
import { PREFECTURES, findPrefecture } from '../catalog/prefectures.ts';
import { closest } from '../util/closest.ts';
import { type NotApplicableCondition, REQUIREMENTS, type Requirement } from '../catalog/requirements.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { type Filing, type Measure, type Terminal, filing as filingSchema } from '../model/filing.ts';
import { normalizeInput } from '../model/normalizeInput.ts';
import { type Key, fieldAt, parseAt } from '../model/schemaWalk.ts';
import { pathsWithBidiControl, pathsWithXmlIllegal } from '../util/xmlSafe.ts';
import { agentFindings, looksLikeOfficeFile } from './agentFindings.ts';
import { dependentNeedFindings, statusAsks } from './dependentNeeds.ts';
import { type Finding, finding, sortFindings } from './finding.ts';
import { plausibilityFindings } from './plausibility.ts';
import { schemaFindings } from './schemaFindings.ts';

export interface CheckResult {
  /** The filing, when it has the right shape (choices and dates already in canonical form). */
  filing: Filing | null;
  port: PortClassification | null;
  findings: Finding[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

// zod generates a parser per object schema (new Function) the first time it parses with it; for the one filing of
// a CLI build that costs more than it saves, so a process's first check parses without them (the same result)
let checks = 0;

/**
 * Every problem of a filing in one run: the shape first, and the rules for every part that has the right shape
 * even when another part does not (a typo in one measure does not hide a missing measure elsewhere).
 */
export function checkFiling(data: unknown): CheckResult {
  const input = normalizeInput(data);
  const parsed = filingSchema.safeParse(input, checks++ === 0 ? { jitless: true } : undefined);
  const textFindings = textCharacterFindings(input);
  if (parsed.success) return { filing: parsed.data, port: classifyPort(parsed.data.port.name), findings: sortFindings([...validate(parsed.data), ...textFindings]) };
  if (looksLikeOfficeFile(input)) return { filing: null, port: null, findings: [finding('error', 'OFFICE_FILE_NOT_FILING', [])] };
  const findings = schemaFindings(parsed.error.issues, input);
  const parts = partsThatParse(input);
  const port = parts.portName === null ? null : classifyPort(parts.portName);
  if (port && parts.portName !== null) findings.push(...portFindings({ name: parts.portName, unlisted: parts.unlisted, prefecture: parts.prefecture }, port));
  if (parts.terminals) findings.push(...terminalFindings(parts.terminals));
  if (port) findings.push(...measureFindings(parts.measures, port, parts.portName ?? '', { filingDate: parts.filingDate, terminals: parts.terminals }, findings));
  if (isRecord(input)) findings.push(...agentFindings(input.agent));
  // a field another value asks for is asked for at once, not only once the rest of its part is well formed
  findings.push(...dependentNeedFindings(input, new Set(findings.map((f) => f.path))));
  return { filing: null, port, findings: sortFindings([...findings, ...textFindings]) };
}

/** The parts of a filing that are well formed on their own, for judging a filing whose whole is not. */
function partsThatParse(input: unknown) {
  const root = isRecord(input) ? input : {};
  const port = isRecord(root.port) ? root.port : {};
  const application = isRecord(root.application) ? root.application : {};
  const namePart = parseAt(['port', 'name'], port.name);
  const datePart = parseAt(['application', 'filingDate'], application.filingDate);
  const terminalsPart = parseAt(['port', 'terminals'], port.terminals);
  const measures: MeasuresWritten = {};
  const rawMeasures = isRecord(root.measures) ? root.measures : {};
  for (const req of REQUIREMENTS) {
    if (!Object.hasOwn(rawMeasures, req.id)) continue;
    const part = parseAt(['measures', req.id], rawMeasures[req.id]);
    measures[req.id] = part.success ? (part.data as Measure) : BROKEN;
  }
  return {
    portName: namePart.success ? (namePart.data as string) : null,
    unlisted: port.unlisted === true,
    prefecture: typeof port.prefecture === 'string' ? port.prefecture : undefined,
    filingDate: datePart.success ? (datePart.data as string) : null,
    terminals: terminalsPart.success ? (terminalsPart.data as Terminal[]) : null,
    measures,
  };
}

export function validate(filing: Filing): Finding[] {
  const port = classifyPort(filing.port.name);
  return sortFindings([
    ...portFindings({ name: filing.port.name, unlisted: filing.port.unlisted === true, prefecture: filing.port.prefecture }, port),
    ...dependentNeedFindings(filing),
    ...terminalFindings(filing.port.terminals),
    ...organizationFindings(filing, port),
    ...agentFindings(filing.agent),
    ...measureFindings(filing.measures, port, filing.port.name, { filingDate: filing.application.filingDate, terminals: filing.port.terminals }, []),
    ...plausibilityFindings(filing, port),
  ]);
}

function textCharacterFindings(input: unknown): Finding[] {
  return [
    ...pathsWithXmlIllegal(input).map((path) => finding('warning', 'TEXT_CONTROL_CHARACTER', path)),
    ...pathsWithBidiControl(input).map((path) => finding('warning', 'TEXT_BIDI_CONTROL', path)),
  ];
}

function portFindings(written: { name: string; unlisted: boolean; prefecture?: string | undefined }, port: PortClassification): Finding[] {
  const input = written.name;
  const out: Finding[] = [];
  const prefecture = written.prefecture?.trim() ? written.prefecture : undefined;
  if (prefecture !== undefined && !findPrefecture(prefecture))
    out.push(finding('warning', 'PORT_PREFECTURE_UNKNOWN', ['port', 'prefecture'], { prefecture, suggestions: closest(prefecture.normalize('NFKC'), PREFECTURES.map((p) => p.name)) }));
  if (port.name === null) {
    if (!written.unlisted) return [...out, finding('error', 'PORT_UNKNOWN', ['port', 'name'], { input, suggestions: port.suggestions })];
    out.push(finding('info', 'PORT_UNLISTED', ['port', 'name'], { input, prefecture: prefecture ?? null }));
    // an unlisted name that looks like a registry port is most likely that port misspelt (and may be a specified one)
    if (port.suggestions.length) {
      const specified = port.suggestions.filter((name) => classifyPort(name).specified);
      out.push(finding('warning', 'PORT_UNLISTED_LOOKS_LIKE', ['port', 'name'], { input, suggestions: port.suggestions, specified }));
    }
    return out;
  }
  if (written.unlisted) out.push(finding('warning', 'PORT_UNLISTED_BUT_KNOWN', ['port', 'unlisted'], { input, name: port.name }));
  if (port.kind === 'not-designated') out.push(finding('warning', 'PORT_NOT_DESIGNATED', ['port', 'name'], { input, name: port.name, bureau: port.bureau, hint: port.hint }));
  return out;
}

function terminalFindings(terminals: readonly Terminal[]): Finding[] {
  const out: Finding[] = [];
  terminals.forEach((terminal, t) => {
    const base: Key[] = ['port', 'terminals', t];
    const tos = terminal.tos;
    if (terminal.type !== 'container') out.push(finding('info', 'TERMINAL_NOT_CONTAINER', [...base, 'type'], { name: terminal.name }));
    tos.externalConnections.forEach((connection, c) => {
      const path: Key[] = [...base, 'tos', 'externalConnections', c];
      const { counterparty, method } = connection;
      if ((method === 'leased-line' || method === 'nat') && !connection.firewall)
        out.push(finding('warning', 'CONNECTION_NO_FIREWALL', [...path, 'firewall'], { counterparty, method }));
    });
    if (!tos.manualOperation.possible)
      out.push(finding('warning', 'MANUAL_OPERATION_IMPOSSIBLE', [...base, 'tos', 'manualOperation', 'possible'], { name: terminal.name }, 'bcp-system-failure'));
  });
  return out;
}

function organizationFindings(filing: Filing, port: PortClassification): Finding[] {
  if (port.specified && !filing.organization.csirt) return [finding('warning', 'CSIRT_MISSING', ['organization', 'csirt'], {}, 'incident-response-organization')];
  return [];
}

/** How many items contradict a `not-applicable` condition (0 when the filing bears it out). */
function contradictionCount(terminals: readonly Terminal[], condition: NotApplicableCondition): number {
  switch (condition) {
    case 'no-external-connections':
      return terminals.reduce((n, t) => n + t.tos.externalConnections.length, 0);
    case 'no-removable-media':
      return terminals.filter((t) => t.tos.removableMedia.used).length;
    case 'no-outsourcing':
      return terminals.reduce((n, t) => n + t.tos.outsourcing.length, 0);
  }
}

/** A measure that is written but not well formed: the schema findings say what is wrong with it. */
const BROKEN = 'broken' as const;
type MeasuresWritten = Partial<Record<string, Measure | typeof BROKEN>>;

interface MeasureContext {
  filingDate: string | null;
  /** null when the terminals themselves are not well formed: contradictions cannot be judged then. */
  terminals: readonly Terminal[] | null;
}

function measureFindings(
  measures: MeasuresWritten,
  port: PortClassification,
  portInput: string,
  context: MeasureContext,
  already: readonly Finding[],
): Finding[] {
  const applicable = new Set(requirementsFor(port).map((r) => r.id));
  const portName = port.name ?? portInput;
  const out: Finding[] = [];
  for (const req of REQUIREMENTS) {
    const measure = measures[req.id];
    const path: Key[] = ['measures', req.id];
    if (!measure) {
      if (!applicable.has(req.id)) continue;
      const lowConfidence = req.confidence === 'low';
      out.push(finding(lowConfidence ? 'warning' : 'error', 'MEASURE_MISSING', path, { requirement: req.id, portName, lowConfidence }, req.id));
      continue;
    }
    if (measure === BROKEN || already.some((f) => f.requirementId === req.id)) continue;
    if (!applicable.has(req.id) && port.name !== null) out.push(finding('info', 'MEASURE_NOT_REQUIRED_HERE', path, { requirement: req.id, portName }, req.id));
    out.push(...measureRuleFindings(req, measure, path, context));
  }
  return out;
}

function measureRuleFindings(req: Requirement, measure: Measure, path: Key[], context: MeasureContext): Finding[] {
  const id = req.id;
  const out: Finding[] = [];
  const { status } = measure;
  const at = (key: string) => [...path, key];
  if (measure.importedFrom) out.push(finding('warning', 'MEASURE_IMPORTED', at('importedFrom'), { requirement: id, from: measure.importedFrom }, id));
  // a field the status asks for and that is blank: dependentNeeds.ts, the table the editor's badges come from
  if (statusAsks(status, 'plannedDate') && measure.plannedDate && context.filingDate && measure.plannedDate < context.filingDate)
    out.push(finding('warning', 'MEASURE_PLANNED_DATE_PAST', at('plannedDate'), { requirement: id, date: measure.plannedDate }, id));
  if (status === 'not-applicable') {
    if (!req.notApplicableWhen) out.push(finding('error', 'MEASURE_NOT_APPLICABLE_UNSUPPORTED', at('status'), { requirement: id }, id));
    else if (context.terminals) {
      const count = contradictionCount(context.terminals, req.notApplicableWhen);
      if (count) out.push(finding('error', 'MEASURE_NOT_APPLICABLE_CONTRADICTED', at('status'), { requirement: id, condition: req.notApplicableWhen, count }, id));
    }
  }
  if (status === 'implemented') {
    const details = (measure.details ?? {}) as Record<string, unknown>;
    const missing = req.keyDetails.filter((key) => details[key] === undefined);
    const fields = missing.map((key) => fieldAt([...path, 'details', key])?.title ?? key);
    if (missing.length) out.push(finding('warning', 'MEASURE_DETAIL_MISSING', at('details'), { requirement: id, fields, ...(measure.importedFrom ? { imported: true } : {}) }, id));
  }
  return out;
}
