import * as z from 'zod';
import type { RequirementId } from '../catalog/requirements.ts';
import { enumOf } from './enumSchema.ts';
import { calendarDate, labelled, list, longText, opt, text } from './primitives.ts';

/**
 * The item-specific facts each measure may give (requirements-catalog.md §2 "Data"). Every field is
 * optional in the schema: the catalog's `keyDetails` says which ones an implemented measure should give,
 * and the validator warns when they are missing. Titles label the fields in the documents.
 */

const texts = (title: string) => opt(title, list(text()).min(1));
const frequency = () => opt('頻度', text());
const document = opt(
  '文書',
  z.strictObject({
    name: labelled('文書名', longText()),
    establishedOn: opt('制定日', calendarDate()),
    revisedOn: opt('最終改定日', calendarDate()),
  }),
);
const authFactor = enumOf('authFactor');

export const MEASURE_DETAILS = {
  'asset-network-inventory': z.strictObject({
    networkDiagram: opt(
      'ネットワーク構成図',
      z.strictObject({
        name: labelled('図面名', longText()),
        updatedOn: opt('最終更新日', calendarDate()),
      }),
    ),
    assetRegister: opt('資産台帳', longText()),
    reviewFrequency: opt('見直しの頻度・契機', longText()),
    unmanagedDeviceCheck: opt('未管理機器の接続確認方法', longText()),
  }),
  'outsourcing-security-contract': z.strictObject({
    selectionRules: opt('委託先の選定手続・選定基準', longText()),
    vendorRequirements: opt('委託先が具備すべき要件', longText()),
    contractClauses: opt(
      '契約に定めている事項',
      z.strictObject({
        securityMeasures: opt('委託業務における情報セキュリティ対策', z.boolean()),
        confidentiality: opt('機密保持（目的外利用の禁止を含む）', z.boolean()),
        failureHandling: opt('システム障害に対する対処手順', z.boolean()),
        nonPerformance: opt('対策の履行が不十分な場合の対処手順', z.boolean()),
      }),
    ),
  }),
  'incident-response-procedure': z.strictObject({
    document,
    coverage: opt(
      '定めている手順',
      list(enumOf('incidentProcedure')).min(1),
    ),
    ransomPaymentRefused: opt('ランサムウェアの身代金要求に応じない方針', z.boolean()),
  }),
  'incident-response-training': z.strictObject({
    frequency: frequency(),
    lastConductedOn: opt('直近の実施日', calendarDate()),
    format: opt('訓練の形式', longText()),
    participants: opt('参加者', longText()),
  }),
  'bcp-system-failure': z.strictObject({
    document,
    investigation: opt('障害調査の手順（連絡先・調査の委託先）', longText()),
    recovery: opt('復旧の手順', longText()),
    recoverySharedWithVendors: opt('復旧手順の保守・開発会社との共有', z.boolean()),
    manualOperation: opt('TOSを利用しない荷役の手順', longText()),
  }),
  'bcp-training': z.strictObject({
    frequency: frequency(),
    lastConductedOn: opt('直近の実施日', calendarDate()),
    scenario: opt('想定した事象', longText()),
  }),
  'external-expert-liaison': z.strictObject({
    liaisons: opt(
      '情報交換の相手先',
      list(
          z.strictObject({
            kind: labelled('区分', enumOf('liaisonKind')),
            organization: labelled('名称', longText()),
            exchange: opt('情報交換の方法', longText()),
          }),
        ).min(1),
    ),
  }),
  'incident-response-organization': z.strictObject({
    functions: opt(
      '所掌する機能',
      list(enumOf('csirtFunction')).min(1),
    ),
  }),
  'security-info-collection': z.strictObject({
    sources: texts('情報源'),
    frequency: frequency(),
    responsible: opt('担当', longText()),
    triage: opt('対応要否の判断', longText()),
  }),
  'tos-good-practice-sharing': z.strictObject({
    forums: texts('参加している枠組み'),
  }),
  'security-awareness-training': z.strictObject({
    policyDissemination: opt('規程の周知方法', longText()),
    audiences: texts('対象者'),
    frequency: frequency(),
    method: opt('実施方法', longText()),
    lastConductedOn: opt('直近の実施日', calendarDate()),
  }),
  'ext-device-vulnerability-management': z.strictObject({
    infoSources: texts('脆弱性情報の入手先'),
    checkFrequency: opt('確認の頻度', longText()),
    adHocTrigger: opt('臨時の確認の契機', longText()),
    performedBy: opt('実施者', longText()),
  }),
  'security-audit': z.strictObject({
    selfInspection: opt(
      '自己点検',
      z.strictObject({ frequency: frequency(), lastOn: opt('直近の実施日', calendarDate()) }),
    ),
    independentAudit: opt(
      '独立性を有する者による監査',
      z.strictObject({
        auditor: labelled('監査人', longText()),
        independence: labelled('独立性の根拠', enumOf('auditorIndependence')),
        frequency: frequency(),
        lastOn: opt('直近の実施日', calendarDate()),
      }),
    ),
  }),
  'ext-source-ip-restriction': z.strictObject({
    allowedSources: opt('許可している接続元', longText()),
    reviewFrequency: opt('許可リストの見直し', longText()),
  }),
  'ext-multifactor-auth': z.strictObject({
    factors: opt('認証要素', list(authFactor).min(2)),
    passwordPolicy: opt('パスワードの条件', longText()),
    idDistribution: opt('識別コードの配布方法・運用手順', longText()),
  }),
  'ext-account-lockout-detection': z.strictObject({
    lockout: opt('アカウントロック', longText()),
    detection: opt('不正ログイン試行の検知', longText()),
  }),
  'internal-admin-credentials': z.strictObject({
    defaultCredentialsChanged: opt('初期ID・パスワードの変更', z.boolean()),
    passwordPolicy: opt('管理者パスワードの条件', longText()),
    accountManagement: opt('管理者アカウントの管理方法', longText()),
  }),
  'internal-admin-multifactor-auth': z.strictObject({
    factors: opt('認証要素', list(authFactor).min(2)),
    idDistribution: opt('管理者IDの配布方法', longText()),
    coverage: opt('対象機器の範囲', longText()),
  }),
  'log-collection-offsystem': z.strictObject({
    logSets: opt(
      '取得しているログ',
      list(
          z.strictObject({
            devices: labelled('対象機器', longText()),
            logTypes: opt('ログの種類', longText()),
            frequency: labelled('取得頻度', longText()),
            storedAt: labelled('システム外の保存先', longText()),
            retention: opt('保存期間', longText()),
          }),
        ).min(1),
    ),
  }),
  'ext-device-replace-after-attack': z.strictObject({
    arrangement: opt('交換の手配方法', longText()),
  }),
  'server-antimalware': z.strictObject({
    product: opt('製品名', longText()),
    coverage: opt('導入範囲', longText()),
    updateMethod: opt('定義ファイルの更新方法', longText()),
  }),
  'internal-software-update': z.strictObject({
    checkFrequency: opt('確認の頻度', longText()),
    performedBy: opt('実施者', longText()),
  }),
  'removable-media-scan': z.strictObject({
    useCases: texts('利用する場面'),
    scanTerminal: opt('ウイルスチェックに用いる端末', longText()),
    recordKept: opt('チェック結果の記録', z.boolean()),
  }),
  'backup-targets-frequency': z.strictObject({
    targets: opt(
      'バックアップ対象と取得頻度',
      list(
          z.strictObject({
            target: labelled('対象', longText()),
            frequency: labelled('取得頻度', longText()),
            method: opt('方式', longText()),
          }),
        ).min(1),
    ),
  }),
  'backup-generations-isolation': z.strictObject({
    generations: opt('保存する世代', longText()),
    isolatedLocation: opt('現用システムと切り離した保存場所', longText()),
    restoreTest: opt('復元テスト', longText()),
  }),
} satisfies Record<RequirementId, z.ZodObject>;

