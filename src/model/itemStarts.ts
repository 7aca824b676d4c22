/**
 * The choices a new item of a list starts with, as the `init` skeleton writes them (a new external connection is
 * a 専用線 behind a firewall until the clerk says otherwise), so that a fresh item never blocks a draft.
 * Keyed by the list's field name; values are the canonical ones.
 */
export const ITEM_STARTS: Readonly<Record<string, Readonly<Record<string, string | boolean>>>> = {
  externalConnections: { method: 'leased-line', firewall: true },
};
