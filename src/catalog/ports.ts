import { type Bureau, BUREAUS, addresseeOf } from './bureaus.ts';
import { PREFECTURES, type Prefecture } from './prefectures.ts';

export { BUREAUS, addresseeOf, type Bureau };

/**
 * The port registry.
 *
 * 1. Every 指定港 of 港湾運送事業法 — the ports of 港湾運送事業法施行令（昭和26年政令第215号）別表第一（第2条関係）,
 *    under the names the 別表 gives them. Source: a stored copy of the 施行令's 別表 (jplaws.app, page
 *    `326CO0000000215-a`), checked entry by entry against the team's note `domain/designated-ports.md`.
 *    The competent bureau: 港湾運送事業法施行規則 第1条 gives the 地方運輸局長 of the place of the port; the bureau
 *    of each prefecture is in prefectures.ts (with its sources). Where the copy is unclear the entry says so
 *    (`confirmed: false` and a note).
 * 2. 特定の港 — the five ports the guideline names (京浜港・名古屋港・大阪港・神戸港・博多港); 東京港・川崎港・横浜港
 *    are parts of 京浜港. These are 指定港 too, and are never changed by this list.
 * 3. Names people use for a part of a 指定港 (北九州港 → 関門港), each with the source that places it there.
 * 4. Names of ports that are not a 指定港 under that name and that no source places in one (石狩湾新港…): known,
 *    so that their bureau is known, but they are warned about (PORT_NOT_DESIGNATED) and never specified.
 */

export type SpecifiedPortName = '京浜港' | '名古屋港' | '大阪港' | '神戸港' | '博多港';
export const SPECIFIED_PORTS: readonly SpecifiedPortName[] = ['京浜港', '名古屋港', '大阪港', '神戸港', '博多港'];

export type PortKind = 'designated' | 'part' | 'not-designated';

export interface PortEntry {
  name: string;
  /** designated: a 指定港 of 別表第一; part: a name for a part of one; not-designated: known, but no 指定港. */
  kind: PortKind;
  /** The 指定港 this port is or lies in (undefined for a not-designated name). */
  designatedPort?: string;
  /** The specified port this port is, or belongs to. */
  specifiedPort?: SpecifiedPortName;
  /** 都道府県 as the 別表 gives them (one, or two for a port that spans them). */
  prefectures: readonly string[];
  /** The 地方運輸局 (or 神戸運輸監理部, 沖縄総合事務局) competent for the port: the filing is addressed to its head. */
  bureau: Bureau;
  /** Other spellings people use; the bare name without 港 and the romanised name are always accepted. */
  aliases: readonly string[];
  romaji: string;
  /** false where the stored copy of the 別表, or the source for a part, leaves the entry in doubt. */
  confirmed: boolean;
  /** Where the entry comes from or what is in doubt (for maintainers). */
  note?: string;
  /** For a not-designated name: what a clerk should check (Japanese, shown in the warning). */
  hint?: string;
}

const prefectureNamed = (short: string): Prefecture => {
  const found = PREFECTURES.find((p) => p.name === short || p.name === `${short}県` || p.name === `${short}府` || p.name === `${short}都`);
  if (!found) throw new Error(`port registry: no prefecture ${short}`);
  return found;
};

interface Extra {
  aliases?: string[];
  /** When the bureau is not the main bureau of the (first) prefecture. */
  bureau?: Bureau;
  specifiedPort?: SpecifiedPortName;
  confirmed?: boolean;
  note?: string;
}

/** A 指定港 as 別表第一 names it (without 港), in one or two prefectures (short forms, as in the 別表). */
const designated = (name: string, prefectures: string | [string, string], romaji: string, extra: Extra = {}): PortEntry => {
  const prefs = (Array.isArray(prefectures) ? prefectures : [prefectures]).map(prefectureNamed);
  return {
    name: `${name}港`,
    kind: 'designated',
    designatedPort: `${name}港`,
    ...(extra.specifiedPort ? { specifiedPort: extra.specifiedPort } : {}),
    prefectures: prefs.map((p) => p.name),
    bureau: extra.bureau ?? prefs[0]!.bureau,
    aliases: extra.aliases ?? [],
    romaji,
    confirmed: extra.confirmed ?? true,
    ...(extra.note ? { note: extra.note } : {}),
  };
};

/** A name for a part of a 指定港, placed there by the source in `note`. */
const partOf = (name: string, of: PortEntry, prefecture: string, romaji: string, note: string, aliases: string[] = []): PortEntry => ({
  name,
  kind: 'part',
  designatedPort: of.name,
  ...(of.specifiedPort ? { specifiedPort: of.specifiedPort } : {}),
  prefectures: [prefectureNamed(prefecture).name],
  bureau: of.bureau,
  aliases,
  romaji,
  confirmed: true,
  note,
});

/** A port known under this name that is not a 指定港 under it and that no source places in one. */
const notDesignated = (name: string, prefecture: string, romaji: string, extra: { aliases?: string[]; hint?: string; note?: string } = {}): PortEntry => ({
  name,
  kind: 'not-designated',
  prefectures: [prefectureNamed(prefecture).name],
  bureau: prefectureNamed(prefecture).bureau,
  aliases: extra.aliases ?? [],
  romaji,
  confirmed: true,
  ...(extra.note ? { note: extra.note } : {}),
  ...(extra.hint ? { hint: extra.hint } : {}),
});

const WEST_YAMAGUCHI =
  '山口県のうち下関市・宇部市・長門市・山陽小野田市の海事は九州運輸局（下関海事事務所）の管轄（prefectures.ts の出典）。';

const KEIHIN = designated('京浜', ['東京', '神奈川'], 'keihin', { specifiedPort: '京浜港' });
const KANMON = designated('関門', ['山口', '福岡'], 'kanmon', {
  bureau: '九州運輸局',
  note: `下関（山口県）と北九州（福岡県）にまたがる。${WEST_YAMAGUCHI}`,
});
const AKITA_FUNAKAWA = designated('秋田船川', '秋田', 'akitafunakawa');
const HITACHI = designated('日立', '茨城', 'hitachi', { aliases: ['茨城港日立港区', '日立港区'] });

/** 別表第一, in its order. */
const DESIGNATED: readonly PortEntry[] = [
  designated('稚内', '北海道', 'wakkanai'),
  designated('留萌', '北海道', 'rumoi'),
  designated('小樽', '北海道', 'otaru'),
  designated('函館', '北海道', 'hakodate'),
  designated('室蘭', '北海道', 'muroran'),
  designated('苫小牧', '北海道', 'tomakomai'),
  designated('釧路', '北海道', 'kushiro'),
  designated('青森', '青森', 'aomori'),
  designated('八戸', '青森', 'hachinohe'),
  designated('久慈', '岩手', 'kuji'),
  designated('宮古', '岩手', 'miyako'),
  designated('釜石', '岩手', 'kamaishi'),
  designated('大船渡', '岩手', 'ofunato'),
  designated('石巻', '宮城', 'ishinomaki'),
  designated('仙台塩釜', '宮城', 'sendaishiogama', { aliases: ['仙台港', '塩釜港', '仙台塩竈港', '塩竈港'] }),
  designated('小名浜', '福島', 'onahama'),
  AKITA_FUNAKAWA,
  designated('酒田', '山形', 'sakata'),
  designated('新潟', '新潟', 'niigata'),
  designated('両津', '新潟', 'ryotsu'),
  designated('直江津', '新潟', 'naoetsu'),
  HITACHI,
  designated('鹿島', '茨城', 'kashima'),
  designated('木更津', '千葉', 'kisarazu'),
  designated('千葉', '千葉', 'chiba'),
  KEIHIN,
  designated('横須賀', '神奈川', 'yokosuka'),
  designated('田子の浦', '静岡', 'tagonoura', { aliases: ['田子ノ浦港', '田子浦港'] }),
  designated('清水', '静岡', 'shimizu'),
  designated('三河', '愛知', 'mikawa'),
  designated('衣浦', '愛知', 'kinuura'),
  designated('名古屋', '愛知', 'nagoya', { specifiedPort: '名古屋港' }),
  designated('四日市', '三重', 'yokkaichi', { note: '保存された写しは「4日市」と表記（漢数字の機械的な置換）。' }),
  designated('伏木富山', '富山', 'fushikitoyama', { aliases: ['富山港'] }),
  designated('七尾', '石川', 'nanao'),
  designated('金沢', '石川', 'kanazawa'),
  designated('敦賀', '福井', 'tsuruga'),
  designated('舞鶴', '京都', 'maizuru'),
  designated('宮津', '京都', 'miyazu'),
  designated('和歌山下津', '和歌山', 'wakayamashimotsu'),
  designated('阪南', '大阪', 'hannan'),
  designated('大阪', '大阪', 'osaka', { specifiedPort: '大阪港' }),
  designated('尼崎西宮芦屋', '兵庫', 'amagasakinishinomiyaashiya'),
  designated('神戸', '兵庫', 'kobe', { specifiedPort: '神戸港' }),
  designated('東播磨', '兵庫', 'higashiharima'),
  designated('姫路', '兵庫', 'himeji'),
  designated('徳島小松島', '徳島', 'tokushimakomatsushima'),
  designated('高松', '香川', 'takamatsu'),
  designated('坂出', '香川', 'sakaide'),
  designated('新居浜', '愛媛', 'niihama'),
  designated('今治', '愛媛', 'imabari'),
  designated('松山', '愛媛', 'matsuyama'),
  designated('郡中', '愛媛', 'gunchu'),
  designated('高知', '高知', 'kochi'),
  designated('岡山', '岡山', 'okayama'),
  designated('宇野', '岡山', 'uno'),
  designated('水島', '岡山', 'mizushima'),
  designated('笠岡', '岡山', 'kasaoka'),
  designated('福山', '広島', 'fukuyama'),
  designated('尾道糸崎', '広島', 'onomichiitozaki'),
  designated('広島', '広島', 'hiroshima'),
  designated('境', ['鳥取', '島根'], 'sakai', {
    aliases: ['sakaiminato'],
    confirmed: false,
    note:
      '保存された写しの別表第一は「鳥取・島根」の行の港名が欠けている。境港は両県にまたがる唯一の港湾（港則法施行令 別表第一も「鳥取県島根県の部 境」）であり、境と推定した。両県とも中国運輸局の管轄。現行の条文で確認すること。',
  }),
  designated('岩国', '山口', 'iwakuni'),
  designated('徳山下松', '山口', 'tokuyamakudamatsu'),
  designated('三田尻中関', '山口', 'mitajirinakanoseki'),
  designated('宇部', '山口', 'ube', { bureau: '九州運輸局', note: WEST_YAMAGUCHI }),
  designated('小野田', '山口', 'onoda', { bureau: '九州運輸局', note: WEST_YAMAGUCHI }),
  KANMON,
  designated('苅田', '福岡', 'kanda'),
  designated('博多', '福岡', 'hakata', { specifiedPort: '博多港', aliases: ['福岡港'] }),
  designated('大牟田', '福岡', 'omuta', {
    note: '保存された写しは「福岡 大牟田」「福岡 三池」の2行を載せる。大牟田港（大牟田市西新町の地方港湾）と三池港（同市新港町の重要港湾）は別の港であり（角川日本地名大辞典の写し）、写しの重複ではないと判断した。',
  }),
  designated('三池', '福岡', 'miike'),
  designated('唐津', '佐賀', 'karatsu'),
  designated('伊万里', ['佐賀', '長崎'], 'imari', { note: '佐賀県と長崎県にまたがる。両県とも九州運輸局の管轄。' }),
  designated('臼浦', '長崎', 'usuura'),
  designated('相浦', '長崎', 'ainoura'),
  designated('佐世保', '長崎', 'sasebo'),
  designated('長崎', '長崎', 'nagasaki'),
  designated('三角', '熊本', 'misumi'),
  designated('八代', '熊本', 'yatsushiro'),
  designated('水俣', '熊本', 'minamata'),
  designated('大分', '大分', 'oita'),
  designated('津久見', '大分', 'tsukumi'),
  designated('佐伯', '大分', 'saiki'),
  designated('細島', '宮崎', 'hososhima'),
  designated('油津', '宮崎', 'aburatsu'),
  designated('鹿児島', '鹿児島', 'kagoshima'),
  designated('名瀬', '鹿児島', 'naze'),
  designated('運天', '沖縄', 'unten'),
  designated('那覇', '沖縄', 'naha'),
  designated('平良', '沖縄', 'hirara'),
  designated('石垣', '沖縄', 'ishigaki'),
];

const GUIDELINE_KEIHIN = 'ガイドラインが京浜港の一部として挙げる港。';
const KANMON_SOURCE =
  '内閣府 規制改革の資料（港湾運送事業法の概要、旧「特定港湾」の一覧）が「関門港（下関港、北九州港）」と記載（www8.cao.go.jp/kisei-kaikaku/…/lh_06100.html）。';

/** Names for parts of a 指定港, each with its source. */
const PARTS: readonly PortEntry[] = [
  partOf('東京港', KEIHIN, '東京', 'tokyo', GUIDELINE_KEIHIN),
  partOf('川崎港', KEIHIN, '神奈川', 'kawasaki', GUIDELINE_KEIHIN),
  partOf('横浜港', KEIHIN, '神奈川', 'yokohama', GUIDELINE_KEIHIN),
  partOf('北九州港', KANMON, '福岡', 'kitakyushu', KANMON_SOURCE, ['門司港', '小倉港']),
  partOf('下関港', KANMON, '山口', 'shimonoseki', KANMON_SOURCE),
  partOf(
    '秋田港',
    AKITA_FUNAKAWA,
    '秋田',
    'akita',
    '港域法の一部を改正する法律（昭和37年法律第9号）が港域法 別表の秋田港の項を「秋田船川」に改め、船川港の項を削った（港の区域としては秋田港・船川港が秋田船川港になった）。',
    ['船川港'],
  ),
];

/** Known names that are not a 指定港 under that name, and that no source found places in one. */
const NOT_DESIGNATED: readonly PortEntry[] = [
  notDesignated('石狩湾新港', '北海道', 'ishikariwanshin'),
  notDesignated('茨城港', '茨城', 'ibaraki', {
    hint: '茨城港のうち日立港区は指定港「日立港」です（港湾法上の日立港・常陸那珂港・大洗港が茨城港に統合されました）。日立港区であれば港名を「日立港」としてください。',
    note: '日立港は1962年に港湾運送事業法の指定港となった（茨城港の記事、Wikipedia の写し）。常陸那珂港区・大洗港区が日立港の水域に含まれるかは未確認。',
  }),
  notDesignated('常陸那珂港', '茨城', 'hitachinaka', { aliases: ['茨城港常陸那珂港区', '常陸那珂港区'] }),
  notDesignated('御前崎港', '静岡', 'omaezaki'),
  notDesignated('堺泉北港', '大阪', 'sakaisenboku', {
    aliases: ['堺港', '泉北港'],
    hint: '近くの指定港（阪南港・大阪港）の水域に含まれるかは、港湾運送事業法施行令 別表第二で確認してください。',
  }),
  notDesignated('浜田港', '島根', 'hamada'),
  notDesignated('熊本港', '熊本', 'kumamoto'),
  notDesignated('志布志港', '鹿児島', 'shibushi'),
  notDesignated('中城湾港', '沖縄', 'nakagusukuwan'),
];

export const PORTS: readonly PortEntry[] = [...DESIGNATED, ...PARTS, ...NOT_DESIGNATED];

/** Every 指定港 of 別表第一 (without the names of parts). */
export const DESIGNATED_PORTS: readonly PortEntry[] = DESIGNATED;
