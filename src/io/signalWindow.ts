const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Signal = (typeof SIGNALS)[number];

export interface SignalWindow {
  /** The signal that arrived during the window, if any. */
  readonly received: Signal | null;
  /** Ends the window; when a signal arrived and no other window is open, raises it again so that the process ends as asked. */
  close(): void;
}

/** Windows open in this process (several writes may run at once); one set of handlers serves them all. */
const open = new Set<{ received: Signal | null }>();
/** A signal noted by a window that closed while others were still open. */
let pending: Signal | null = null;

const handler = (signal: Signal) => {
  for (const window of open) window.received ??= signal;
};

/**
 * While outputs are being replaced, Ctrl+C or a kill must not leave temporary files, a lock or half a set
 * behind. Handlers are installed only for that window: they note the signal, the writer stops at its next
 * step and undoes what it did, and closing the window raises the signal again once the cleanup is done.
 */
export function openSignalWindow(): SignalWindow {
  const state: { received: Signal | null } = { received: null };
  if (!open.size) for (const signal of SIGNALS) process.on(signal, handler);
  open.add(state);
  return {
    get received() {
      return state.received;
    },
    close() {
      if (!open.delete(state)) return;
      const signal = state.received ?? pending;
      if (open.size) {
        pending = signal; // the last window raises it, once every write has cleaned up
        return;
      }
      pending = null;
      for (const s of SIGNALS) process.off(s, handler);
      if (signal) process.kill(process.pid, signal);
    },
  };
}

export class Interrupted extends Error {
  constructor(readonly signal: Signal) {
    super(`signal ${signal}`);
  }
}
