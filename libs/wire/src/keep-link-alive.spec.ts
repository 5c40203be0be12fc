import { createServer, connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { keepLinkAlive } from './keep-link-alive';
import { PING_BYTES } from './wire-framing';
import { tcpLink } from './wire-link';

/** blocks the event loop for `ms` (an event-loop stall: a long synchronous computation, a paused VM) */
function stall(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('keepLinkAlive', () => {
  it('after an event-loop stall, a peer whose bytes arrived during it is not taken for dead (the timer runs before they are read)', async () => {
    let peer: Socket | null = null;
    const server = createServer((s) => (peer = s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    while (peer === null) await new Promise((resolve) => setImmediate(resolve));
    const far = peer as Socket;
    const link = tcpLink(socket);
    link.onData = () => undefined;
    let reason: Error | undefined;
    void link.closed.then((r) => (reason = r));
    keepLinkAlive(link, { interval: 50, timeout: 300 });
    // the peer pings every 50 ms; once, its ping is written and our loop then stalls 600 ms, twice
    // the timeout: when the loop runs again the keepalive timer is due before the ping is read
    const pings = setInterval(() => far.write(PING_BYTES), 50);
    await new Promise<void>((resolve) =>
      setTimeout(() => {
        far.write(PING_BYTES);
        stall(600);
        resolve();
      }, 100),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reason?.message).toBeUndefined();
    expect(link.isClosed).toBe(false);
    // and a peer that does fall silent is still found dead
    clearInterval(pings);
    const silentSince = performance.now();
    await link.closed;
    expect(performance.now() - silentSince).toBeGreaterThanOrEqual(250);
    expect(reason?.message).toMatch(/for 300 ms \(option 'keepAlive\.timeout'\)/);
    far.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
});
