import { REQUIREMENT_IDS, type RequirementId } from '../catalog/requirements.ts';
import { ENUMS, type EnumName, enumLabel, enumValueFor } from '../model/enums.ts';
import { registrationNumberText } from '../model/agentRegistration.ts';
import { normalizeInput } from '../model/normalizeInput.ts';

/**
 * What an examiner reads off a filing besides the measures' marks: to whom it is addressed, what kind of
 * application it is, who filed it on the applicant's behalf, and what each measure says it does. Read from the
 * data as written (after the usual normalisation), so that a filing that does not parse as a whole still shows them.
 */

export interface AgentFacts {
  /** 行政書士, 弁護士, その他 (the label, never the value). */
  qualification: string | null;
  name: string | null;
  office: string | null;
  registrationNumber: string | null;
}

export interface FilingFacts {
  addressee: string | null;
  /** 申請区分 as its label: 事業計画変更届出. */
  kind: string | null;
  agent: AgentFacts | null;
  /** The text of 講じている措置 of each measure that has one. */
  substance: Partial<Record<RequirementId, string>>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const textOf = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const labelOf = (name: EnumName, v: unknown) => {
  const text = textOf(v);
  if (text === null) return null;
  const value = enumValueFor(name, text);
  return value === undefined ? text : enumLabel(name, value as never);
};

export const NO_FACTS: FilingFacts = { addressee: null, kind: null, agent: null, substance: {} };

export function filingFacts(data: unknown): FilingFacts {
  const filing = normalizeInput(data);
  if (!isRecord(filing)) return NO_FACTS;
  const application = isRecord(filing.application) ? filing.application : {};
  const agent = isRecord(filing.agent) ? filing.agent : null;
  const measures = isRecord(filing.measures) ? filing.measures : {};
  const substance: Partial<Record<RequirementId, string>> = {};
  for (const id of REQUIREMENT_IDS) {
    const measure = Object.hasOwn(measures, id) ? measures[id] : undefined;
    const text = isRecord(measure) ? textOf(measure.description) : null;
    if (text !== null) substance[id] = text;
  }
  return {
    addressee: textOf(application.addressee),
    kind: labelOf('applicationKind', application.kind),
    agent: agent && {
      qualification: labelOf('agentQualification', agent.qualification),
      name: textOf(agent.name),
      office: textOf(agent.office),
      // as the cover prints it: 第12345678号 however the digits were written
      registrationNumber: registrationOf(agent.qualification, textOf(agent.registrationNumber)),
    },
    substance,
  };
}

function registrationOf(qualification: unknown, written: string | null): string | null {
  if (written === null || typeof qualification !== 'string' || !Object.hasOwn(ENUMS.agentQualification, qualification)) return written;
  return registrationNumberText(qualification as keyof typeof ENUMS.agentQualification, written);
}

/** The agent in one line: 行政書士　山田花子（山田行政書士事務所、登録番号 第12345号）. */
export function agentLine(agent: AgentFacts | null): string {
  if (!agent) return '';
  const who = [agent.qualification, agent.name].filter(Boolean).join('　');
  const where = [agent.office, agent.registrationNumber && `登録番号 ${agent.registrationNumber}`].filter(Boolean).join('、');
  return where ? `${who}（${where}）` : who;
}

/** The first characters of a text, on one line, with … where it was cut. */
export function opening(text: string | undefined, length: number): string {
  if (!text) return '';
  const line = text.replace(/\s*\n\s*/g, ' ');
  const chars = [...line];
  return chars.length <= length ? line : `${chars.slice(0, length).join('')}…`;
}
