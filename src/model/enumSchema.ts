import * as z from 'zod';
import { type EnumName, enumValues } from './enums.ts';

/**
 * The zod enum of a named choice; the name travels in the schema's metadata so that labels can be found from it.
 * Apart from enums.ts so that the labels load without zod (the CLI's help and --version need no zod).
 */
export function enumOf<E extends EnumName>(name: E) {
  return z.enum(enumValues(name)).meta({ enumName: name });
}
