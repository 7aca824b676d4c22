/**
 * Limits on what the tool reads and writes, so that no input can make it hang, exhaust memory or crash.
 * Every message that reports one of them names it and its value.
 */

/** A filing file larger than this is refused while it is read (a real filing is tens of kilobytes). */
export const MAX_FILING_BYTES = 1024 * 1024;

/**
 * The characters of text (values and item names) a filing may hold once its aliases (`*name`) are expanded.
 * A file within MAX_FILING_BYTES that uses no aliases never reaches it.
 */
export const MAX_EXPANDED_CHARS = 1024 * 1024;

/** Items in one mapping (the widest in a filing, `measures`, has 25). */
export const MAX_MAPPING_KEYS = 1_000;

/** Levels of nesting (a filing needs about 8). */
export const MAX_NESTING_DEPTH = 64;

/** Aliases (`*name`) in one file. */
export const MAX_ALIASES = 1_000;

/** The longest file name most file systems accept, in bytes of UTF-8. */
export const MAX_FILE_NAME_BYTES = 255;

/** Temporary files of ours older than this are left over from a run that was killed, and are removed. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/** How long a run waits for another run writing into the same folder before giving up. */
export const LOCK_WAIT_MS = 30_000;
