import { REQUIREMENTS, type RequirementId, formatReference } from '../catalog/requirements.ts';
import { SCREENED_LABEL } from './screenedLabels.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { SCOPE_LABELS, SEVERITY_LABELS } from '../model/enums.ts';
import { type CellValue, type SheetTable, type Workbook, writeXlsx } from '../render/xlsx/writeXlsx.ts';
import { fieldWords, findingMessage, guidelineSection } from '../validate/messages.ts';
import { addressedBureau } from './bureauFilter.ts';
import { agentLine, opening } from './filingFacts.ts';
import { CELL, type Cell, type ReviewRow } from './reviewFilings.ts';

/**
 * The review as a workbook an examiner can sort and filter, laid out by the 総務省 rules for machine-readable
 * tables: each sheet one table with a single header row, one value per cell, numbers as numbers, nothing merged,
 * no notes inside the table. Sheets: the review (one row per filing, one column per requirement), the findings
 * (one row each, in Japanese), what each filing writes per requirement (the opening of 講じている措置 beside its
 * mark, errors and warnings), the requirements (with the numbers each kind of port's document gives them), and the
 * meaning of the marks. A second sheet rather than cell comments: comments are hidden until pointed at, do not
 * print by default, and cannot be filtered, while a sheet reads, filters and prints the same in Excel and Calc.
 */

/** The marks examiners write on paper: ○ done, △ under way, × missing, — not applicable, blank not required. */
const MARKS: Record<Cell, string> = {
  [CELL.implemented]: '○',
  [CELL.progressing]: '△',
  [CELL.missing]: '×',
  [CELL.screened]: '○推定',
  [CELL.notApplicable]: '—',
  [CELL.blank]: '',
};

const STATE: Record<ReviewRow['state'], string> = { ok: '読込済み', invalid: '形式エラー', unreadable: '読込不可' };

const requirementNumber = (id: RequirementId, specified: boolean) => requirementsFor({ specified }).findIndex((r) => r.id === id) + 1 || null;

function reviewSheet(rows: readonly ReviewRow[]): SheetTable {
  return {
    name: '審査一覧',
    frozenColumns: 3,
    columns: [
      { header: 'No.', width: 5, center: true },
      { header: 'ファイル', width: 22 },
      { header: '事業者', width: 18 },
      { header: '港', width: 10 },
      { header: '港の区分', width: 10 },
      { header: '申請区分', width: 14 },
      { header: '宛先', width: 14 },
      { header: '宛先の局', width: 12 },
      { header: '代理人', width: 18 },
      { header: '状態', width: 7 },
      { header: 'エラー件数', width: 7 },
      { header: '警告件数', width: 7 },
      ...REQUIREMENTS.map((r, i) => ({ header: `${i + 1} ${r.title}`, width: 7, center: true })),
    ],
    rows: rows.map((row, i): CellValue[] => [
      i + 1,
      row.file,
      row.operator,
      row.port,
      row.specified === null ? null : row.specified ? SCOPE_LABELS.specified : '特定の港以外の港',
      row.kind,
      row.addressee,
      row.state === 'unreadable' ? null : (addressedBureau(row)?.bureau ?? null),
      agentLine(row.agent) || null,
      row.screened ? SCREENED_LABEL.ja : STATE[row.state],
      row.errors,
      row.warnings,
      ...REQUIREMENTS.map((r) => MARKS[row.cells[r.id]] || null),
    ]),
  };
}

function findingsSheet(rows: readonly ReviewRow[]): SheetTable {
  const out: CellValue[][] = [];
  rows.forEach((row, i) => {
    if (row.problem) out.push([i + 1, row.file, row.operator, '読込不可', null, null, row.problem, null]);
    for (const f of row.findings) {
      const requirement = f.requirementId ? (REQUIREMENTS.find((r) => r.id === f.requirementId)?.title ?? null) : null;
      out.push([
        i + 1,
        row.file,
        row.operator,
        SEVERITY_LABELS[f.severity].ja,
        requirement,
        fieldWords(f.segments) || null,
        findingMessage(f, 'ja'),
        f.requirementId ? guidelineSection(f.requirementId, 'ja') : null,
      ]);
    }
  });
  return {
    name: '指摘事項',
    frozenColumns: 0,
    columns: [
      { header: '審査一覧のNo.', width: 7, center: true },
      { header: 'ファイル', width: 20 },
      { header: '事業者', width: 16 },
      { header: '区分', width: 6 },
      { header: '要件', width: 22, wrap: true },
      { header: '項目', width: 26, wrap: true },
      { header: '内容', width: 60, wrap: true },
      { header: 'ガイドライン', width: 26, wrap: true },
    ],
    rows: out,
  };
}

/** How much of 講じている措置 the substance sheet shows: enough to see what was written, short enough to scan. */
const OPENING_LENGTH = 120;

/** One row per filing and requirement required at its port: the mark, the opening of what it says, and its findings. */
function substanceSheet(rows: readonly ReviewRow[]): SheetTable {
  const out: CellValue[][] = [];
  rows.forEach((row, i) => {
    if (row.state === 'unreadable') return;
    REQUIREMENTS.forEach((r, n) => {
      if (row.cells[r.id] === CELL.blank) return;
      const found = row.findings.filter((f) => f.requirementId === r.id && f.severity !== 'info');
      out.push([
        i + 1,
        row.file,
        row.operator,
        n + 1,
        r.title,
        MARKS[row.cells[r.id]] || null,
        opening(row.substance[r.id], OPENING_LENGTH) || null,
        found.map((f) => `${SEVERITY_LABELS[f.severity].ja}：${findingMessage(f, 'ja')}`).join('\n') || null,
      ]);
    });
  });
  return {
    name: '記載内容',
    frozenColumns: 0,
    columns: [
      { header: '審査一覧のNo.', width: 7, center: true },
      { header: 'ファイル', width: 20 },
      { header: '事業者', width: 16 },
      { header: '審査一覧の列番号', width: 7, center: true },
      { header: '要件', width: 24 },
      { header: '記号', width: 5, center: true },
      { header: `講じている措置（冒頭${OPENING_LENGTH}字）`, width: 56 },
      { header: 'エラー・警告', width: 56 },
    ],
    rows: out,
  };
}

function requirementsSheet(): SheetTable {
  return {
    name: '要件',
    columns: [
      { header: '審査一覧の列番号', width: 10, center: true },
      { header: '要件', width: 50, wrap: true },
      { header: '適用', width: 12 },
      { header: '特定の港の書類での番号', width: 14, center: true },
      { header: '特定の港以外の港の書類での番号', width: 14, center: true },
      { header: 'ガイドライン', width: 60, wrap: true },
    ],
    rows: REQUIREMENTS.map((r, i) => {
      const general = requirementNumber(r.id, false);
      return [
        i + 1,
        r.title,
        SCOPE_LABELS[r.scope],
        `３（${requirementNumber(r.id, true)}）`,
        general ? `３（${general}）` : null,
        r.references.map((ref) => formatReference(ref, 'ja')).join('、'),
      ];
    }),
  };
}

function legendSheet(rows: readonly ReviewRow[]): SheetTable {
  return {
    name: '凡例',
    columns: [
      { header: '記号', width: 8, center: true },
      { header: '意味', width: 60 },
    ],
    rows: [
      ['○', '実施済み'],
      ['△', '一部実施・実施予定・代替措置'],
      ['×', '記載なし（その港では記載が必要）'],
      ['—', '該当なし'],
      ['（空欄）', 'その港では記載不要'],
      ...(rows.some((r) => r.screened)
        ? [['○推定', '本文に記載あり（tos-filing で作成されていない書類の本文を読み取った推定。申請者が記入した届出データではありません）']]
        : []),
    ],
  };
}

/** The review workbook; the date comes from the filings (the latest filing date), not the clock. */
export function reviewXlsx(rows: readonly ReviewRow[]): Uint8Array {
  const dates = rows.map((r) => r.filingDate).filter((d): d is string => d !== null).sort();
  const book: Workbook = {
    title: 'TOSの概要及び情報セキュリティ 届出審査一覧',
    date: dates.at(-1) ?? '2024-03-31',
    sheets: [reviewSheet(rows), findingsSheet(rows), substanceSheet(rows), requirementsSheet(), legendSheet(rows)],
  };
  return writeXlsx(book);
}
