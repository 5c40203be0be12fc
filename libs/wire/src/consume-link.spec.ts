import { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { consumeLink } from './consume-link';
import { createWireHub } from './create-wire-hub';
import { createWireDecoder } from './create-wire-decoder';
import type { ConsumerState } from './consume-link';
import { encodeWireRecord } from './encode-wire-record';
import { ReceivedCounts } from './received-counts';
import { channelBlock, channelHeader } from './test-support/channel-stream';
import { heldLink } from './test-support/held-link';
import { framePayload, packr, WIRE_HEAD_BYTES } from './wire-framing';
import type { WireData, WireRecord } from './wire-record';

/** what a consumer in `state` passes on over one connection on which the producer sends its header, `sent`, and then 'end' (or closes, `end` false) */
async function connection(state: ConsumerState, sent: WireRecord[], end = true): Promise<WireRecord[]> {
  const link = heldLink();
  const out: WireRecord[] = [];
  await new Promise<void>((done) => {
    new Observable<WireRecord>((subscriber) => {
      void consumeLink(link, state, subscriber, {}).then(() => done());
    }).subscribe((r) => out.push(r));
    for (const record of [channelHeader(1), ...sent, ...(end ? [{ kind: 'end', seq: 20 } as const] : [])]) link.receive(encodeWireRecord(record));
    if (!end) link.destroy();
  });
  return out;
}

/** what a consumer resumed after seq `after` in session-1, knowing no sample counts, passes on when the producer sends `sent` */
const resumedAfter = (after: number, sent: WireRecord[]): Promise<WireRecord[]> => connection({ lastSeq: after, sessionId: 'session-1' }, sent);

/** block lengths of unequal size: seq k holds 1 + 9·(k mod 2) samples (1, 10, 1, 10 …) */
const lengthOf = (seq: number): number => 1 + 9 * (seq % 2);
const unequalBlocks = (first: number, last: number): WireData[] => {
  const out: WireData[] = [];
  for (let seq = 0, t = 0; seq <= last; t += lengthOf(seq), seq++) if (seq >= first) out.push(channelBlock(seq, t, lengthOf(seq), 1));
  return out;
};
const samplesOf = (first: number, last: number): number => {
  let n = 0;
  for (let seq = first; seq <= last; seq++) n += lengthOf(seq);
  return n;
};

describe('a dropped run straddling the seq resumed after, blocks of unequal sizes: exact where the sender or the consumer knows the counts', () => {
  it("a qsync sender splits it there: the consumer passes on seqs 6 … 8 with their exact 12 samples (the share by records of 0 … 8's 45 would be 15)", async () => {
    // a producer restarted in session-1 sends from its start; the consumer had seqs up to 5, and its
    // buffer of 16 500 bytes under 'drop-oldest' reads nothing: the 1000-sample block 9 (16 128
    // bytes) drops 0 … 7 at once (1728 bytes), block 11 then drops 8
    const hub = createWireHub({ buffer: { records: 100, bytes: 16_500, policy: 'drop-oldest' }, history: { records: 3 }, minConsumers: 0 });
    const consumer = hub.attach({ kind: 'subscribe', lastSeq: 5 });
    hub.publish(channelHeader(1));
    const t9 = samplesOf(0, 8);
    for (const block of [...unequalBlocks(0, 8), channelBlock(9, t9, 1000, 1), channelBlock(10, t9 + 1000, 1, 1), channelBlock(11, t9 + 1001, 1, 1)]) hub.publish(block);
    hub.end();
    const sent: WireRecord[] = [];
    for (let r = consumer.poll(); r !== undefined; r = consumer.poll()) sent.push(r);
    expect(sent.filter((r) => r.kind === 'dropped')).toEqual([
      { kind: 'dropped', seq: 6, records: 6, samples: samplesOf(0, 5), firstSeq: 0, lastSeq: 5 },
      { kind: 'dropped', seq: 9, records: 3, samples: samplesOf(6, 8), firstSeq: 6, lastSeq: 8 },
    ]);
    const out = await connection({ lastSeq: 5, sessionId: 'session-1' }, sent.slice(1, -1));
    expect(samplesOf(6, 8)).toBe(12);
    expect(Math.round((samplesOf(0, 8) * 3) / 9)).toBe(15);
    expect(out[0]).toEqual({ kind: 'dropped', seq: 9, records: 3, samples: 12, firstSeq: 6, lastSeq: 8 });
    expect(out.slice(1).map((r) => (r.kind === 'block' ? r.seq : r.kind))).toEqual([9, 10, 11, 'end']);
  });

  it('from a sender that does not split it, a consumer that received seqs 3 … 5 itself subtracts them: exact', async () => {
    const state: ConsumerState = { lastSeq: null, sessionId: null, received: new ReceivedCounts() };
    await connection(state, unequalBlocks(0, 5), false); // received 0 … 5, then the link closed
    expect(state).toMatchObject({ lastSeq: 5, sessionId: 'session-1' });
    const out = await connection(state, [{ kind: 'dropped', seq: 9, records: 6, samples: samplesOf(3, 8), firstSeq: 3, lastSeq: 8 }]);
    expect(out[0]).toEqual({ kind: 'dropped', seq: 9, records: 3, samples: samplesOf(6, 8), firstSeq: 6, lastSeq: 8 });
    // resumed after 8: a gap reaching back over received seqs 4, 5 and the exact dropped notice passed on for 6 … 8 (its total only): exact too
    const more = await connection(state, [{ kind: 'gap', seq: 13, firstSeq: 4, lastSeq: 12, samples: samplesOf(4, 12) }]);
    expect(more[0]).toEqual({ kind: 'gap', seq: 13, firstSeq: 9, lastSeq: 12, samples: samplesOf(9, 12) });
    // a gap cutting into that notice's total cannot be cut exactly
    const inside = await connection({ ...state, lastSeq: 7 } as ConsumerState, [{ kind: 'gap', seq: 13, firstSeq: 4, lastSeq: 12, samples: samplesOf(4, 12) }]);
    expect(inside[0]).toMatchObject({ firstSeq: 8, estimated: true });
  });

  it('where neither knows them (the consumer never held seqs 3 … 5, or the notice was an estimate) the share by records, estimated: true', async () => {
    const out = await resumedAfter(5, [{ kind: 'dropped', seq: 9, records: 6, samples: samplesOf(3, 8), firstSeq: 3, lastSeq: 8 }]);
    expect(out[0]).toEqual({ kind: 'dropped', seq: 9, records: 3, samples: Math.round(samplesOf(3, 8) / 2), firstSeq: 6, lastSeq: 8, estimated: true });
    const state: ConsumerState = { lastSeq: null, sessionId: null, received: new ReceivedCounts() };
    await connection(state, unequalBlocks(0, 5), false);
    const estimated = await connection(state, [{ kind: 'dropped', seq: 9, records: 6, samples: 33, firstSeq: 3, lastSeq: 8, estimated: true }]);
    expect(estimated[0]).toMatchObject({ firstSeq: 6, samples: 17, estimated: true });
  });
});

describe('consumeLink: a notice straddling the seq resumed after', () => {
  it('passes on only the part after it: a dropped notice of seqs 3…8 (60 samples), resumed after 5, reports 6…8, 3 records, 30 samples estimated', async () => {
    const out = await resumedAfter(5, [{ kind: 'dropped', seq: 9, records: 6, samples: 60, firstSeq: 3, lastSeq: 8 }]);
    expect(out[0]).toEqual({ kind: 'dropped', seq: 9, records: 3, samples: 30, firstSeq: 6, lastSeq: 8, estimated: true });
  });

  it('a gap whose records hold one sample each stays exact; otherwise the share by records, estimated', async () => {
    const exact = await resumedAfter(10, [{ kind: 'gap', seq: 15, firstSeq: 0, lastSeq: 14, samples: 15 }]);
    expect(exact[0]).toEqual({ kind: 'gap', seq: 15, firstSeq: 11, lastSeq: 14, samples: 4 });
    // 3 records, 1000 samples: 2 kept, 2/3 of them
    const skewed = await resumedAfter(0, [{ kind: 'gap', seq: 2, firstSeq: 0, lastSeq: 2, samples: 1000 }]);
    expect(skewed[0]).toEqual({ kind: 'gap', seq: 2, firstSeq: 1, lastSeq: 2, samples: 667, estimated: true });
  });

  it('passes notices wholly after it untouched and drops those wholly at or before it', async () => {
    const out = await resumedAfter(5, [
      { kind: 'dropped', seq: 5, records: 3, samples: 30, firstSeq: 2, lastSeq: 4 },
      { kind: 'gap', seq: 9, firstSeq: 6, lastSeq: 8, samples: 31 },
    ]);
    expect(out).toEqual([{ kind: 'gap', seq: 9, firstSeq: 6, lastSeq: 8, samples: 31 }, { kind: 'end', seq: 20 }]);
  });

  it("a dropped notice's estimated: true round-trips through the format; any other value is refused", () => {
    const dropped = { kind: 'dropped', seq: 9, records: 3, samples: 30, firstSeq: 6, lastSeq: 8, estimated: true } as const;
    expect(createWireDecoder().push(encodeWireRecord(dropped))).toEqual([dropped]);
    expect(() => createWireDecoder().push(encodeWireRecord({ ...dropped, estimated: 1 } as never))).toThrow(/dropped field 'estimated' must be true or absent/);
  });
});

describe("consumeLink: the producer's advertised keepalive interval", () => {
  it('is recorded in the liveness and taken off the header passed on; the key round-trips and a bad value is refused', async () => {
    const link = heldLink();
    const liveness: { lastRecord: number; interval?: number } = { lastRecord: 0 };
    const out: WireRecord[] = [];
    await new Promise<void>((done) => {
      new Observable<WireRecord>((subscriber) => {
        void consumeLink(link, { lastSeq: null, sessionId: null }, subscriber, {}, { liveness }).then(() => done());
      }).subscribe((r) => out.push(r));
      link.receive(encodeWireRecord({ ...channelHeader(1), keepAliveInterval: 400 }));
      link.receive(encodeWireRecord({ kind: 'end', seq: 0 }));
    });
    expect(liveness.interval).toBe(400);
    expect(out[0]).toEqual(channelHeader(1));
    expect(createWireDecoder().push(encodeWireRecord({ ...channelHeader(1), keepAliveInterval: 2.5 }))[0]).toHaveProperty('keepAliveInterval', 2.5);
    // the writer refuses a bad value, and so does the reader given one written by hand
    expect(() => encodeWireRecord({ ...channelHeader(1), keepAliveInterval: 0 })).toThrow(/header field 'keepAliveInterval' must be a number of ms > 0, got number 0/);
    const payload = packr.unpack(encodeWireRecord(channelHeader(1)).subarray(WIRE_HEAD_BYTES)) as Record<string, unknown>;
    const bad = framePayload(packr.pack({ ...payload, keepAliveInterval: 'soon' }));
    expect(() => createWireDecoder().push(bad)).toThrow(/header field 'keepAliveInterval' must be a number of ms > 0, got/);
  });
});
