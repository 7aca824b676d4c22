import { main } from './cli/program.ts';
import { installNodeHost } from './platform/node.ts';

installNodeHost();
process.exitCode = await main(process.argv.slice(2));
