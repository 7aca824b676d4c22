import * as z from 'zod';
import { REQUIREMENT_IDS, type RequirementId } from '../catalog/requirements.ts';
import { MEASURE_DETAILS } from './measureDetails.ts';
import type { EnumValue } from './enums.ts';
import { enumOf } from './enumSchema.ts';
import { calendarDate, corporateNumber, labelled, list, longText, opt, person, text } from './primitives.ts';

// ---------- 申請 ----------

export const application = z
  .strictObject({
    kind: labelled('申請区分', enumOf('applicationKind')),
    filingDate: labelled('申請日', calendarDate()),
    addressee: labelled('宛先（管轄地方運輸局長等）', text()),
    changeSummary: opt('変更の概要', longText()),
    effectiveDate: opt('事業の開始予定日（変更の場合は変更予定日）', calendarDate()),
  })
  .meta({ title: '申請' });

// ---------- 申請者 ----------

export const applicant = z
  .strictObject({
    name: labelled('名称', text()),
    representative: labelled(
      '代表者',
      z.strictObject({ title: labelled('役職', text()), name: labelled('氏名', text()) }),
    ),
    address: labelled('主たる事務所の所在地', text()),
    corporateNumber: opt('法人番号', corporateNumber),
    contact: labelled('連絡担当者', person),
    existingLicense: opt(
      '現に受けている許可',
      z.strictObject({
        number: labelled('許可番号', text()),
        date: labelled('許可年月日', calendarDate()),
        businessKinds: opt('事業の種類', list(text()).min(1)),
      }),
    ),
  })
  .meta({ title: '申請者' });

// ---------- 代理人 ----------

/** The person who prepares and submits the filing on the applicant's behalf (a 行政書士, as a rule). */
export const agent = z
  .strictObject({
    qualification: labelled('資格', enumOf('agentQualification')),
    name: labelled('氏名', text()),
    office: opt('事務所の名称', text()),
    registrationNumber: opt('登録番号', text()),
    address: opt('事務所の所在地', text()),
    phone: opt('電話番号', text()),
  })
  .meta({ title: '代理人' });

// ---------- TOS の概要 ----------

const functionUse = z.strictObject({
  used: labelled('使用の有無', z.boolean()),
  description: opt('内容', longText()),
});

export const externalConnection = z
  .strictObject({
    counterparty: labelled('接続先', text()),
    purpose: labelled('用途', text()),
    method: labelled('接続方式', enumOf('connectionMethod')),
    terminatingDevice: labelled('接続機器', text()),
    sourceRestriction: opt('接続元の制限', longText()),
    firewall: labelled('ファイアウォール', z.boolean()),
  })
  .meta({ title: '外部接続' });

export const tosOverview = z
  .strictObject({
    systemName: labelled('システム名称', text()),
    product: opt('製品名・バージョン', text()),
    developer: labelled('開発者', text()),
    inServiceSince: opt('運用開始', text()),
    ownership: labelled(
      '所有者と使用者',
      z.strictObject({
        owner: labelled('所有者', text()),
        applicantRole: labelled('申請者の立場', enumOf('applicantRole')),
        otherUsers: opt('他の使用者', list(text())),
        assurance: opt('所有者が講じる対策の担保方法', longText()),
      }),
    ),
    functions: labelled(
      'TOSの機能',
      z.strictObject({
        vesselPlanning: labelled('本船プランニング', functionUse),
        yardPlanning: labelled('ヤードプランニング', functionUse),
        yardOperation: labelled('ヤードオペレーション', functionUse),
        overallManagement: labelled(
          '全体管理',
          functionUse.extend({
            gateManagement: labelled('ゲート管理', z.boolean()),
            externalSystemLinks: opt(
              '外部システムとの連携',
              list(z.strictObject({ system: labelled('連携先システム', text()), purpose: labelled('内容', longText()) })),
            ),
          }),
        ),
      }),
    ),
    hosting: labelled(
      '設置形態',
      z.strictObject({
        kind: labelled('区分', enumOf('hostingKind')),
        location: labelled('設置場所', text()),
        redundancy: opt('冗長化・予備系', longText()),
      }),
    ),
    components: labelled(
      'システムの構成要素',
      z.strictObject({
        servers: labelled('サーバ', longText()),
        clientTerminals: labelled('端末', longText()),
        other: opt('その他の機器', list(text())),
      }),
    ),
    network: labelled(
      'ネットワーク構成',
      z.strictObject({
        diagram: opt('ネットワーク構成図', text()),
        lines: labelled(
          '回線',
          list(
            z.strictObject({
              carrier: labelled('通信事業者', text()),
              lineType: labelled('回線種別', text()),
              purpose: opt('用途', text()),
            }),
          ),
        ),
        devices: labelled(
          '通信回線装置',
          list(
            z.strictObject({
              function: labelled('機能', text()),
              model: labelled('機種', text()),
              location: labelled('設置場所', text()),
              externalFacing: labelled('外部接続', z.boolean()),
            }),
          ),
        ),
        segmentation: opt('ネットワークの分離', longText()),
      }),
    ),
    externalConnections: labelled('外部接続', list(externalConnection)),
    outsourcing: labelled(
      '外部委託',
      list(
        z.strictObject({
          vendor: labelled('委託先', text()),
          scope: labelled('委託内容', list(enumOf('outsourcingScope')).min(1)),
          remoteAccess: labelled('リモート保守', z.boolean()),
          contract: opt('契約', longText()),
        }),
      ),
    ),
    removableMedia: labelled(
      '外部記憶媒体',
      z.strictObject({
        used: labelled('使用の有無', z.boolean()),
        useCases: opt('使用する場面', list(text())),
      }),
    ),
    manualOperation: labelled(
      'TOSを利用しない荷役',
      z.strictObject({
        possible: labelled('継続の可否', z.boolean()),
        description: labelled('方法', longText()),
      }),
    ),
  })
  .meta({ title: 'TOSの概要' });

export const terminal = z
  .strictObject({
    name: labelled('ターミナル名称', text()),
    type: labelled('埠頭の類型', enumOf('terminalType')),
    address: opt('所在地', text()),
    berths: opt('岸壁', text()),
    tos: labelled('TOSの概要', tosOverview),
  })
  .meta({ title: 'ターミナル' });

export const port = z
  .strictObject({
    name: labelled('港名', text()),
    unlisted: opt('登録簿にない一般の港であることの確認', z.boolean()),
    prefecture: opt('港の所在する都道府県', text()),
    terminals: labelled('ターミナル', list(terminal).min(1)),
  })
  .meta({ title: '港' });

// ---------- 管理体制 ----------

export const organization = z
  .strictObject({
    ciso: labelled('最高情報セキュリティ責任者（CISO）', person.extend({ executive: opt('役員', z.boolean()) })),
    csirt: opt(
      'CSIRT等',
      z.strictObject({
        name: labelled('名称', text()),
        lead: labelled('責任者', person),
        members: opt('構成', longText()),
        support: opt('支援する外部組織', list(text())),
      }),
    ),
    emergencyContacts: labelled(
      '緊急連絡体制',
      list(
          z.strictObject({
            role: labelled('役割', text()),
            name: labelled('氏名', text()),
            phone: labelled('電話番号', text()),
            means: opt('連絡手段', text()),
          }),
      ).min(1),
    ),
    externalContacts: labelled(
      '社外の連絡先',
      list(
        z.strictObject({
          kind: labelled('区分', enumOf('contactKind')),
          name: labelled('名称', text()),
          department: opt('部署', text()),
          phone: opt('電話番号', text()),
        }),
      ),
    ),
    auditor: opt(
      '監査人',
      z.strictObject({
        name: labelled('名称', text()),
        independence: labelled('区分', enumOf('auditorIndependence')),
      }),
    ),
  })
  .meta({ title: '管理体制' });

// ---------- 対策 ----------

export type MeasureStatus = EnumValue<'measureStatus'>;

function measureSchema<D extends z.ZodObject>(details: D) {
  return z.strictObject({
    status: labelled('実施状況', enumOf('measureStatus')),
    description: opt('講じている措置', longText()),
    details: opt('詳細', details),
    plannedDate: opt('実施予定日', calendarDate()),
    reason: opt('理由', longText()),
    importedFrom: opt('読み取り元（import が書類から読み取った箇所。内容を確かめたら削除）', text()),
  });
}

type MeasureShape = { [K in RequirementId]: z.ZodOptional<ReturnType<typeof measureSchema<(typeof MEASURE_DETAILS)[K]>>> };

const measureShape = Object.fromEntries(
  REQUIREMENT_IDS.map((id) => [id, measureSchema(MEASURE_DETAILS[id]).optional()]),
) as MeasureShape;

export const measures = z.strictObject(measureShape).meta({ title: '情報セキュリティの確保に関する措置' });

// ---------- 届出全体 ----------

export const filing = z
  .strictObject({
    note: opt('このファイルについてのメモ（書類には出力されない）', text()),
    application,
    applicant,
    agent: opt('代理人', agent),
    port,
    organization,
    measures,
  })
  .meta({ title: 'TOSの概要及び情報セキュリティの確保に関する事業計画' });

export type Filing = z.infer<typeof filing>;
export type Agent = z.infer<typeof agent>;
export type Terminal = z.infer<typeof terminal>;
export type TosOverview = z.infer<typeof tosOverview>;
export type ExternalConnection = z.infer<typeof externalConnection>;
export type Measures = z.infer<typeof measures>;
export type Measure = NonNullable<Measures[RequirementId]>;
export type ApplicationKind = EnumValue<'applicationKind'>;
