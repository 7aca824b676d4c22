import { describe, expect, it } from 'vitest';
import { groupPageText, type PositionedText } from '../src/readers/plan/pdfLayout.ts';

const BOX = { left: 0, bottom: 0, right: 595, top: 842 };
/** A piece of 12-point text, each character a full em wide (as a Japanese font sets it). */
const t = (text: string, x: number, y: number): PositionedText => ({ text, x, y, width: text.length * 12, size: 12, eol: false });
const cellsOf = (items: PositionedText[]) =>
  groupPageText(items, BOX)
    .filter((b) => b.kind === 'table-cell')
    .map((b) => `${b.cell!.row}:${b.cell!.column} ${b.text}`);

describe('tables of a PDF without ruling lines (the plan reader)', () => {
  it('keeps a check mark and the text of the next cell apart, also when the gap happens to be two whole ems', () => {
    const cells = cellsOf([
      // PDF.js gives the gap as a space item of its own: here 24 pt after △, two ems as if typed
      t('監査', 58, 700), t('△', 180, 700), { ...t(' ', 192, 700), width: 24 }, t('自己点検のみ実施。第三者監査は未実施。', 216, 700),
      t('接続元の限定', 58, 680), t('○', 180, 680), t('VPNは委託先の固定IPのみ接続可。', 209, 680),
    ]);
    expect(cells).toContain('0:1 △');
    expect(cells).toContain('0:2 自己点検のみ実施。第三者監査は未実施。');
    expect(cells).toContain('1:1 ○');
    expect(cells.some((c) => c.includes('○ VPN') || c.includes('△ 自己'))).toBe(false);
  });

  it('starts a row where a column steps on by more than its wrapped lines do, though rows stand only a little apart and labels are centred', () => {
    // each row: content wrapped over two lines 14 pt apart, the item label centred between them; rows 16.8 pt apart
    const items: PositionedText[] = [];
    const rows = [
      ['外部委託管理', '委託先と機密保持・セキュリティ要求事項を', '定めた契約を締結。'],
      ['インシデント対応手順', '手順書を整備（拡大防止、証拠保全、復旧、', '原因調査、報告）。'],
      ['インシデント対応訓練', '未実施。令和８年度に机上訓練を実施予定。', 'あわせて手順を見直す。'],
    ];
    let y = 700;
    for (const [label, first, second] of rows) {
      items.push(t(first!, 213, y), t(label!, 58, y - 7), t(second!, 213, y - 14));
      y -= 14 + 16.8;
    }
    const cells = cellsOf(items);
    expect(cells).toEqual([
      '0:0 外部委託管理', '0:1 委託先と機密保持・セキュリティ要求事項を定めた契約を締結。',
      '1:0 インシデント対応手順', '1:1 手順書を整備（拡大防止、証拠保全、復旧、原因調査、報告）。',
      '2:0 インシデント対応訓練', '2:1 未実施。令和８年度に机上訓練を実施予定。あわせて手順を見直す。',
    ]);
  });
});
