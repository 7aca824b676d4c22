/**
 * A plan that writes its measures in abbreviations and spells them out in a 用語集 (「MFA｜多要素認証」「BK：バックアップ」)
 * is read with each abbreviation followed by its meaning, as a reader of the plan looks it up: 「ADMのPWは…」 reads as
 * 「ADM（管理者アカウント）のPW（パスワード）は…」.
 */
import type { TextBlock } from '../readers/plan/textBlock.ts';

/** An abbreviation: two to six Latin capitals or digits, starting with a capital (full-width as typed, too). */
const ABBREVIATION = /^[A-Z][A-Z0-9]{1,5}$/;
/** A glossary's header cell, or the heading over a glossary written as lines. */
const GLOSSARY_HEADER = /^(略語|用語|略称|略号|記号|表記)$/;
const GLOSSARY_TITLE = /用語集|略語(一覧|集|表)?|用語(の)?(説明|定義|解説)|略称(一覧)?/;
/** 「MFA：多要素認証」「BK＝バックアップ」「PW … パスワード」: a line of a glossary. */
const GLOSSARY_LINE = /^[・\s]*([A-Z][A-Z0-9]{1,5})\s*[:：=＝…\s]\s*(.{2,40})$/;

const nfkc = (s: string) => s.normalize('NFKC').trim();

/** The glossary's entries, abbreviation → meaning; empty when the plan has none (fewer than three entries). */
export function glossaryOf(blocks: readonly TextBlock[]): Map<string, string> {
  const entries = new Map<string, string>();
  const tables = new Map<number, TextBlock[]>();
  for (const b of blocks) if (b.kind === 'table-cell' && b.cell) tables.set(b.cell.table, [...(tables.get(b.cell.table) ?? []), b]);
  for (const cells of tables.values()) {
    const headerRow = Math.min(...cells.map((c) => c.cell!.row));
    const header = cells.filter((c) => c.cell!.row === headerRow).sort((a, b) => a.cell!.column - b.cell!.column);
    if (!header[0] || !GLOSSARY_HEADER.test(nfkc(header[0].text))) continue;
    const column = header[0].cell!.column;
    for (const c of cells) {
      if (c.cell!.row === headerRow || c.cell!.column !== column || !ABBREVIATION.test(nfkc(c.text))) continue;
      const meaning = cells.find((m) => m.cell!.row === c.cell!.row && m.cell!.column > column);
      if (meaning?.text.trim()) entries.set(nfkc(c.text), meaning.text.trim());
    }
  }
  let underTitle = false;
  for (const b of blocks) {
    if (b.kind === 'table-cell') continue;
    const text = nfkc(b.text);
    if (GLOSSARY_TITLE.test(text) && text.length <= 20) underTitle = true;
    else if (underTitle) {
      for (const line of text.split('\n')) {
        const m = GLOSSARY_LINE.exec(line.trim());
        if (m) entries.set(m[1]!, m[2]!.trim());
      }
    }
  }
  return entries.size >= 3 ? entries : new Map();
}

/** A pattern for an abbreviation as typed, half-width or full-width, standing as a word of its own. */
function typed(abbreviation: string): RegExp {
  const chars = [...abbreviation].map((c) => `[${c}${String.fromCharCode(c.charCodeAt(0) + 0xfee0)}]`).join('');
  return new RegExp(`(?<![A-Za-zＡ-Ｚａ-ｚ])${chars}(?![A-Za-zＡ-Ｚａ-ｚ0-9０-９])`, 'g');
}

/** The blocks with each abbreviation of the glossary followed by its meaning (the glossary's own blocks as they are). */
export function withAbbreviationsSpelledOut(blocks: readonly TextBlock[]): TextBlock[] {
  const glossary = glossaryOf(blocks);
  if (glossary.size === 0) return [...blocks];
  const patterns = [...glossary].map(([abbreviation, meaning]) => ({ pattern: typed(abbreviation), meaning }));
  return blocks.map((b) => {
    const own = nfkc(b.text);
    if (glossary.has(own) || [...glossary.values()].includes(b.text.trim()) || GLOSSARY_LINE.test(own)) return b;
    let text = b.text;
    for (const { pattern, meaning } of patterns) text = text.replace(pattern, (m) => `${m}（${meaning}）`);
    return text === b.text ? b : { ...b, text };
  });
}
