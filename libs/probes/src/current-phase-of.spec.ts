import { describe, expect, it } from 'vitest';
import { realChannel } from '@qsync/frames';
import type { Frame, SampleBlock, SampleRecord } from '@qsync/frames';
import { from, lastValueFrom, toArray } from 'rxjs';
import { operatorContract, sameBits } from '@qsync/testing';
import { currentPhase } from './current-phase';
import { currentPhaseOf } from './current-phase-of';
import { heterodynePair, pairStream } from './test-support/heterodyne-pairs';
import { AWKWARD_SIZES } from './test-support/sample-stream';

const collect = (records: readonly (Frame | SampleRecord)[], op: ReturnType<typeof currentPhaseOf>): Promise<SampleRecord[]> =>
  lastValueFrom(from(records).pipe(op, toArray()));

const dt = 0.01;
const n = 500;
// a strong current (SNR per sample 4) so that the raw phase wraps often
const { currentA, currentB } = heterodynePair({ rA: 20, rB: 20, kappa: 1, dt, mu: 0, k: 1 }, n, 4);

function joined(out: readonly SampleRecord[], name: string): Float64Array {
  const blocks = out.filter((r): r is SampleBlock => r.kind === 'block');
  const all = new Float64Array(blocks.reduce((s, b) => s + b.length, 0));
  let k = 0;
  for (const b of blocks) {
    all.set(b.columns[name].data, k);
    k += b.length;
  }
  return all;
}

describe('currentPhaseOf', () => {
  it('equals currentPhase of the whole current, bit for bit, however it is cut; same block times', async () => {
    for (const tau of [0, 0.05]) {
      const ref = currentPhase(currentA, { dt, tau });
      for (const sizes of [[n], AWKWARD_SIZES, [1]]) {
        const records = pairStream(currentA, currentB, dt, sizes);
        const out = await collect(records, currentPhaseOf({ channel: 'A', tau }));
        expect(out).toHaveLength(records.length);
        expect(out[0].kind).toBe('schema');
        expect(sameBits(joined(out, 'phase'), ref.phase)).toBe(true);
        expect(sameBits(joined(out, 'amplitude'), ref.amplitude)).toBe(true);
        for (let i = 1; i < out.length; i++) {
          expect((out[i] as SampleBlock).t0).toBe((records[i] as SampleBlock).t0);
          expect((out[i] as SampleBlock).dt).toBe(dt);
        }
      }
    }
  });

  it('refuses bad options and streams by name', async () => {
    expect(() => currentPhaseOf({ channel: '', tau: 0 })).toThrow(/'channel'/);
    expect(() => currentPhaseOf({ channel: 'A', tau: -1 })).toThrow(/'tau'/);
    await expect(collect([{ t: 0, channels: { A: realChannel(1) } }], currentPhaseOf({ channel: 'A', tau: 0 }))).rejects.toThrow(/expects a sample stream/);
    await expect(collect(pairStream(currentA, currentB, dt, [n]), currentPhaseOf({ channel: 'Z', tau: 0 }))).rejects.toThrow(/'Z'/);
    const bad = currentA.slice();
    bad[2 * 7] = Infinity;
    await expect(collect(pairStream(bad, currentB, dt, [n]), currentPhaseOf({ channel: 'A', tau: 0 }))).rejects.toThrow(
      /channel 'A' must be finite, got Infinity at sample 7/,
    );
  });
});

const contract = pairStream(currentA, currentB, dt, [10]);
operatorContract('currentPhaseOf', {
  operator: () => currentPhaseOf({ channel: 'A', tau: 0.02 }),
  sample: contract[0],
  sampleAt: (i) => contract[Math.min(i, contract.length - 1)],
});
