import { readFileSync } from 'node:fs';
import { parse } from "yaml";
import { checkFiling } from '../src/validate/validate.ts';
import { templateContext } from '../src/templates/context.ts';
import { renderDocument } from '../src/templates/renderDocument.ts';
import { compileTemplates } from '../src/templates/renderTemplates.ts';
import { planSections } from '../src/templates/planSections.ts';
const { filing, port, findings } = checkFiling(parse(readFileSync(process.argv[2]!, 'utf8')));
const tree = renderDocument(compileTemplates(), 'filing', templateContext(filing!, port!, findings, false));
for (const s of planSections(tree)) {
  console.log(`${'  '.repeat(s.level)}[${s.path}] ${s.heading}  {${s.key}}`);
  for (const l of s.lines.slice(0, Number(process.argv[3] ?? 3))) console.log(`${'  '.repeat(s.level)}   | ${l.text.replace(/\n/g, '⏎')} <${l.label}>`);
}
