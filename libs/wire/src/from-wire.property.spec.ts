/**
 * Property tests of fromWire's stream rules (fast-check): a valid wire stream comes back whole,
 * and removing, duplicating or swapping data records — anything that would lose or reorder data
 * without a notice saying so — is always refused with a WireFormatError. Nothing is lost silently.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { from, lastValueFrom, toArray } from 'rxjs';
import { sampleBlock, streamSchema } from '@qsync/frames';
import { fromWire } from './from-wire';
import { toWire } from './to-wire';
import { WireFormatError } from './wire-format-error';
import { wireHeader } from './wire-header';
import type { WireRecord } from './wire-record';

const schema = streamSchema({ channels: { x: { kind: 'real' } }, rate: 2 });
const header = wireHeader({ name: 'x', sourceId: 'p', sessionId: 's', createdAt: '2026-01-01T00:00:00Z', schema });
const SEED = 20261206;

/** The wire records of a stream of blocks with the given lengths. */
function wireOf(lengths: number[]): Promise<WireRecord[]> {
  let t0 = 0;
  const blocks = lengths.map((n) => {
    const b = sampleBlock({ t0, dt: 0.5, columns: { x: { kind: 'real', data: new Float64Array(n).fill(t0) } } });
    t0 += n * 0.5;
    return b;
  });
  return lastValueFrom(from([schema, ...blocks]).pipe(toWire(header), toArray()));
}

const outcome = (records: WireRecord[]): Promise<number | unknown> =>
  lastValueFrom(from(records).pipe(fromWire({ firstSeq: 0 }), toArray())).then((out) => out.length, (e: unknown) => e);

const lengths = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 12 });

describe('fromWire properties (fast-check)', () => {
  it('a valid stream comes back whole: the schema and every block', async () => {
    await fc.assert(
      fc.asyncProperty(lengths, async (ls) => {
        expect(await outcome(await wireOf(ls))).toBe(ls.length + 1);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('a data record removed, duplicated or moved without a notice is refused with a WireFormatError (firstSeq: 0, as for a recording)', async () => {
    await fc.assert(
      fc.asyncProperty(lengths, fc.nat(), fc.nat(), fc.constantFrom('remove', 'duplicate', 'swap'), async (ls, i, j, how) => {
        const wire = await wireOf(ls);
        const data = wire.length - 2; // records 1 … data are the blocks
        const a = 1 + (i % data);
        const b = 1 + (j % data);
        const spoilt = [...wire];
        if (how === 'remove') spoilt.splice(a, 1);
        else if (how === 'duplicate') spoilt.splice(a, 0, wire[a]);
        else {
          fc.pre(a !== b);
          [spoilt[a], spoilt[b]] = [spoilt[b], spoilt[a]];
        }
        const e = await outcome(spoilt);
        expect(e).toBeInstanceOf(WireFormatError);
        expect((e as Error).message).toMatch(/^fromWire: .*seq/);
      }),
      { numRuns: 1500, seed: SEED },
    );
  });

  it('the same removal announced by a dropped notice with the exact seqs is accepted (with onNotice) and counted', async () => {
    await fc.assert(
      fc.asyncProperty(lengths, fc.nat(), fc.nat(), async (ls, i, k) => {
        const wire = await wireOf(ls);
        const data = wire.length - 2;
        const first = i % data; // seq of the first removed record
        const count = 1 + (k % (data - first));
        const removed = wire.slice(1 + first, 1 + first + count);
        const samples = removed.reduce((s, r) => s + (r.kind === 'block' ? r.block.length : 1), 0);
        const notice: WireRecord = { kind: 'dropped', seq: first + count, records: count, samples, firstSeq: first, lastSeq: first + count - 1 };
        const spoilt = [...wire.slice(0, 1 + first), notice, ...wire.slice(1 + first + count)];
        let dropped = 0;
        const out = await lastValueFrom(from(spoilt).pipe(fromWire({ firstSeq: 0, onNotice: (n) => (dropped += n.samples) }), toArray()));
        expect(out).toHaveLength(ls.length + 1 - count);
        expect(dropped).toBe(samples);
      }),
      { numRuns: 500, seed: SEED },
    );
  });
});
