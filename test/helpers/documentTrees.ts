import { readFileSync } from 'node:fs';
import { importPlan } from '../../src/app/import.ts';
import { requirementsFor } from '../../src/catalog/requirementsFor.ts';
import { readDocumentBytes } from '../../src/readers/readSource.ts';
import { diffFilings } from '../../src/diff/diffFilings.ts';
import type { DocumentTree } from '../../src/document/tree.ts';
import { readFiling } from '../../src/io/readFiling.ts';
import { reviewRows } from '../../src/review/reviewFilings.ts';
import { collectFilingFiles } from '../../src/io/collectFilingFiles.ts';
import { templateContext } from '../../src/templates/context.ts';
import { diffContext } from '../../src/templates/diffContext.ts';
import { fillTextGaps, markGaps } from '../../src/templates/draftGaps.ts';
import { renderDocument } from '../../src/templates/renderDocument.ts';
import { reviewContext } from '../../src/review/reviewOutputs.ts';
import { compileTemplates } from '../../src/platform/nodeTemplates.ts';
import { checkFiling } from '../../src/validate/validate.ts';
import { fixturePath } from './fixtures.ts';

/** Document trees of the fixtures, made as the commands make them: for checks of the writers' page layout. */

const templates = compileTemplates();

function checked(name: string, draft: boolean) {
  const read = readFiling(fixturePath(name));
  if (!read.ok) throw new Error(read.message);
  return checkedData(read.data, draft, name);
}

function checkedData(data: unknown, draft: boolean, name = 'the filing') {
  const checked = checkFiling(data);
  let { filing, port } = checked;
  if (!filing && draft) {
    const filled = fillTextGaps(data);
    const again = checkFiling(filled.data);
    filing = again.filing && markGaps(again.filing, filled.gaps);
    port = again.port;
  }
  if (!filing || !port) throw new Error(`${name} is not a filing`);
  return { filing, port, findings: checked.findings };
}

export interface FixtureTree {
  tree: DocumentTree;
  /** Text that must appear (applicant, port, requirement titles). */
  expected: string[];
}

export function filingTree(name: string, draft = false): FixtureTree {
  const { filing, port, findings } = checked(name, draft);
  return {
    tree: renderDocument(templates, 'filing', templateContext(filing, port, findings, draft)),
    expected: [filing.applicant.name, filing.port.name, ...requirementsFor(port).map((r) => r.title)],
  };
}

/** The document tree of a filing given as data (a fixture changed by a test). */
export function filingTreeOf(data: unknown, draft = false): DocumentTree {
  const { filing, port, findings } = checkedData(data, draft);
  return renderDocument(templates, 'filing', templateContext(filing, port, findings, draft));
}

export function diffTree(beforeName = 'change/before.yaml', afterName = 'change/after.yaml'): DocumentTree {
  const before = { file: fixturePath(beforeName), ...checked(beforeName, false) };
  const after = { file: fixturePath(afterName), ...checked(afterName, false) };
  const diff = diffFilings(before.filing, after.filing, { before: before.port, after: after.port });
  return renderDocument(templates, 'diff', diffContext(before, after, diff, templates));
}

export function reviewTree(folder = ''): DocumentTree {
  const reads = collectFilingFiles([fixturePath(folder)]).map((file) => ({ file, read: readFiling(file) }));
  return renderDocument(templates, 'review', reviewContext(reviewRows(reads)));
}

/**
 * The draft document of a hand-typed plan (fixtures/handtyped/<name>/plan.docx) as `import` and `build --draft`
 * make it: every measure found carries notes under its table (【要確認】), the drafts whose page flow went wrong.
 */
export function importedDraftTree(name: string): DocumentTree {
  const file = fixturePath(`handtyped/${name}/plan.docx`);
  const read = readDocumentBytes(file, 'docx', readFileSync(file));
  if (!read.ok) throw new Error(read.message);
  const outcome = importPlan(read, { format: 'json' });
  if (outcome.status !== 'imported') throw new Error(`${name} is not a plan`);
  return filingTreeOf(JSON.parse(outcome.text), true);
}
