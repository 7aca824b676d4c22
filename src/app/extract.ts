import { stringify } from 'yaml';
import type { SourceRead } from '../readers/readSource.ts';

export type ExtractFormat = 'yaml' | 'json';

export type ExtractOutcome = { status: 'extracted'; text: string } | { status: 'not-a-document' } | { status: 'hand-typed' };

/**
 * The filing a .pdf or .docx carries, as YAML or JSON (canonical values: the readers accept them as they are).
 * A 新旧対照表 carries two versions: the one after the change, or with `before` the one before it.
 */
export function extractFiling(read: Extract<SourceRead, { ok: true }>, options: { format: ExtractFormat; before?: boolean }): ExtractOutcome {
  if (!read.carrier) return { status: 'not-a-document' };
  if (read.carrier.document === 'plan') return { status: 'hand-typed' };
  const data = options.before && read.carrier.document === 'diff' ? read.carrier.before : read.data;
  const text =
    options.format === 'json'
      ? `${JSON.stringify(data, null, 2)}\n`
      : `# ${read.file} に含まれる届出データ（tos-filing extract）\n${stringify(data, { lineWidth: 0 })}`;
  return { status: 'extracted', text };
}
