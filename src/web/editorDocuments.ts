import { type BuildOutcome, buildFiling, buildPowerOfAttorney, buildRedactedCopy } from '../app/build.ts';
import { TemplateError } from '../templates/templateError.ts';
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

/** Which document: the filing; its copy for sharing (`build --redact`: <name>.redacted.*); the 委任状 of a filing made through an agent. */
export const EDITOR_DOCUMENT_KINDS = ['filing', 'redacted', 'power-of-attorney'] as const;
export type EditorDocumentKind = (typeof EDITOR_DOCUMENT_KINDS)[number];

export interface DocumentProblem {
  where: string;
  message: string;
  at: Key[];
}

export type EditorDocuments =
  /** stem: the name the documents are saved under, without the format (as `build` names them: x, x.redacted, x.委任状) */
  | { ok: true; draft: boolean; stem: string; documents: Partial<Record<EditorFormat, Uint8Array>> }
  | { ok: false; message: string; problems: DocumentProblem[] };

export async function editorDocuments(
  file: string,
  data: Record<string, unknown>,
  formats: readonly EditorFormat[],
  templates: CompiledTemplates,
  kind: EditorDocumentKind = 'filing',
): Promise<EditorDocuments> {
  const draft = hasErrors(checkFiling(data).findings);
  if (kind === 'power-of-attorney' && !(data.agent && typeof data.agent === 'object'))
    return { ok: false, message: '代理人が入力されていないため、委任状はありません（代理人（行政書士など）が申請する場合に、「代理人」の欄を入力すると作成できます）。', problems: [] };
  let outcome: BuildOutcome;
  try {
    outcome = await documentsOfKind(file, data, formats, templates, draft, kind);
  } catch (err) {
    // a firm's templates folder without the 委任状's template
    if (err instanceof TemplateError) return { ok: false, message: err.message, problems: [] };
    throw err;
  }
  if (outcome.status !== 'built') {
    const blocking = outcome.findings.filter((f) => f.severity === 'error').slice(0, 20);
    return {
      ok: false,
      message: '次の項目を直すまで、下書きも作成できません（選択肢にない値・一覧の形・読めない日付の誤り。空欄は下書きで【未記入】と示されます）。',
      problems: blocking.map((f) => ({ where: fieldWords(f.segments), message: findingMessage(f, 'ja'), at: f.segments as Key[] })),
    };
  }
  const documents: Partial<Record<EditorFormat, Uint8Array>> = {};
  let stem = '';
  for (const o of outcome.outputs) {
    const format = o.name.endsWith('.pdf') ? 'pdf' : o.name.endsWith('.docx') ? 'docx' : null;
    if (!format) continue;
    documents[format] = o.bytes;
    stem = o.name.slice(0, -format.length - 1);
  }
  return { ok: true, draft, stem, documents };
}

/** The build of one kind of document, with the options `build` gives it. */
function documentsOfKind(file: string, data: Record<string, unknown>, formats: readonly EditorFormat[], templates: CompiledTemplates, draft: boolean, kind: EditorDocumentKind): Promise<BuildOutcome> {
  if (kind === 'redacted') return buildRedactedCopy({ file, data }, { formats, templates, draft });
  if (kind === 'power-of-attorney') return buildPowerOfAttorney({ file, data }, { formats, templates, draft });
  // the filing's own documents: a filing through an agent gets its 委任状 on its own button
  return buildFiling({ file, data }, { formats, templates, draft, powerOfAttorney: false });
}
