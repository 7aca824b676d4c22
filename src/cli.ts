import { main } from './cli/program.ts';

// no top-level await: the bundle is a CommonJS script, so that its compiled code can be cached (bin/tos-filing.js)
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
