import type { RequirementId } from '../../catalog/requirements.ts';
import type { TextBlock } from './textBlock.ts';

/**
 * A stand-in for the matcher (src/screen/, made on its own branch) with the same signatures, used until it is
 * merged: a few plain words per requirement. It knows far less than the matcher and is never used once that is in.
 */

export interface RequirementMatch {
  requirement: RequirementId;
  /** TextBlock.index of the blocks of the passage. */
  blocks: number[];
  passage: string;
  page?: number;
  status?: 'implemented' | 'partial' | 'planned' | 'not-applicable';
  statusWords?: string;
  considering?: boolean;
  score: number;
}

export interface PlanCover {
  addressee?: string;
  date?: string;
  applicant?: { name?: string; representative?: string; address?: string };
  port?: string;
  terminal?: string;
  tosName?: string;
}

const WORDS: Partial<Record<RequirementId, RegExp>> = {
  'asset-network-inventory': /資産.*台帳|ネットワーク構成図/,
  'outsourcing-security-contract': /委託先.*契約/,
  'incident-response-procedure': /インシデント.*手順/,
  'bcp-system-failure': /事業継続計画|BCP/,
  'security-awareness-training': /教育|研修/,
  'ext-multifactor-auth': /二要素|多要素|ワンタイムパスワード/,
  'server-antimalware': /ウイルス対策|マルウェア対策/,
  'backup-targets-frequency': /バックアップ/,
};

export function matchRequirements(blocks: readonly TextBlock[]): RequirementMatch[] {
  const out: RequirementMatch[] = [];
  for (const [id, words] of Object.entries(WORDS) as [RequirementId, RegExp][]) {
    const block = blocks.find((b) => b.kind !== 'heading' && words.test(b.text.normalize('NFKC')));
    if (!block) continue;
    const status = /予定/.test(block.text) ? 'planned' : /している|済/.test(block.text) ? 'implemented' : undefined;
    out.push({ requirement: id, blocks: [block.index], passage: block.text, ...(block.page ? { page: block.page } : {}), ...(status ? { status } : {}), score: 1 });
  }
  return out;
}

export function readCover(blocks: readonly TextBlock[]): PlanCover {
  const cover: PlanCover = {};
  for (const b of blocks.slice(0, 30)) {
    const t = b.text.normalize('NFKC');
    const name = t.match(/^(?:名\s*称|申請者)[\s:：]*(.+)$/);
    if (name && !cover.applicant?.name) cover.applicant = { ...cover.applicant, name: name[1]!.trim() };
    const port = t.match(/([\p{Script=Han}\p{Script=Katakana}ー]{1,6}港)/u);
    if (port && !cover.port && /港名|港湾|において|における/.test(t)) cover.port = port[1];
  }
  return cover;
}
