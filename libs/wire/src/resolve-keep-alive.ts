/** Keepalive on a network link: a ping every `interval` ms of sending nothing; dead after `timeout` ms of receiving nothing. */
export interface KeepAliveConfig {
  /** ms without sending anything after which a side sends a ping (default 5000) */
  readonly interval?: number;
  /** ms without receiving anything after which the link is taken for dead and closed (default 20 000; > 2·interval) */
  readonly timeout?: number;
}

/** Checked keepalive settings; null: off. */
export type KeepAlive = { readonly interval: number; readonly timeout: number } | null;

/**
 * Checks a keepalive option (`false` turns it off) and fills in the defaults. Internal to the transports.
 *
 * @param fn - the caller's name, for the error
 * @param config - `{ interval = 5000, timeout = 20 000 }` ms, or false
 * @returns the settings, or null (off)
 * @throws Error naming `keepAlive.interval` or `keepAlive.timeout` when it is not a number of ms in range
 * @example
 * resolveKeepAlive('toTcp', { interval: 50 }); // → { interval: 50, timeout: 20000 }
 * resolveKeepAlive('toTcp', false); // → null
 * resolveKeepAlive('toTcp', { interval: 50, timeout: 100 }); // throws "'keepAlive.timeout' must be a number of ms > 2·keepAlive.interval (100), got 100"
 */
export function resolveKeepAlive(fn: string, config: KeepAliveConfig | false | undefined): KeepAlive {
  if (config === false) return null;
  const interval = config?.interval ?? 5000;
  const timeout = config?.timeout ?? 20_000;
  if (!(interval > 0 && Number.isFinite(interval))) throw new Error(`${fn}: 'keepAlive.interval' must be a number of ms > 0, got ${String(interval)}`);
  // a live side pings at most 2·interval after its last bytes (the timer's period is interval)
  if (!(timeout > 2 * interval && Number.isFinite(timeout))) {
    throw new Error(`${fn}: 'keepAlive.timeout' must be a number of ms > 2·keepAlive.interval (${2 * interval}), got ${String(timeout)}`);
  }
  return { interval, timeout };
}
