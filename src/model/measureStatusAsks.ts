import type { EnumValue } from './enums.ts';

/** The parts of a measure that a 実施状況 may ask for besides the status itself. */
export type StatusAskedField = 'description' | 'plannedDate' | 'reason';

/**
 * What each 実施状況 asks the measure to say: what is done (all but 該当なし), the date a planned measure starts,
 * the reason a measure is partial, replaced or not applicable. The validator asks for these; the editor shows
 * each field when the chosen status asks for it.
 */
export const MEASURE_STATUS_ASKS: Record<EnumValue<'measureStatus'>, readonly StatusAskedField[]> = {
  implemented: ['description'],
  partial: ['description', 'reason'],
  planned: ['description', 'plannedDate'],
  alternative: ['description', 'reason'],
  'not-applicable': ['reason'],
};

export const statusAsks = (status: EnumValue<'measureStatus'>, field: StatusAskedField) => MEASURE_STATUS_ASKS[status].includes(field);
