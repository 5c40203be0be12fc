import { chunkedObservable } from '@qsync/frames';
import { describe, expect, it } from 'vitest';
import { createWireHub } from './create-wire-hub';
import type { OverflowPolicy, WireHub } from './create-wire-hub';
import { serveLink } from './serve-link';
import type { WireSinkEvent } from './serve-link';
import { channelBlock, channelHeader } from './test-support/channel-stream';
import { heldLink } from './test-support/held-link';
import { createWireDecoder } from './create-wire-decoder';
import { encodeWireRecord } from './encode-wire-record';
import type { WireRecord } from './wire-record';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** one data record here: 4096 complex samples of one channel, 64 KiB of data (65 633 bytes framed) */
const BLOCK = encodeWireRecord(channelBlock(0, 0, 4096, 1)).byteLength;
const blocks = 200; // 13 MB in all

/** a pausable producer of `blocks` 64 KiB blocks on the hub's scheduler, one per chunk */
function producer(hub: WireHub) {
  let emitted = 0;
  const source = chunkedObservable<WireRecord>(
    function* (ctx) {
      ctx.emit(channelHeader(1));
      for (let seq = 0; seq < blocks; seq++) {
        ctx.emit(channelBlock(seq, 4096 * seq, 4096, 1));
        emitted++;
        yield;
      }
      ctx.emit({ kind: 'end', seq: blocks });
    },
    { scheduler: hub.scheduler, yieldEvery: 0 },
  );
  const subscription = source.subscribe({ next: (r) => hub.publish(r), error: (e) => hub.fail(e) });
  return { emitted: () => emitted, stop: () => subscription.unsubscribe() };
}

/** a hub serving one consumer over a held link, its bytes bound `bytes`; the history keeps 1 record */
function served(policy: OverflowPolicy, bytes: number) {
  const hub = createWireHub({ buffer: { records: 1000, bytes, policy }, history: { records: 1 } });
  const link = heldLink();
  const events: WireSinkEvent[] = [];
  const done = serveLink(hub, link, { buffer: undefined, subscribeTimeout: 10_000 }, (e) => events.push(e));
  link.receive(encodeWireRecord({ kind: 'subscribe', lastSeq: null, consumer: 'slow' }));
  // what the process holds for this consumer: the hub's records (unread, estimate of their payload) + the bytes in the link
  const held = (): number => hub.history.bytes + link.buffered;
  return { hub, link, events, done, held };
}

describe("serveLink: the buffer bound counts the bytes still in the link (a socket that does not drain)", () => {
  it("'pause': a consumer that takes nothing stops the producer within its buffer of 256 KiB, link included; then every record arrives once", async () => {
    const bound = 256 * 1024;
    const { hub, link, done, held } = served('pause', bound);
    const p = producer(hub);
    // stalled: nothing emitted for 100 ms (at most 10 s)
    let last = -1;
    for (let quiet = performance.now(), deadline = quiet + 10_000; performance.now() - quiet < 100; ) {
      if (performance.now() > deadline) throw new Error(`the producer did not stall: ${p.emitted()} of ${blocks}`);
      await sleep(5);
      if (p.emitted() !== last) [last, quiet] = [p.emitted(), performance.now()];
    }
    // the gate shuts once the bound is reached, so the consumer holds at most one record past it,
    // and the history (1 record) holds one more. Without the link counted, the link takes 1 MiB
    // (16 blocks) beyond the hub's 256 KiB: 20 blocks emitted, 1.3 MB held
    expect(held()).toBeLessThanOrEqual(bound + 2 * BLOCK);
    expect(p.emitted()).toBeLessThanOrEqual(Math.ceil(bound / BLOCK) + 1);
    // then the far end takes one record a millisecond, ten times slower than the producer alone
    let most = 0;
    while (!link.isClosed) {
      link.take(1);
      most = Math.max(most, held());
      await sleep(1);
    }
    expect(await done).toBe(true);
    expect(most).toBeLessThanOrEqual(bound + 2 * BLOCK);
    const decoder = createWireDecoder();
    const records = link.taken.flatMap((b) => decoder.push(b));
    expect(records.filter((r) => r.kind === 'block').map((r) => (r as { seq: number }).seq)).toEqual(Array.from({ length: blocks }, (_, k) => k));
    p.stop();
  });

  it("'drop-oldest' and 'error': a consumer ten times slower than the producer never holds more than its buffer, link included", async () => {
    const bound = 256 * 1024;
    for (const policy of ['drop-oldest', 'error'] as const) {
      const { hub, link, events, done, held } = served(policy, bound);
      const p = producer(hub);
      while (hub.consumers === 0) await sleep(0); // attached once its subscribe is read
      let most = 0;
      let taken = 0;
      // the far end takes one record for every ten the producer emits
      // (a consumer failed under 'error' leaves the hub without consumers: its gate then stays shut)
      while (p.emitted() < blocks && hub.consumers > 0) {
        await sleep(0);
        most = Math.max(most, held());
        const due = Math.floor(p.emitted() / 10);
        if (due > taken) {
          link.take(due - taken);
          taken = due;
        }
      }
      most = Math.max(most, held());
      // one record past the bound triggers the policy, the history holds one more; without the
      // link counted the link alone holds 1 MiB
      expect(most, policy).toBeLessThanOrEqual(bound + 2 * BLOCK);
      if (policy === 'error') {
        expect(await done).toBe(false);
        expect((events.find((e) => e.kind === 'disconnected') as { reason: string }).reason).toMatch(/fell behind: its buffer of 1000 records \/ 262144 bytes is full under policy 'error'/);
      } else {
        link.take(Infinity);
        const decoder = createWireDecoder();
        const records = link.taken.flatMap((b) => decoder.push(b));
        const dropped = records.filter((r) => r.kind === 'dropped').reduce((n, r) => n + (r as { records: number }).records, 0);
        expect(dropped).toBeGreaterThan(0);
        expect(dropped + records.filter((r) => r.kind === 'block').length).toBeLessThanOrEqual(blocks);
      }
      link.destroy();
      p.stop();
    }
  });
});
