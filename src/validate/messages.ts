import { formatReference, requirementById } from '../catalog/requirements.ts';
import { ENUMS, type EnumName } from '../model/enums.ts';
import { LIMITS } from '../model/primitives.ts';
import { fieldAt, type Key } from '../model/schemaWalk.ts';
import type { Lang } from '../util/lang.ts';
import { toWareki } from '../util/wareki.ts';
import type { Finding, FindingCode, FindingParams } from './finding.ts';


/**
 * Finding messages, written when shown, in the language asked for. Japanese messages name fields in the
 * filing's own words; neither language prints requirement ids (the title is the user's name for it).
 */

type Text = { ja: string; en: string };
type Render = (p: FindingParams, lang: Lang) => Text;

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);

export function guidelineSection(requirementId: string, lang: Lang): string {
  const req = requirementById(requirementId);
  return req ? req.references.map((r) => formatReference(r, lang)).join(lang === 'ja' ? '、' : '; ') : '';
}

function requirementTitle(id: unknown): string {
  return requirementById(str(id))?.title ?? str(id);
}

const quoteJa = (items: readonly string[]) => items.map((s) => `「${s}」`).join('、');
const dateJa = (iso: unknown) => {
  try {
    return toWareki(str(iso));
  } catch {
    return str(iso);
  }
};

function optionLabel(enumName: unknown, value: unknown, lang: Lang): string {
  const labels = ENUMS[enumName as EnumName] as Record<string, string> | undefined;
  return lang === 'ja' ? (labels?.[str(value)] ?? str(value)) : str(value);
}

const CONDITIONS: Record<string, Text> = {
  'no-external-connections': { ja: 'TOSに外部接続がないことが示されている', en: 'the TOS has no external connections' },
  'no-removable-media': { ja: '外部記憶媒体を使用しないことが示されている', en: 'no removable media are used' },
  'no-outsourcing': { ja: 'TOSの開発・保守等を外部に委託していないことが示されている', en: 'nothing is outsourced' },
};

const EVIDENCE: Record<string, (n: number) => Text> = {
  'no-external-connections': (n) => ({ ja: `TOSの概要に外部接続が${n}件記載されています`, en: `the TOS overview lists ${n} external connection(s)` }),
  'no-removable-media': () => ({ ja: 'TOSの概要で外部記憶媒体を使用するとされています', en: 'the TOS overview says removable media are used' }),
  'no-outsourcing': (n) => ({ ja: `TOSの概要に外部委託が${n}件記載されています`, en: `the TOS overview lists ${n} outsourcing contract(s)` }),
};


function missingLowConfidence(p: FindingParams, l: Lang): Text {
  return {
    ja: `「${requirementTitle(p.requirement)}」の措置が記載されていません。強制要件かどうかがガイドライン上明確でない項目ですが、記載をお勧めします。ガイドライン：${guidelineSection(str(p.requirement), l)}`,
    en: `No measure is given for "${requirementTitle(p.requirement)}". Whether it is mandatory is unclear in the guideline, but stating it is recommended. Guideline: ${guidelineSection(str(p.requirement), l)}`,
  };
}

const MESSAGES: Record<FindingCode, Render> = {
  MEASURE_MISSING: (p, l) => (p.lowConfidence ? missingLowConfidence(p, l) : {
    ja: `「${requirementTitle(p.requirement)}」の措置が記載されていません。${str(p.portName)}では記載が必要です。ガイドライン：${guidelineSection(str(p.requirement), l)}`,
    en: `No measure is given for "${requirementTitle(p.requirement)}"; it is mandatory at ${str(p.portName)}. Guideline: ${guidelineSection(str(p.requirement), l)}`,
  }),
  MEASURE_NOT_REQUIRED_HERE: (p) => ({
    ja: `「${requirementTitle(p.requirement)}」は特定の港（京浜港・名古屋港・大阪港・神戸港・博多港）でのみ強制要件です。${str(p.portName)}では任意の記載として扱います。`,
    en: `"${requirementTitle(p.requirement)}" is mandatory only at the five specified ports; at ${str(p.portName)} it is an optional statement.`,
  }),
  MEASURE_DESCRIPTION_MISSING: (p) => ({
    ja: `「${requirementTitle(p.requirement)}」：講じている措置を記載してください。`,
    en: `"${requirementTitle(p.requirement)}": describe the measure in place.`,
  }),
  MEASURE_PLANNED_DATE_MISSING: (p) => ({
    ja: `「${requirementTitle(p.requirement)}」：実施予定の措置には実施予定日が必要です。`,
    en: `"${requirementTitle(p.requirement)}": a planned measure needs a planned date.`,
  }),
  MEASURE_PLANNED_DATE_PAST: (p) => ({
    ja: `「${requirementTitle(p.requirement)}」：実施予定日（${dateJa(p.date)}）が申請日より前です。実施済みであれば実施状況を「実施済み」にしてください。`,
    en: `"${requirementTitle(p.requirement)}": the planned date ${str(p.date)} is before the filing date; if it is done, set the status to implemented.`,
  }),
  MEASURE_REASON_MISSING: (p, l) => ({
    ja: `「${requirementTitle(p.requirement)}」：実施状況が「${optionLabel('measureStatus', p.status, l)}」の場合は理由を記載してください。`,
    en: `"${requirementTitle(p.requirement)}": status ${str(p.status)} needs a reason.`,
  }),
  MEASURE_NOT_APPLICABLE_UNSUPPORTED: (p, l) => ({
    ja: `「${requirementTitle(p.requirement)}」は、TOSを使用する限り「該当なし」とすることはできません。措置を記載してください。ガイドライン：${guidelineSection(str(p.requirement), l)}`,
    en: `"${requirementTitle(p.requirement)}" cannot be marked not applicable for a TOS in use; describe the measure. Guideline: ${guidelineSection(str(p.requirement), l)}`,
  }),
  MEASURE_NOT_APPLICABLE_CONTRADICTED: (p) => {
    const condition = CONDITIONS[str(p.condition)] ?? { ja: str(p.condition), en: str(p.condition) };
    const evidence = EVIDENCE[str(p.condition)]?.(Number(p.count ?? 0)) ?? { ja: '', en: '' };
    return {
      ja: `「${requirementTitle(p.requirement)}」を「該当なし」とするには${condition.ja}必要がありますが、${evidence.ja}。`,
      en: `"${requirementTitle(p.requirement)}" can be not applicable only when ${condition.en}, but ${evidence.en}.`,
    };
  },
  // (a measure read from a hand-typed plan has its passage as the description and no details yet: the passage may
  // well state them, and the clerk is asked to copy them into their fields rather than told they are not written)
  MEASURE_DETAIL_MISSING: (p) =>
    p.imported
      ? {
          ja: `「${requirementTitle(p.requirement)}」：審査で確認される事項 ${quoteJa(list(p.fields))} の欄が空です。読み取った記載にあれば、その欄にも記入してください。`,
          en: `"${requirementTitle(p.requirement)}": the fields ${list(p.fields).join(', ')}, which examiners look for, are empty; copy them from the passage read if it states them.`,
        }
      : {
          ja: `「${requirementTitle(p.requirement)}」：審査で確認される事項 ${quoteJa(list(p.fields))} が詳細に記載されていません。`,
          en: `"${requirementTitle(p.requirement)}": the details lack ${list(p.fields).join(', ')}, which examiners look for.`,
        },
  MEASURE_IMPORTED: (p) => ({
    ja: `「${requirementTitle(p.requirement)}」：書類の${str(p.from)}から読み取った記載です。原文と照らして実施状況と内容を確かめ、確かめたら「読み取り元」の行を削除してください。`,
    en: `"${requirementTitle(p.requirement)}": read from the document (${str(p.from)}); check the status and text against it, then delete importedFrom.`,
  }),
  PLAN_SCREENED: (p) => ({
    ja: `この${p.format === 'pdf' ? 'PDF' : 'Word文書'}は tos-filing で作成されていないため、本文を読み取って要件の記載を推定しました（スクリーニング）。申請者が届出データとして記入したものではありません。結果は原文と照らして確かめてください。`,
    en: `This ${p.format === 'pdf' ? 'PDF' : 'Word file'} was not made by tos-filing: its text was screened for the requirements. This is an estimate from the text, not data the applicant declared; check it against the document.`,
  }),
  PLAN_PORT_UNREAD: (p) => ({
    ja: p.input
      ? `本文の港名「${str(p.input)}」は登録簿にありません。特定の港かどうかを判定できないため、全ての港の要件だけを確かめました。`
      : '本文から港名を読み取れませんでした。特定の港かどうかを判定できないため、全ての港の要件だけを確かめました。',
    en: p.input ? `The port "${str(p.input)}" in the text is not in the registry; only the requirements for all ports were screened.` : 'No port name was read from the text; only the requirements for all ports were screened.',
  }),
  PLAN_NO_REQUIREMENT: () => ({
    ja: '本文に強制要件の記載が一つも見つかりませんでした。事業計画（TOSの概要及び情報セキュリティ）の書類かどうかを確かめてください。',
    en: 'No requirement was found in the text: check that this is a business plan on the TOS and its security.',
  }),
  PLAN_REQUIREMENT_FOUND: (p) => ({
    ja: `「${requirementTitle(p.requirement)}」：本文の${str(p.place)}に記載があります（推定）：「${str(p.passage)}」`,
    en: `"${requirementTitle(p.requirement)}": described at ${str(p.place)} (estimate): "${str(p.passage)}"`,
  }),
  PLAN_REQUIREMENT_NOT_FOUND: (p, l) => ({
    ja: `「${requirementTitle(p.requirement)}」の記載が本文に見つかりませんでした（本文の読み取りによる推定）。${p.lowConfidence ? '強制要件かどうかがガイドライン上明確でない項目ですが、記載をお勧めします。' : ''}ガイドライン：${guidelineSection(str(p.requirement), l)}`,
    en: `"${requirementTitle(p.requirement)}" was not found in the text (screening estimate).${p.lowConfidence ? ' Whether it is mandatory is unclear in the guideline.' : ''} Guideline: ${guidelineSection(str(p.requirement), l)}`,
  }),
  CONNECTION_SOURCE_UNRESTRICTED: (p, l) => ({
    ja: `外部接続「${str(p.counterparty)}」（${optionLabel('connectionMethod', p.method, l)}）に接続元の制限が記載されていません。接続元IPアドレスの指定等により接続元を限定する必要があります。ガイドライン：${guidelineSection('ext-source-ip-restriction', l)}`,
    en: `External connection "${str(p.counterparty)}" (${str(p.method)}) has no source restriction; the sources must be limited, e.g. by IP address. Guideline: ${guidelineSection('ext-source-ip-restriction', l)}`,
  }),
  CONNECTION_NO_FIREWALL: (p, l) => ({
    ja: `外部接続「${str(p.counterparty)}」（${optionLabel('connectionMethod', p.method, l)}）にファイアウォールがありません。専用線・NATによる接続でもファイアウォールの設置が望ましいとされています（システム構築・運用者編 2.2.1）。`,
    en: `External connection "${str(p.counterparty)}" (${str(p.method)}) has no firewall; the guideline recommends one for leased lines and NAT too (system builders and operators volume 2.2.1).`,
  }),
  TOS_OWNER_ASSURANCE_MISSING: (p) => ({
    ja: `TOSの所有者（${str(p.owner)}）が申請者と異なりますが、所有者が講じる情報セキュリティ対策をどのように担保するか（契約・覚書等）が記載されていません。`,
    en: `The TOS is owned by ${str(p.owner)}, not the applicant, but how the owner's security measures are assured (contract, memorandum…) is not stated.`,
  }),
  PORT_UNKNOWN: (p) => ({
    ja:
      `港名「${str(p.input)}」は登録簿（港湾運送事業法の指定港とその一部の港名）にありません。` +
      (list(p.suggestions).length ? `もしかして ${quoteJa(list(p.suggestions))} ですか。` : '') +
      '特定の港かどうかを判定できないため、港名を正しく記載してください。登録簿にない港であれば、「登録簿にない一般の港であることの確認」を「はい」にし、「港の所在する都道府県」を記載してください。',
    en:
      `Port "${str(p.input)}" is not in the registry (the designated ports of the Port Transport Business Act and names of their parts).` +
      (list(p.suggestions).length ? ` Did you mean ${list(p.suggestions).join(', ')}?` : '') +
      ' Whether it is a specified port cannot be told: correct the name, or for a port outside the registry set port.unlisted: true and port.prefecture.',
  }),
  PORT_UNLISTED: (p) => ({
    ja:
      `港名「${str(p.input)}」は登録簿にない港として扱います（特定の港の要件は適用しません）。登録簿は港湾運送事業法施行令 別表第一の指定港をすべて収めているため、この港は指定港でない可能性があります。同法の許可が必要かは、提出先の運輸局等に確認してください。` +
      (p.prefecture ? '' : '「港の所在する都道府県」を記載すると、宛先が管轄の運輸局等かを確かめます。'),
    en:
      `Port "${str(p.input)}" is treated as a port not in the registry (specified-port items do not apply). The registry holds every designated port of the Act, so this port may not be one; ask the bureau whether the licence is needed.` +
      (p.prefecture ? '' : ' Give port.prefecture to have the addressee checked.'),
  }),
  PORT_UNLISTED_BUT_KNOWN: (p) => ({
    ja: `港名「${str(p.input)}」は登録簿の「${str(p.name)}」です。「登録簿にない一般の港であることの確認」は不要です。`,
    en: `Port "${str(p.input)}" is ${str(p.name)} in the registry; port.unlisted is not needed.`,
  }),
  PORT_NOT_DESIGNATED: (p) => ({
    ja:
      `「${str(p.name)}」は、港湾運送事業法施行令 別表第一の指定港（同法が適用される港）にその名前では掲げられていません。指定港でない港では、同法の一般港湾運送事業の許可（事業計画の提出）が必要ない場合があります。提出が必要か、${str(p.bureau)}に確認してください。` +
      (p.hint ? str(p.hint) : ''),
    en: `"${str(p.name)}" is not a designated port of the Port Transport Business Act under that name; the Act's licence may not be needed there. Confirm with ${str(p.bureau)}.`,
  }),
  PORT_UNLISTED_LOOKS_LIKE: (p) => ({
    ja:
      `港名「${str(p.input)}」は、登録簿の${quoteJa(list(p.suggestions))}に似ています。その港であれば港名を直し、「登録簿にない一般の港であることの確認」を外してください。` +
      (list(p.specified).length ? `${quoteJa(list(p.specified))}は特定の港で、記載が必要な項目が増えます。` : ''),
    en:
      `Port "${str(p.input)}" looks like ${list(p.suggestions).join(', ')} in the registry; if it is that port, correct the name and remove port.unlisted.` +
      (list(p.specified).length ? ` ${list(p.specified).join(', ')} is a specified port, with more items to state.` : ''),
  }),
  PORT_PREFECTURE_UNKNOWN: (p) => ({
    ja:
      `「港の所在する都道府県」の「${str(p.prefecture)}」は都道府県名として読めません。` +
      (list(p.suggestions).length ? `もしかして ${quoteJa(list(p.suggestions))} ですか。` : '') +
      '「岩手県」のように記載してください。',
    en: `The port's prefecture "${str(p.prefecture)}" is not a prefecture name${list(p.suggestions).length ? ` (did you mean ${list(p.suggestions).join(', ')}?)` : ''}; write it as e.g. 岩手県.`,
  }),
  TERMINAL_NOT_CONTAINER: (p) => ({
    ja: `ターミナル「${str(p.name)}」はコンテナターミナルではありません。TOSの概要等の記載はコンテナ埠頭について求められるものです。`,
    en: `Terminal "${str(p.name)}" is not a container terminal; the TOS statement is required for container terminals.`,
  }),
  LICENSE_MISSING: () => ({
    ja: '事業計画の変更では、現に受けている許可（許可番号・許可年月日）を記載してください。',
    en: 'A business-plan change needs the existing licence (number and date).',
  }),
  CHANGE_SUMMARY_MISSING: () => ({
    ja: '事業計画の変更では、変更の概要を記載してください。',
    en: 'A business-plan change should summarise the change.',
  }),
  CSIRT_MISSING: (_p, l) => ({
    ja: `特定の港ではインシデント対応体制（CSIRT等）が必要ですが、記載されていません。ガイドライン：${guidelineSection('incident-response-organization', l)}`,
    en: `At a specified port an incident-response team (CSIRT or equivalent) is required, but none is given. Guideline: ${guidelineSection('incident-response-organization', l)}`,
  }),
  MANUAL_OPERATION_IMPOSSIBLE: (p) => ({
    ja: `ターミナル「${str(p.name)}」ではTOS停止時に荷役を継続できないとされています。BCPでTOSを利用しない荷役等の手順を整理することが求められます（セキュリティ責任者編 1.8.2 ウ）。`,
    en: `Terminal "${str(p.name)}" cannot continue cargo handling without the TOS; the BCP should set out procedures without the system (security managers volume 1.8.2 ウ).`,
  }),
  AGENT_NAME_MISSING: (p, l) => ({
    ja: `代理人の氏名が記載されていません。${p.qualification ? `代理人（${optionLabel('agentQualification', p.qualification, l)}）の` : '代理人の'}氏名を記入してください（代理人を立てない場合は「代理人」の項目ごと削除してください）。`,
    en: 'The agent has no name; give the agent\'s name (or remove the agent if the filing is not made through one).',
  }),
  AGENT_REGISTRATION_NUMBER_INVALID: (p, l) => ({
    ja: `代理人の登録番号「${str(p.input)}」は、${optionLabel('agentQualification', p.qualification, l)}の登録番号の形ではありません。${str(p.label)}は${str(p.expected)}で記入してください。`,
    en: `The agent's registration number "${str(p.input)}" is not a possible ${str(p.qualification)} number (${p.qualification === 'attorney' ? 'up to 5 digits' : '8 digits'}).`,
  }),
  OFFICE_FILE_NOT_FILING: () => ({
    ja: 'このファイルは事務所ファイル（代理人の記載）のようです。届出ファイルではありません。書類を作るときに `build 届出ファイル --agent このファイル` のように --agent で指定してください。',
    en: 'This looks like an office file (the agent’s details), not a filing; give it to build with --agent.',
  }),
  TEXT_CONTROL_CHARACTER: () => ({
    ja: '表示できない制御文字が含まれています。書類では削除して出力します。',
    en: 'The text holds control characters that cannot be printed; the documents leave them out.',
  }),
  TEXT_BIDI_CONTROL: () => ({
    ja: '文字の表示順を変える制御文字（双方向制御文字）が含まれています。書類によって見え方が変わるため、書類では削除して出力します。',
    en: 'The text holds bidirectional control characters, which can make documents show different text; the documents leave them out.',
  }),
  ADDRESSEE_WRONG_BUREAU: (p) => ({
    ja: `宛先「${str(p.addressee)}」は${str(p.named)}ですが、${str(p.portName)}を管轄するのは${str(p.expected).replace(/長$/, '')}です。宛先を「${str(p.expected)}」としてください。`,
    en: `The addressee "${str(p.addressee)}" is ${str(p.named)}, but ${str(p.portName)} is under ${str(p.expected).replace(/長$/, '')}; address the filing to "${str(p.expected)}".`,
  }),
  ADDRESSEE_NO_BUREAU: (p) => ({
    ja: `宛先「${str(p.addressee)}」に、${str(p.portName)}を管轄する地方運輸局等の名称がありません。宛先は「${str(p.expected)}」としてください。`,
    en: `The addressee "${str(p.addressee)}" does not name the bureau competent for ${str(p.portName)}; address the filing to "${str(p.expected)}".`,
  }),
  ADDRESSEE_NOT_PREFECTURE_BUREAU: (p) => {
    const bureau = str(p.expected).replace(/長$/, '');
    const also = p.alsoBureau ? `（${str(p.alsoWhere)}の港は${str(p.alsoBureau)}）` : '';
    const alsoEn = p.alsoBureau ? ` (${str(p.alsoBureau)} for ports in ${str(p.alsoWhere)})` : '';
    return {
      ja: `${p.named ? `宛先「${str(p.addressee)}」は${str(p.named)}です` : `宛先「${str(p.addressee)}」に地方運輸局等の名称がありません`}が、${str(p.prefecture)}の港を管轄するのは${bureau}${also}です。宛先を「${str(p.expected)}」${p.alsoBureau ? `又は「${str(p.alsoBureau)}長」` : ''}としてください。`,
      en: `The addressee "${str(p.addressee)}" ${p.named ? `is ${str(p.named)}` : 'names no bureau'}, but ports in ${str(p.prefecture)} are under ${bureau}${alsoEn}; address the filing to "${str(p.expected)}".`,
    };
  },
  REMOVABLE_MEDIA_PURPOSE_MISSING: (p, l) => ({
    ja: `ターミナル「${str(p.name)}」では外部記憶媒体（USBメモリ等）を使用するとされていますが、使用する場面が記載されていません。「使用する場面」に、例えば「保守会社によるプログラムの更新」「帳票データの受け渡し」のように、何に使うかを記載してください。ガイドライン：${guidelineSection('removable-media-scan', l)}`,
    en: `Terminal "${str(p.name)}" uses removable media but does not say what for; list the uses (e.g. program updates by the maintenance company). Guideline: ${guidelineSection('removable-media-scan', l)}`,
  }),
  CONTRACT_CLAUSE_MISSING: (p, l) => ({
    ja: `「${requirementTitle(p.requirement)}」：契約に定めている事項のうち ${quoteJa(list(p.clauses))} が「はい」になっていません。契約に定めていれば「はい」と記載し、定めていなければ契約を見直す予定（実施状況「一部実施」とその理由）を記載してください。ガイドライン：${guidelineSection(str(p.requirement), l)}`,
    en: `"${requirementTitle(p.requirement)}": the contract clauses ${list(p.clauses).join(', ')} are not confirmed; set them to true if the contract has them, or state the plan to revise the contract (status partial, with a reason). Guideline: ${guidelineSection(str(p.requirement), l)}`,
  }),
  MEASURE_PLANNED_AFTER_TARGET: (p) => {
    const target = p.kind === 'new-license' ? { ja: '事業の開始予定日', en: 'planned start of business' } : { ja: '変更予定日', en: 'planned date of the change' };
    return {
      ja: `「${requirementTitle(p.requirement)}」：実施予定日（${dateJa(p.date)}）が、この申請の${target.ja}（${dateJa(p.target)}）より後です。${target.ja}までに実施する予定日を記載するか、それまでの間に講じる代替の措置を記載してください。`,
      en: `"${requirementTitle(p.requirement)}": the planned date ${str(p.date)} is after the filing's ${target.en} (${str(p.target)}); plan it for that date, or describe the interim measure.`,
    };
  },
  DOCUMENT_TEXT_CHANGED: (p) => {
    const kind = p.format === 'pdf' ? 'PDF' : 'Word文書';
    if (p.unreadable)
      return {
        ja: `この${kind}の本文を読み取れなかったため、書類に埋め込まれた届出データと文面が一致するかを確かめられませんでした。書類の文面を確認してください。`,
        en: `The body text of this ${p.format === 'pdf' ? 'PDF' : 'Word document'} could not be read, so whether it matches the filing data it carries could not be checked.`,
      };
    const sections = list(p.sections).map((s) => (s ? s : '書類の冒頭'));
    return {
      ja: `この${kind}の文面が、書類に埋め込まれた届出データから作成された文面と一致しません（${quoteJa(sections)}）。作成後に編集された可能性があります。審査では書類の文面と届出データの違いを確認してください（一覧・判定は届出データによります）。`,
      en: `The text of this ${p.format === 'pdf' ? 'PDF' : 'Word document'} no longer matches the text made from the filing data it carries (${list(p.sections).map((s) => s || 'opening').join(', ')}); it may have been edited. Review and marks are based on the data.`,
    };
  },
  DOCUMENT_REDACTED: () => ({
    ja: 'この書類は共有用の非開示版です。IPアドレス・ホスト名・メールアドレス・電話番号・担当者の氏名は【非開示】に置き換えられています。',
    en: 'This is a redacted copy for sharing: IP addresses, host names, e-mail addresses, phone numbers and contact persons’ names are replaced by 【非開示】.',
  }),
  ADDRESSED_TO_OTHER_BUREAU: (p) => ({
    ja: `この届出は${p.via === 'port' ? `宛先に地方運輸局等の名称がなく、港（${str(p.portName)}）を管轄する` : `宛先「${str(p.addressee)}」のとおり`}${str(p.addressed)}あてで、${str(p.bureau)}あてではありません。${str(p.addressed)}に回付するか、申請者に宛先を確認してください。`,
    en: `This filing is addressed to ${str(p.addressed)}${p.via === 'port' ? ` (the bureau competent for ${str(p.portName)}; the addressee names none)` : ''}, not to ${str(p.bureau)}.`,
  }),
  SCHEMA_UNKNOWN_FIELD: (p) => ({
    ja: `不明な項目「${str(p.key)}」です。` + (list(p.suggestions).length ? `もしかして ${quoteJa(list(p.suggestions))} ですか。` : ''),
    en: `Unknown field "${str(p.key)}".` + (list(p.suggestions).length ? ` Did you mean ${list(p.suggestions).join(', ')}?` : ''),
  }),
  SCHEMA_REQUIRED: (p) => ({
    ja: `${p.label ? `「${str(p.label)}」は` : ''}必須の項目です。${p.list ? '一件ずつ記入してください。ない場合は「なし」と書いてください。' : '記入してください。'}`,
    en: `${p.label ? `"${str(p.label)}" is` : 'This field is'} required.${p.list ? ' List each entry, or write なし when there is none.' : ''}`,
  }),
  SCHEMA_INVALID: (p, l) => {
    const detail = invalidDetail(p, l);
    return { ja: `${p.label ? `「${str(p.label)}」：` : ''}${detail.ja}`, en: `${p.label ? `"${str(p.label)}": ` : ''}${detail.en}` };
  },
};

const TYPE_WORDS: Record<string, Text> = {
  string: { ja: '文字', en: 'text' },
  number: { ja: '数値', en: 'a number' },
  boolean: { ja: 'はい（true）またはいいえ（false）', en: 'true or false' },
  object: { ja: '項目の並び（「名前: 値」の形）', en: 'a mapping of fields' },
  array: { ja: '一覧（「- 」で始まる行の並び）', en: 'a list' },
  null: { ja: '空欄', en: 'empty' },
};

const typeWord = (t: unknown) => TYPE_WORDS[str(t)] ?? { ja: str(t), en: str(t) };

/** What was wrong with a value, from the parameters the schema check left (no zod wording reaches a person). */
function invalidDetail(p: FindingParams, lang: Lang): Text {
  switch (p.issue) {
    case 'invalid_type': {
      const expected = typeWord(p.expected);
      const received = typeWord(p.received);
      const quoteHint =
        p.expected === 'string' && p.received === 'number'
          ? '数字だけの値（電話番号・法人番号など）は "0312345678" のように引用符で囲んでください（先頭の0が失われるため）。'
          : '';
      return {
        ja: `${expected.ja}で入力してください（${received.ja}が入力されています）。${quoteHint}`,
        en: `expected ${expected.en}, got ${received.en}.`,
      };
    }
    case 'too_small':
      return p.origin === 'array'
        ? { ja: `${p.minimum}件以上記載してください。`, en: `give at least ${p.minimum} item(s).` }
        : { ja: `${p.minimum}文字以上で入力してください。`, en: `use at least ${p.minimum} character(s).` };
    case 'too_big':
      return p.origin === 'array'
        ? { ja: `${p.maximum}件までにしてください（上限）。`, en: `give at most ${p.maximum} items (limit).` }
        : { ja: `${p.maximum}文字までにしてください（上限）。`, en: `use at most ${p.maximum} characters (limit).` };
    case 'invalid_value': {
      const options = list(p.options).map((v) => optionLabel(p.enumName, v, lang));
      return {
        ja: `「${str(p.received)}」は選べません。${quoteJa(options)} のいずれかを記入してください。`,
        en: `"${str(p.received)}" is not a choice; use one of ${options.join(', ')}.`,
      };
    }
    case 'date':
      return {
        ja: `日付は「令和8年4月1日」「R8.4.1」「2026-04-01」のように記入してください（${dateJa(LIMITS.earliestDate)}から${dateJa(LIMITS.latestDate)}まで）。「${str(p.received)}」は日付として読めません。`,
        en: `write a date such as 2026-04-01 (between ${LIMITS.earliestDate} and ${LIMITS.latestDate}); "${str(p.received)}" is not one.`,
      };
    case 'email':
      return { ja: '電子メールアドレスの形（例：taro@example.co.jp）で入力してください。', en: 'write an e-mail address (e.g. taro@example.co.jp).' };
    case 'corporateNumber.digits':
      return { ja: '法人番号は13桁の数字で入力してください。', en: 'a corporate number has 13 digits.' };
    case 'corporateNumber.checkDigit':
      return { ja: '法人番号のチェックデジット（先頭の1桁）が一致しません。番号を確かめてください。', en: 'the check digit (first digit) of the corporate number does not match.' };
    default:
      return { ja: 'この項目の値の形が正しくありません。', en: 'the value does not have the expected form.' };
  }
}

/** A finding's message in the language asked for. */
export function findingMessage(f: Finding, lang: Lang = 'ja'): string {
  return MESSAGES[f.code](f.params, lang)[lang];
}

/**
 * Where a finding is, in the filing's own words: 「TOSの概要 › 外部接続（2件目） › 接続元の制限」. Keys the
 * schema does not know are left out; requirement keys read as the requirement's title.
 */
export function fieldWords(segments: readonly Key[], lang: Lang = 'ja'): string {
  const parts: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i]!;
    if (typeof key === 'number') {
      if (parts.length) parts[parts.length - 1] += lang === 'ja' ? `（${key + 1}件目）` : ` #${key + 1}`;
      continue;
    }
    if (segments[0] === 'measures' && i === 1) {
      parts.push(requirementTitle(key));
      continue;
    }
    const field = fieldAt(segments.slice(0, i + 1));
    // a key the schema does not know is shown as the person wrote it
    const title = field ? field.title : key;
    if (title && title !== parts.at(-1)) parts.push(title);
  }
  return parts.join(' › ');
}
