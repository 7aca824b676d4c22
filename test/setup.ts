// the core asks its host for fonts, compression and hashing: tests run it with the CLI's host
import { installNodeHost } from '../src/platform/node.ts';

installNodeHost();
