import { buildTreeOf } from '../../src/build/buildFiling.ts';
import { fillTextGaps } from '../../src/build/draftGaps.ts';
import { renderDocument } from '../../src/build/renderDocument.ts';
import { requirementsFor } from '../../src/catalog/requirementsFor.ts';
import { diffContext } from '../../src/diff/diffContext.ts';
import { diffFilings } from '../../src/diff/diffFilings.ts';
import type { DocumentTree } from '../../src/document/tree.ts';
import { readFiling } from '../../src/io/readFiling.ts';
import { collectFilingFiles, reviewFiles } from '../../src/review/reviewFilings.ts';
import { reviewContext } from '../../src/review/reviewOutputs.ts';
import { compileTemplates } from '../../src/templates/renderTemplates.ts';
import { checkFiling } from '../../src/validate/validate.ts';
import { fixturePath } from './fixtures.ts';

/** Document trees of the fixtures, made as the commands make them: for checks of the writers' page layout. */

const templates = compileTemplates();

function checked(name: string, draft: boolean) {
  const read = readFiling(fixturePath(name));
  if (!read.ok) throw new Error(read.message);
  let { filing, port, findings } = checkFiling(read.data);
  if (!filing && draft) ({ filing, port, findings } = checkFiling(fillTextGaps(read.data)));
  if (!filing || !port) throw new Error(`${name} is not a filing`);
  return { filing, port, findings };
}

export interface FixtureTree {
  tree: DocumentTree;
  /** Text that must appear (applicant, port, requirement titles). */
  expected: string[];
}

export function filingTree(name: string, draft = false): FixtureTree {
  const { filing, port, findings } = checked(name, draft);
  return {
    tree: buildTreeOf(filing, port, findings, draft, templates),
    expected: [filing.applicant.name, filing.port.name, ...requirementsFor(port).map((r) => r.title)],
  };
}

export function diffTree(beforeName = 'change/before.yaml', afterName = 'change/after.yaml'): DocumentTree {
  const before = { file: fixturePath(beforeName), ...checked(beforeName, false) };
  const after = { file: fixturePath(afterName), ...checked(afterName, false) };
  const diff = diffFilings(before.filing, after.filing, { before: before.port, after: after.port });
  return renderDocument(templates, 'diff', diffContext(before, after, diff));
}

export function reviewTree(folder = ''): DocumentTree {
  return renderDocument(templates, 'review', reviewContext(reviewFiles(collectFilingFiles([fixturePath(folder)]))));
}
