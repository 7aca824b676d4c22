import { describe, expect, it } from 'vitest';
import { choosePort } from '../src/app/newFilingPort.ts';
import { filingSkeleton } from '../src/app/init.ts';
import { classifyPort, portLabel } from '../src/catalog/classifyPort.ts';
import { BUREAUS, DESIGNATED_PORTS, PORTS, SPECIFIED_PORTS } from '../src/catalog/ports.ts';
import { PREFECTURES, bureausOf, findPrefecture } from '../src/catalog/prefectures.ts';
import { kanaToRomaji } from '../src/util/kanaRomaji.ts';
import { checkFiling } from '../src/validate/validate.ts';
import { findingMessage } from '../src/validate/messages.ts';
import { loadFixture } from './helpers/fixtures.ts';

describe('port classification', () => {
  it.each([
    ['京浜港', '京浜港', '京浜港'],
    ['東京港', '東京港', '京浜港'],
    ['川崎港', '川崎港', '京浜港'],
    ['横浜港', '横浜港', '京浜港'],
    ['横浜', '横浜港', '京浜港'],
    ['名古屋', '名古屋港', '名古屋港'],
    ['  名古屋港　', '名古屋港', '名古屋港'],
    ['大阪港', '大阪港', '大阪港'],
    ['神戸', '神戸港', '神戸港'],
    ['博多港', '博多港', '博多港'],
    ['福岡港', '博多港', '博多港'],
    ['ＫＯＢＥ', '神戸港', '神戸港'],
    ['Yokohama Port', '横浜港', '京浜港'],
    ['ﾖｺﾊﾏ', null, null],
  ])('%s → %s (%s)', (input, name, specifiedPort) => {
    const port = classifyPort(input);
    expect(port.name).toBe(name);
    expect(port.specifiedPort).toBe(specifiedPort);
    expect(port.specified).toBe(specifiedPort !== null);
  });

  it('keeps the specified ports exactly as they are: the five, and 東京・川崎・横浜 as parts of 京浜港', () => {
    const specified = PORTS.filter((p) => p.specifiedPort).map((p) => `${p.name}:${p.specifiedPort}:${p.bureau}`);
    expect(specified.sort()).toEqual(
      [
        '京浜港:京浜港:関東運輸局',
        '東京港:京浜港:関東運輸局',
        '川崎港:京浜港:関東運輸局',
        '横浜港:京浜港:関東運輸局',
        '名古屋港:名古屋港:中部運輸局',
        '大阪港:大阪港:近畿運輸局',
        '神戸港:神戸港:神戸運輸監理部',
        '博多港:博多港:九州運輸局',
      ].sort(),
    );
    expect(SPECIFIED_PORTS.every((name) => DESIGNATED_PORTS.some((p) => p.name === name))).toBe(true);
  });

  it.each(['堺泉北港', '衣浦港', '北九州港', '下関港', '千葉港', '清水港', '四日市港', '三河港', '苫小牧港', '那覇港', '阪南港', '尼崎西宮芦屋港', '石狩湾新港', '御前崎港', '茨城港', '常陸那珂港', '中城湾港'])(
    '%s is a port of the registry, never specified',
    (input) => {
      const port = classifyPort(input);
      expect(port.name).toBe(input);
      expect(port.specified).toBe(false);
      expect(port.specifiedPort).toBeNull();
    },
  );

  it.each(['新大阪港', '神戸港x', '神部港', '東神戸港', 'kobee', '大阪湾港', '名古屋南港', '博多湾港', '横浜新港', '京浜東港'])('the near-miss %s is never a specified port', (input) => {
    const port = classifyPort(input);
    expect(port.name).toBeNull();
    expect(port.specified).toBe(false);
    expect(port.specifiedPort).toBeNull();
  });

  it('suggests a registry name for a misspelled port and classifies it as unknown', () => {
    const port = classifyPort('名古尾港');
    expect(port.name).toBeNull();
    expect(port.specified).toBe(false);
    expect(port.suggestions).toContain('名古屋港');
    expect(classifyPort('横浜港x').suggestions).toEqual(['横浜港']);
    expect(classifyPort('ガラパゴス港').suggestions).toEqual([]);
  });

  it.each(['釜石湾港', '釜石市', 'kamaisi', 'Kamaishi Port', 'かまいし', 'カマイシ港', 'ｶﾏｲｼ'])('offers 釜石港 for the typo %s', (typo) => {
    const port = classifyPort(typo);
    if (port.name === null) expect(port.suggestions).toEqual(['釜石港']);
    else expect(port.name).toBe('釜石港');
  });

  it('reads kana as romaji without long-vowel marks', () => {
    expect(kanaToRomaji('かまいし')).toBe('kamaishi');
    expect(kanaToRomaji('トウキョウ')).toBe('tokyo');
    expect(kanaToRomaji('こうち')).toBe('kochi');
    expect(kanaToRomaji('はっちのへ')).toBe('hatchinohe');
    expect(kanaToRomaji('しゃ')).toBe('sha');
  });
});

describe('the registry of 指定港 (港湾運送事業法施行令 別表第一)', () => {
  const prefectureNames = new Set(PREFECTURES.map((p) => p.name));

  it('holds every 指定港 of the 別表, each with one or two 都道府県 and a bureau competent there', () => {
    expect(DESIGNATED_PORTS).toHaveLength(92);
    for (const port of DESIGNATED_PORTS) {
      expect(port.name.endsWith('港'), port.name).toBe(true);
      expect(port.kind).toBe('designated');
      expect(port.prefectures.length === 1 || port.prefectures.length === 2, port.name).toBe(true);
      for (const pref of port.prefectures) expect(prefectureNames.has(pref), `${port.name}: ${pref}`).toBe(true);
      expect(BUREAUS).toContain(port.bureau);
      const competent = port.prefectures.flatMap((name) => bureausOf(findPrefecture(name)!));
      expect(competent, port.name).toContain(port.bureau);
      expect(port.romaji).toMatch(/^[a-z]+$/);
    }
  });

  it.each([
    ['釜石港', '岩手県', '東北運輸局'],
    ['直江津港', '新潟県', '北陸信越運輸局'],
    ['唐津港', '佐賀県', '九州運輸局'],
    ['三池港', '福岡県', '九州運輸局'],
    ['石垣港', '沖縄県', '沖縄総合事務局'],
    ['東播磨港', '兵庫県', '神戸運輸監理部'],
    ['敦賀港', '福井県', '中部運輸局'],
    ['宇部港', '山口県', '九州運輸局'],
    ['岩国港', '山口県', '中国運輸局'],
  ])('%s is a 指定港 in %s under %s', (name, prefecture, bureau) => {
    const port = classifyPort(name);
    expect(port).toMatchObject({ name, kind: 'designated', designatedPort: name, bureau, specified: false });
    expect(port.prefectures).toEqual([prefecture]);
  });

  it('gives the ports that span two prefectures their bureau, and marks what the stored copy leaves in doubt', () => {
    expect(classifyPort('関門港')).toMatchObject({ bureau: '九州運輸局', prefectures: ['山口県', '福岡県'] });
    expect(classifyPort('境港')).toMatchObject({ bureau: '中国運輸局', prefectures: ['鳥取県', '島根県'] });
    expect(classifyPort('伊万里港')).toMatchObject({ bureau: '九州運輸局', prefectures: ['佐賀県', '長崎県'] });
    const doubtful = PORTS.filter((p) => !p.confirmed).map((p) => p.name);
    expect(doubtful).toEqual(['境港']);
    for (const p of PORTS.filter((e) => !e.confirmed)) expect(p.note).toBeTruthy();
  });

  it('shows a part with the 指定港 it lies in, only where a source places it there', () => {
    for (const part of PORTS.filter((p) => p.kind === 'part')) expect(part.note, part.name).toBeTruthy();
    expect(classifyPort('北九州港')).toMatchObject({ kind: 'part', designatedPort: '関門港', bureau: '九州運輸局' });
    expect(classifyPort('門司港').name).toBe('北九州港');
    expect(classifyPort('下関港')).toMatchObject({ kind: 'part', designatedPort: '関門港', bureau: '九州運輸局' });
    expect(classifyPort('秋田港')).toMatchObject({ kind: 'part', designatedPort: '秋田船川港' });
    expect(classifyPort('茨城港日立港区')).toMatchObject({ name: '日立港', kind: 'designated' });
    expect(portLabel(classifyPort('北九州港'))).toBe('北九州港（関門港）');
    expect(portLabel(classifyPort('釜石港'))).toBe('釜石港');
  });

  it.each(['石狩湾新港', '茨城港', '常陸那珂港', '御前崎港', '堺泉北港', '浜田港', '熊本港', '志布志港', '中城湾港'])(
    '%s is known but not a 指定港: a warning, never an error, never specified',
    (name) => {
      const port = classifyPort(name);
      expect(port).toMatchObject({ name, kind: 'not-designated', designatedPort: null, specified: false });
      expect(port.bureau).not.toBeNull();
    },
  );

  it('keeps 47 prefectures, each with a bureau', () => {
    expect(PREFECTURES).toHaveLength(47);
    for (const p of PREFECTURES) expect(BUREAUS).toContain(p.bureau);
    expect(findPrefecture('岩手')?.name).toBe('岩手県');
    expect(findPrefecture('東京都')?.bureau).toBe('関東運輸局');
    expect(findPrefecture('兵庫県')?.bureau).toBe('神戸運輸監理部');
    expect(findPrefecture('岩手州')).toBeUndefined();
  });
});

describe('validate: ports that are not 指定港, and ports outside the registry', () => {
  const GENERAL = 'sample/general-complete.yaml';

  it('warns (PORT_NOT_DESIGNATED) at a known port that is not a 指定港, in Japanese, naming the bureau', () => {
    const filing = loadFixture(GENERAL);
    filing.port.name = '堺泉北港';
    filing.application.addressee = '近畿運輸局長';
    const findings = checkFiling(filing).findings;
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const warning = findings.find((f) => f.code === 'PORT_NOT_DESIGNATED')!;
    expect(warning).toMatchObject({ severity: 'warning', path: 'port.name' });
    const text = findingMessage(warning, 'ja');
    expect(text).toContain('指定港');
    expect(text).toContain('近畿運輸局に確認');
    expect(text).not.toMatch(/PORT_|port\./);
  });

  it('does not warn at a 指定港 or at a part of one', () => {
    for (const [name, addressee] of [
      ['釜石港', '東北運輸局長'],
      ['北九州港', '九州運輸局長'],
    ]) {
      const filing = loadFixture(GENERAL);
      filing.port.name = name!;
      filing.application.addressee = addressee!;
      expect(checkFiling(filing).findings.map((f) => f.code)).toEqual([]);
    }
  });

  it('checks the addressee of an unlisted port against its prefecture’s bureau', () => {
    const filing = loadFixture(GENERAL);
    filing.port.name = '小本港';
    filing.port.unlisted = true;
    filing.port.prefecture = '岩手県';
    filing.application.addressee = '中部運輸局長';
    const wrong = checkFiling(filing).findings.find((f) => f.code === 'ADDRESSEE_NOT_PREFECTURE_BUREAU')!;
    expect(wrong).toMatchObject({ severity: 'warning', path: 'application.addressee' });
    expect(findingMessage(wrong, 'ja')).toContain('東北運輸局長');
    filing.application.addressee = '東北運輸局長';
    expect(checkFiling(filing).findings.map((f) => f.code)).toEqual(['PORT_UNLISTED']);
    filing.port.prefecture = '山口県';
    filing.application.addressee = '九州運輸局長';
    expect(checkFiling(filing).findings.map((f) => f.code)).toEqual(['PORT_UNLISTED']);
    filing.port.prefecture = '岩手州';
    expect(checkFiling(filing).findings.map((f) => f.code)).toContain('PORT_PREFECTURE_UNKNOWN');
  });
});

describe('choosing the port a new filing starts from', () => {
  it('stops at an unknown name with the closest names and the one command that goes on', () => {
    const choice = choosePort({ name: '釜石湾', command: 'tos-filing init', needsPrefecture: true });
    expect(choice.ok).toBe(false);
    if (choice.ok) return;
    expect(choice.message).toContain('「釜石港」');
    expect(choice.message).toContain('tos-filing init --port 釜石湾 --unlisted --prefecture');
  });

  it('goes on as an unlisted port with its prefecture, and the skeleton is addressed to its bureau', () => {
    const choice = choosePort({ name: '小本港', unlisted: true, prefecture: '岩手', command: 'tos-filing init', needsPrefecture: true });
    expect(choice.ok).toBe(true);
    if (!choice.ok) return;
    expect(choice.unlisted?.prefecture.name).toBe('岩手県');
    const skeleton = filingSkeleton(choice.port, 'new-license', { unlisted: choice.unlisted });
    expect(skeleton).toContain('addressee: "東北運輸局長"');
    expect(skeleton).toMatch(/unlisted: はい/);
    expect(skeleton).toMatch(/prefecture: 岩手県/);
  });

  it('asks for the prefecture with --unlisted, and reads it or says what it is not', () => {
    const without = choosePort({ name: '小本港', unlisted: true, command: 'tos-filing init', needsPrefecture: true });
    expect(without.ok).toBe(false);
    const wrong = choosePort({ name: '小本港', unlisted: true, prefecture: '岩手件', command: 'tos-filing init', needsPrefecture: true });
    expect(wrong.ok === false && wrong.message).toContain('「岩手県」');
    // catalog needs no prefecture
    expect(choosePort({ name: '小本港', unlisted: true, command: 'tos-filing catalog', needsPrefecture: false }).ok).toBe(true);
  });

  it('uses a registry port as it is, with a note when it is not a 指定港', () => {
    const choice = choosePort({ name: '御前崎港', unlisted: true, command: 'tos-filing init', needsPrefecture: true });
    expect(choice.ok).toBe(true);
    if (!choice.ok) return;
    expect(choice.unlisted).toBeUndefined();
    expect(choice.notes.join('\n')).toContain('--unlisted は使いません');
    expect(choice.notes.join('\n')).toContain('指定港ではありません');
  });
});

describe('validate: an unlisted name that looks like a registry port', () => {
  it('warns that 横浜港x may be 横浜港, a specified port, instead of quietly treating it as a general port', () => {
    const filing = loadFixture('sample/specified-complete.yaml');
    filing.port.name = '横浜港x';
    filing.port.unlisted = true;
    const findings = checkFiling(filing).findings;
    const looks = findings.find((f) => f.code === 'PORT_UNLISTED_LOOKS_LIKE')!;
    expect(looks.severity).toBe('warning');
    expect(findingMessage(looks, 'ja')).toContain('「横浜港」は特定の港');
    filing.port.name = '小本港';
    expect(checkFiling(filing).findings.some((f) => f.code === 'PORT_UNLISTED_LOOKS_LIKE')).toBe(false);
  });
});
