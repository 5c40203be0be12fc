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
