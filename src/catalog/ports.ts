/**
 * The port registry. 特定の港 are the five ports named in the guideline (京浜港・名古屋港・大阪港・神戸港・博多港);
 * 東京港・川崎港・横浜港 are parts of 京浜港. The other entries are ports with container terminals, listed so
 * that a correctly spelled general port is recognised (and never mistaken for a specified one).
 */

export type SpecifiedPortName = '京浜港' | '名古屋港' | '大阪港' | '神戸港' | '博多港';

export interface PortEntry {
  name: string;
  /** The specified port this port is, or belongs to. */
  specifiedPort?: SpecifiedPortName;
  /** Other spellings people use; the bare name without 港 and the romanised name are always accepted. */
  aliases: readonly string[];
  romaji: string;
  /** The 地方運輸局 (or 神戸運輸監理部, 沖縄総合事務局) competent for the port: the filing is addressed to its head. */
  bureau: Bureau;
}

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

export const SPECIFIED_PORTS: readonly SpecifiedPortName[] = ['京浜港', '名古屋港', '大阪港', '神戸港', '博多港'];

const specified = (name: SpecifiedPortName, bureau: Bureau, romaji: string, aliases: string[] = []): PortEntry => ({
  name,
  bureau,
  specifiedPort: name,
  romaji,
  aliases,
});
const partOf = (name: string, port: SpecifiedPortName, bureau: Bureau, romaji: string, aliases: string[] = []): PortEntry => ({
  name,
  bureau,
  specifiedPort: port,
  romaji,
  aliases,
});
const general = (name: string, bureau: Bureau, romaji: string, aliases: string[] = []): PortEntry => ({ name, bureau, romaji, aliases });

export const PORTS: readonly PortEntry[] = [
  specified('京浜港', '関東運輸局', 'keihin'),
  partOf('東京港', '京浜港', '関東運輸局', 'tokyo'),
  partOf('川崎港', '京浜港', '関東運輸局', 'kawasaki'),
  partOf('横浜港', '京浜港', '関東運輸局', 'yokohama'),
  specified('名古屋港', '中部運輸局', 'nagoya'),
  specified('大阪港', '近畿運輸局', 'osaka'),
  specified('神戸港', '神戸運輸監理部', 'kobe'),
  specified('博多港', '九州運輸局', 'hakata', ['福岡港']),
  general('苫小牧港', '北海道運輸局', 'tomakomai'),
  general('石狩湾新港', '北海道運輸局', 'ishikariwanshin'),
  general('釧路港', '北海道運輸局', 'kushiro'),
  general('函館港', '北海道運輸局', 'hakodate'),
  general('八戸港', '東北運輸局', 'hachinohe'),
  general('仙台塩釜港', '東北運輸局', 'sendaishiogama', ['仙台港', '塩釜港', '仙台塩竈港']),
  general('秋田港', '東北運輸局', 'akita'),
  general('酒田港', '東北運輸局', 'sakata'),
  general('小名浜港', '東北運輸局', 'onahama'),
  general('新潟港', '北陸信越運輸局', 'niigata'),
  general('茨城港', '関東運輸局', 'ibaraki', ['常陸那珂港']),
  general('千葉港', '関東運輸局', 'chiba'),
  general('横須賀港', '関東運輸局', 'yokosuka'),
  general('清水港', '中部運輸局', 'shimizu'),
  general('田子の浦港', '中部運輸局', 'tagonoura'),
  general('御前崎港', '中部運輸局', 'omaezaki'),
  general('三河港', '中部運輸局', 'mikawa'),
  general('衣浦港', '中部運輸局', 'kinuura'),
  general('四日市港', '中部運輸局', 'yokkaichi'),
  general('伏木富山港', '北陸信越運輸局', 'fushikitoyama', ['富山港']),
  general('金沢港', '北陸信越運輸局', 'kanazawa'),
  general('敦賀港', '中部運輸局', 'tsuruga'),
  general('舞鶴港', '近畿運輸局', 'maizuru'),
  general('堺泉北港', '近畿運輸局', 'sakaisenboku', ['堺港', '泉北港']),
  general('阪南港', '近畿運輸局', 'hannan'),
  general('和歌山下津港', '近畿運輸局', 'wakayamashimotsu'),
  general('姫路港', '神戸運輸監理部', 'himeji'),
  general('尼崎西宮芦屋港', '神戸運輸監理部', 'amagasakinishinomiyaashiya'),
  general('水島港', '中国運輸局', 'mizushima'),
  general('福山港', '中国運輸局', 'fukuyama'),
  general('広島港', '中国運輸局', 'hiroshima'),
  general('徳山下松港', '中国運輸局', 'tokuyamakudamatsu'),
  general('岩国港', '中国運輸局', 'iwakuni'),
  general('下関港', '中国運輸局', 'shimonoseki'),
  general('境港', '中国運輸局', 'sakaiminato'),
  general('浜田港', '中国運輸局', 'hamada'),
  general('徳島小松島港', '四国運輸局', 'tokushimakomatsushima'),
  general('高松港', '四国運輸局', 'takamatsu'),
  general('松山港', '四国運輸局', 'matsuyama'),
  general('今治港', '四国運輸局', 'imabari'),
  general('高知港', '四国運輸局', 'kochi'),
  general('北九州港', '九州運輸局', 'kitakyushu', ['門司港', '小倉港']),
  general('苅田港', '九州運輸局', 'kanda'),
  general('伊万里港', '九州運輸局', 'imari'),
  general('長崎港', '九州運輸局', 'nagasaki'),
  general('八代港', '九州運輸局', 'yatsushiro'),
  general('熊本港', '九州運輸局', 'kumamoto'),
  general('大分港', '九州運輸局', 'oita'),
  general('細島港', '九州運輸局', 'hososhima'),
  general('志布志港', '九州運輸局', 'shibushi'),
  general('鹿児島港', '九州運輸局', 'kagoshima'),
  general('中城湾港', '沖縄総合事務局', 'nakagusukuwan'),
  general('那覇港', '沖縄総合事務局', 'naha'),
];
