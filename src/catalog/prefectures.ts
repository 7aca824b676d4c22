import type { Bureau } from './bureaus.ts';

/**
 * The 47 都道府県 and the bureau competent for port matters (港湾運送事業 is a 海事 matter) in each. Used to set
 * and check the addressee of a filing for a port outside the registry, and to give each 指定港 its bureau.
 *
 * Sources (stored copies, found with the search tool): the Japanese Wikipedia article 「地方運輸局」 (the 海事
 * jurisdiction of each bureau; 神戸運輸監理部 for 兵庫県, 沖縄総合事務局 for 沖縄県) and the article 「山口運輸支局」:
 * in 山口県 the 海事 matters of 下関市・宇部市・長門市・山陽小野田市 belong to 九州運輸局 (下関海事事務所), the rest to
 * 中国運輸局. Legal basis: 国土交通省設置法 and the organisation rules of the 地方運輸局; confirm against the current
 * text before relying on a single row.
 */
export interface Prefecture {
  /** 岩手県, 東京都, 大阪府, 北海道 */
  name: string;
  /** The bureau for port matters in the prefecture. */
  bureau: Bureau;
  /** A second bureau competent for part of the prefecture, with the part. */
  also?: { bureau: Bureau; where: string };
}

const p = (name: string, bureau: Bureau, also?: Prefecture['also']): Prefecture => (also ? { name, bureau, also } : { name, bureau });

export const PREFECTURES: readonly Prefecture[] = [
  p('北海道', '北海道運輸局'),
  p('青森県', '東北運輸局'),
  p('岩手県', '東北運輸局'),
  p('宮城県', '東北運輸局'),
  p('秋田県', '東北運輸局'),
  p('山形県', '東北運輸局'),
  p('福島県', '東北運輸局'),
  p('茨城県', '関東運輸局'),
  p('栃木県', '関東運輸局'),
  p('群馬県', '関東運輸局'),
  p('埼玉県', '関東運輸局'),
  p('千葉県', '関東運輸局'),
  p('東京都', '関東運輸局'),
  p('神奈川県', '関東運輸局'),
  p('山梨県', '関東運輸局'),
  p('新潟県', '北陸信越運輸局'),
  p('富山県', '北陸信越運輸局'),
  p('石川県', '北陸信越運輸局'),
  p('長野県', '北陸信越運輸局'),
  p('福井県', '中部運輸局'),
  p('岐阜県', '中部運輸局'),
  p('静岡県', '中部運輸局'),
  p('愛知県', '中部運輸局'),
  p('三重県', '中部運輸局'),
  p('滋賀県', '近畿運輸局'),
  p('京都府', '近畿運輸局'),
  p('大阪府', '近畿運輸局'),
  p('兵庫県', '神戸運輸監理部'),
  p('奈良県', '近畿運輸局'),
  p('和歌山県', '近畿運輸局'),
  p('鳥取県', '中国運輸局'),
  p('島根県', '中国運輸局'),
  p('岡山県', '中国運輸局'),
  p('広島県', '中国運輸局'),
  p('山口県', '中国運輸局', { bureau: '九州運輸局', where: '下関市・宇部市・長門市・山陽小野田市' }),
  p('徳島県', '四国運輸局'),
  p('香川県', '四国運輸局'),
  p('愛媛県', '四国運輸局'),
  p('高知県', '四国運輸局'),
  p('福岡県', '九州運輸局'),
  p('佐賀県', '九州運輸局'),
  p('長崎県', '九州運輸局'),
  p('熊本県', '九州運輸局'),
  p('大分県', '九州運輸局'),
  p('宮崎県', '九州運輸局'),
  p('鹿児島県', '九州運輸局'),
  p('沖縄県', '沖縄総合事務局'),
];

/** 岩手県 → 岩手 (北海道 stays): the form the 別表 uses. */
export const shortPrefecture = (name: string) => (name === '北海道' ? name : name.replace(/[都府県]$/u, ''));

const byName = new Map<string, Prefecture>();
for (const pref of PREFECTURES) {
  byName.set(pref.name, pref);
  byName.set(shortPrefecture(pref.name), pref);
}

/** 「岩手」「岩手県」「 岩手県 」 → the prefecture; anything else → undefined. */
export function findPrefecture(raw: string): Prefecture | undefined {
  return byName.get(raw.normalize('NFKC').replace(/[\s\u3000]+/g, ''));
}

/** The bureaus competent in the prefecture: the main one first. */
export const bureausOf = (pref: Prefecture): Bureau[] => (pref.also ? [pref.bureau, pref.also.bureau] : [pref.bureau]);
