/**
 * What the commands run on, loaded once a command is chosen (program.ts), so that --help, --version and a mistyped
 * option start without the validator, the templates or the document writers.
 */
export { installNodeHost } from '../platform/node.ts';
export { buildFiling, powerOfAttorneyTemplateMissing, stemOf } from '../app/build.ts';
export { compareFilings } from '../app/diff.ts';
export { filingSkeleton } from '../app/init.ts';
export { choosePort } from '../app/newFilingPort.ts';
export { officeAgent, withOfficeAgent } from '../app/office.ts';
export { readFiling } from '../io/readFiling.ts';
export { checkTemplates } from '../app/templatesCheck.ts';
export { checkRead } from '../app/check.ts';
export { extractFiling } from '../app/extract.ts';
export { importPlan } from '../app/import.ts';
export { reviewFilings } from '../app/review.ts';
export { readSource } from '../platform/readSourceFile.ts';
export { classifyPort } from '../catalog/classifyPort.ts';
export { REQUIREMENTS, VOLUME_TITLES, formatReference } from '../catalog/requirements.ts';
export { requirementsFor } from '../catalog/requirementsFor.ts';
export { MarkupError } from '../document/parseMarkup.ts';
export { OutputError } from '../io/outputError.ts';
export { prepareOutputFolder } from '../io/outputFolder.ts';
export { writeOutputs } from '../io/writeAtomically.ts';
export { SCOPE_LABELS, enumValueFor } from '../model/enums.ts';
export { filing as filingSchema } from '../model/filing.ts';
export { isDocumentFormat } from '../render/registry.ts';
export { findingsReport, formatFindingsText } from '../report/findingsReport.ts';
export { collectFilingFiles } from '../io/collectFilingFiles.ts';
export { reviewText } from '../review/reviewOutputs.ts';
export { TemplateError } from '../templates/templateError.ts';
export { compileTemplates } from '../platform/nodeTemplates.ts';
export { pdfWriter } from '../platform/pdfWorkerWriter.ts';
export { hasErrors } from '../validate/finding.ts';
export { toJSONSchema } from 'zod';
