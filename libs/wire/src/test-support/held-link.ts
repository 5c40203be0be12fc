import type { WireLink } from '../wire-link';

/**
 * A WireLink whose far end takes bytes only when the test says so: what `send` writes waits in
 * the link (as in a socket's buffer that the system does not take) until `take(n)` hands the
 * oldest n records on. `send` returns false past 1 MiB waiting, as the TCP link does, and
 * `drained()` resolves once nothing waits. `buffered` is the bytes the process still holds.
 */
export interface HeldLink extends WireLink {
  /** bytes written and not yet taken */
  readonly buffered: number;
  /** records taken so far (each `send` is one record) */
  readonly taken: Uint8Array[];
  /** hands the oldest `n` waiting records to the far end (fewer if fewer wait) */
  take(n: number): void;
  /** the far end sends these bytes (e.g. its subscribe) */
  receive(bytes: Uint8Array): void;
}

/** the TCP link's bound on bytes waiting in its socket before `send` says wait */
const HIGH_WATER = 1 << 20;

export function heldLink(): HeldLink {
  const queue: { bytes: Uint8Array; onSent?: () => void }[] = [];
  let buffered = 0;
  let isClosed = false;
  let closeLink: (reason: Error | undefined) => void = () => undefined;
  let waiters: (() => void)[] = [];
  const taken: Uint8Array[] = [];
  const wake = (): void => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  const close = (deliver: boolean): void => {
    if (isClosed) return;
    isClosed = true;
    for (const q of queue.splice(0)) {
      if (deliver) taken.push(q.bytes);
      q.onSent?.();
    }
    buffered = 0;
    wake();
    closeLink(undefined);
  };
  const link: HeldLink = {
    send(bytes, onSent) {
      if (isClosed) {
        onSent?.();
        return true;
      }
      queue.push({ bytes, ...(onSent !== undefined ? { onSent } : {}) });
      buffered += bytes.byteLength;
      return buffered < HIGH_WATER;
    },
    drained: () => new Promise<void>((resolve) => (isClosed || buffered === 0 ? resolve() : waiters.push(resolve))),
    cork: () => undefined,
    uncork: () => undefined,
    end: () => close(true), // what was sent goes out, then the link closes
    destroy: () => close(false),
    onData: () => undefined,
    closed: new Promise<Error | undefined>((resolve) => (closeLink = resolve)),
    get isClosed() {
      return isClosed;
    },
    peer: 'held',
    lastReceived: Infinity, // never taken for dead
    lastSent: 0,
    get buffered() {
      return buffered;
    },
    taken,
    take(n) {
      for (let k = 0; k < n && queue.length > 0; k++) {
        const q = queue.shift() as { bytes: Uint8Array; onSent?: () => void };
        buffered -= q.bytes.byteLength;
        taken.push(q.bytes);
        q.onSent?.();
      }
      if (buffered === 0) wake();
    },
    receive(bytes) {
      link.onData(bytes);
    },
  };
  return link;
}
