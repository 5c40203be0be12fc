import { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { consumeLink } from './consume-link';
import { createWireDecoder } from './create-wire-decoder';
import type { ConsumerState } from './consume-link';
import { encodeWireRecord } from './encode-wire-record';
import { channelHeader } from './test-support/channel-stream';
import { heldLink } from './test-support/held-link';
import { framePayload, packr, WIRE_HEAD_BYTES } from './wire-framing';
import type { WireRecord } from './wire-record';

/** what a consumer resumed after seq `after` in session-1 passes on when the producer sends `sent` */
async function resumedAfter(after: number, sent: WireRecord[]): Promise<WireRecord[]> {
  const link = heldLink();
  const state: ConsumerState = { lastSeq: after, sessionId: 'session-1' };
  const out: WireRecord[] = [];
  await new Promise<void>((done) => {
    new Observable<WireRecord>((subscriber) => {
      void consumeLink(link, state, subscriber, {}).then(() => done());
    }).subscribe((r) => out.push(r));
    for (const record of [channelHeader(1), ...sent, { kind: 'end', seq: 20 } as const]) link.receive(encodeWireRecord(record));
  });
  return out;
}

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
