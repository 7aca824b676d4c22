import { z } from 'zod';
import type { RequirementId } from '../catalog/requirements.ts';
import { calendarDate, labelled, opt, text } from './primitives.ts';

/**
 * The item-specific facts each measure may give (requirements-catalog.md §2 "Data"). Every field is
 * optional in the schema: the catalog's `keyDetails` says which ones an implemented measure should give,
 * and the validator warns when they are missing. Titles label the fields in the documents.
 */

const texts = (title: string) => opt(title, z.array(text()).min(1));
const frequency = () => opt('頻度', text());
const document = opt(
  '文書',
  z.strictObject({
    name: labelled('文書名', text()),
    establishedOn: opt('制定日', calendarDate()),
    revisedOn: opt('最終改定日', calendarDate()),
  }),
);
const authFactor = z.enum(['knowledge', 'possession', 'biometric']).meta({ title: '認証要素' });

export const MEASURE_DETAILS = {
  'asset-network-inventory': z.strictObject({
    networkDiagram: opt(
      'ネットワーク構成図',
      z.strictObject({
        name: labelled('図面名', text()),
        updatedOn: opt('最終更新日', calendarDate()),
      }),
    ),
    assetRegister: opt('資産台帳', text()),
    reviewFrequency: opt('見直しの頻度・契機', text()),
    unmanagedDeviceCheck: opt('未管理機器の接続確認方法', text()),
  }),
  'outsourcing-security-contract': z.strictObject({
    selectionRules: opt('委託先の選定手続・選定基準', text()),
    vendorRequirements: opt('委託先が具備すべき要件', text()),
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
      z.array(z.enum(['evidence-preservation', 'containment', 'recovery', 'investigation', 'reporting'])).min(1),
    ),
    ransomPaymentRefused: opt('ランサムウェアの身代金要求に応じない方針', z.boolean()),
  }),
  'incident-response-training': z.strictObject({
    frequency: frequency(),
    lastConductedOn: opt('直近の実施日', calendarDate()),
    format: opt('訓練の形式', text()),
    participants: opt('参加者', text()),
  }),
  'bcp-system-failure': z.strictObject({
    document,
    investigation: opt('障害調査の手順（連絡先・調査の委託先）', text()),
    recovery: opt('復旧の手順', text()),
    recoverySharedWithVendors: opt('復旧手順の保守・開発会社との共有', z.boolean()),
    manualOperation: opt('TOSを利用しない荷役の手順', text()),
  }),
  'bcp-training': z.strictObject({
    frequency: frequency(),
    lastConductedOn: opt('直近の実施日', calendarDate()),
    scenario: opt('想定した事象', text()),
  }),
  'external-expert-liaison': z.strictObject({
    liaisons: opt(
      '情報交換の相手先',
      z
        .array(
          z.strictObject({
            kind: labelled('区分', z.enum(['security-vendor', 'specialist-organization', 'police', 'other'])),
            organization: labelled('名称', text()),
            exchange: opt('情報交換の方法', text()),
          }),
        )
        .min(1),
    ),
  }),
  'incident-response-organization': z.strictObject({
    functions: opt(
      '所掌する機能',
      z.array(z.enum(['vulnerability-information', 'incident-response', 'coordination'])).min(1),
    ),
  }),
  'security-info-collection': z.strictObject({
    sources: texts('情報源'),
    frequency: frequency(),
    responsible: opt('担当', text()),
    triage: opt('対応要否の判断', text()),
  }),
  'tos-good-practice-sharing': z.strictObject({
    forums: texts('参加している枠組み'),
  }),
  'security-awareness-training': z.strictObject({
    policyDissemination: opt('規程の周知方法', text()),
    audiences: texts('対象者'),
    frequency: frequency(),
    method: opt('実施方法', text()),
    lastConductedOn: opt('直近の実施日', calendarDate()),
  }),
  'ext-device-vulnerability-management': z.strictObject({
    infoSources: texts('脆弱性情報の入手先'),
    checkFrequency: opt('確認の頻度', text()),
    adHocTrigger: opt('臨時の確認の契機', text()),
    performedBy: opt('実施者', text()),
  }),
  'security-audit': z.strictObject({
    selfInspection: opt(
      '自己点検',
      z.strictObject({ frequency: frequency(), lastOn: opt('直近の実施日', calendarDate()) }),
    ),
    independentAudit: opt(
      '独立性を有する者による監査',
      z.strictObject({
        auditor: labelled('監査人', text()),
        independence: labelled('独立性の根拠', z.enum(['external', 'internal-audit'])),
        frequency: frequency(),
        lastOn: opt('直近の実施日', calendarDate()),
      }),
    ),
  }),
  'ext-source-ip-restriction': z.strictObject({
    allowedSources: opt('許可している接続元', text()),
    reviewFrequency: opt('許可リストの見直し', text()),
  }),
  'ext-multifactor-auth': z.strictObject({
    factors: opt('認証要素', z.array(authFactor).min(2)),
    passwordPolicy: opt('パスワードの条件', text()),
    idDistribution: opt('識別コードの配布方法・運用手順', text()),
  }),
  'ext-account-lockout-detection': z.strictObject({
    lockout: opt('アカウントロック', text()),
    detection: opt('不正ログイン試行の検知', text()),
  }),
  'internal-admin-credentials': z.strictObject({
    defaultCredentialsChanged: opt('初期ID・パスワードの変更', z.boolean()),
    passwordPolicy: opt('管理者パスワードの条件', text()),
    accountManagement: opt('管理者アカウントの管理方法', text()),
  }),
  'internal-admin-multifactor-auth': z.strictObject({
    factors: opt('認証要素', z.array(authFactor).min(2)),
    idDistribution: opt('管理者IDの配布方法', text()),
    coverage: opt('対象機器の範囲', text()),
  }),
  'log-collection-offsystem': z.strictObject({
    logSets: opt(
      '取得しているログ',
      z
        .array(
          z.strictObject({
            devices: labelled('対象機器', text()),
            logTypes: opt('ログの種類', text()),
            frequency: labelled('取得頻度', text()),
            storedAt: labelled('システム外の保存先', text()),
            retention: opt('保存期間', text()),
          }),
        )
        .min(1),
    ),
  }),
  'ext-device-replace-after-attack': z.strictObject({
    arrangement: opt('交換の手配方法', text()),
  }),
  'server-antimalware': z.strictObject({
    product: opt('製品名', text()),
    coverage: opt('導入範囲', text()),
    updateMethod: opt('定義ファイルの更新方法', text()),
  }),
  'internal-software-update': z.strictObject({
    checkFrequency: opt('確認の頻度', text()),
    performedBy: opt('実施者', text()),
  }),
  'removable-media-scan': z.strictObject({
    useCases: texts('利用する場面'),
    scanTerminal: opt('ウイルスチェックに用いる端末', text()),
    recordKept: opt('チェック結果の記録', z.boolean()),
  }),
  'backup-targets-frequency': z.strictObject({
    targets: opt(
      'バックアップ対象と取得頻度',
      z
        .array(
          z.strictObject({
            target: labelled('対象', text()),
            frequency: labelled('取得頻度', text()),
            method: opt('方式', text()),
          }),
        )
        .min(1),
    ),
  }),
  'backup-generations-isolation': z.strictObject({
    generations: opt('保存する世代', text()),
    isolatedLocation: opt('現用システムと切り離した保存場所', text()),
    restoreTest: opt('復元テスト', text()),
  }),
} satisfies Record<RequirementId, z.ZodObject>;

/** Labels for enum values that appear in the documents. */
export const ENUM_LABELS: Record<string, string> = {
  'evidence-preservation': '証拠保全',
  containment: '被害の拡大防止',
  recovery: 'システム障害の復旧',
  investigation: '原因調査',
  reporting: '報告',
  'security-vendor': 'セキュリティベンダー',
  'specialist-organization': 'セキュリティ専門機関',
  police: '都道府県警察',
  other: 'その他',
  'vulnerability-information': '脆弱性情報の収集・分析',
  'incident-response': 'インシデント対応',
  coordination: '社内外との情報共有・連携',
  external: '外部監査人',
  'internal-audit': '内部監査部門',
  knowledge: '知識情報（パスワード等）',
  possession: '所有情報（電子証明書・ワンタイムパスワード等）',
  biometric: '生体情報',
};
