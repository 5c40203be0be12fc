import { of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { expectClose, operatorContract } from '@qsync/testing';
import { ensembleMean } from './ensemble-mean';
import { arrayChannel, complexChannel, realChannel } from './frame';
import type { Frame } from './frame';
import { testScheduler } from './test-support/test-scheduler';

const member = (t: number, x: number): Frame => ({
  t,
  channels: {
    x: realChannel(x, 'κ'),
    a: complexChannel(x, -2 * x),
    rho: arrayChannel(new Float64Array([x, 1, 2 * x, 0]), [2], { complex: true }),
  },
});

function meanOf(frames: readonly Frame[], tTolerance?: number): Frame {
  let out: Frame | undefined;
  let error: unknown;
  of(frames)
    .pipe(ensembleMean(tTolerance === undefined ? {} : { tTolerance }))
    .subscribe({ next: (f) => (out = f), error: (e: unknown) => (error = e) });
  if (error !== undefined) throw error;
  if (out === undefined) throw new Error('no output');
  return out;
}

describe('ensembleMean', () => {
  it('averages real scalars (doc example)', () => {
    const m = meanOf([
      { t: 1, channels: { x: realChannel(1) } },
      { t: 1, channels: { x: realChannel(3) } },
    ]);
    expect(m).toEqual({ t: 1, channels: { x: realChannel(2) } });
  });

  it('averages real, complex and array channels, keeping units and shapes', () => {
    const m = meanOf([member(0.5, 1), member(0.5, 2), member(0.5, 6)]);
    expect(m.t).toBe(0.5);
    expect(m.channels.x).toEqual(realChannel(3, 'κ'));
    expect(m.channels.a).toEqual(complexChannel(3, -6));
    const rho = m.channels.rho;
    expect(rho.kind === 'array' && rho.complex && rho.shape).toEqual([2]);
    // (1+2+6)/3 = 3 exactly; means of 1,1,1 and 2,4,12 are exact too
    expect(rho.kind === 'array' ? Array.from(rho.data) : []).toEqual([3, 1, 6, 0]);
  });

  it('does not write into the members’ arrays', () => {
    const a = member(0, 1);
    meanOf([a, member(0, 3)]);
    expect(a.channels.rho.kind === 'array' ? Array.from(a.channels.rho.data) : []).toEqual([
      1, 1, 2, 0,
    ]);
  });

  it('mean of random members matches an independent sum', () => {
    const values = [0.1, 0.7, -0.3, 0.25, 1e-3];
    const m = meanOf(values.map((v) => ({ t: 2, channels: { x: realChannel(v) } })));
    const x = m.channels.x;
    // five additions and one division: a few ulps
    expectClose(x.kind === 'real' ? x.value : NaN, 0.1502, { rtol: 1e-15 });
  });

  it('a one-member ensemble is that member', () => {
    expect(meanOf([member(1, 5)])).toEqual(member(1, 5));
  });

  it('accepts times equal up to rounding, rejects others naming the frame', () => {
    expect(meanOf([member(0.3, 1), member(0.1 + 0.2, 1)]).t).toBe(0.3);
    expect(() => meanOf([member(1, 1), member(1, 1), member(1.001, 1)])).toThrow(
      'ensembleMean: frames must share one time, but frame 2 has t = 1.001 and frame 0 has t = 1',
    );
    expect(meanOf([member(1, 1), member(1.001, 1)], 0.01).t).toBe(1);
  });

  it('marbles: one mean per ensemble, completion and teardown pass through', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const e = [
        { t: 0, channels: { x: realChannel(1) } },
        { t: 0, channels: { x: realChannel(2) } },
      ];
      const src = cold('-e-e-|', { e });
      const mean = { t: 0, channels: { x: realChannel(1.5) } };
      expectObservable(src.pipe(ensembleMean())).toBe('-m-m-|', { m: mean });
      expectSubscriptions(src.subscriptions).toBe('^----!');
    });
  });

  it('errors on an empty ensemble', () => {
    expect(() => meanOf([])).toThrow('ensembleMean: the ensemble is empty (got an array of 0 frames)');
  });
  it('errors on a missing channel, naming channel and frame', () => {
    expect(() => meanOf([member(0, 1), { t: 0, channels: { x: realChannel(1, 'κ') } }])).toThrow(
      "ensembleMean: channel 'a' is missing in frame 1 (t = 0)",
    );
  });
  it('errors on differing kinds or units, naming the channel', () => {
    expect(() =>
      meanOf([
        { t: 0, channels: { x: realChannel(1) } },
        { t: 0, channels: { x: complexChannel(1, 0) } },
      ]),
    ).toThrow("ensembleMean: channel 'x' of frame 1 is complex [], but of frame 0 is real []");
    expect(() =>
      meanOf([
        { t: 0, channels: { x: realChannel(1, 'κ') } },
        { t: 0, channels: { x: realChannel(1, 'γ') } },
      ]),
    ).toThrow(/channel 'x' of frame 1 is real \[γ\], but of frame 0 is real \[κ\]/);
  });
  it('errors on differing array shapes, naming the channel', () => {
    expect(() =>
      meanOf([
        { t: 0, channels: { v: arrayChannel(new Float64Array(4), [4]) } },
        { t: 0, channels: { v: arrayChannel(new Float64Array(4), [2, 2]) } },
      ]),
    ).toThrow("ensembleMean: array channel 'v' of frame 1 has shape 2×2, but of frame 0 4");
    expect(() =>
      meanOf([
        { t: 0, channels: { v: arrayChannel(new Float64Array(4), [4]) } },
        { t: 0, channels: { v: arrayChannel(new Float64Array(8), [4], { complex: true }) } },
      ]),
    ).toThrow(/'v' of frame 1 has shape 4 \(complex\), but of frame 0 4$/);
  });
  it('rejects a negative tolerance, naming tTolerance', () => {
    expect(() => ensembleMean({ tTolerance: -1 })).toThrow(
      "ensembleMean: option 'tTolerance' must be ≥ 0, got -1",
    );
  });
});

operatorContract('ensembleMean', { operator: () => ensembleMean(), sample: [member(0, 1), member(0, 2)] });
