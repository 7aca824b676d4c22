import { classifyPort, type PortClassification } from '../catalog/classifyPort.ts';
import { REQUIREMENTS } from '../catalog/requirements.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { type HandTypedPlan, placeOf } from '../readers/plan/screening.ts';
import { type Finding, finding, sortFindings } from '../validate/finding.ts';

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

export function screenFindings(plan: HandTypedPlan): Screening {
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
