import { classifyPort } from '../catalog/classifyPort.ts';
import { normalizeInput } from '../model/normalizeInput.ts';
import { parseAt } from '../model/schemaWalk.ts';
import { type DocumentFormat, writeDocuments } from '../render/registry.ts';
import type { ReviewRow } from '../review/reviewFilings.ts';
import { noticeContext } from '../templates/noticeContext.ts';
import { renderDocument } from '../templates/renderDocument.ts';
import type { CompiledTemplates } from '../templates/renderTemplates.ts';
import { stemOf } from './build.ts';
import type { OutputFile } from './source.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const textAt = (data: unknown, ...keys: string[]): string => {
  let v: unknown = data;
  for (const k of keys) v = isRecord(v) ? v[k] : undefined;
  return typeof v === 'string' ? v : '';
};

/** A YYYY-MM-DD date that exists in the schema's range, else null (a notice for a filing whose date is wrong has none). */
function calendarDateOrNull(value: string): string | null {
  return parseAt(['application', 'filingDate'], value).success ? value : null;
}

/**
 * Draft 補正 requests for the filings of a review that have errors: one document per filing, in each format asked
 * for, named <file>.notice.docx / .pdf. Files that could not be read get none (there is no applicant to write to).
 */
export async function noticeOutputs(
  reviewed: readonly { row: ReviewRow; data: unknown }[],
  options: { templates: CompiledTemplates; formats: readonly DocumentFormat[] },
): Promise<OutputFile[]> {
  const outputs: OutputFile[] = [];
  const used = new Set<string>();
  for (const { row, data: raw } of reviewed) {
    if (row.state === 'unreadable' || row.errors === 0) continue;
    const data = normalizeInput(raw); // choices and 和暦 dates in canonical form
    const portInput = textAt(data, 'port', 'name');
    const port = portInput ? classifyPort(portInput) : null;
    const context = noticeContext({
      file: row.file,
      applicantName: row.operator ?? textAt(data, 'applicant', 'name'),
      representative: [textAt(data, 'applicant', 'representative', 'title'), textAt(data, 'applicant', 'representative', 'name')].filter(Boolean).join('　'),
      portName: port?.name ?? portInput,
      bureau: port?.bureau ?? null,
      filingDate: row.filingDate ?? calendarDateOrNull(textAt(data, 'application', 'filingDate')),
      // a hand-typed plan's draft has init's kind, not one the document stated
      kind: row.screened ? null : textAt(data, 'application', 'kind') || null,
      screened: row.screened,
      findings: row.findings,
    });
    const tree = renderDocument(options.templates, 'notice', context);
    let stem = `${stemOf(row.file)}.notice`;
    for (let n = 2; used.has(stem); n++) stem = `${stemOf(row.file)}-${n}.notice`;
    used.add(stem);
    for (const d of await writeDocuments(tree, options.formats)) outputs.push({ name: `${stem}.${d.format}`, bytes: d.bytes });
  }
  return outputs;
}
