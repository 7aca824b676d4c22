import type { PortClassification } from '../catalog/classifyPort.ts';
import type { FilingDiff } from '../diff/diffFilings.ts';
import { enumLabel } from '../model/enums.ts';
import type { Filing } from '../model/filing.ts';
import { xmlSafeDeep } from '../util/xmlSafe.ts';
import { templateContext } from './context.ts';
import { planSections } from './planSections.ts';
import { renderDocument } from './renderDocument.ts';
import type { CompiledTemplates } from './renderTemplates.ts';
import { compareSections } from './sectionDiff.ts';

export type { Segment } from './wordSegments.ts';

interface Side {
  filing: Filing;
  port: PortClassification;
}

/** A version of the plan as printed: the filing template's document, split into its numbered sections. */
function printedPlan(side: Side, templates: CompiledTemplates) {
  return planSections(renderDocument(templates, 'filing', templateContext(side.filing, side.port, [], false)));
}

const versionOf = (side: Side) => ({
  filingDate: side.filing.application.filingDate,
  kindLabel: enumLabel('applicationKind', side.filing.application.kind),
  port: side.port.name ?? side.filing.port.name,
});

/**
 * What diff.hbs sees: the review alerts in words, and the 新旧対照表 itself — both versions printed through the
 * same filing template and compared section by section, so that it shows the plan as it reads. The template
 * chooses the order of the columns (変更後 on the left, as laws are amended, by default).
 */
export function diffContext(before: Side, after: Side, diff: FilingDiff, templates: CompiledTemplates) {
  const comparison = compareSections(printedPlan(before, templates), printedPlan(after, templates));
  return xmlSafeDeep({
    title: '事業計画 新旧対照表（TOSの概要及び情報セキュリティの確保に関する事項）',
    date: after.filing.application.filingDate,
    applicant: after.filing.applicant.name,
    before: versionOf(before),
    after: versionOf(after),
    alerts: diff.alerts.map((a) => a.text.ja),
    rows: comparison.rows,
    changedSections: comparison.changedSections,
    unchanged: comparison.unchanged,
  });
}
