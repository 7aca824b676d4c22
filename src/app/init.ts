import type { PortClassification } from '../catalog/classifyPort.ts';
import { addresseeOf } from '../catalog/ports.ts';
import type { Prefecture } from '../catalog/prefectures.ts';
import { type RequirementId, formatReference } from '../catalog/requirements.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { ENUMS, type EnumName, type EnumValue, SCOPE_LABELS, enumLabel, enumValueFor, enumValues } from '../model/enums.ts';
import type { ApplicationKind } from '../model/filing.ts';
import { MEASURE_DETAILS } from '../model/measureDetails.ts';
import { fieldAt } from '../model/schemaWalk.ts';

/** A choice written as its Japanese label (what a clerk reads), with the other choices in the comment. */
function choice<E extends EnumName>(name: E, value: keyof (typeof ENUMS)[E] & string): string {
  return enumLabel(name, value);
}
function choices(name: EnumName): string {
  return enumValues(name)
    .map((v) => `${(ENUMS[name] as Record<string, string>)[v]}（${v}）`)
    .join(' / ');
}

/** What the skeleton says about the port besides its class: the 指定港 it lies in, or that it is none. */
function portStatusNotes(port: PortClassification, prefecture: Prefecture | undefined): string[] {
  if (port.kind === 'part' && port.designatedPort && port.designatedPort !== port.specifiedPort) return [`# ${port.name}は港湾運送事業法の指定港「${port.designatedPort}」の一部です`];
  if (port.kind === 'not-designated')
    return [`# ${port.name}は港湾運送事業法施行令 別表第一の指定港ではありません。許可（事業計画）が必要か、${port.bureau}に確認してください`];
  if (port.name === null && prefecture)
    return [
      `# 登録簿にない港（${prefecture.name}）: 指定港でない可能性があります。許可（事業計画）が必要か、${prefecture.bureau}に確認してください`,
      ...(prefecture.also ? [`# 宛先は${prefecture.bureau}長としています（${prefecture.also.where}の港は${prefecture.also.bureau}長）`] : []),
    ];
  return [];
}

function detailHints(id: RequirementId): string[] {
  return Object.keys(MEASURE_DETAILS[id].shape).map((key) => `    #   ${key}: ${fieldAt(['measures', id, 'details', key])?.title ?? ''}`);
}

/** A YAML scalar for any text (JSON's double-quoted strings are YAML's). */
const quoted = (value: unknown) => JSON.stringify(typeof value === 'string' ? value : String(value ?? ''));

/**
 * The 代理人 part: filled from an office file (`init --agent`), else commented out with what it takes, so that
 * a filing made through a 行政書士 finds the place.
 */
function agentLines(agent: Record<string, unknown> | undefined): string[] {
  if (!agent) {
    return [
      '# 代理人（行政書士等）が作成・提出する場合は記入してください（事務所ファイルがあれば `init --agent office.yaml` で記入済みにできます）',
      '# agent:',
      `#   qualification: ${choice('agentQualification', 'administrative-scrivener')}   # ${choices('agentQualification')}`,
      '#   name: ""                 # 氏名',
      '#   office: ""               # 事務所の名称',
      '#   registrationNumber: ""   # 登録番号（行政書士：日本行政書士会連合会の8桁の番号）',
      '#   address: ""              # 事務所の所在地',
      '#   phone: ""                # 電話番号',
    ];
  }
  // the office file is checked before it gets here: its qualification is one of the choices, in either language
  const qualification = enumValueFor('agentQualification', String(agent.qualification)) as EnumValue<'agentQualification'> | undefined;
  const optional = (key: string, comment: string) => (agent[key] === undefined || agent[key] === null ? [] : [`  ${key}: ${quoted(agent[key])}   # ${comment}`]);
  return [
    'agent:                       # 代理人（事務所ファイルから）',
    `  qualification: ${qualification ? choice('agentQualification', qualification) : quoted(agent.qualification)}   # ${choices('agentQualification')}`,
    `  name: ${quoted(agent.name)}   # 氏名`,
    ...optional('office', '事務所の名称'),
    ...optional('registrationNumber', '登録番号'),
    ...optional('address', '事務所の所在地'),
    ...optional('phone', '電話番号'),
  ];
}

/**
 * A commented YAML filing with every section and every measure that applies at the port, ready to fill in.
 * Choices are written as their Japanese labels (the reader accepts them; the canonical value is in the comment),
 * the addressee is the bureau competent for the port, and the filing date is left for the person to write.
 */
export function filingSkeleton(
  port: PortClassification,
  kind: ApplicationKind,
  { unlisted, agent }: { unlisted?: { prefecture: Prefecture }; agent?: Record<string, unknown> } = {},
): string {
  const portName = port.name ?? port.input;
  const portNote = port.specified
    ? `特定の港（${port.specifiedPort}）: 全ての港の要件と特定の港の要件を記載します`
    : '一般の港: 全ての港の要件を記載します';
  const portNotes = [`# ${portNote}`, ...portStatusNotes(port, unlisted?.prefecture)];
  const change = kind !== 'new-license';
  const bureau = port.bureau ?? (port.name === null && unlisted ? unlisted.prefecture.bureau : null);
  const addressee = bureau ? addresseeOf(bureau) : '';
  const lines = [
    '# yaml-language-server: $schema=./tos-filing.schema.json',
    `# TOSの概要及び情報セキュリティの確保に関する事業計画（${portName}）`,
    '# 「""」の箇所を記入し、`npx tos-filing validate このファイル` で不足を確認してください。',
    '# 選択肢は日本語（例：専用線）でも英語の値（例：leased-line）でも書けます。日付は「令和8年4月1日」「R8.4.1」「2026-04-01」のいずれでも書けます。',
    ...portNotes,
    '',
    'application:',
    `  kind: ${choice('applicationKind', kind)}   # ${choices('applicationKind')}`,
    '  filingDate: ""             # 申請日（例：令和8年4月1日）',
    `  addressee: "${addressee}"${' '.repeat(Math.max(1, 16 - addressee.length * 2))}# 宛先（港を管轄する地方運輸局長等）`,
    ...(change ? ['  changeSummary: ""          # 変更の概要'] : []),
    `  # effectiveDate: ""        # ${change ? '変更予定日' : '事業の開始予定日'}（任意。実施予定の措置の予定日がこれより後になっていないかを確かめます）`,
    '',
    'applicant:',
    '  name: ""                   # 名称',
    '  representative:',
    '    title: ""                # 代表者の役職',
    '    name: ""                 # 代表者の氏名',
    '  address: ""                # 主たる事務所の所在地',
    '  # corporateNumber: ""      # 法人番号（13桁、任意）',
    '  contact:',
    '    name: ""                 # 連絡担当者',
    '    department: ""',
    '    phone: ""',
    ...(change
      ? ['  existingLicense:', '    number: ""               # 許可番号', '    date: ""                 # 許可年月日（例：平成20年4月1日）']
      : []),
    '',
    ...agentLines(agent),
    '',
    'port:',
    `  name: ${portName}`,
    ...(port.name === null && unlisted
      ? ['  unlisted: はい              # 登録簿にない港であることの確認', `  prefecture: ${unlisted.prefecture.name}${' '.repeat(Math.max(1, 16 - unlisted.prefecture.name.length * 2))}# 港の所在する都道府県（宛先が管轄の運輸局等かを確かめます）`]
      : []),
    '  terminals:',
    '    - name: ""               # ターミナル名称',
    `      type: ${choice('terminalType', 'container')}     # ${choices('terminalType')}`,
    '      tos:',
    '        systemName: ""       # TOSの名称',
    '        developer: ""        # 開発者',
    '        ownership:',
    '          owner: ""          # 所有者',
    `          applicantRole: ${choice('applicantRole', 'owner')}   # ${choices('applicantRole')}（使用者の場合は assurance を記載）`,
    '          # assurance: ""    # 所有者が講じる対策の担保方法（契約・覚書等）',
    '        functions:',
    '          vesselPlanning: { used: はい, description: "" }   # 本船プランニング（使用：はい／いいえ）',
    '          yardPlanning: { used: はい, description: "" }     # ヤードプランニング',
    '          yardOperation: { used: はい, description: "" }    # ヤードオペレーション',
    '          overallManagement:                                 # 全体管理',
    '            used: はい',
    '            description: ""',
    '            gateManagement: はい',
    '            externalSystemLinks: []   # - { system: "", purpose: "" }',
    '        hosting:',
    `          kind: ${choice('hostingKind', 'on-premises')}   # ${choices('hostingKind')}`,
    '          location: ""',
    '        components:',
    '          servers: ""        # 例：アプリケーションサーバ2台（冗長構成）、DBサーバ2台',
    '          clientTerminals: ""',
    '        network:',
    '          lines: []          # - { carrier: "", lineType: "", purpose: "" }',
    '          devices: []        # - { function: "", model: "", location: "", externalFacing: はい }',
    `        externalConnections: []   # - { counterparty: "", purpose: "", method: 専用線, terminatingDevice: "", sourceRestriction: "", firewall: はい }  方式：${choices('connectionMethod')}`,
    `        outsourcing: []      # - { vendor: "", scope: [保守], remoteAccess: はい, contract: "" }  委託内容：${choices('outsourcingScope')}`,
    '        removableMedia:',
    '          used: いいえ',
    '        manualOperation:',
    '          possible: はい',
    '          description: ""    # TOS停止時の荷役の方法',
    '',
    'organization:',
    '  ciso: { name: "", title: "", executive: はい }   # 最高情報セキュリティ責任者',
    ...(port.specified ? ['  csirt:', '    name: ""', '    lead: { name: "", title: "" }'] : []),
    '  emergencyContacts:',
    '    - { role: "", name: "", phone: "" }',
    `  externalContacts: []     # - { kind: 地方運輸局等, name: "" }  区分：${choices('contactKind')}`,
    '',
    'measures:',
    `  # 実施状況（status）：${choices('measureStatus')}。実施予定は plannedDate、一部実施・代替措置・該当なしは reason を記載`,
  ];
  for (const req of requirementsFor(port)) {
    lines.push(
      '',
      `  # ${req.title}`,
      `  # ${SCOPE_LABELS[req.scope]} / ガイドライン: ${req.references.map((r) => formatReference(r)).join('、')}`,
      `  ${req.id}:`,
      `    status: ${choice('measureStatus', 'implemented')}`,
      '    description: ""',
      '    # details:',
      ...detailHints(req.id),
    );
  }
  return `${lines.join('\n')}\n`;
}
