import { loadFixture } from './fixtures.ts';

/**
 * The specified-port sample with one measure (（1）資産の管理) written at such length that its table is taller than
 * a page though each of its rows fits on one: the table must split between rows.
 */
export function longMeasureFiling(): unknown {
  const data = loadFixture('sample/specified-complete.yaml') as unknown as { measures: Record<string, { description: string; details: Record<string, unknown> }> };
  const measure = data.measures['asset-network-inventory']!;
  measure.description = Array.from({ length: 42 }, (_, i) => `第${i + 1}項　資産台帳を年1回見直している。`).join('\n');
  measure.details.unmanagedDeviceCheck = Array.from({ length: 8 }, () => '月1回、スイッチのMACアドレス表を資産台帳と照合している。').join('\n');
  return data;
}
