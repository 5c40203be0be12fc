import type { WireBufferConfig, WireHub } from './create-wire-hub';
import { createWireDecoder } from './create-wire-decoder';
import { encodeWireRecord } from './encode-wire-record';
import { keepLinkAlive } from './keep-link-alive';
import type { KeepAlive } from './resolve-keep-alive';
import type { WireLink } from './wire-link';
import type { WireHeader, WireRecord, WireSubscribe } from './wire-record';

/** What a producer's sink reports about its connections. */
export type WireSinkEvent =
  /** the sink listens here (port 0 resolved to the port the system gave) */
  | { kind: 'listening'; url: string; host: string; port: number }
  /** a consumer subscribed: its name, the seq it resumes after (null: from now), its address */
  | { kind: 'connected'; consumer: string; lastSeq: number | null; peer: string }
  /** a consumer's connection ended before the stream did; `reason` says why */
  | { kind: 'disconnected'; consumer: string; peer: string; reason: string };

/** How {@link serveLink} serves one connection. */
export interface ServeLinkOptions {
  /** the consumer's buffer (default: the hub's) */
  readonly buffer: WireBufferConfig | undefined;
  /** ms a connection may take to subscribe before it is closed */
  readonly subscribeTimeout: number;
  /** called once the connection has subscribed or given up (it no longer counts as waiting) */
  readonly onSubscribed?: () => void;
  /** pings and the dead-link timeout, from the subscribe on (null: off) */
  readonly keepAlive?: KeepAlive;
}

/** Longest subscribe record a producer reads (a subscribe is a few dozen bytes). */
const MAX_SUBSCRIBE_BYTES = 4096;

/**
 * Serves one connection from a hub: waits for the consumer's subscribe, attaches it with its
 * buffer, then sends its records as fast as the link drains (so a slow peer backs up into its
 * bounded buffer, where its policy applies). Records written but not yet taken by the system
 * count against that buffer until they are (WireConsumer.holdInFlight). Resolves true when the 'end' notice went out and
 * the link closed, false when the link closed first or the consumer failed (reported in `emit`).
 * Internal to the transports.
 *
 * @example
 * // a link whose consumer subscribes, served a header and the end (the transports pass a TCP or WebSocket link)
 * const hub = createWireHub();
 * const out: string[] = [];
 * let handler: (chunk: Uint8Array) => void = () => undefined;
 * let close: () => void = () => undefined;
 * const link = {
 *   peer: 'consumer:1', isClosed: false, lastReceived: 0, lastSent: 0,
 *   set onData(h: (chunk: Uint8Array) => void) { handler = h; }, get onData() { return handler; },
 *   send: (bytes: Uint8Array, onSent?: () => void) => { out.push(createWireDecoder().push(bytes)[0].kind); onSent?.(); return true; },
 *   drained: async () => undefined, cork: () => undefined, uncork: () => undefined,
 *   end: () => close(), destroy: () => close(),
 *   closed: new Promise<undefined>((resolve) => (close = () => resolve(undefined))),
 * };
 * const served = serveLink(hub, link as never, { buffer: undefined, subscribeTimeout: 1000 }, () => undefined);
 * handler(encodeWireRecord({ kind: 'subscribe', lastSeq: null }));
 * hub.publish({ kind: 'header', version: WIRE_VERSION, name: 'x', schema: streamSchema({ channels: { x: { kind: 'real' } } }),
 *   provenance: { sourceId: 's', sessionId: 'r', createdAt: '2026-01-01T00:00:00Z', qsyncVersion: '0.1.0' } });
 * hub.end();
 * await served; // → true
 * out; // → ['header', 'end']
 */
export async function serveLink(
  hub: WireHub,
  link: WireLink,
  options: ServeLinkOptions,
  emit: (event: WireSinkEvent) => void,
): Promise<boolean> {
  const { buffer } = options;
  const decoder = createWireDecoder({ maxRecordBytes: MAX_SUBSCRIBE_BYTES });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const request = await new Promise<WireSubscribe | string>((resolve) => {
    // a connection that never subscribes must not hold the sink open (nor a place in it) forever
    timer = setTimeout(
      () => resolve(`no 'subscribe' from the consumer within ${options.subscribeTimeout} ms of connecting (option 'subscribeTimeout')`),
      options.subscribeTimeout,
    );
    link.onData = (chunk) => {
      try {
        const [first] = decoder.push(chunk);
        if (first === undefined) return;
        if (first.kind !== 'subscribe') throw new Error(`the consumer's first record must be 'subscribe', got '${first.kind}'`);
        link.onData = () => undefined; // nothing more is read from a consumer
        resolve(first);
      } catch (e) {
        resolve((e as Error).message);
      }
    };
    void link.closed.then(() => resolve('the connection closed before the consumer subscribed'));
  });
  clearTimeout(timer);
  options.onSubscribed?.();
  if (typeof request === 'string') {
    link.destroy();
    emit({ kind: 'disconnected', consumer: '?', peer: link.peer, reason: request });
    return false;
  }
  let consumer;
  try {
    consumer = hub.attach(request, buffer);
  } catch (e) {
    link.destroy();
    emit({ kind: 'disconnected', consumer: request.consumer ?? '?', peer: link.peer, reason: (e as Error).message });
    return false;
  }
  keepLinkAlive(link, options.keepAlive ?? null);
  emit({ kind: 'connected', consumer: consumer.name, lastSeq: request.lastSeq, peer: link.peer });
  void link.closed.then(() => consumer.close());
  // records in flight (written, not yet taken by the system) count against the consumer's bound;
  // when they fill it, the sender waits for some to go before it reads more
  let inFlightWaiter: (() => void) | null = null;
  const sent = (release: () => void) => (): void => {
    release();
    const w = inFlightWaiter;
    inFlightWaiter = null;
    w?.();
  };
  const roomInFlight = (): Promise<void> =>
    consumer.roomInFlight || link.isClosed ? Promise.resolve() : new Promise((resolve) => (inFlightWaiter = resolve));
  try {
    let pending: WireRecord | undefined;
    for (;;) {
      if (pending === undefined) {
        const next = await consumer.next();
        if (next.done === true) {
          if (link.isClosed) break;
          // the stream ended with nothing (more) to send, e.g. an empty source: close the connection
          link.end();
          await link.closed;
          return true;
        }
        pending = next.value;
      }
      let writable = true;
      link.cork();
      while (pending !== undefined) {
        // the header advertises this link's keepalive interval: the consumer judges our silence by it
        const bytes = encodeWireRecord(pending.kind === 'header' ? advertised(pending, options.keepAlive ?? null) : pending);
        // a data record stays in the consumer's buffer bound until its bytes have left the
        // process: a socket that does not drain holds the producer within that bound
        writable = link.send(bytes, pending.kind === 'block' || pending.kind === 'frame' ? sent(consumer.holdInFlight(bytes.byteLength)) : undefined);
        if (pending.kind === 'end') {
          link.uncork();
          link.end();
          await link.closed;
          return true;
        }
        pending = writable && consumer.roomInFlight ? consumer.poll() : undefined;
      }
      link.uncork();
      if (!writable || !consumer.roomInFlight) {
        // the peer is not reading: its buffer fills meanwhile, and its policy may fail it
        const room = writable ? roomInFlight() : link.drained();
        const failure = await Promise.race([room.then(() => null), consumer.failed]);
        if (failure !== null) throw failure;
      }
      if (link.isClosed) break;
    }
    const reason = await link.closed;
    emit({ kind: 'disconnected', consumer: consumer.name, peer: link.peer, reason: reason?.message ?? 'closed by the consumer' });
  } catch (e) {
    // the consumer's policy failed it, or the producer failed: the connection ends without 'end',
    // after what was already written (a peer that does not read is cut off after 2 s)
    link.uncork();
    link.end();
    const cutoff = setTimeout(() => link.destroy(), 2000);
    void link.closed.then(() => clearTimeout(cutoff));
    consumer.close();
    emit({ kind: 'disconnected', consumer: consumer.name, peer: link.peer, reason: (e as Error).message });
  }
  return false;
}

/** the header as sent over a link: with the link's keepalive interval, or without the key when keepalive is off */
function advertised(header: WireHeader, keepAlive: KeepAlive): WireHeader {
  if (keepAlive !== null) return { ...header, keepAliveInterval: keepAlive.interval };
  const rest = { ...header };
  delete rest.keepAliveInterval;
  return rest;
}
