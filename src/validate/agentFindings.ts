import { type AgentQualification, REGISTRATION_RULES, isPossibleRegistration } from '../model/agentRegistration.ts';
import { ENUMS } from '../model/enums.ts';
import { fieldAt } from '../model/schemaWalk.ts';
import { type Finding, type FindingParams, finding } from './finding.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isQualification = (v: unknown): v is AgentQualification => typeof v === 'string' && Object.hasOwn(ENUMS.agentQualification, v);

/** The facts of AGENT_NAME_MISSING: the qualification, when the agent gives one (the message names it). */
export function agentNameParams(agent: unknown): FindingParams {
  const qualification = isRecord(agent) && isQualification(agent.qualification) ? agent.qualification : null;
  return { qualification };
}

/**
 * The checks on the 代理人 beyond its shape (a missing 氏名 is found with the shape, schemaFindings.ts): a 登録番号
 * that the qualification's register could not have issued. Reads the agent part as normalised input, so that it
 * runs whether or not the rest of the filing is well formed.
 */
export function agentFindings(agent: unknown): Finding[] {
  if (!isRecord(agent) || !isQualification(agent.qualification)) return [];
  const written = agent.registrationNumber;
  if (typeof written !== 'string' || written.trim() === '') return [];
  const qualification = agent.qualification;
  if (isPossibleRegistration(qualification, written)) return [];
  const rule = REGISTRATION_RULES[qualification];
  return [finding('error', 'AGENT_REGISTRATION_NUMBER_INVALID', ['agent', 'registrationNumber'], { input: written.trim(), qualification, label: rule.label, expected: rule.expected })];
}

/**
 * Whether data given as a filing is an office file (`build --agent`): only the agent's fields at the top, or
 * only an `agent:` part. Such a file is told as what it is, not as a filing that lacks every part.
 */
export function looksLikeOfficeFile(data: unknown): boolean {
  if (!isRecord(data)) return false;
  const keys = Object.keys(data);
  if (keys.length === 1 && keys[0] === 'agent') return isRecord(data.agent);
  const fields = fieldAt(['agent'])?.fields ?? [];
  return keys.length > 0 && keys.every((k) => fields.includes(k));
}
