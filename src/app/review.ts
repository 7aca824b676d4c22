import { type DocumentFormat, DOCUMENT_FORMATS, isDocumentFormat, writeDocuments } from '../render/registry.ts';
import type { Bureau } from '../catalog/ports.ts';
import { markOtherBureaus } from '../review/bureauFilter.ts';
import { REVIEW_FORMATS, type ReviewFormat, type RowFormat } from './reviewFormats.ts';
import { type ReviewRow, type RowRead, reviewRow } from '../review/reviewFilings.ts';
import type { PlanText } from '../readers/plan/screening.ts';
import { screenedRow } from './screening.ts';
import { reviewContext, reviewCsv, reviewJson } from '../review/reviewOutputs.ts';
import { reviewXlsx } from '../review/reviewXlsx.ts';
import { renderDocument } from '../templates/renderDocument.ts';
import type { CompiledTemplates } from '../templates/renderTemplates.ts';
import type { Lang } from '../util/lang.ts';
import { noticeOutputs } from './notice.ts';
import type { OutputFile } from './source.ts';

const encode = (text: string) => new TextEncoder().encode(text);

/** The review's file formats besides the documents, each a writer over the rows. */
const ROW_WRITERS = {
  csv: (rows: readonly ReviewRow[]) => encode(reviewCsv(rows)),
  json: (rows: readonly ReviewRow[], lang: Lang) => encode(`${reviewJson(rows, lang)}\n`),
  xlsx: (rows: readonly ReviewRow[]) => reviewXlsx(rows),
} as const satisfies Record<RowFormat, unknown>;

export { REVIEW_FORMATS, type ReviewFormat };

export interface ReviewOptions {
  formats: readonly ReviewFormat[];
  /** Needed for the document formats and the notices. */
  templates?: CompiledTemplates;
  /** A draft 補正 request per filing with errors. */
  notice?: boolean;
  lang: Lang;
  /** The examiner's bureau: filings addressed to another one get ADDRESSED_TO_OTHER_BUREAU. */
  bureau?: Bureau;
  onProgress?: (done: number, total: number, file: string) => void;
}

/** The examiner's review of filings already read: one row each, and the files asked for, in memory. */
export async function reviewFilings(reads: readonly { file: string; read: RowRead & { carrier?: { handTyped?: PlanText } } }[], options: ReviewOptions): Promise<{ rows: ReviewRow[]; outputs: OutputFile[] }> {
  // a plan tos-filing did not make gets the row of its screening (app/screening.ts)
  const read = reads.map(({ file, read: r }, i) => {
    options.onProgress?.(i + 1, reads.length, file);
    const text = r.ok ? r.carrier?.handTyped : undefined;
    return r.ok && text ? screenedRow(file, text, r.data) : reviewRow(file, r);
  });
  const rows = options.bureau ? markOtherBureaus(read, options.bureau) : read;
  const outputs: OutputFile[] = [];
  for (const format of options.formats)
    if (Object.hasOwn(ROW_WRITERS, format)) outputs.push({ name: `review.${format}`, bytes: ROW_WRITERS[format as RowFormat](rows, options.lang) });
  const documents = options.formats.filter(isDocumentFormat) as DocumentFormat[];
  if (documents.length && options.templates) {
    const tree = renderDocument(options.templates, 'review', reviewContext(rows));
    for (const d of await writeDocuments(tree, documents)) outputs.push({ name: `review.${d.format}`, bytes: d.bytes });
  }
  if (options.notice && options.templates) {
    const reviewed = rows.map((row, i) => {
      const read = reads[i]!.read;
      return { row, data: read.ok ? read.data : undefined };
    });
    outputs.push(...(await noticeOutputs(reviewed, { templates: options.templates, formats: documents.length ? documents : DOCUMENT_FORMATS })));
  }
  return { rows, outputs };
}
