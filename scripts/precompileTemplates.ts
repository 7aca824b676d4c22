// Writes dist/templates.cjs: the bundled templates compiled ahead of time (src/platform/precompiledTemplates.ts).
// Bundled and run by scripts/bundle.mjs.
import { writeFileSync } from 'node:fs';
import { DEFAULT_TEMPLATES_DIR, listTemplateFolder } from '../src/platform/nodeTemplates.ts';
import { PRECOMPILED_TEMPLATES_FILE, precompiledTemplatesSource } from '../src/platform/precompiledTemplates.ts';

writeFileSync(PRECOMPILED_TEMPLATES_FILE, precompiledTemplatesSource(listTemplateFolder(DEFAULT_TEMPLATES_DIR)));
