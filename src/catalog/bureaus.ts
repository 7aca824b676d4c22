/** The bureaus a filing is addressed to: the 地方運輸局, 神戸運輸監理部 (兵庫県) and 沖縄総合事務局 (沖縄県). */
export const BUREAUS = [
  '北海道運輸局',
  '東北運輸局',
  '関東運輸局',
  '北陸信越運輸局',
  '中部運輸局',
  '近畿運輸局',
  '神戸運輸監理部',
  '中国運輸局',
  '四国運輸局',
  '九州運輸局',
  '沖縄総合事務局',
] as const;
export type Bureau = (typeof BUREAUS)[number];

/** 関東運輸局 → 関東運輸局長: the addressee of a filing. */
export const addresseeOf = (bureau: Bureau) => `${bureau}長`;
