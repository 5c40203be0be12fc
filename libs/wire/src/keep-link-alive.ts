import { performance } from 'node:perf_hooks';
import type { WireLink } from './wire-link';
import { PING_BYTES } from './wire-framing';

/** Keepalive on a network link: a ping every `interval` ms of sending nothing; dead after `timeout` ms of receiving nothing. */
export interface KeepAliveConfig {
  /** ms without sending anything after which a side sends a ping (default 5000) */
  readonly interval?: number;
  /** ms without receiving anything after which the link is taken for dead and closed (default 20 000; > 2·interval) */
  readonly timeout?: number;
}

/** Checked keepalive settings; null: off. */
export type KeepAlive = { readonly interval: number; readonly timeout: number } | null;

/** Checks a keepalive option (`false` turns it off). */
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

/**
 * Keeps a link alive and finds it dead: every `interval` ms it sends a ping when nothing else
 * went out meanwhile, and it closes the link, with an error naming the option, once nothing has
 * arrived for `timeout` ms — a peer whose machine crashed or whose network went away (a half-open
 * connection that TCP alone would keep for many minutes). Both sides ping, so a live peer is
 * never silent longer than 2·interval, however slow its stream. A dead link is found between
 * `timeout` and `timeout + interval` ms after the last bytes. Stops when the link closes.
 * `lastAlive` (default: when bytes last arrived) says when the peer last proved alive; a reader
 * passes when its last complete record arrived, so a peer trickling bytes of a record never
 * completed is not kept alive by them.
 * Internal to the transports.
 */
export function keepLinkAlive(link: WireLink, keepAlive: KeepAlive, lastAlive: () => number = () => link.lastReceived): void {
  if (keepAlive === null) return;
  const { interval, timeout } = keepAlive;
  const timer = setInterval(() => {
    if (link.isClosed) return clearInterval(timer);
    const now = performance.now();
    if (now - lastAlive() >= timeout) {
      clearInterval(timer);
      return link.destroy(new Error(`nothing from ${link.peer} for ${timeout} ms (option 'keepAlive.timeout'): the link is taken for dead`));
    }
    if (now - link.lastSent >= interval) link.send(PING_BYTES);
    // WebSocket: a ping frame too, whose pong every peer sends by itself (a browser reading the
    // stream need not send records to stay connected)
    if (now - link.lastReceived >= interval) link.probe?.();
  }, interval);
  timer.unref(); // an open link keeps the process alive by itself; this timer must not
  void link.closed.then(() => clearInterval(timer));
}
