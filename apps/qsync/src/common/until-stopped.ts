/**
 * Runs a long-lived command until it returns or the user stops it: SIGINT (Ctrl-C) or SIGTERM (a
 * service manager) aborts the signal handed to `run`, so the command can end its streams cleanly
 * and the program exit 0 instead of being killed mid-write. The handlers are removed afterwards.
 *
 * @param run - the command, given the signal to stop on
 * @example
 * // qsync detect --listen …: await untilStopped((signal) => detectCommand(options, io, signal));
 * await untilStopped(async (signal) => signal.aborted); // → false
 */
export async function untilStopped<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const stop = new AbortController();
  const abort = (): void => stop.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  try {
    return await run(stop.signal);
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
}
