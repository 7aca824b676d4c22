const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Signal = (typeof SIGNALS)[number];

export interface SignalWindow {
  /** The signal that arrived during the window, if any. */
  readonly received: Signal | null;
  /** Removes the handlers and, when a signal arrived, raises it again so that the process ends as it asked. */
  close(): void;
}

/**
 * While outputs are being replaced, Ctrl+C or a kill must not leave temporary files, a lock or half a set
 * behind. Handlers are installed only for that window: they note the signal, the writer stops at its next
 * step and undoes what it did, and closing the window raises the signal again once the cleanup is done.
 */
export function openSignalWindow(): SignalWindow {
  let received: Signal | null = null;
  const handler = (signal: Signal) => {
    received ??= signal;
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return {
    get received() {
      return received;
    },
    close() {
      for (const signal of SIGNALS) process.off(signal, handler);
      if (received) process.kill(process.pid, received);
    },
  };
}

export class Interrupted extends Error {
  constructor(readonly signal: Signal) {
    super(`signal ${signal}`);
  }
}
