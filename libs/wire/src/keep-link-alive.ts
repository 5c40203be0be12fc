import { performance } from 'node:perf_hooks';
import type { WireLink } from './wire-link';
import { PING_BYTES } from './wire-framing';
import type { KeepAlive } from './resolve-keep-alive';

/**
 * Keeps a link alive and finds it dead: every `interval` ms it sends a ping when nothing else
 * went out meanwhile, and it closes the link, with an error naming the option, once nothing has
 * arrived for `timeout` ms — a peer whose machine crashed or whose network went away (a half-open
 * connection that TCP alone would keep for many minutes). Both sides ping, so a live peer is
 * never silent longer than 2·interval, however slow its stream. A dead link is found between
 * `timeout` and `timeout + interval` ms after the last bytes. Stops when the link closes.
 * `lastAlive` (default: when bytes last arrived) says when the peer last proved alive; a reader
 * passes when its last complete record arrived, so a peer trickling bytes of a record never
 * completed is not kept alive by them. `peerInterval` (default: none) gives the keepalive interval
 * the peer advertised: a live peer may then be silent up to twice that, and the timeout is raised
 * to at least 4·peerInterval (the ratio of the defaults, 5 s and 20 s) so a live peer pinging less
 * often than we do is not taken for dead.
 * Internal to the transports.
 *
 * @example
 * // a peer that never answers: with interval 20 ms and timeout 60 ms the link pings, then gives up
 * const sent: Uint8Array[] = [];
 * let close: (reason?: Error) => void = () => undefined;
 * const closed = new Promise<Error | undefined>((resolve) => (close = resolve));
 * const link = {
 *   lastReceived: performance.now(), lastSent: performance.now(), isClosed: false, peer: 'peer:1', closed,
 *   send: (bytes: Uint8Array) => (sent.push(bytes), true),
 *   destroy: (reason?: Error) => close(reason),
 * };
 * keepLinkAlive(link as never, { interval: 20, timeout: 60 });
 * const reason = (await closed)?.message; // → "nothing from peer:1 for 60 ms (option 'keepAlive.timeout'): the link is taken for dead"
 * sent.length >= 1; // → true
 */
export function keepLinkAlive(
  link: WireLink,
  keepAlive: KeepAlive,
  lastAlive: () => number = () => link.lastReceived,
  peerInterval: () => number | undefined = () => undefined,
): void {
  if (keepAlive === null) return;
  const { interval } = keepAlive;
  const timeoutNow = (): number => Math.max(keepAlive.timeout, 4 * (peerInterval() ?? 0));
  let rechecking = false;
  const timer = setInterval(() => {
    if (link.isClosed) return clearInterval(timer);
    const now = performance.now();
    if (now - lastAlive() >= timeoutNow() && !rechecking) {
      // after an event-loop stall this timer can run before bytes already received are read:
      // judge again once pending I/O has run (setImmediate comes after the poll phase)
      rechecking = true;
      setImmediate(() => {
        rechecking = false;
        const timeout = timeoutNow();
        if (link.isClosed || performance.now() - lastAlive() < timeout) return;
        clearInterval(timer);
        const raised = timeout > keepAlive.timeout ? ", raised to 4 times the peer's advertised keepAliveInterval" : '';
        link.destroy(new Error(`nothing from ${link.peer} for ${timeout} ms (option 'keepAlive.timeout'${raised}): the link is taken for dead`));
      });
    }
    if (now - link.lastSent >= interval) link.send(PING_BYTES);
    // WebSocket: a ping frame too, whose pong every peer sends by itself (a browser reading the
    // stream need not send records to stay connected)
    if (now - link.lastReceived >= interval) link.probe?.();
  }, interval);
  timer.unref(); // an open link keeps the process alive by itself; this timer must not
  void link.closed.then(() => clearInterval(timer));
}
