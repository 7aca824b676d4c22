import { REQUIREMENTS, type RequirementId, formatReference } from '../catalog/requirements.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { SCOPE_LABELS, SEVERITY_LABELS } from '../model/enums.ts';
import { type CellValue, type SheetTable, type Workbook, writeXlsx } from '../render/xlsx/writeXlsx.ts';
import { fieldWords, findingMessage, guidelineSection } from '../validate/messages.ts';
import { CELL, type Cell, type ReviewRow } from './reviewFilings.ts';

/**
 * The review as a workbook an examiner can sort and filter, laid out by the 総務省 rules for machine-readable
 * tables: each sheet one table with a single header row, one value per cell, numbers as numbers, nothing merged,
 * no notes inside the table. Sheets: the review (one row per filing, one column per requirement), the findings
 * (one row each, in Japanese), the requirements (with the numbers each kind of port's document gives them), and
 * the meaning of the marks.
 */

/** The marks examiners write on paper: ○ done, △ under way, × missing, — not applicable, blank not required. */
const MARKS: Record<Cell, string> = {
  [CELL.implemented]: '○',
  [CELL.progressing]: '△',
  [CELL.missing]: '×',
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
      { header: 'No.', width: 6, center: true },
      { header: 'ファイル', width: 28 },
      { header: '事業者', width: 26 },
      { header: '港', width: 12 },
      { header: '港の区分', width: 12 },
      { header: '状態', width: 11 },
      { header: 'エラー件数', width: 11 },
      { header: '警告件数', width: 11 },
      ...REQUIREMENTS.map((r, i) => ({ header: `${i + 1} ${r.title}`, width: 14, center: true })),
    ],
    rows: rows.map((row, i): CellValue[] => [
      i + 1,
      row.file,
      row.operator,
      row.port,
      row.specified === null ? null : row.specified ? SCOPE_LABELS.specified : '特定の港以外の港',
      STATE[row.state],
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
      { header: '審査一覧のNo.', width: 8, center: true },
      { header: 'ファイル', width: 28 },
      { header: '事業者', width: 24 },
      { header: '区分', width: 9 },
      { header: '要件', width: 30, wrap: true },
      { header: '項目', width: 36, wrap: true },
      { header: '内容', width: 80, wrap: true },
      { header: 'ガイドライン', width: 36, wrap: true },
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

function legendSheet(): SheetTable {
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
    ],
  };
}

/** The review workbook; the date comes from the filings (the latest filing date), not the clock. */
export function reviewXlsx(rows: readonly ReviewRow[]): Uint8Array {
  const dates = rows.map((r) => r.filingDate).filter((d): d is string => d !== null).sort();
  const book: Workbook = {
    title: 'TOSの概要及び情報セキュリティ 届出審査一覧',
    date: dates.at(-1) ?? '2024-03-31',
    sheets: [reviewSheet(rows), findingsSheet(rows), requirementsSheet(), legendSheet()],
  };
  return writeXlsx(book);
}
