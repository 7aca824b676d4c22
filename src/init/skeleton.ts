import type { PortClassification } from '../catalog/classifyPort.ts';
import { formatReference } from '../catalog/requirements.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { MEASURE_DETAILS } from '../model/measureDetails.ts';
import type { ApplicationKind } from '../model/filing.ts';
import type { RequirementId } from '../catalog/requirements.ts';

const SCOPE_LABEL = { all: '全ての港', specified: '特定の港' } as const;

function detailHints(id: RequirementId): string[] {
  const shape = MEASURE_DETAILS[id].shape as Record<string, { meta(): { title?: string } | undefined }>;
  return Object.entries(shape).map(([key, schema]) => `    #   ${key}: ${schema.meta()?.title ?? ''}`);
}

/** A commented YAML filing with every section and every measure that applies at the port, ready to fill in. */
export function filingSkeleton(port: PortClassification, kind: ApplicationKind, today: string): string {
  const portName = port.name ?? port.input;
  const portNote = port.specified
    ? `特定の港（${port.specifiedPort}）: 全ての港の要件と特定の港の要件を記載します`
    : '一般の港: 全ての港の要件を記載します';
  const change = kind !== 'new-license';
  const lines = [
    '# yaml-language-server: $schema=./tos-filing.schema.json',
    `# TOSの概要及び情報セキュリティの確保に関する事業計画（${portName}）`,
    '# 「""」の箇所を記入し、`npx tos-filing validate このファイル` で不足を確認してください。',
    `# ${portNote}`,
    '',
    'application:',
    `  kind: ${kind}            # new-license（新規許可申請）/ plan-change-approval（事業計画変更認可申請）/ plan-change-notification（事業計画変更届出）`,
    `  filingDate: "${today}"     # 申請日（YYYY-MM-DD）`,
    '  addressee: ""              # 宛先（例：関東運輸局長）',
    ...(change ? ['  changeSummary: ""          # 変更の概要'] : []),
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
      ? ['  existingLicense:', '    number: ""               # 許可番号', '    date: ""                 # 許可年月日（YYYY-MM-DD）']
      : []),
    '',
    'port:',
    `  name: ${portName}`,
    '  terminals:',
    '    - name: ""               # ターミナル名称',
    '      type: container        # container / ferry-roro / bulk / other',
    '      tos:',
    '        systemName: ""       # TOSの名称',
    '        developer: ""        # 開発者',
    '        ownership:',
    '          owner: ""          # 所有者',
    '          applicantRole: owner   # owner / user / owner-and-user（user の場合は assurance を記載）',
    '          # assurance: ""    # 所有者が講じる対策の担保方法（契約・覚書等）',
    '        functions:',
    '          vesselPlanning: { used: true, description: "" }   # 本船プランニング',
    '          yardPlanning: { used: true, description: "" }     # ヤードプランニング',
    '          yardOperation: { used: true, description: "" }    # ヤードオペレーション',
    '          overallManagement:                                 # 全体管理',
    '            used: true',
    '            description: ""',
    '            gateManagement: true',
    '            externalSystemLinks: []   # - { system: "", purpose: "" }',
    '        hosting:',
    '          kind: on-premises  # on-premises / data-center / cloud / hybrid',
    '          location: ""',
    '        components:',
    '          servers: ""        # 例：アプリケーションサーバ2台（冗長構成）、DBサーバ2台',
    '          clientTerminals: ""',
    '        network:',
    '          lines: []          # - { carrier: "", lineType: "", purpose: "" }',
    '          devices: []        # - { function: "", model: "", location: "", externalFacing: true }',
    '        externalConnections: []   # - { counterparty: "", purpose: "", method: vpn, terminatingDevice: "", sourceRestriction: "", firewall: true }',
    '        outsourcing: []      # - { vendor: "", scope: [maintenance], remoteAccess: true, contract: "" }',
    '        removableMedia:',
    '          used: false',
    '        manualOperation:',
    '          possible: true',
    '          description: ""    # TOS停止時の荷役の方法',
    '',
    'organization:',
    '  ciso: { name: "", title: "", executive: true }   # 最高情報セキュリティ責任者',
    ...(port.specified ? ['  csirt:', '    name: ""', '    lead: { name: "", title: "" }'] : []),
    '  emergencyContacts:',
    '    - { role: "", name: "", phone: "" }',
    '  externalContacts: []     # - { kind: transport-bureau, name: "" }',
    '',
    'measures:',
    '  # status: implemented（実施済み）/ partial（一部実施）/ planned（実施予定: plannedDate）/ alternative（代替措置）/ not-applicable（該当なし）',
  ];
  for (const req of requirementsFor(port)) {
    const id = req.id as RequirementId;
    lines.push(
      '',
      `  # ${req.title}`,
      `  # ${SCOPE_LABEL[req.scope]} / ガイドライン: ${req.references.map((r) => formatReference(r)).join('、')}`,
      `  ${id}:`,
      '    status: implemented',
      '    description: ""',
      '    # details:',
      ...detailHints(id),
    );
  }
  return `${lines.join('\n')}\n`;
}
