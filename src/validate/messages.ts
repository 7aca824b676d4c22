import { formatReference, requirementById } from '../catalog/requirements.ts';
import { say, lang } from '../i18n/lang.ts';

/** Where to read in the guideline for a requirement: "セキュリティ責任者編 1.2.1 資産の特定". */
export function guidelineSection(requirementId: string): string {
  const req = requirementById(requirementId);
  return req ? req.references.map((r) => formatReference(r, lang())).join(lang() === 'ja' ? '、' : '; ') : '';
}

function requirementLabel(requirementId: string): string {
  const req = requirementById(requirementId);
  return req ? `${requirementId}（${req.title}）` : requirementId;
}

const quoteList = (items: readonly string[]) => items.map((s) => `「${s}」`).join(lang() === 'ja' ? '、' : ', ');

export const messages = {
  MEASURE_MISSING: (p: { id: string; portName: string }) =>
    say({
      ja: `${requirementLabel(p.id)}の措置が記載されていません。${p.portName}では記載が必要です。ガイドライン：${guidelineSection(p.id)}`,
      en: `No measure is given for ${p.id}; it is mandatory at ${p.portName}. Guideline: ${guidelineSection(p.id)}`,
    }),
  MEASURE_MISSING_LOW_CONFIDENCE: (p: { id: string; portName: string }) =>
    say({
      ja: `${requirementLabel(p.id)}の措置が記載されていません。強制要件かどうかがガイドライン上明確でない項目ですが、記載をお勧めします。ガイドライン：${guidelineSection(p.id)}`,
      en: `No measure is given for ${p.id}. Whether it is mandatory is unclear in the guideline, but stating it is recommended. Guideline: ${guidelineSection(p.id)}`,
    }),
  MEASURE_NOT_REQUIRED_HERE: (p: { id: string; portName: string }) =>
    say({
      ja: `${p.id}は特定の港（京浜港・名古屋港・大阪港・神戸港・博多港）でのみ強制要件です。${p.portName}では任意の記載として扱います。`,
      en: `${p.id} is mandatory only at the five specified ports; at ${p.portName} it is an optional statement.`,
    }),
  MEASURE_DESCRIPTION_MISSING: (p: { id: string }) =>
    say({
      ja: `${requirementLabel(p.id)}：講じている措置（description）を記載してください。`,
      en: `${p.id}: describe the measure in place (description).`,
    }),
  MEASURE_PLANNED_DATE_MISSING: (p: { id: string }) =>
    say({
      ja: `${requirementLabel(p.id)}：実施予定（planned）の措置には実施予定日（plannedDate）が必要です。`,
      en: `${p.id}: a planned measure needs a planned date (plannedDate).`,
    }),
  MEASURE_PLANNED_DATE_PAST: (p: { id: string; date: string }) =>
    say({
      ja: `${requirementLabel(p.id)}：実施予定日 ${p.date} が申請日より前です。実施済みであれば status を implemented にしてください。`,
      en: `${p.id}: the planned date ${p.date} is before the filing date; if it is done, set status to implemented.`,
    }),
  MEASURE_REASON_MISSING: (p: { id: string; status: string }) =>
    say({
      ja: `${requirementLabel(p.id)}：実施状況が ${p.status} の場合は理由（reason）が必要です。`,
      en: `${p.id}: status ${p.status} needs a reason (reason).`,
    }),
  MEASURE_NOT_APPLICABLE_UNSUPPORTED: (p: { id: string }) =>
    say({
      ja: `${requirementLabel(p.id)}は、TOSを使用する限り該当しないとすることはできません。措置を記載してください。ガイドライン：${guidelineSection(p.id)}`,
      en: `${p.id} cannot be marked not applicable for a TOS in use; describe the measure. Guideline: ${guidelineSection(p.id)}`,
    }),
  MEASURE_NOT_APPLICABLE_CONTRADICTED: (p: { id: string; condition: string; evidence: string }) =>
    say({
      ja: `${requirementLabel(p.id)}を「該当なし」とするには${conditionJa(p.condition)}必要がありますが、${p.evidence}。`,
      en: `${p.id} can be not applicable only when ${conditionEn(p.condition)}, but ${p.evidence}.`,
    }),
  MEASURE_DETAIL_MISSING: (p: { id: string; fields: string[] }) =>
    say({
      ja: `${requirementLabel(p.id)}：審査で確認される事項 ${quoteList(p.fields)} が details に記載されていません。`,
      en: `${p.id}: details lack ${p.fields.join(', ')}, which examiners look for.`,
    }),
  CONNECTION_SOURCE_UNRESTRICTED: (p: { counterparty: string; method: string }) =>
    say({
      ja: `外部接続「${p.counterparty}」（${p.method}）に接続元の制限（sourceRestriction）が記載されていません。接続元IPアドレスの指定等により接続元を限定する必要があります。ガイドライン：${guidelineSection('ext-source-ip-restriction')}`,
      en: `External connection "${p.counterparty}" (${p.method}) has no source restriction (sourceRestriction); the sources must be limited, e.g. by IP address. Guideline: ${guidelineSection('ext-source-ip-restriction')}`,
    }),
  CONNECTION_NO_FIREWALL: (p: { counterparty: string; method: string }) =>
    say({
      ja: `外部接続「${p.counterparty}」（${p.method}）にファイアウォールがありません。専用線・NATによる接続でもファイアウォールの設置が望ましいとされています（システム構築・運用者編 2.2.1）。`,
      en: `External connection "${p.counterparty}" (${p.method}) has no firewall; the guideline recommends one for leased lines and NAT too (SO 2.2.1).`,
    }),
  TOS_OWNER_ASSURANCE_MISSING: (p: { owner: string }) =>
    say({
      ja: `TOSの所有者（${p.owner}）が申請者と異なりますが、所有者が講じる情報セキュリティ対策をどのように担保するか（ownership.assurance：契約・覚書等）が記載されていません。`,
      en: `The TOS is owned by ${p.owner}, not the applicant, but how the owner's security measures are assured (ownership.assurance: contract, memorandum…) is not stated.`,
    }),
  PORT_UNKNOWN: (p: { input: string; suggestions: string[] }) =>
    say({
      ja:
        `港名「${p.input}」は登録簿にありません。` +
        (p.suggestions.length ? `もしかして ${quoteList(p.suggestions)} ですか。` : '') +
        '特定の港かどうかを判定できないため、港名を正しく記載するか、登録簿にない一般の港であれば port.unlisted: true を記載してください。',
      en:
        `Port "${p.input}" is not in the registry.` +
        (p.suggestions.length ? ` Did you mean ${p.suggestions.join(', ')}?` : '') +
        ' Whether it is a specified port cannot be told: correct the name, or set port.unlisted: true for a general port not in the registry.',
    }),
  PORT_UNLISTED: (p: { input: string }) =>
    say({
      ja: `港名「${p.input}」は登録簿にない一般の港として扱います（特定の港の要件は適用しません）。`,
      en: `Port "${p.input}" is treated as a general port not in the registry (specified-port items do not apply).`,
    }),
  PORT_UNLISTED_BUT_KNOWN: (p: { input: string; name: string }) =>
    say({
      ja: `港名「${p.input}」は登録簿の「${p.name}」です。port.unlisted は不要です。`,
      en: `Port "${p.input}" is ${p.name} in the registry; port.unlisted is not needed.`,
    }),
  TERMINAL_NOT_CONTAINER: (p: { name: string }) =>
    say({
      ja: `ターミナル「${p.name}」はコンテナターミナルではありません。TOSの概要等の記載はコンテナ埠頭について求められるものです。`,
      en: `Terminal "${p.name}" is not a container terminal; the TOS statement is required for container terminals.`,
    }),
  LICENSE_MISSING: () =>
    say({
      ja: '事業計画の変更では、現に受けている許可（applicant.existingLicense）を記載してください。',
      en: 'A business-plan change needs the existing licence (applicant.existingLicense).',
    }),
  CHANGE_SUMMARY_MISSING: () =>
    say({
      ja: '事業計画の変更では、変更の概要（application.changeSummary）を記載してください。',
      en: 'A business-plan change should summarise the change (application.changeSummary).',
    }),
  CSIRT_MISSING: () =>
    say({
      ja: `特定の港ではインシデント対応体制（CSIRT等）が必要ですが、organization.csirt が記載されていません。ガイドライン：${guidelineSection('incident-response-organization')}`,
      en: `At a specified port an incident-response team (CSIRT or equivalent) is required, but organization.csirt is missing. Guideline: ${guidelineSection('incident-response-organization')}`,
    }),
  MANUAL_OPERATION_IMPOSSIBLE: (p: { name: string }) =>
    say({
      ja: `ターミナル「${p.name}」ではTOS停止時に荷役を継続できないとされています。BCPでTOSを利用しない荷役等の手順を整理することが求められます（セキュリティ責任者編 1.8.2 ウ）。`,
      en: `Terminal "${p.name}" cannot continue cargo handling without the TOS; the BCP should set out procedures without the system (SR 1.8.2 ウ).`,
    }),
  TEXT_CONTROL_CHARACTER: () =>
    say({
      ja: '表示できない制御文字が含まれています。書類では削除して出力します。',
      en: 'The text holds control characters that cannot be printed; the documents leave them out.',
    }),
  SCHEMA_UNKNOWN_FIELD: (p: { key: string; suggestions: string[] }) =>
    say({
      ja: `不明な項目「${p.key}」です。` + (p.suggestions.length ? `もしかして ${quoteList(p.suggestions)} ですか。` : ''),
      en: `Unknown field "${p.key}".` + (p.suggestions.length ? ` Did you mean ${p.suggestions.join(', ')}?` : ''),
    }),
  SCHEMA_REQUIRED: (p: { label: string | undefined }) =>
    say({
      ja: `${p.label ? `「${p.label}」は` : ''}必須の項目です。`,
      en: `${p.label ? `"${p.label}" is` : 'This field is'} required.`,
    }),
  SCHEMA_INVALID: (p: { label: string | undefined; detail: string }) =>
    say({
      ja: `${p.label ? `「${p.label}」：` : ''}${p.detail}`,
      en: `${p.label ? `"${p.label}": ` : ''}${p.detail}`,
    }),
};

export type MessageCode = keyof typeof messages;

function conditionJa(condition: string): string {
  switch (condition) {
    case 'no-external-connections':
      return 'TOSに外部接続がないことが示されている';
    case 'no-removable-media':
      return '外部記憶媒体を使用しないことが示されている';
    case 'no-outsourcing':
      return 'TOSの開発・保守等を外部に委託していないことが示されている';
    default:
      return condition;
  }
}

function conditionEn(condition: string): string {
  switch (condition) {
    case 'no-external-connections':
      return 'the TOS has no external connections';
    case 'no-removable-media':
      return 'no removable media are used';
    case 'no-outsourcing':
      return 'nothing is outsourced';
    default:
      return condition;
  }
}
