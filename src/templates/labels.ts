import { ENUM_LABELS } from '../model/measureDetails.ts';

/** Japanese labels for the filing's enum values, as the documents print them. */
export const LABELS = {
  applicationKind: {
    'new-license': '一般港湾運送事業の許可申請',
    'plan-change-approval': '事業計画変更認可申請',
    'plan-change-notification': '事業計画変更届出',
  },
  terminalType: { container: 'コンテナ埠頭', 'ferry-roro': 'フェリー・RORO埠頭', bulk: 'バルク埠頭', other: 'その他' },
  applicantRole: { owner: '所有者', user: '使用者', 'owner-and-user': '所有者かつ使用者' },
  hosting: { 'on-premises': '自社設置（オンプレミス）', 'data-center': 'データセンター', cloud: 'クラウドサービス', hybrid: '併用' },
  connectionMethod: { vpn: 'VPN', 'leased-line': '専用線', nat: 'NAT', internet: 'インターネット', other: 'その他' },
  outsourcingScope: { development: '開発', maintenance: '保守', operation: '運用', cloud: 'クラウド', line: '回線' },
  contactKind: {
    'transport-bureau': '地方運輸局等',
    'port-manager': '港湾管理者',
    police: '都道府県警察',
    'security-vendor': 'セキュリティベンダー',
    'specialist-organization': 'セキュリティ専門機関',
    'tos-vendor': 'TOS保守・開発会社',
    other: 'その他',
  },
  status: {
    implemented: '実施済み',
    partial: '一部実施',
    planned: '実施予定',
    alternative: '代替措置',
    'not-applicable': '該当なし',
  },
  scope: { all: '全ての港', specified: '特定の港' },
} as const;

const FLAT_LABELS: Record<string, string> = Object.assign({}, ...Object.values(LABELS), ENUM_LABELS);

/** The Japanese label of an enum value (vpn → VPN, data-center → データセンター), if it has one. */
export function enumLabel(value: string): string | undefined {
  return FLAT_LABELS[value];
}
