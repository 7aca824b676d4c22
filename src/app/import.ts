import { REQUIREMENTS } from '../catalog/requirements.ts';
import { planDraft } from './planDraft.ts';
import { screenPlan } from './screening.ts';
import type { SourceRead } from '../readers/readSource.ts';
import { parenNumber } from '../util/documentNumbers.ts';

export type ImportFormat = 'yaml' | 'json';

export type ImportOutcome =
  | { status: 'imported'; text: string; report: string; found: number }
  | { status: 'not-a-plan'; why: 'filing' | 'tos-filing-document' };

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/**
 * `tos-filing import`: a draft filing from a plan tos-filing did not make, as YAML with its 要確認 notes (or JSON),
 * and what was found where and what was not, in Japanese, for the person to check (the CLI prints it to stderr).
 */
export function importPlan(read: Extract<SourceRead, { ok: true }>, options: { format: ImportFormat }): ImportOutcome {
  const plan = read.carrier?.handTyped;
  if (!plan) return { status: 'not-a-plan', why: read.carrier ? 'tos-filing-document' : 'filing' };
  const source = baseName(read.file);
  const draft = planDraft(screenPlan(plan), source);
  const listed = [...draft.found.map((f) => f.match.requirement as string), ...draft.notFound.map((n) => n.id as string)];
  const order = REQUIREMENTS.map((r) => r.id as string).filter((id) => listed.includes(id));
  const number = (id: string) => parenNumber(order.indexOf(id) + 1);
  const lines = [
    `${source} の本文を読み取り、届出ファイルの下書きを作成しました。本文の読み取りによる推定です（申請者が記入したデータではありません）。原文と照らして確かめてください。`,
  ];
  lines.push(draft.port.known ? `港：${draft.port.name}（${draft.port.specified ? '特定の港' : '特定の港以外の港'}の要件で確かめました）` : `港：${draft.port.name ? `「${draft.port.name}」は登録簿にありません` : '本文から読み取れませんでした'}（全ての港の要件だけで確かめました）`);
  if (draft.cover.length) lines.push('表紙から読み取った項目（「要確認」のコメントを付けました）：', ...draft.cover.map((c) => `  ${c.label}：${c.value}（${c.place}）`));
  if (draft.coverMissing.length) lines.push(`表紙から読み取れなかった項目（空欄のまま。下書きの書類では【未記入】）：${draft.coverMissing.join('、')}`);
  if (draft.found.length)
    lines.push(
      `記載が見つかった要件 ${draft.found.length}件（本文をそのまま「講じている措置」に入れ、「読み取り元」を付けました。下書きの書類では【要確認】）：`,
      ...draft.found.map((f) => `  ${number(f.match.requirement)}${f.title} … ${f.place}（実施状況：${f.status}${f.match.status === undefined ? '。本文から読み取れず仮の値' : ''}）`),
    );
  if (draft.notFound.length)
    lines.push(`記載が見つからなかった要件 ${draft.notFound.length}件（措置を入れていません。下書きの書類では【未記入】）：`, ...draft.notFound.map((n) => `  ${number(n.id)}${n.title}`));
  if (!draft.found.length) lines.push('本文に強制要件の記載が一つも見つかりませんでした。事業計画（TOSの概要及び情報セキュリティ）の書類かどうかを確かめてください。');
  const text = options.format === 'json' ? `${JSON.stringify(draft.data, null, 2)}\n` : draft.yaml;
  return { status: 'imported', text, report: `${lines.join('\n')}\n`, found: draft.found.length };
}
