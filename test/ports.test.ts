import { describe, expect, it } from 'vitest';
import { classifyPort } from '../src/catalog/classifyPort.ts';

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
    ['ＫＯＢＥ', '神戸港', '神戸港'],
    ['Yokohama Port', '横浜港', '京浜港'],
    ['ﾖｺﾊﾏ', null, null],
  ])('%s → %s (%s)', (input, name, specifiedPort) => {
    const port = classifyPort(input);
    expect(port.name).toBe(name);
    expect(port.specifiedPort).toBe(specifiedPort);
    expect(port.specified).toBe(specifiedPort !== null);
  });

  it.each(['堺泉北港', '衣浦港', '北九州港', '千葉港', '清水港', '四日市港', '三河港', '苫小牧港', '那覇港', '阪南港', '尼崎西宮芦屋港'])(
    '%s is a general port, never specified',
    (input) => {
      const port = classifyPort(input);
      expect(port.name).toBe(input);
      expect(port.specified).toBe(false);
      expect(port.specifiedPort).toBeNull();
    },
  );

  it('suggests a registry name for a misspelled port and classifies it as unknown', () => {
    const port = classifyPort('名古尾港');
    expect(port.name).toBeNull();
    expect(port.specified).toBe(false);
    expect(port.suggestions).toContain('名古屋港');
    expect(classifyPort('横浜港x').suggestions).toEqual(['横浜港']);
    expect(classifyPort('ガラパゴス港').suggestions).toEqual([]);
  });
});
