import { REQUIREMENTS, type Requirement } from './requirements.ts';

/** The requirements that apply at a port: scope `all` everywhere, scope `specified` only at the five specified ports. */
export function requirementsFor(port: { specified: boolean }): Requirement[] {
  return REQUIREMENTS.filter((r) => r.scope === 'all' || port.specified);
}
