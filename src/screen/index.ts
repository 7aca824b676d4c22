/** Screening of plans tos-filing did not make: which requirements their text describes, and their cover. */
export { matchRequirements, type RequirementMatch } from './matchRequirements.ts';
export { readCover, parseJapaneseDate, portIn, type CoverRead, type Found } from './readCover.ts';
export { readStatus, type ReadStatus, type StatusReading } from './status.ts';
export { unitsOf, type Unit } from './units.ts';
