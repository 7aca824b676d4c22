import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { groupPageText, type PositionedText } from '../src/readers/plan/pdfLayout.ts';
import { readPlanPdf } from '../src/readers/plan/readPlanPdf.ts';
import type { TextBlock } from '../src/readers/plan/textBlock.ts';

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

  it('reads a cell merged down over two rows once, in the first row, and leaves the second row without it', () => {
    // 内容 is one cell of four lines beside two rows of 項目 (rows set apart by a padding)
    const cells = cellsOf([
      t('体制', 58, 700), t('社長を責任者とし、その下に事故対応の', 130, 700),
      t('チームを置く。チームは脆弱性の情報を', 130, 686),
      t('訓練', 58, 672), t('集めて分析し、事故の時に対応する。毎', 130, 672),
      t('年一回、机上で訓練をしている。', 130, 658),
      t('教育', 58, 630), t('全社員に年一回の研修をしている。', 130, 630),
    ]);
    expect(cells).toEqual([
      '0:0 体制', '0:1 社長を責任者とし、その下に事故対応のチームを置く。チームは脆弱性の情報を集めて分析し、事故の時に対応する。毎年一回、机上で訓練をしている。',
      '1:0 訓練',
      '2:0 教育', '2:1 全社員に年一回の研修をしている。',
    ]);
  });

  it('puts a first-column cell centred over three rows in the first of them, as the Word reader gives a merged cell', () => {
    const items: PositionedText[] = [t('区分', 58, 730), t('項目', 110, 730), t('内容', 200, 730)];
    // each row: its content on two lines 14 pt apart, its item centred between them; rows 30.8 pt apart
    const rows = [['組織', '責任者を決め、事故対応のチームを', '置いている。'], ['相談', '県警と相談先の連絡先を交わして', 'いる。'], ['情報', '注意喚起を担当者が毎日確かめて', 'いる。'], ['教育', '全社員に年に一回の研修をして', 'いる。']];
    let y = 700;
    for (const [item, first, second] of rows) {
      items.push(t(first!, 200, y), t(item!, 110, y - 7), t(second!, 200, y - 14));
      y -= 30.8;
    }
    // 体制 stands in the middle of the first three rows, 人 in the middle of the fourth
    items.push(t('体制', 58, (700 + 700 - 2 * 30.8 - 14) / 2), t('人', 58, 700 - 3 * 30.8 - 7));
    const cells = cellsOf(items);
    expect(cells.filter((c) => c.endsWith('体制') || c.endsWith(' 人'))).toEqual(['1:0 体制', '4:0 人']);
    expect(cells).toContain('1:1 組織');
    expect(cells).toContain('2:1 相談');
    expect(cells.some((c) => c.startsWith('2:0') || c.startsWith('3:0'))).toBe(false);
  });

  it('keeps the paragraphs of a cell in one cell on lines of their own where rows are set apart, and splits rows at a short line where they are not', () => {
    const padded = cellsOf([
      t('体制', 58, 700), t('・責任者を置く。', 130, 700),
      t('・チームを置く。', 130, 686),
      t('教育', 58, 655), t('・年一回の研修。', 130, 655),
      t('・入社時の研修。', 130, 641),
      // the column's widest line shows where its lines wrap
      t('監査', 58, 610), t('自己点検を毎年九月に、外部監査を二年に一回受ける。', 130, 610),
    ]);
    expect(padded).toEqual([
      '0:0 体制', '0:1 ・責任者を置く。\n・チームを置く。',
      '1:0 教育', '1:1 ・年一回の研修。\n・入社時の研修。',
      '2:0 監査', '2:1 自己点検を毎年九月に、外部監査を二年に一回受ける。',
    ]);
    // rows one line each, at the pitch a cell's lines would wrap at
    const solid = cellsOf([t('体制', 58, 700), t('責任者を置く。', 130, 700), t('教育', 58, 686), t('年一回の研修。', 130, 686), t('監査', 58, 672), t('自己点検のみ。', 130, 672)]);
    expect(solid).toEqual(['0:0 体制', '0:1 責任者を置く。', '1:0 教育', '1:1 年一回の研修。', '2:0 監査', '2:1 自己点検のみ。']);
  });

  it('splits a number from its item where the item stands in a column of its own (「16　サーバ」 set an em apart)', () => {
    const cells = cellsOf([
      t('1', 58, 700), t('資産', 86, 700), t('機器台帳を整備した。', 130, 700),
      t('2', 58, 680), t('委託', 86, 680), t('契約を見直した。', 130, 680),
      // two digits, 15.2 pt wide: サーバ follows 12.6 pt (1.05 em) on
      { ...t('16', 58, 660), width: 15.2 }, t('サーバ', 86, 660), t('パスワードを変えた。', 130, 660),
    ]);
    expect(cells).toEqual(['0:0 1', '0:1 資産', '0:2 機器台帳を整備した。', '1:0 2', '1:1 委託', '1:2 契約を見直した。', '2:0 16', '2:1 サーバ', '2:2 パスワードを変えた。']);
  });

  it('leaves out a page number alone in the bottom margin, and keeps a number there with its row around it (a table’s No. cell)', () => {
    const blocks = groupPageText(
      [
        t('13', 58, 100), t('接続元を限定した。', 100, 107), t('保守会社', 300, 100), t('のみ。', 100, 93),
        t('14', 58, 60), t('ルータを交換する。', 100, 67), t('―', 300, 60), t('未定。', 100, 53),
        t('3', 290, 20),
      ],
      BOX,
    );
    expect(blocks.map((b) => b.text)).toContain('14');
    expect(blocks.map((b) => b.text)).toContain('―');
    expect(blocks.map((b) => b.text)).not.toContain('3');
  });
});

describe('tables of a plan read from its PDF (LibreOffice’s PDF of the Word plan in the corpus)', () => {
  const read = async (plan: string): Promise<TextBlock[]> => {
    const result = await readPlanPdf(new Uint8Array(readFileSync(`fixtures/handtyped/${plan}/plan.pdf`)));
    if (!result.ok) throw new Error(result.message);
    return result.blocks;
  };
  const rowOf = (blocks: TextBlock[], text: string) => blocks.find((b) => b.kind === 'table-cell' && b.text === text)?.cell;

  it('reads a table with merged 区分 cells that goes on over the next page as one table, its rows numbered on', async () => {
    const blocks = await read('70-yokohama-merged-table');
    const cells = blocks.filter((b) => b.kind === 'table-cell');
    expect(new Set(cells.map((c) => c.cell!.table))).toEqual(new Set([1]));
    expect(new Set(cells.map((c) => c.page))).toEqual(new Set([1, 2]));
    // the merged 区分 stands in the first row it covers, on either page
    expect(rowOf(blocks, '体制')?.row).toBe(rowOf(blocks, '社内の対応組織')?.row);
    expect(rowOf(blocks, '外部接続（リモート保守用VPN）')?.row).toBe(rowOf(blocks, '接続できる相手')?.row);
    expect(rowOf(blocks, 'サーバ・内部機器')?.row).toBe(rowOf(blocks, '管理者アカウント')?.row);
    // a row under a content cell merged down from the row above has no content of its own
    const training = rowOf(blocks, '手順の訓練')!;
    expect(cells.filter((c) => c.cell!.row === training.row).map((c) => c.cell!.column)).not.toContain(2);
    expect(cells.find((c) => c.cell!.row === rowOf(blocks, '対応手順')!.row && c.cell!.column === 2)?.text).toMatch(/^「サイバー攻撃対応手順書」に.*つまずいた点を手順書に反映する。$/);
    // cells come row by row, each row by column, as the Word reader gives them
    const order = cells.map((c) => c.cell!.row * 10 + c.cell!.column);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('reads a row the page broke as one row: its cells’ text joined over the page break', async () => {
    const blocks = await read('77-ishinomaki-excel-sheet');
    const row = rowOf(blocks, '管理者ＩＤ・パスワード')!;
    expect(row).toBeDefined();
    expect(rowOf(blocks, '15')?.row).toBe(row.row);
    expect(blocks.find((b) => b.cell?.row === row.row && b.cell.column === 4)?.text).toBe('導入時の初期パスワードは全台変更。１４文字以上、英大小・数字・記号を混在。');
    expect(rowOf(blocks, '16')?.row).toBe(row.row + 1);
    expect(new Set(blocks.filter((b) => b.cell).map((b) => b.cell!.table))).toEqual(new Set([1]));
    // 以上 under the table is the page's text again
    expect(blocks.at(-1)).toMatchObject({ kind: 'paragraph', text: '以上' });
  });

  it('reads a table that goes on at the top of the next page in the same columns as one table, its repeated header row once', async () => {
    /** Two pages: a paragraph and a table that ends page 1; the table's header and its last rows on page 2 at `x2`. */
    const twoPages = async (x2: number) => {
      const doc = await PDFDocument.create();
      const font = await doc.embedFont(StandardFonts.Helvetica);
      const rows = [['Asset register', 'Servers and routers are listed.'], ['Contracts', 'Security terms are in the contract.'], ['Incident plan', 'Steps are written down.'], ['Training', 'Once a year on paper.']];
      const first = doc.addPage([595, 842]);
      first.drawText('The measures taken are listed in the table below, one measure in each row.', { x: 60, y: 740, size: 12, font });
      const second = doc.addPage([595, 842]);
      const draw = (page: typeof first, part: string[][], top: number, x: number) =>
        [['Item', 'Measure'], ...part].forEach(([item, measure], k) => {
          page.drawText(item!, { x: 60, y: top - k * 20, size: 12, font });
          page.drawText(measure!, { x, y: top - k * 20, size: 12, font });
        });
      draw(first, rows.slice(0, 2), 160, 200);
      draw(second, rows.slice(2), 740, x2);
      second.drawText('The plan is reviewed every year by the person in charge of the terminal.', { x: 60, y: 640, size: 12, font });
      const result = await readPlanPdf(await doc.save());
      if (!result.ok) throw new Error(result.message);
      return result.blocks.filter((b) => b.kind === 'table-cell').map((b) => `${b.cell!.table}:${b.cell!.row}:${b.cell!.column} ${b.text}`);
    };
    expect(await twoPages(200)).toEqual([
      '1:0:0 Item', '1:0:1 Measure',
      '1:1:0 Asset register', '1:1:1 Servers and routers are listed.',
      '1:2:0 Contracts', '1:2:1 Security terms are in the contract.',
      '1:3:0 Incident plan', '1:3:1 Steps are written down.',
      '1:4:0 Training', '1:4:1 Once a year on paper.',
    ]);
    // in other columns it is another table, with its own header row
    const other = await twoPages(260);
    expect(other.filter((c) => c.endsWith(' Item'))).toEqual(['1:0:0 Item', '2:0:0 Item']);
  });
});
