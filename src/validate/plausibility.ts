import type { PortClassification } from '../catalog/classifyPort.ts';
import { BUREAUS, addresseeOf } from '../catalog/ports.ts';
import { bureausOf, findPrefecture } from '../catalog/prefectures.ts';
import { REQUIREMENTS } from '../catalog/requirements.ts';
import type { Filing } from '../model/filing.ts';
import { fieldAt } from '../model/schemaWalk.ts';
import { type Finding, finding } from './finding.ts';

/**
 * Checks an examiner makes by eye: whether the filing is addressed to the bureau competent for its port, whether
 * removable media in use have a stated purpose, whether the outsourcing contract has every clause the guideline
 * asks for, and whether planned measures fall after the date the filing itself aims at.
 */
export function plausibilityFindings(filing: Filing, port: PortClassification): Finding[] {
  return [...addresseeFindings(filing, port), ...removableMediaFindings(filing), ...contractFindings(filing), ...targetDateFindings(filing)];
}

const fold = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '');

function addresseeFindings(filing: Filing, port: PortClassification): Finding[] {
  if (!port.name) return unlistedAddresseeFindings(filing);
  if (!port.bureau) return [];
  const addressee = filing.application.addressee;
  const written = fold(addressee);
  if (written.includes(port.bureau)) return [];
  const path = ['application', 'addressee'];
  const params = { addressee, portName: port.name, expected: addresseeOf(port.bureau) };
  const named = BUREAUS.find((b) => written.includes(b));
  return named
    ? [finding('warning', 'ADDRESSEE_WRONG_BUREAU', path, { ...params, named })]
    : [finding('warning', 'ADDRESSEE_NO_BUREAU', path, params)];
}

/** A port outside the registry, with its 都道府県 written: the addressee should be that prefecture's bureau. */
function unlistedAddresseeFindings(filing: Filing): Finding[] {
  const pref = filing.port.unlisted === true && filing.port.prefecture ? findPrefecture(filing.port.prefecture) : undefined;
  if (!pref) return [];
  const addressee = filing.application.addressee;
  const written = fold(addressee);
  const bureaus = bureausOf(pref);
  if (bureaus.some((b) => written.includes(b))) return [];
  const named = BUREAUS.find((b) => written.includes(b)) ?? null;
  return [
    finding('warning', 'ADDRESSEE_NOT_PREFECTURE_BUREAU', ['application', 'addressee'], {
      addressee,
      prefecture: pref.name,
      expected: addresseeOf(pref.bureau),
      alsoBureau: pref.also?.bureau ?? null,
      alsoWhere: pref.also?.where ?? null,
      named,
    }),
  ];
}

function removableMediaFindings(filing: Filing): Finding[] {
  return filing.port.terminals.flatMap((terminal, t) =>
    terminal.tos.removableMedia.used && !terminal.tos.removableMedia.useCases?.length
      ? [finding('warning', 'REMOVABLE_MEDIA_PURPOSE_MISSING', ['port', 'terminals', t, 'tos', 'removableMedia', 'useCases'], { name: terminal.name })]
      : [],
  );
}

const CONTRACT_CLAUSES = ['securityMeasures', 'confidentiality', 'failureHandling', 'nonPerformance'] as const;

function contractFindings(filing: Filing): Finding[] {
  const id = 'outsourcing-security-contract';
  const measure = filing.measures[id];
  const clauses = measure?.details?.contractClauses;
  if (!measure || measure.status !== 'implemented' || !clauses) return [];
  const path = ['measures', id, 'details', 'contractClauses'];
  const missing = CONTRACT_CLAUSES.filter((c) => clauses[c] !== true).map((c) => fieldAt([...path, c])?.title ?? c);
  return missing.length ? [finding('warning', 'CONTRACT_CLAUSE_MISSING', path, { requirement: id, clauses: missing }, id)] : [];
}

function targetDateFindings(filing: Filing): Finding[] {
  const target = filing.application.effectiveDate;
  if (!target) return [];
  const out: Finding[] = [];
  for (const req of REQUIREMENTS) {
    const measure = filing.measures[req.id];
    if (measure?.status === 'planned' && measure.plannedDate && measure.plannedDate > target)
      out.push(
        finding('warning', 'MEASURE_PLANNED_AFTER_TARGET', ['measures', req.id, 'plannedDate'], { requirement: req.id, date: measure.plannedDate, target, kind: filing.application.kind }, req.id),
      );
  }
  return out;
}
