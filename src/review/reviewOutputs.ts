import { REQUIREMENTS } from '../catalog/requirements.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { SCOPE_LABELS, SEVERITY_LABELS } from '../model/enums.ts';
import { type Lang, inLang } from '../util/lang.ts';
import { fieldWords, findingMessage } from '../validate/messages.ts';
import { forTerminal } from '../util/terminalText.ts';
import { xmlSafeDeep } from '../util/xmlSafe.ts';
import type { Finding } from '../validate/finding.ts';
import { documentDigits, parenNumber } from '../util/documentNumbers.ts';
import { documentMessage } from '../validate/documentMessage.ts';
import { agentLine } from './filingFacts.ts';
import type { ReviewRow } from './reviewFilings.ts';
import { SCREENED_LABEL, SCREENED_LEGEND } from './screenedLabels.ts';


const STATE_LABEL = {
  ok: { ja: '', en: '' },
  invalid: { ja: '形式エラー', en: 'invalid' },
  unreadable: { ja: '読込不可', en: 'unreadable' },
} as const;

const stateOf = (row: ReviewRow) => (row.screened ? SCREENED_LABEL : STATE_LABEL[row.state]);

const portText = (row: ReviewRow, lang: Lang = 'ja') =>
  row.port === null ? '' : `${row.port}${row.specified ? inLang({ ja: '（特定）', en: ' (specified)' }, lang) : ''}`;

/** The port in the review document: 横浜港（特定の港）. */
const portWords = (row: ReviewRow) => (row.port === null ? '' : `${row.port}${row.specified ? '（特定の港）' : ''}`);

/** Each requirement's column in the text view: wide enough for its whole number, so that 11 never reads as 1. */
const MATRIX_COLUMN = 3;
/** The requirement numbers over the marks, right-aligned: `  1  2 … 10 11 …`. */
export const matrixHeader = () => REQUIREMENTS.map((_, i) => String(i + 1).padStart(MATRIX_COLUMN)).join('');
/** A row's marks under the numbers of matrixHeader. */
export const matrixCells = (row: ReviewRow) => REQUIREMENTS.map((r) => (row.cells[r.id] || ' ').padStart(MATRIX_COLUMN)).join('');

/** 宛先・申請区分・代理人 of a row on one line (empty when the file gave none of them). */
function applicationLine(row: ReviewRow, lang: Lang): string {
  const parts = [
    row.addressee && `${inLang({ ja: '宛先', en: 'addressee' }, lang)}：${row.addressee}`,
    row.kind && `${inLang({ ja: '申請区分', en: 'kind' }, lang)}：${row.kind}`,
    row.agent && `${inLang({ ja: '代理人', en: 'agent' }, lang)}：${agentLine(row.agent)}`,
    row.otherBureau && inLang({ ja: `【他局あて：${row.otherBureau}】`, en: `[addressed to ${row.otherBureau}]` }, lang),
  ];
  return parts.filter(Boolean).join('　');
}

export function reviewText(rows: readonly ReviewRow[], lang: Lang = 'ja'): string {
  const say = (text: { ja: string; en: string }) => inLang(text, lang);
  const lines: string[] = [];
  lines.push(`${say({ ja: '要件', en: 'requirements' })}: ${REQUIREMENTS.map((r, i) => `${i + 1}=${lang === 'ja' ? r.title : r.id}`).join(lang === 'ja' ? '\n  ' : ' ')}`);
  lines.push(`  ${matrixHeader()}   E  W  ${say({ ja: 'ファイル', en: 'file' })}`);
  for (const row of rows) {
    const state = say(stateOf(row));
    lines.push(`  ${matrixCells(row)}  ${String(row.errors).padStart(2)} ${String(row.warnings).padStart(2)}  ${row.file}  ${row.operator ?? ''} ${portText(row, lang)} ${state}`.trimEnd());
    const facts = applicationLine(row, lang);
    if (facts) lines.push(`  ${' '.repeat(REQUIREMENTS.length * MATRIX_COLUMN + 8)}${facts}`);
  }
  lines.push('', say({ ja: '✓ 実施済み　△ 一部実施・予定・代替　— 該当なし　✗ 記載なし　空欄 その港では不要', en: '✓ implemented  △ partial/planned/alternative  — not applicable  ✗ missing  blank: not required at that port' }));
  if (rows.some((r) => r.screened))
    lines.push(say(SCREENED_LEGEND));
  for (const row of rows) {
    if (!row.problem && !row.findings.length) continue;
    lines.push('', row.file);
    if (row.problem) lines.push(`  ${row.problem}`);
    for (const f of row.findings) lines.push(`  ${say(SEVERITY_LABELS[f.severity])} ${lang === 'ja' ? fieldWords(f.segments) : f.path}（${f.path}）`, `    ${findingMessage(f, lang)}`);
  }
  return forTerminal(lines.join('\n'));
}

/**
 * A text cell that starts with = + - @ (or a tab or CR) is a formula to spreadsheet software, which would
 * run `=HYPERLINK(…)` or `=cmd|…` from a filing. As OWASP advises, such a cell gets a leading apostrophe
 * and so stays text. Numbers are written as numbers.
 */
export function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte-order mark and CRLF line ends, so that spreadsheet software opens the Japanese intact. */
export function reviewCsv(rows: readonly ReviewRow[]): string {
  const header = ['ファイル', '事業者', '港', '特定の港', '宛先', '申請区分', '代理人', '状態', 'エラー', '警告', ...REQUIREMENTS.map((r, i) => `${i + 1} ${r.title}`), '指摘事項'];
  const body = rows.map((row) => [
    row.file,
    row.operator,
    row.port,
    row.specified === null ? '' : row.specified ? '特定' : '一般',
    row.addressee,
    row.kind,
    agentLine(row.agent),
    stateOf(row).ja,
    row.errors,
    row.warnings,
    ...REQUIREMENTS.map((r) => row.cells[r.id]),
    [row.problem, ...row.findings.map((f) => `${SEVERITY_LABELS[f.severity].ja}：${fieldWords(f.segments)}：${findingMessage(f, 'ja')}`)].filter(Boolean).join('\n'),
  ]);
  return `\uFEFF${[header, ...body].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function reviewJson(rows: readonly ReviewRow[], lang: Lang = 'ja'): string {
  const filings = rows.map((row) => ({ ...row, findings: row.findings.map((f) => ({ ...f, message: findingMessage(f, lang) })) }));
  return JSON.stringify({ requirements: REQUIREMENTS.map((r) => r.id), filings }, null, 2);
}

/** The marks of the review matrix in documents: the circle and cross of Japanese forms (the embedded font has them). */
const DOCUMENT_MARKS: Record<string, string> = { '✓': '○', '△': '△', '—': '—', '✗': '×', '○': '(○)', '': '' };

/** A requirement's item number in the filing of a port of each class: ３（n）, as the filing numbers it. */
function filingNumbers() {
  const numberIn = (specified: boolean) => {
    const applicable = requirementsFor({ specified });
    return (id: string) => {
      const i = applicable.findIndex((r) => r.id === id);
      return i < 0 ? null : i + 1;
    };
  };
  return { specified: numberIn(true), general: numberIn(false) };
}

/** Where a finding is, in the filing's words: 「３（４）セキュリティインシデント対応訓練の実施の実施予定日」. */
function placeOf(f: Finding, specified: boolean | null, numbers: ReturnType<typeof filingNumbers>): string {
  const words = fieldWords(f.segments).split(' › ');
  if (f.segments[0] !== 'measures' || words.length < 2) return words.join('の');
  const n = specified === null ? null : numbers[specified ? 'specified' : 'general'](String(f.segments[1]));
  return [`${n === null ? '' : `３${parenNumber(n)}`}${words[1]}`, ...words.slice(2)].join('の');
}

/** Dates come from the filings, not the clock, so that the same files give the same document. */
export function reviewContext(rows: readonly ReviewRow[]) {
  const dates = rows.map((r) => r.filingDate).filter((d): d is string => d !== null).sort();
  const numbers = filingNumbers();
  return xmlSafeDeep({
    title: 'TOSの概要及び情報セキュリティ 届出審査一覧',
    date: dates.at(-1) ?? '2024-03-31',
    firstDate: dates[0] ?? null,
    lastDate: dates.at(-1) ?? null,
    count: rows.length,
    screened: rows.some((r) => r.screened),
    requirements: REQUIREMENTS.map((r, i) => {
      const general = numbers.general(r.id);
      return {
        no: i + 1,
        /** The item number in a specified port's filing (all 25 apply there, in catalog order). */
        specifiedNo: documentDigits(numbers.specified(r.id)!),
        /** The item number in another port's filing, or null where the item does not apply. */
        generalNo: general === null ? null : documentDigits(general),
        /** The same as the filing prints it: （１）, （10） */
        specifiedItem: parenNumber(numbers.specified(r.id)!),
        generalItem: general === null ? null : parenNumber(general),
        title: r.title,
        scopeLabel: SCOPE_LABELS[r.scope],
      };
    }),
    rows: rows.map((row, i) => ({
      no: documentDigits(i + 1),
      file: row.file,
      operator: row.operator ?? '',
      port: portWords(row),
      addressee: row.addressee ?? '',
      kind: row.kind ?? '',
      agent: agentLine(row.agent),
      otherBureau: row.otherBureau,
      state: stateOf(row).ja,
      errors: row.errors,
      warnings: row.warnings,
      cells: REQUIREMENTS.map((r) => DOCUMENT_MARKS[row.cells[r.id]] ?? row.cells[r.id]),
      problem: row.problem,
      findings: row.findings
        .filter((f) => f.severity !== 'info' || f.code === 'PLAN_SCREENED' || f.code === 'PLAN_REQUIREMENT_FOUND')
        .map((f) => ({ severity: SEVERITY_LABELS[f.severity].ja, path: placeOf(f, row.specified, numbers), message: documentMessage(f) })),
    })),
  });
}
