import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { WebSocket } from 'ws';

/**
 * One connection as the hub and the consumers see it, whatever carries it (a TCP socket, a
 * WebSocket): bytes out with backpressure, bytes in, and the end. Internal to the transports.
 */
export interface WireLink {
  /**
   * sends one framed record; false: the link's buffer is full, await `drained()` before more.
   * `onSent` is called once the bytes have left the process (handed to the system) or the link failed.
   */
  send(bytes: Uint8Array, onSent?: () => void): boolean;
  /** resolves when sending may go on, or the link closed */
  drained(): Promise<void>;
  /** holds small writes back and sends them together (TCP); no-op where messages are the unit */
  cork(): void;
  uncork(): void;
  /** closes after what was sent has gone out */
  end(): void;
  /** closes now; `reason` becomes the error `closed` resolves with */
  destroy(reason?: Error): void;
  /**
   * asks the peer for a protocol-level answer that proves it alive (WebSocket: a ping frame, which
   * every WebSocket peer — a browser too — answers with a pong, counted in `lastReceived`);
   * absent where the protocol has none (TCP)
   */
  probe?(): void;
  /** when bytes last arrived (a WebSocket pong included) or were sent (performance.now(), ms): what keepalive checks */
  readonly lastReceived: number;
  readonly lastSent: number;
  /** incoming bytes go here; what arrives before a handler is set waits for it */
  onData: (chunk: Uint8Array) => void;
  /** resolves once, when the link has closed, with the reason if it failed */
  readonly closed: Promise<Error | undefined>;
  readonly isClosed: boolean;
  /** the other end, for messages */
  readonly peer: string;
}

/**
 * The `onData` property of a link: bytes that arrive before the first handler is set (a
 * WebSocket's first message can come in the same tick as 'open') are kept and handed to it.
 */
function dataInbox(link: WireLink): (chunk: Uint8Array) => void {
  let handler: ((chunk: Uint8Array) => void) | null = null;
  const early: Uint8Array[] = [];
  Object.defineProperty(link, 'onData', {
    get: () => handler ?? (() => undefined),
    set: (h: (chunk: Uint8Array) => void) => {
      handler = h;
      while (early.length > 0 && handler === h) h(early.shift() as Uint8Array);
    },
  });
  return (chunk) => (handler !== null ? handler(chunk) : early.push(chunk));
}

/**
 * Bytes a link lets wait in its socket before `send` says wait: enough for a few large blocks in
 * flight (node's default of 16 KiB would stop the sender after every block of 2048 samples).
 */
const HIGH_WATER = 1 << 20;

/** A TCP socket as a {@link WireLink}: Nagle off (records go out at once), 'drain' for backpressure. */
export function tcpLink(socket: Socket): WireLink {
  socket.setNoDelay(true);
  let isClosed = false;
  let failure: Error | undefined;
  let lastReceived = performance.now();
  let lastSent = lastReceived;
  const link: WireLink = {
    send: (bytes, onSent) => {
      lastSent = performance.now();
      socket.write(bytes, onSent !== undefined ? () => onSent() : undefined);
      return socket.writableLength < HIGH_WATER;
    },
    drained: () =>
      new Promise<void>((resolve) => {
        // 'drain' comes once the socket's buffer is empty (write said false on the way up)
        if (isClosed || socket.writableLength < HIGH_WATER || !socket.writableNeedDrain) return resolve();
        const done = (): void => {
          socket.off('drain', done);
          socket.off('close', done);
          resolve();
        };
        socket.on('drain', done);
        socket.on('close', done);
      }),
    cork: () => socket.cork(),
    uncork: () => socket.uncork(),
    end: () => {
      socket.end();
    },
    destroy: (reason) => {
      failure ??= reason;
      socket.destroy();
    },
    onData: () => undefined,
    closed: new Promise<Error | undefined>((resolve) => socket.once('close', () => resolve(failure))),
    get lastReceived() {
      return lastReceived;
    },
    get lastSent() {
      return lastSent;
    },
    get isClosed() {
      return isClosed;
    },
    peer: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`,
  };
  const deliver = dataInbox(link);
  socket.on('data', (chunk: Buffer) => {
    lastReceived = performance.now();
    deliver(chunk);
  });
  socket.on('error', (error) => (failure = error));
  socket.once('close', () => (isClosed = true));
  return link;
}

/** A WebSocket as a {@link WireLink}: one record per binary message; backpressure by the bytes not yet written. */
export function webSocketLink(ws: WebSocket, peer: string): WireLink {
  let isClosed = false;
  let failure: Error | undefined;
  let lastReceived = performance.now();
  let lastSent = lastReceived;
  let waiters: (() => void)[] = [];
  const wakeAll = (): void => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  const writable = (): boolean => ws.bufferedAmount < HIGH_WATER;
  const link: WireLink = {
    send: (bytes, onSent) => {
      lastSent = performance.now();
      if (isClosed || ws.readyState !== ws.OPEN) {
        onSent?.();
        return true;
      }
      ws.send(bytes, { binary: true }, () => {
        onSent?.();
        if (waiters.length > 0 && writable()) wakeAll();
      });
      return writable();
    },
    drained: () =>
      new Promise<void>((resolve) => {
        if (isClosed || writable()) return resolve();
        waiters.push(resolve);
      }),
    cork: () => undefined,
    uncork: () => undefined,
    probe: () => {
      if (!isClosed && ws.readyState === ws.OPEN) ws.ping();
    },
    end: () => ws.close(1000, 'end of stream'),
    destroy: (reason) => {
      failure ??= reason;
      ws.terminate();
    },
    onData: () => undefined,
    get lastReceived() {
      return lastReceived;
    },
    get lastSent() {
      return lastSent;
    },
    closed: new Promise<Error | undefined>((resolve) =>
      ws.once('close', () => {
        isClosed = true;
        wakeAll();
        resolve(failure);
      }),
    ),
    get isClosed() {
      return isClosed;
    },
    peer,
  };
  const deliver = dataInbox(link);
  ws.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
    lastReceived = performance.now();
    if (!isBinary) {
      failure = new Error(`wire: a text message from ${peer}; the wire format is binary messages of framed records`);
      ws.terminate();
      return;
    }
    deliver(Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data);
  });
  // the peer's answer to our ping, or its own ping (ws answers it): the peer is alive
  ws.on('pong', () => (lastReceived = performance.now()));
  ws.on('ping', () => (lastReceived = performance.now()));
  ws.on('error', (error) => (failure = error));
  return link;
}
