import { classifyPort, type PortClassification } from '../catalog/classifyPort.ts';
import { REQUIREMENTS } from '../catalog/requirements.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { type PlanText, placeOf } from '../readers/plan/screening.ts';
import type { SourceRead } from '../readers/readSource.ts';
import { CELL, type ReviewRow, emptyCells } from '../review/reviewFilings.ts';
import { filingFacts } from '../review/filingFacts.ts';
import { type CoverRead, type RequirementMatch, matchRequirements, readCover } from '../screen/index.ts';
import { countBySeverity, type Finding, finding, sortFindings } from '../validate/finding.ts';
import { ENUMS } from '../model/enums.ts';
import { kindOf, planDraft } from './planDraft.ts';

export type { CoverRead, RequirementMatch };

/**
 * A plan tos-filing did not make, read and screened: its text blocks, the requirements its text describes (the
 * matcher of src/screen/) and what its cover states. What the screening found is an estimate from the text, never
 * what the applicant declared.
 */
export interface HandTypedPlan extends PlanText {
  matches: RequirementMatch[];
  cover: CoverRead;
}

export function screenPlan(text: PlanText): HandTypedPlan {
  const cover = readCover(text.blocks);
  return { ...text, matches: matchRequirements(text.blocks, { writtenOn: cover.date?.value }), cover };
}

/** The file name without its folders, as a draft names its source. */
const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** A read of a hand-typed plan, screened: its data becomes the draft filing made from what was found. */
export function screenRead(read: SourceRead): SourceRead {
  const text = read.ok ? read.carrier?.handTyped : undefined;
  if (!read.ok || !text) return read;
  return { ...read, data: planDraft(screenPlan(text), baseName(read.file)).data };
}

/**
 * What `validate` and `review` say of a plan tos-filing did not make: a screening of its text, never a judgement of
 * data the applicant declared. Each requirement that applies at the port (all ports' when the port was not read)
 * is found in the text (info, quoting the passage and its page) or not found (an error, as a missing measure is;
 * a warning for the items the guideline leaves unclear). The port is the one the cover names.
 */

/** The passage as a finding quotes it: one line, at most 80 characters. */
export function quote(passage: string): string {
  const line = passage.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

export interface Screening {
  port: PortClassification | null;
  findings: Finding[];
  /** Requirements found in the text, and those that apply and were not. */
  found: Set<string>;
  applicable: Set<string>;
}

export function screenFindings(text: PlanText): Screening {
  const plan = 'matches' in text ? (text as HandTypedPlan) : screenPlan(text);
  const portRead = plan.cover.port ? classifyPort(plan.cover.port.value) : null;
  const known = portRead !== null && portRead.name !== null;
  const applicable = new Set(requirementsFor({ specified: known && portRead.specified }).map((r) => r.id));
  const out: Finding[] = [finding('info', 'PLAN_SCREENED', [], { format: plan.format, found: plan.matches.length })];
  if (!known) out.push(finding('warning', 'PLAN_PORT_UNREAD', ['port', 'name'], { input: plan.cover.port?.value ?? '' }));
  if (!plan.matches.length) out.push(finding('error', 'PLAN_NO_REQUIREMENT', [], { format: plan.format }));
  const found = new Set<string>();
  for (const req of REQUIREMENTS) {
    const match = plan.matches.find((m) => m.requirement === req.id);
    if (match) {
      found.add(req.id);
      out.push(finding('info', 'PLAN_REQUIREMENT_FOUND', ['measures', req.id], { requirement: req.id, place: placeOf(plan, match), passage: quote(match.passage) }, req.id));
    } else if (applicable.has(req.id) && plan.matches.length) {
      const low = req.confidence === 'low';
      out.push(finding(low ? 'warning' : 'error', 'PLAN_REQUIREMENT_NOT_FOUND', ['measures', req.id], { requirement: req.id, lowConfidence: low }, req.id));
    }
  }
  return { port: portRead, findings: sortFindings(out), found, applicable };
}

/** The review row of a hand-typed plan: ○ for a requirement its text describes, ✗ for one that applies and is not found. */
export function screenedRow(file: string, text: PlanText, draft: unknown): ReviewRow {
  const plan = screenPlan(text);
  const { port, findings, found, applicable } = screenFindings(plan);
  const counts = countBySeverity(findings);
  const cells = emptyCells();
  for (const req of REQUIREMENTS) cells[req.id] = found.has(req.id) ? CELL.screened : applicable.has(req.id) ? CELL.missing : CELL.blank;
  return {
    file,
    state: 'ok',
    operator: plan.cover.applicant?.name?.value ?? null,
    port: port?.name ?? plan.cover.port?.value ?? null,
    specified: port && port.name !== null ? port.specified : null,
    errors: counts.error,
    warnings: counts.warning,
    cells,
    findings,
    problem: null,
    filingDate: plan.cover.date?.value ?? null,
    ...filingFacts(draft),
    addressee: plan.cover.addressee?.value ?? null,
    // the kind the document names, never init's default that the draft holds
    kind: (() => {
      const stated = kindOf(plan);
      return stated ? ENUMS.applicationKind[stated.kind] : null;
    })(),
    otherBureau: null,
    screened: true,
  };
}
