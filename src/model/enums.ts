/**
 * Every choice a filing offers, with the Japanese label documents, messages and the editor show for each
 * value. Keyed by the enum a value belongs to: the same value (`cloud`, `other`) may read differently in two
 * enums, and each enum says it once.
 */
export const ENUMS = {
  applicationKind: {
    'new-license': '一般港湾運送事業の許可申請',
    'plan-change-approval': '事業計画変更認可申請',
    'plan-change-notification': '事業計画変更届出',
  },
  terminalType: { container: 'コンテナ埠頭', 'ferry-roro': 'フェリー・RORO埠頭', bulk: 'バルク埠頭', other: 'その他' },
  applicantRole: { owner: '所有者', user: '使用者', 'owner-and-user': '所有者かつ使用者' },
  hostingKind: { 'on-premises': '自社設置（オンプレミス）', 'data-center': 'データセンター', cloud: 'クラウドサービス', hybrid: '併用' },
  connectionMethod: { vpn: 'VPN', 'leased-line': '専用線', nat: 'NAT', internet: 'インターネット', other: 'その他' },
  outsourcingScope: { development: '開発', maintenance: '保守', operation: '運用', cloud: 'クラウドサービスの提供', line: '回線の提供' },
  contactKind: {
    'transport-bureau': '地方運輸局等',
    'port-manager': '港湾管理者',
    police: '都道府県警察',
    'security-vendor': 'セキュリティベンダー',
    'specialist-organization': 'セキュリティ専門機関',
    'tos-vendor': 'TOS保守・開発会社',
    other: 'その他',
  },
  agentQualification: { 'administrative-scrivener': '行政書士', attorney: '弁護士', other: 'その他' },
  auditorIndependence: { external: '外部監査人', 'internal-audit': '内部監査部門' },
  measureStatus: {
    implemented: '実施済み',
    partial: '一部実施',
    planned: '実施予定',
    alternative: '代替措置',
    'not-applicable': '該当なし',
  },
  incidentProcedure: {
    'evidence-preservation': '証拠保全',
    containment: '被害の拡大防止',
    recovery: 'システム障害の復旧',
    investigation: '原因調査',
    reporting: '報告',
  },
  liaisonKind: {
    'security-vendor': 'セキュリティベンダー',
    'specialist-organization': 'セキュリティ専門機関',
    police: '都道府県警察',
    other: 'その他',
  },
  csirtFunction: {
    'vulnerability-information': '脆弱性情報の収集・分析',
    'incident-response': 'インシデント対応',
    coordination: '社内外との情報共有・連携',
  },
  authFactor: {
    knowledge: '知識情報（パスワード等）',
    possession: '所有情報（電子証明書・ワンタイムパスワード等）',
    biometric: '生体情報',
  },
} as const;

export type EnumName = keyof typeof ENUMS;
export type EnumValue<E extends EnumName> = keyof (typeof ENUMS)[E] & string;

export function enumValues<E extends EnumName>(name: E): [EnumValue<E>, ...EnumValue<E>[]] {
  return Object.keys(ENUMS[name]) as [EnumValue<E>, ...EnumValue<E>[]];
}

/** The Japanese label of a value of an enum (connectionMethod, leased-line → 専用線). */
export function enumLabel<E extends EnumName>(name: E, value: EnumValue<E>): string {
  return (ENUMS[name] as Record<string, string>)[value]!;
}

export function enumOptions(name: EnumName): { value: string; label: string }[] {
  return Object.entries(ENUMS[name]).map(([value, label]) => ({ value, label }));
}

/** Folds width, blanks and case so that 「専用線」「専用線 」「ＶＰＮ」 all find their value. */
const fold = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '').toLowerCase();

/**
 * The canonical value for what a person wrote: the value itself, or its Japanese label (also without the
 * part in parentheses: 「自社設置」 for 自社設置（オンプレミス）). Undefined when nothing matches.
 */
export function enumValueFor(name: EnumName, written: string): string | undefined {
  const key = fold(written);
  for (const [value, label] of Object.entries(ENUMS[name])) {
    if (fold(value) === key || fold(label) === key) return value;
    const short = label.replace(/（[^）]*）$/, '');
    if (short !== label && fold(short) === key) return value;
  }
  return undefined;
}

/** Labels that are not choices of a filing but are said the same way everywhere. */
export const SCOPE_LABELS = { all: '全ての港', specified: '特定の港' } as const;
export const SEVERITY_LABELS = {
  error: { ja: 'エラー', en: 'error' },
  warning: { ja: '警告', en: 'warning' },
  info: { ja: '情報', en: 'info' },
} as const;
export const PORT_CLASS_LABELS = { specified: '特定の港', general: '特定の港以外の港' } as const;
