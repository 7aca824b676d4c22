import type { CarriedData } from '../document/carriedData.ts';

/** What reading a .pdf or .docx gave: the data it carries and its body text, or why there is none. */
export type CarrierRead =
  | {
      ok: true;
      carried: CarriedData;
      /** The visible body text (not yet normalised); null when it could not be read. */
      bodyText: string | null;
    }
  | { ok: false; problem: CarrierProblem; version?: number };

export type CarrierProblem =
  /** a well-formed document with no tos-filing data inside */
  | 'no-data'
  /** tos-filing data from a newer version of the tool */
  | 'newer-version'
  | 'encrypted'
  /** not a PDF / not a .docx, or too damaged to read */
  | 'damaged'
  /** beyond a reading limit (see limits.ts) */
  | 'too-large';
