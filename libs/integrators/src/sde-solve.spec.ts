import { describe, expect, it, vi } from 'vitest';
import { lastValueFrom, take, takeWhile, toArray } from 'rxjs';
import type { Observable } from 'rxjs';
import { createRng } from '@qsync/linalg';
import { channelValue, realChannel, tapProgress } from '@qsync/frames';
import type { ArrayChannel, Frame, Progress } from '@qsync/frames';
import { expectClose } from '@qsync/testing';
import { createSdeStepper } from './create-sde-stepper';
import { sdeSolve, type SdeSolveConfig } from './sde-solve';
import type { SdeSystem } from './sde-types';

// a pass-through spy: counts the steppers sdeSolve builds
vi.mock('./create-sde-stepper', async (importOriginal) => {
  const original = await importOriginal<typeof import('./create-sde-stepper')>();
  return { createSdeStepper: vi.fn(original.createSdeStepper) };
});

const collect = (obs: Observable<Frame>) => lastValueFrom(obs.pipe(toArray()));
const stateOf = (f: Frame) => channelValue(f, 'y', 'array').data;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** dX = (ν − K sin X) dt + s dW on `dim` copies, counting drift calls. */
function counted(dim: number, s = 0.5): { system: SdeSystem; calls: { n: number } } {
  const calls = { n: 0 };
  return {
    calls,
    system: {
      dim,
      drift: (out, y) => {
        calls.n++;
        for (let i = 0; i < dim; i++) out[i] = 0.5 - Math.sin(y[i]);
      },
      noise: { kind: 'additive', amplitude: s },
    },
  };
}

/** Noise-free decay y′ = −y: Euler–Maruyama multiplies by (1 − h) per step. */
const decay: SdeSystem = { dim: 1, drift: (out, y) => void (out[0] = -y[0]), noise: { kind: 'additive', amplitude: 0 } };

describe('sdeSolve', () => {
  it('runs the doc example', async () => {
    const frames = await collect(sdeSolve(decay, new Float64Array([1]), [0, 1], { dt: 1e-3, noiseSeed: 1 }));
    const y1 = (frames[1].channels.y as ArrayChannel).data[0];
    expect(y1).toBe(0.36769542477096373); // the value quoted in the doc comment
    // 999 steps of 1e-3 and a last one of 1 − 999·1e-3 = 1e-3 + 9e-19: 0.999^1000 up to a few ulps
    expectClose(y1, 0.999 ** 1000, { rtol: 1e-14 });
  });

  it('is cold: nothing runs before subscribe', async () => {
    const { system, calls } = counted(8);
    const reports: Progress[] = [];
    const obs = sdeSolve(system, new Float64Array(8), [0, 1], { dt: 0.01, noiseSeed: 1 })
      .withProgress()
      .pipe(tapProgress((p) => reports.push(p)));
    await sleep(20);
    expect(calls.n).toBe(0);
    expect(reports).toEqual([]);
    await collect(obs);
    expect(calls.n).toBe(100);
  });

  it('emits a frame at each requested time, landing on times that are not multiples of dt', async () => {
    const times = [0, 0.25, 0.6, 0.6, 1];
    const reports: Progress[] = [];
    const frames = await collect(
      sdeSolve(decay, new Float64Array([1]), times, { dt: 0.1, noiseSeed: 1 }).withProgress().pipe(tapProgress((p) => reports.push(p))),
    );
    expect(frames.map((f) => f.t)).toEqual(times);
    // steps 0.1, 0.1, 0.05 | 0.1, 0.1, 0.1, 0.05 | none (repeated time) | 0.1 × 4
    const a = 0.9 ** 2 * 0.95;
    const b = a * 0.9 ** 3 * 0.95;
    const expected = [1, a, b, b, b * 0.9 ** 4];
    // the same products, a few ulps
    expectClose(frames.map((f) => stateOf(f)[0]), expected, { rtol: 1e-14 });
    expect(reports.at(-1)).toEqual({ done: 11, total: 11 });
    expect(frames[2]).not.toBe(frames[3]); // a fresh frame (and channel data) each time
    expect(stateOf(frames[2])).not.toBe(stateOf(frames[3]));
  });

  it('gives the states of a stepper with the same seed advanced to the same times, bit for bit', async () => {
    // dim 2^12 → 8 steps per chunk: the run is cut into 17 chunks, across output times
    const dim = 1 << 12;
    const { system } = counted(dim, 0.8);
    const times = [0, 0.123, 0.5, 0.77, 1.3];
    const config: SdeSolveConfig = { method: 'sra', dt: 0.01, noiseSeed: 12, yieldEvery: 0 };
    const frames = await collect(sdeSolve(system, new Float64Array(dim), times, config));
    const stepper = createSdeStepper(system, new Float64Array(dim), 0, { method: 'sra', dt: 0.01, noiseSeed: 12 });
    for (let k = 0; k < times.length; k++) {
      stepper.advanceTo(times[k]);
      expect(Array.from(stateOf(frames[k]))).toEqual(Array.from(stepper.y));
    }
  });

  it('builds no stepper at the call and exactly one per subscription (the run\'s memory is one stepper)', async () => {
    const built = vi.mocked(createSdeStepper);
    built.mockClear();
    const { system } = counted(256);
    const obs = sdeSolve(system, new Float64Array(256), [0, 0.5, 1], { method: 'sra', dt: 0.01, noiseSeed: 2 });
    expect(built).toHaveBeenCalledTimes(0);
    await collect(obs);
    expect(built).toHaveBeenCalledTimes(1);
    await collect(obs);
    expect(built).toHaveBeenCalledTimes(2);
    await lastValueFrom(obs.pipe(take(1))); // left after the first frame
    expect(built).toHaveBeenCalledTimes(3);
    expect(() => sdeSolve(system, new Float64Array(256), [0, 1], { dt: 0, noiseSeed: 2 })).toThrow(/'dt'/);
    expect(built).toHaveBeenCalledTimes(3); // a refused call builds none either
  });

  it('takes an initial-state factory, called once per subscription and never at the call', async () => {
    const { system } = counted(64);
    let calls = 0;
    const y0 = Float64Array.from({ length: 64 }, (_, i) => Math.sin(i));
    const factory = () => {
      calls++;
      return Float64Array.from(y0);
    };
    const lazy = sdeSolve(system, factory, [0, 0.5, 1], { dt: 0.01, noiseSeed: 3 });
    expect(calls).toBe(0);
    const eager = await collect(sdeSolve(system, y0, [0, 0.5, 1], { dt: 0.01, noiseSeed: 3 }));
    const first = await collect(lazy);
    expect(calls).toBe(1);
    await collect(lazy);
    expect(calls).toBe(2);
    // the same run as with the array itself, bit for bit
    for (let k = 0; k < 3; k++) expect(Array.from(stateOf(first[k]))).toEqual(Array.from(stateOf(eager[k])));
    // a built state of the wrong length is an error of the subscription, naming y0
    await expect(collect(sdeSolve(system, () => new Float64Array(3), [0, 1], { dt: 0.01, noiseSeed: 3 }))).rejects.toThrow(
      /'y0' must have length system.dim = 64, got 3/,
    );
  });

  it('replays the same frames on re-subscription with a seed; a shared rng continues instead', async () => {
    const { system } = counted(64);
    const times = [0, 0.5, 1];
    const seeded = sdeSolve(system, new Float64Array(64), times, { dt: 0.01, noiseSeed: 3 });
    const first = await collect(seeded);
    const second = await collect(seeded);
    for (let k = 0; k < times.length; k++) expect(Array.from(stateOf(second[k]))).toEqual(Array.from(stateOf(first[k])));

    const shared = sdeSolve(system, new Float64Array(64), times, { dt: 0.01, rng: createRng(3) });
    const a = await collect(shared);
    const b = await collect(shared);
    // createRng(3) is the source `noiseSeed: 3` uses: the first run is the seeded one …
    expect(Array.from(stateOf(a[2]))).toEqual(Array.from(stateOf(first[2])));
    // … the second draws further numbers, so every realization differs
    expect(stateOf(b[2]).filter((v, i) => v === stateOf(a[2])[i]).length).toBe(0);
  });

  it('reports progress in time steps: done ≤ total, non-decreasing, ending at done = total', async () => {
    const dim = 1 << 13;
    const { system } = counted(dim);
    const reports: Progress[] = [];
    const times = [0, 0.333, 1];
    await collect(
      sdeSolve(system, new Float64Array(dim), times, { dt: 0.01, noiseSeed: 1, yieldEvery: 0 })
        .withProgress()
        .pipe(tapProgress((p) => reports.push(p))),
    );
    const total = 34 + 67; // 0.333 = 33 steps + 0.003; 0.667 = 66 steps + 0.007
    expect(reports.length).toBeGreaterThan(20); // 4 steps per chunk
    for (let k = 0; k < reports.length; k++) {
      expect(reports[k].total).toBe(total);
      expect(reports[k].done).toBeLessThanOrEqual(total);
      if (k > 0) expect(reports[k].done).toBeGreaterThanOrEqual(reports[k - 1].done);
    }
    expect(reports.at(-1)).toEqual({ done: total, total });
  });

  it('stops working when the subscriber leaves: take(1) runs no step, takeWhile stops at its frame', async () => {
    const { system, calls } = counted(16);
    const times = Array.from({ length: 41 }, (_, k) => k * 0.05);
    const obs = sdeSolve(system, new Float64Array(16), times, { dt: 0.05, noiseSeed: 1, yieldEvery: 0 });
    const firstOnly = await lastValueFrom(obs.pipe(take(1), toArray()));
    expect(firstOnly.map((f) => f.t)).toEqual([0]);
    await sleep(20);
    expect(calls.n).toBe(0);

    const early = await lastValueFrom(obs.pipe(takeWhile((f) => f.t < 0.5), toArray()));
    expect(early.map((f) => f.t)).toEqual(times.slice(0, 10));
    expect(calls.n).toBe(10); // the steps up to t = 0.5, whose frame ended the subscription
    await sleep(20);
    expect(calls.n).toBe(10);
  });

  it('stops when unsubscribed between chunks of a long run', async () => {
    const dim = 1 << 15; // one step per chunk
    const { system, calls } = counted(dim);
    const sub = sdeSolve(system, new Float64Array(dim), [0, 100], { dt: 0.01, noiseSeed: 1, yieldEvery: 0 }).subscribe();
    await sleep(30);
    sub.unsubscribe();
    const seen = calls.n;
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(10_000);
    await sleep(30);
    expect(calls.n).toBe(seen);
  });

  it('emits the channels of `observe`', async () => {
    const { system } = counted(100);
    const observe = (t: number, y: Float64Array) => {
      let m = 0;
      for (let i = 0; i < y.length; i++) m += y[i];
      return { mean: realChannel(m / y.length, '1'), first: realChannel(y[0]), t2: realChannel(2 * t) };
    };
    const times = [0, 0.5, 1];
    const frames = await collect(sdeSolve(system, new Float64Array(100), times, { dt: 0.01, noiseSeed: 4, observe }));
    const plain = await collect(sdeSolve(system, new Float64Array(100), times, { dt: 0.01, noiseSeed: 4 }));
    for (let k = 0; k < times.length; k++) {
      expect(Object.keys(frames[k].channels).sort()).toEqual(['first', 'mean', 't2']);
      const y = stateOf(plain[k]);
      expect(channelValue(frames[k], 'first', 'real').value).toBe(y[0]);
      expectClose(channelValue(frames[k], 'mean', 'real').value, y.reduce((p, q) => p + q, 0) / 100, { rtol: 1e-14 });
      expect(channelValue(frames[k], 'mean', 'real').unit).toBe('1');
      expect(channelValue(frames[k], 't2', 'real').value).toBe(2 * times[k]);
    }
  });

  it("sends an error inside the drift, or a blow-up, to the subscriber's error callback", async () => {
    const failing: SdeSystem = {
      dim: 1,
      drift: (out, _y, t) => {
        if (t >= 0.3) throw new Error('drift failed at 0.3');
        out[0] = 0;
      },
      noise: { kind: 'additive', amplitude: 1 },
    };
    const seen: Frame[] = [];
    const error = await new Promise<unknown>((resolve, reject) => {
      sdeSolve(failing, new Float64Array(1), [0, 0.2, 1], { dt: 0.1, noiseSeed: 1 }).subscribe({
        next: (f) => seen.push(f),
        error: resolve,
        complete: () => reject(new Error('completed instead of failing')),
      });
    });
    expect((error as Error).message).toBe('drift failed at 0.3');
    expect(seen.map((f) => f.t)).toEqual([0, 0.2]);

    const cubic: SdeSystem = { dim: 1, drift: (out, y) => void (out[0] = y[0] ** 3), noise: { kind: 'additive', amplitude: 0 } };
    await expect(collect(sdeSolve(cubic, new Float64Array([1]), [0, 10], { dt: 0.5, noiseSeed: 1 }))).rejects.toThrow(
      /createSdeStepper: y became non-finite in the step from t = 4 to t = 4\.5/,
    );
  });

  it('copies y0 at the call and emits a single frame for a single time', async () => {
    const y0 = new Float64Array([2]);
    const reports: Progress[] = [];
    const obs = sdeSolve(decay, y0, [0.5], { dt: 0.1, noiseSeed: 1 }).withProgress().pipe(tapProgress((p) => reports.push(p)));
    y0[0] = 7;
    const frames = await collect(obs);
    expect(frames.map((f) => [f.t, stateOf(f)[0]])).toEqual([[0.5, 2]]);
    expect(reports).toEqual([{ done: 1, total: 1 }]);
  });

  it('refuses bad input at the call, naming it', () => {
    const y0 = new Float64Array(1);
    const ok = { dt: 0.1, noiseSeed: 1 };
    expect(() => sdeSolve(decay, y0, [], ok)).toThrow("sdeSolve: 'times' must hold at least one time");
    expect(() => sdeSolve(decay, y0, null as unknown as number[], ok)).toThrow(/'times' must hold at least one time/);
    expect(() => sdeSolve(decay, y0, [0, Infinity], ok)).toThrow("sdeSolve: 'times[1]' must be finite, got Infinity");
    expect(() => sdeSolve(decay, y0, [0, 2, 1], ok)).toThrow(
      "sdeSolve: 'times' must be non-decreasing, but times[2] = 1 < times[1] = 2",
    );
    expect(() => sdeSolve(decay, y0, [0, 1], { ...ok, observe: 1 as never })).toThrow(
      "sdeSolve: option 'observe' must be a function (t, y) => channels",
    );
    // progress is per subscription (withProgress()), no longer a callback option
    expect(() => sdeSolve(decay, y0, [0, 1], { ...ok, progress: () => undefined } as never)).toThrow(
      "sdeSolve: unknown option 'progress'",
    );
    expect(() => sdeSolve(decay, y0, [0, 1], { ...ok, yieldEvery: -1 })).toThrow(/option 'yieldEvery' must be a number of ms ≥ 0, got -1/);
    // the stepper's checks run at the call too
    expect(() => sdeSolve(decay, y0, [0, 1], { dt: 0, noiseSeed: 1 })).toThrow("sdeSolve: option 'dt' must be a finite number > 0, got 0");
    expect(() => sdeSolve(decay, new Float64Array(2), [0, 1], ok)).toThrow(/'y0' must have length system.dim = 1, got 2/);
    expect(() => sdeSolve(decay, y0, [0, 1], { ...ok, seed: 1 } as never)).toThrow(
      "sdeSolve: unknown option 'seed' (known: method, dt, noiseSeed, noiseStream, rng, increments, observe, yieldEvery)",
    );
  });
});
