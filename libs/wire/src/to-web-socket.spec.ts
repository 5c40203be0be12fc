import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ReplaySubject, Subject, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { encodeWireRecord } from './encode-wire-record';
import type { WireSinkEvent } from './serve-link';
import { channelHeader } from './test-support/channel-stream';
import type { WireRecord } from './wire-record';
import { fromWebSocket } from './from-web-socket';
import { transportChecks } from './test-support/transport-checks';
import { toWebSocket } from './to-web-socket';
import { PING_BYTES } from './wire-framing';

transportChecks('toWebSocket / fromWebSocket', 'ws', toWebSocket, fromWebSocket);

describe('toWebSocket: a consumer that reads and never sends (a browser)', () => {
  it("stays connected through an idle stream: the sink's ping frames are answered by the peer's WebSocket itself", async () => {
    const source = new Subject<WireRecord>();
    const events: WireSinkEvent[] = [];
    const listening = new ReplaySubject<string>();
    const sink = source.pipe(toWebSocket({ listen: { port: 0 }, keepAlive: { interval: 50, timeout: 300 } })).subscribe((e) => {
      events.push(e);
      if (e.kind === 'listening') listening.next(e.url);
    });
    const url = await firstValueFrom(listening);
    // what a browser does: subscribe once, then only read (its WebSocket answers pings by itself)
    const ws = new WebSocket(url);
    await new Promise<void>((resolve) => ws.once('open', resolve));
    ws.send(encodeWireRecord({ kind: 'subscribe', lastSeq: null, consumer: 'browser' }));
    source.next(channelHeader(1));
    // idle for 3 timeouts: only pings go either way
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(events.filter((e) => e.kind === 'connected').length).toBe(1);
    expect(events.filter((e) => e.kind === 'disconnected')).toEqual([]);
    ws.terminate();
    sink.unsubscribe();
  });
});

describe('fromWebSocket listening: liveness after an event-loop stall', () => {
  it("a newcomer does not replace a producer whose record arrived during the stall but was not read yet when the newcomer's upgrade completed", async () => {
    const listening = new ReplaySubject<{ port: number }>();
    const received: WireRecord[] = [];
    const source = fromWebSocket({ listen: { port: 0 }, onListening: (s) => listening.next(s), keepAlive: { interval: 50, timeout: 20_000 } }).subscribe({
      next: (r) => received.push(r),
    });
    const { port } = await firstValueFrom(listening);
    // producer A: its header, then nothing until the stall (no keepAliveInterval: judged by the consumer's 50 ms)
    const a = new WebSocket(`ws://127.0.0.1:${port}/`);
    a.on('error', () => undefined);
    await new Promise<void>((resolve) => a.once('open', resolve));
    a.send(encodeWireRecord(channelHeader(1, 1000, 'session-A')));
    while (received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    // newcomer B by hand: its TCP connection is made now, its upgrade request is sent after the
    // stall, so that the sink's 'connection' event (the upgrade completed) comes in the same poll
    // as A's ping, before it: B's request is written first
    const sockets = (): number => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
    const before = sockets();
    const b = connect(port, '127.0.0.1');
    b.on('error', () => undefined);
    const fromB: Buffer[] = [];
    b.on('data', (chunk: Buffer) => fromB.push(chunk));
    await new Promise<void>((resolve) => b.once('connect', resolve));
    // the sink's server has accepted it (its end of B is a socket of this process too): else B's
    // request would be read a poll after A's ping, A found alive, and the re-check go untested
    while (sockets() < before + 2) await new Promise((resolve) => setImmediate(resolve));
    const bClosed = new Promise<void>((closed) => b.once('close', () => closed()));
    const upgrade =
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';
    await new Promise<void>((resolve) =>
      setTimeout(() => {
        // the loop stalls 300 ms (A silent 6 intervals); then B's upgrade request and A's ping are written, in that order
        const until = performance.now() + 300;
        while (performance.now() < until);
        b.write(upgrade);
        a.send(PING_BYTES);
        resolve();
      }, 0),
    );
    // A was alive: B's upgrade completes (101), then it is closed unsubscribed — admitted, it
    // would be sent a 'subscribe' (a binary message, 0x82 …) after the 101 response
    await bClosed;
    const reply = Buffer.concat(fromB);
    const head = reply.indexOf('\r\n\r\n');
    expect(reply.subarray(0, 12).toString()).toBe('HTTP/1.1 101');
    expect([...reply.subarray(head + 4)]).toEqual([]);
    expect(received.map((r) => r.kind)).toEqual(['header']);
    source.unsubscribe();
    a.terminate();
  });
});
