import type { Lang } from '../util/lang.ts';

/**
 * The mandatory items (強制要件) of the MLIT port-sector information-security guideline that a
 * business plan under the 港湾運送事業法 must address. The ids are a contract shared with
 * ../shared/domain/requirements-catalog.md, the filing files and the JSON output.
 *
 * Summaries are our own wording. References point at the guideline (第2版, 令和7年3月28日):
 * volume SR = セキュリティ責任者編, SO = システム構築・運用者編.
 */

export type Scope = 'all' | 'specified';
export type Confidence = 'high' | 'medium' | 'low';
export type Volume = 'SR' | 'SO';

/** A condition that the filing itself must show before `not-applicable` is accepted. */
export type NotApplicableCondition = 'no-external-connections' | 'no-removable-media' | 'no-outsourcing';

export interface GuidelineRef {
  volume: Volume;
  section: string;
  heading: string;
  block: string;
}

/** The ids, in catalog order (requirements-catalog.md §0). A contract: never renamed. */
export const REQUIREMENT_IDS = [
  'asset-network-inventory',
  'outsourcing-security-contract',
  'incident-response-procedure',
  'incident-response-training',
  'bcp-system-failure',
  'bcp-training',
  'external-expert-liaison',
  'incident-response-organization',
  'security-info-collection',
  'tos-good-practice-sharing',
  'security-awareness-training',
  'ext-device-vulnerability-management',
  'security-audit',
  'ext-source-ip-restriction',
  'ext-multifactor-auth',
  'ext-account-lockout-detection',
  'internal-admin-credentials',
  'internal-admin-multifactor-auth',
  'log-collection-offsystem',
  'ext-device-replace-after-attack',
  'server-antimalware',
  'internal-software-update',
  'removable-media-scan',
  'backup-targets-frequency',
  'backup-generations-isolation',
] as const;

export type RequirementId = (typeof REQUIREMENT_IDS)[number];

export interface Requirement {
  id: RequirementId;
  scope: Scope;
  confidence: Confidence;
  title: string;
  summary: string;
  references: readonly GuidelineRef[];
  /** Detail fields (keys of the measure's `details`) that an implemented measure is expected to give. */
  keyDetails: readonly string[];
  notApplicableWhen?: NotApplicableCondition;
}

export const VOLUME_TITLES: Record<Volume, { ja: string; en: string }> = {
  SR: { ja: 'セキュリティ責任者編', en: 'Security managers volume' },
  SO: { ja: 'システム構築・運用者編', en: 'System builders and operators volume' },
};

const sr = (section: string, heading: string, block: string): GuidelineRef => ({ volume: 'SR', section, heading, block });
const so = (section: string, heading: string, block: string): GuidelineRef => ({ volume: 'SO', section, heading, block });

export const REQUIREMENTS = [
  {
    id: 'asset-network-inventory',
    scope: 'all',
    confidence: 'high',
    title: '資産の管理（機器構成・ネットワーク構成・外部接続・未管理機器の把握）',
    summary:
      'TOSの機器構成とネットワーク構成、外部との接続の状況、管理外の機器がつながっていないかを把握し、構成図や台帳として最新の状態に保つ。',
    references: [sr('1.2.1', '資産の特定', '資産の管理')],
    keyDetails: ['networkDiagram', 'reviewFrequency', 'unmanagedDeviceCheck'],
  },
  {
    id: 'outsourcing-security-contract',
    scope: 'all',
    confidence: 'high',
    title: '外部委託を行う場合の情報セキュリティの確保',
    summary:
      'TOSの開発・保守を委託するときは、選定手続・選定基準・委託先の要件を定めたうえで委託先を選び、セキュリティ対策、機密保持（目的外利用の禁止を含む）、障害時の対処、対策不履行時の対処を契約に盛り込む。',
    references: [sr('1.7.1', '業務委託（共通事項）', '外部委託を行う場合の情報セキュリティの確保')],
    keyDetails: ['selectionRules', 'contractClauses'],
    notApplicableWhen: 'no-outsourcing',
  },
  {
    id: 'incident-response-procedure',
    scope: 'specified',
    confidence: 'high',
    title: 'セキュリティインシデント対応手順の策定',
    summary:
      'サイバー攻撃などのインシデントに備え、証拠の保全、被害拡大の防止、復旧、原因調査と報告の手順をあらかじめ文書にしておく。ランサムウェアの身代金には応じない。',
    references: [sr('1.8.1', 'コンティンジェンシープランの作成', 'セキュリティインシデント対応手順の策定')],
    keyDetails: ['document', 'coverage'],
  },
  {
    id: 'incident-response-training',
    scope: 'specified',
    confidence: 'high',
    title: 'セキュリティインシデント対応訓練の実施',
    summary: 'インシデント対応手順が実際に機能するかを確かめる訓練を定期的に行い、結果を手順の見直しに生かす。',
    references: [
      sr('2.3', '演習・訓練', 'セキュリティインシデント対応訓練の実施'),
      sr('1.8.1', 'コンティンジェンシープランの作成', 'セキュリティインシデント対応手順の策定'),
    ],
    keyDetails: ['frequency'],
  },
  {
    id: 'bcp-system-failure',
    scope: 'all',
    confidence: 'high',
    title: 'システム障害やサイバー攻撃を想定したBCPの策定',
    summary:
      'システム障害とサイバー攻撃も想定したBCPを定め、優先業務、継続方法、連携部門、対外発信に加えて、障害調査の手順、復旧の手順（保守・開発会社と共有）、TOSを使わない荷役の手順を整理しておく。',
    references: [
      sr('1.8.2', '事業継続計画等の作成', 'システム障害やサイバー攻撃を想定したものを含むBCPの策定'),
      sr('2.3', '演習・訓練', 'BCPに関する訓練の実施'),
    ],
    keyDetails: ['document', 'investigation', 'recovery', 'manualOperation'],
  },
  {
    id: 'bcp-training',
    scope: 'all',
    confidence: 'high',
    title: 'BCPに関する訓練の実施',
    summary: 'システム障害やサイバー攻撃を想定したBCPに沿った訓練を定期的に行う。',
    references: [sr('2.3', '演習・訓練', 'BCPに関する訓練の実施')],
    keyDetails: ['frequency'],
  },
  {
    id: 'external-expert-liaison',
    scope: 'specified',
    confidence: 'high',
    title: 'セキュリティベンダー・専門機関・都道府県警察等との平時からの情報交換',
    summary: '事案が起きたときの相談先となるセキュリティベンダー、専門機関、都道府県警察などと、平時から連絡先を共有し情報交換しておく。',
    references: [
      sr('1.9.1', 'CSIRT等の整備、関連部門との役割分担等の合意', 'インシデント対応の社内外の組織体制の整備'),
      sr('2.1.3', '情報共有', '情報セキュリティに関する情報収集'),
    ],
    keyDetails: ['liaisons'],
  },
  {
    id: 'incident-response-organization',
    scope: 'specified',
    confidence: 'high',
    title: 'インシデント対応体制（CSIRT等）の整備',
    summary: '脆弱性情報の収集と分析、インシデント発生時の対応、社内外との情報共有と連携を担う体制（CSIRTまたは同等の組織）を置く。',
    references: [sr('1.9.1', 'CSIRT等の整備、関連部門との役割分担等の合意', 'インシデント対応の社内外の組織体制の整備')],
    keyDetails: ['functions'],
  },
  {
    id: 'security-info-collection',
    scope: 'specified',
    confidence: 'high',
    title: '情報セキュリティに関する継続的な情報収集',
    summary: '脅威や脆弱性の情報は日々更新されるため、情報源と担当を決めて継続的に収集し、TOSへの影響を判断する。',
    references: [sr('2.1.3', '情報共有', '情報セキュリティに関する情報収集')],
    keyDetails: ['sources', 'frequency'],
  },
  {
    id: 'tos-good-practice-sharing',
    scope: 'specified',
    confidence: 'low',
    title: 'TOS担当者間のグッドプラクティス・ヒヤリハット共有',
    summary: 'TOSの情報セキュリティ担当者どうしで、良い取組やヒヤリハットを共有する枠組みに参加する。',
    references: [sr('2.1.3', '情報共有', '情報セキュリティに関する情報収集')],
    keyDetails: ['forums'],
  },
  {
    id: 'security-awareness-training',
    scope: 'all',
    confidence: 'high',
    title: '情報セキュリティ意識の向上及び教育・訓練',
    summary: 'システム担当者だけでなくTOSの利用者やPC操作者も含め、規程を周知し、情報セキュリティの教育・訓練を行う。',
    references: [sr('2.2', '人材育成・意識啓発', '情報セキュリティ意識の向上及び情報セキュリティ教育・訓練')],
    keyDetails: ['audiences', 'frequency'],
  },
  {
    id: 'ext-device-vulnerability-management',
    scope: 'all',
    confidence: 'high',
    title: '外部接続ネットワーク機器の脆弱性情報の収集と確実な更新',
    summary: 'VPNルータなど外部と接続する機器のソフトウェアについて脆弱性情報を集め、対策状況を定期的に確かめ、確実に更新する。',
    references: [
      sr('2.4.1', 'モニタリング実施計画の策定と実施', '脆弱性や設定不備の定期検査'),
      so('2.7.1', 'マルウェアからの保護', '外部接続するネットワーク機器に係るマルウェア対策'),
      so('2.7.4', '運用ソフトウェアの管理', '外部接続するネットワーク機器に係る運用ソフトウェアの管理'),
    ],
    keyDetails: ['checkFrequency', 'infoSources'],
    notApplicableWhen: 'no-external-connections',
  },
  {
    id: 'security-audit',
    scope: 'specified',
    confidence: 'high',
    title: '自己点検及び独立性を有する者による情報セキュリティ監査',
    summary: '自己点検に加えて、独立性のある者（外部監査人や内部監査部門）による情報セキュリティ監査を定期的に受ける。',
    references: [sr('2.4.3', '監査計画の策定と実施', '独立性を有する者による情報セキュリティ対策の点検')],
    keyDetails: ['selfInspection', 'independentAudit'],
  },
  {
    id: 'ext-source-ip-restriction',
    scope: 'all',
    confidence: 'medium',
    title: '外部接続機器における接続元の限定（IPアドレス指定）',
    summary: 'VPNルータなどでは接続元のIPアドレスを指定し、あらかじめ許可した者だけが接続できるようにする。',
    references: [so('2.1.1', '利用者アクセスの管理', '外部との接続に係る不正アクセス対策')],
    keyDetails: ['allowedSources'],
    notApplicableWhen: 'no-external-connections',
  },
  {
    id: 'ext-multifactor-auth',
    scope: 'specified',
    confidence: 'high',
    title: '外部接続機器における外部ユーザの多要素認証',
    summary: '外部から接続する利用者には複数の要素による認証を求め、パスワードは推測されにくいものとし、IDは安全な方法で配布する。',
    references: [
      so('2.1.2', '主体認証機能', '外部との接続に係る主体認証機能'),
      so('2.1.1', '利用者アクセスの管理', '外部との接続に係る不正アクセス対策'),
    ],
    keyDetails: ['factors', 'passwordPolicy'],
    notApplicableWhen: 'no-external-connections',
  },
  {
    id: 'ext-account-lockout-detection',
    scope: 'all',
    confidence: 'medium',
    title: '外部接続機器におけるアカウントロックと不正ログイン試行の検知',
    summary: 'VPNルータなどでログイン失敗が続いたときのアカウントロックと、普段と異なる接続元からの試行の検知・通知を設ける。',
    references: [
      so('2.2.1', 'アクセス制御機能', '外部との接続に係るアクセス制御対策'),
      so('2.1.1', '利用者アクセスの管理', '外部との接続に係る不正アクセス対策'),
    ],
    keyDetails: ['lockout', 'detection'],
    notApplicableWhen: 'no-external-connections',
  },
  {
    id: 'internal-admin-credentials',
    scope: 'all',
    confidence: 'high',
    title: 'サーバ・内部ネットワーク機器の管理者ID・パスワードの適切な管理',
    summary: 'サーバと内部のネットワーク機器は、管理者用の初期ID・パスワードを変更し、推測されにくい複雑なパスワードで管理する。',
    references: [
      so('2.1.1', '利用者アクセスの管理', 'TOS等ネットワーク内のサーバ機器、ネットワーク機器に係る不正アクセス対策'),
      so('2.1.2', '主体認証機能', 'TOS等ネットワーク内のサーバ機器、ネットワーク機器に係る主体認証機能'),
    ],
    keyDetails: ['defaultCredentialsChanged', 'passwordPolicy'],
  },
  {
    id: 'internal-admin-multifactor-auth',
    scope: 'specified',
    confidence: 'medium',
    title: 'サーバ・内部ネットワーク機器の管理者の多要素認証',
    summary: 'サーバと内部のネットワーク機器への管理者ログインに複数の要素による認証を用い、管理者IDを安全な方法で配布する。',
    references: [so('2.1.1', '利用者アクセスの管理', 'TOS等ネットワーク内のサーバ機器、ネットワーク機器に係る不正アクセス対策')],
    keyDetails: ['factors'],
  },
  {
    id: 'log-collection-offsystem',
    scope: 'all',
    confidence: 'high',
    title: 'ログの定期取得とシステム外への保存',
    summary: '外部接続機器の通信記録と、サーバ・内部ネットワーク機器のログを定期的に取得し、TOSとは別の場所にバックアップする。',
    references: [
      so('2.7.3', 'ログ取得', 'TOS等ネットワーク内のサーバ機器、ネットワーク機器のログの取得'),
      so('2.7.1', 'マルウェアからの保護', '外部接続するネットワーク機器に係るマルウェア対策'),
    ],
    keyDetails: ['logSets'],
  },
  {
    id: 'ext-device-replace-after-attack',
    scope: 'all',
    confidence: 'medium',
    title: 'サイバー攻撃を受けた外部接続機器の新品交換',
    summary: '外部接続機器が攻撃を受けたときは踏み台にされているおそれがあるため、新品に交換する方針と手配の方法を決めておく。',
    references: [so('2.7.1', 'マルウェアからの保護', '外部接続するネットワーク機器に係るマルウェア対策')],
    keyDetails: ['arrangement'],
    notApplicableWhen: 'no-external-connections',
  },
  {
    id: 'server-antimalware',
    scope: 'all',
    confidence: 'high',
    title: 'サーバへのセキュリティ対策ソフトの導入と定義ファイルの常時更新',
    summary: 'サーバにはOS付属のもの以外のセキュリティ対策ソフトを入れ、定義ファイルを常に最新にする。',
    references: [so('2.7.1', 'マルウェアからの保護', 'TOS等ネットワーク内のサーバ機器等に係るマルウェア対策')],
    keyDetails: ['product', 'updateMethod'],
  },
  {
    id: 'internal-software-update',
    scope: 'all',
    confidence: 'low',
    title: 'サーバ・内部ネットワーク機器のソフトウェアの定期確認と更新',
    summary: 'サーバと内部ネットワーク機器で使うソフトウェアの情報を定期的に確かめ、確実に更新する。',
    references: [
      so('2.7.1', 'マルウェアからの保護', 'TOS等ネットワーク内のサーバ機器等に係るマルウェア対策'),
      so('2.7.4', '運用ソフトウェアの管理', 'TOS等ネットワーク内のサーバ機器等に係る運用ソフトウェアの管理'),
    ],
    keyDetails: ['checkFrequency'],
  },
  {
    id: 'removable-media-scan',
    scope: 'specified',
    confidence: 'high',
    title: '外部記憶媒体（USB等）使用前のTOSと切り離した端末でのウイルスチェック',
    summary: 'USBメモリなどはできるだけ使わず、やむを得ず使うときはTOSにつながっていない端末で事前にウイルスチェックし、異常がないことを確かめてから使う。',
    references: [so('2.7.1', 'マルウェアからの保護', '外部記憶媒体（USB等）に係るマルウェア対策')],
    keyDetails: ['scanTerminal'],
    notApplicableWhen: 'no-removable-media',
  },
  {
    id: 'backup-targets-frequency',
    scope: 'all',
    confidence: 'high',
    title: 'バックアップ対象の設定と適切な頻度での取得',
    summary: 'システムプログラム（開発・評価環境を含む）、コンテナ情報などの動的データ、システムログをバックアップ対象とし、対象ごとに取得頻度を決める。',
    references: [so('2.7.2', 'バックアップ', 'バックアップ')],
    keyDetails: ['targets'],
  },
  {
    id: 'backup-generations-isolation',
    scope: 'all',
    confidence: 'high',
    title: 'バックアップの複数世代保存と現用システムからの切り離し',
    summary: 'ウイルスの潜伏期間を考え、数週間前のものを含む複数世代のバックアップを残し、現用のシステムから切り離した場所に保管する。',
    references: [so('2.7.2', 'バックアップ', 'バックアップ')],
    keyDetails: ['generations', 'isolatedLocation'],
  },
] as const satisfies readonly Requirement[];

// every id has exactly one entry, in the same order (checked when the module loads; a test covers it too)
if (REQUIREMENTS.map((r) => r.id).join() !== REQUIREMENT_IDS.join()) throw new Error('requirements catalog: ids and entries differ');

const byId = new Map<string, Requirement>(REQUIREMENTS.map((r) => [r.id, r]));

export function requirementById(id: string): Requirement | undefined {
  return byId.get(id);
}

/** "セキュリティ責任者編 1.2.1 資産の特定" */
export function formatReference(ref: GuidelineRef, lang: Lang = 'ja'): string {
  return `${VOLUME_TITLES[ref.volume][lang]} ${ref.section} ${ref.heading}`;
}

const SHORT_VOLUME: Record<Volume, string> = { SR: '責任者編', SO: '運用者編' };

/** "責任者編 2.4.1、運用者編 2.7.1・2.7.4": the sections only, for narrow table cells. */
export function formatReferencesShort(refs: readonly GuidelineRef[]): string {
  const byVolume = new Map<Volume, string[]>();
  for (const ref of refs) byVolume.set(ref.volume, [...(byVolume.get(ref.volume) ?? []), ref.section]);
  return [...byVolume].map(([volume, sections]) => `${SHORT_VOLUME[volume]} ${[...new Set(sections)].join('・')}`).join('、');
}
