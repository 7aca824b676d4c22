import { buildFiling } from '../app/build.ts';
import type { Key } from '../model/schemaWalk.ts';
import type { CompiledTemplates } from '../templates/renderTemplates.ts';
import { hasErrors } from '../validate/finding.ts';
import { fieldWords, findingMessage } from '../validate/messages.ts';
import { checkFiling } from '../validate/validate.ts';

/**
 * The documents the editor shows and downloads, made as `build` makes them (a draft while errors remain), in
 * either shell: the editor's server and the offline page's Worker both call this, so they cannot drift apart.
 */

export type EditorFormat = 'pdf' | 'docx';

export interface DocumentProblem {
  where: string;
  message: string;
  at: Key[];
}

export type EditorDocuments =
  | { ok: true; draft: boolean; documents: Partial<Record<EditorFormat, Uint8Array>> }
  | { ok: false; message: string; problems: DocumentProblem[] };

export async function editorDocuments(file: string, data: Record<string, unknown>, formats: readonly EditorFormat[], templates: CompiledTemplates): Promise<EditorDocuments> {
  const draft = hasErrors(checkFiling(data).findings);
  // the editor shows the filing's own documents: a filing through an agent gets no 委任状 here
  const outcome = await buildFiling({ file, data }, { formats, templates, draft, powerOfAttorney: false });
  if (outcome.status !== 'built') {
    const blocking = outcome.findings.filter((f) => f.severity === 'error').slice(0, 20);
    return {
      ok: false,
      message: '次の項目を直すまで、下書きも作成できません（選択肢にない値・一覧の形・読めない日付の誤り。空欄は下書きで【未記入】と示されます）。',
      problems: blocking.map((f) => ({ where: fieldWords(f.segments), message: findingMessage(f, 'ja'), at: f.segments as Key[] })),
    };
  }
  const documents: Partial<Record<EditorFormat, Uint8Array>> = {};
  for (const o of outcome.outputs) {
    if (o.name.endsWith('.pdf')) documents.pdf = o.bytes;
    if (o.name.endsWith('.docx')) documents.docx = o.bytes;
  }
  return { ok: true, draft, documents };
}
