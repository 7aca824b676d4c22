import type { Key } from './schemaWalk.ts';

/**
 * Parts of a filing that only an application to change the business plan has: a new licence has no licence yet
 * and changes nothing. The validator asks for them on a change; the editor keeps them out of the way otherwise.
 */
export const CHANGE_ONLY_FIELDS: readonly (readonly Key[])[] = [
  ['application', 'changeSummary'],
  ['applicant', 'existingLicense'],
];

export const isChangeOnlyField = (path: readonly Key[]) =>
  CHANGE_ONLY_FIELDS.some((p) => p.length === path.length && p.every((k, i) => k === path[i]));
