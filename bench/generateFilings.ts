import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Filing } from '../src/model/filing.ts';
import { packageRoot } from '../src/platform/packageRoot.ts';

/** A small seeded PRNG, so that every benchmark run builds the same filings. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PORTS = ['横浜港', '東京港', '名古屋港', '大阪港', '神戸港', '博多港', '仙台塩釜港', '清水港', '北九州港', '堺泉北港'];
const COMPANY = ['港北', '湾岸', '汐見', '灯台', '岬', '波止場', '錨', '帆柱'];

/** Realistic variations of the bundled sample: other names and ports, 1–2 terminals, 1–8 external connections. */
export function generateFilings(count: number, seed = 20251122): Filing[] {
  const base = parse(readFileSync(join(packageRoot(), 'fixtures/sample/specified-complete.yaml'), 'utf8')) as Filing;
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const f = structuredClone(base);
    f.applicant.name = `${pick(COMPANY)}${pick(COMPANY)}港運株式会社（第${i + 1}号）`;
    f.port.name = pick(PORTS);
    const terminal = f.port.terminals[0]!;
    terminal.name = `${pick(COMPANY)}第${1 + Math.floor(random() * 9)}コンテナターミナル`;
    const connections = terminal.tos.externalConnections;
    const extra = Math.floor(random() * 6);
    for (let k = 0; k < extra; k++) connections.push({ ...connections[0]!, counterparty: `取引先${i}-${k}` });
    if (random() < 0.3) {
      const second = structuredClone(terminal);
      second.name = `${terminal.name}（第2）`;
      f.port.terminals.push(second);
    }
    for (const measure of Object.values(f.measures)) {
      if (measure?.description && random() < 0.3) measure.description += 'なお、年度ごとに実施状況を点検し、必要に応じて見直している。';
    }
    return f;
  });
}
