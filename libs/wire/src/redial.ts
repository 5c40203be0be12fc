import type { WireLink } from './wire-link';

/** What {@link redial} needs from its caller (a sink or source that dials). */
export interface RedialOptions {
  /** opens one link; rejects with the system's error */
  readonly dial: () => Promise<WireLink>;
  /** the delay before attempt k (1, 2, …) and the failed attempts in a row allowed (resolveReconnect) */
  readonly reconnect: { readonly delay: (k: number) => number; readonly maxAttempts: number };
  /** true once the caller has been unsubscribed: the loop ends */
  readonly stopped: () => boolean;
  /** waits `ms` (the caller may cut it short when it stops) */
  readonly sleep: (ms: number) => Promise<void>;
  /**
   * runs one connection; resolves true when the stream is done (no redial), false when the link
   * was lost, 'unused' when it closed before it was used (the peer turned it away): a failed attempt
   */
  readonly onLink: (link: WireLink) => Promise<boolean | 'unused'>;
  /** dialling failed `failures` times in a row, the last with `error`: the loop has ended */
  readonly onGiveUp: (failures: number, error: Error) => void;
}

/**
 * The dialling side's loop, shared by the network sinks and sources: dial, run the connection,
 * and after a lost link dial again, with backoff after failed attempts, until the stream is done,
 * the caller stops, or `maxAttempts` attempts in a row have failed (a connection the peer closes
 * before using it counts as failed). Internal to the transports.
 *
 * @example
 * const gaveUp: number[] = [];
 * await redial({
 *   dial: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9')),
 *   reconnect: { delay: (k) => 2 ** k, maxAttempts: 3 }, // what resolveReconnect gives
 *   stopped: () => false,
 *   sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
 *   onLink: async () => true,
 *   onGiveUp: (failures) => gaveUp.push(failures),
 * });
 * gaveUp; // [3]
 */
export async function redial(options: RedialOptions): Promise<void> {
  const { dial, reconnect, stopped, sleep, onLink, onGiveUp } = options;
  let failures = 0;
  while (!stopped()) {
    let link: WireLink;
    try {
      link = await dial();
    } catch (e) {
      failures++;
      if (failures >= reconnect.maxAttempts) return onGiveUp(failures, e as Error);
      await sleep(reconnect.delay(failures));
      continue;
    }
    if (stopped()) return link.destroy();
    const result = await onLink(link);
    if (result === true) return;
    if (result === 'unused') {
      // turned away (the peer serves another): back off as after a failed dial, or a turned-away
      // producer would knock every initialDelay ms for as long as the other one lives
      failures++;
      if (failures >= reconnect.maxAttempts) return onGiveUp(failures, new Error('the peer closed every connection before using it (turned away)'));
      await sleep(reconnect.delay(failures));
      continue;
    }
    failures = 0;
    await sleep(reconnect.delay(1));
  }
}
