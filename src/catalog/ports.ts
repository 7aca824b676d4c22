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
}

export const SPECIFIED_PORTS: readonly SpecifiedPortName[] = ['京浜港', '名古屋港', '大阪港', '神戸港', '博多港'];

const specified = (name: SpecifiedPortName, romaji: string, aliases: string[] = []): PortEntry => ({
  name,
  specifiedPort: name,
  romaji,
  aliases,
});
const partOf = (name: string, port: SpecifiedPortName, romaji: string, aliases: string[] = []): PortEntry => ({
  name,
  specifiedPort: port,
  romaji,
  aliases,
});
const general = (name: string, romaji: string, aliases: string[] = []): PortEntry => ({ name, romaji, aliases });

export const PORTS: readonly PortEntry[] = [
  specified('京浜港', 'keihin'),
  partOf('東京港', '京浜港', 'tokyo'),
  partOf('川崎港', '京浜港', 'kawasaki'),
  partOf('横浜港', '京浜港', 'yokohama'),
  specified('名古屋港', 'nagoya'),
  specified('大阪港', 'osaka'),
  specified('神戸港', 'kobe'),
  specified('博多港', 'hakata', ['福岡港']),
  general('苫小牧港', 'tomakomai'),
  general('石狩湾新港', 'ishikariwanshin'),
  general('釧路港', 'kushiro'),
  general('函館港', 'hakodate'),
  general('八戸港', 'hachinohe'),
  general('仙台塩釜港', 'sendaishiogama', ['仙台港', '塩釜港', '仙台塩竈港']),
  general('秋田港', 'akita'),
  general('酒田港', 'sakata'),
  general('小名浜港', 'onahama'),
  general('新潟港', 'niigata'),
  general('茨城港', 'ibaraki', ['常陸那珂港']),
  general('千葉港', 'chiba'),
  general('横須賀港', 'yokosuka'),
  general('清水港', 'shimizu'),
  general('田子の浦港', 'tagonoura'),
  general('御前崎港', 'omaezaki'),
  general('三河港', 'mikawa'),
  general('衣浦港', 'kinuura'),
  general('四日市港', 'yokkaichi'),
  general('伏木富山港', 'fushikitoyama', ['富山港']),
  general('金沢港', 'kanazawa'),
  general('敦賀港', 'tsuruga'),
  general('舞鶴港', 'maizuru'),
  general('堺泉北港', 'sakaisenboku', ['堺港', '泉北港']),
  general('阪南港', 'hannan'),
  general('和歌山下津港', 'wakayamashimotsu'),
  general('姫路港', 'himeji'),
  general('尼崎西宮芦屋港', 'amagasakinishinomiyaashiya'),
  general('水島港', 'mizushima'),
  general('福山港', 'fukuyama'),
  general('広島港', 'hiroshima'),
  general('徳山下松港', 'tokuyamakudamatsu'),
  general('岩国港', 'iwakuni'),
  general('下関港', 'shimonoseki'),
  general('境港', 'sakaiminato'),
  general('浜田港', 'hamada'),
  general('徳島小松島港', 'tokushimakomatsushima'),
  general('高松港', 'takamatsu'),
  general('松山港', 'matsuyama'),
  general('今治港', 'imabari'),
  general('高知港', 'kochi'),
  general('北九州港', 'kitakyushu', ['門司港', '小倉港']),
  general('苅田港', 'kanda'),
  general('伊万里港', 'imari'),
  general('長崎港', 'nagasaki'),
  general('八代港', 'yatsushiro'),
  general('熊本港', 'kumamoto'),
  general('大分港', 'oita'),
  general('細島港', 'hososhima'),
  general('志布志港', 'shibushi'),
  general('鹿児島港', 'kagoshima'),
  general('中城湾港', 'nakagusukuwan'),
  general('那覇港', 'naha'),
];
