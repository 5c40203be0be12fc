import { lastValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { tapProgress } from '@qsync/frames';
import { trajectoryEnsemble } from './trajectory-ensemble';
import type { EnsembleFrame } from './trajectory-ensemble';
import { trajectoryRng } from './trajectory-rng';
import { ornsteinUhlenbeckMoments, ornsteinUhlenbeckTask } from './test-support/ornstein-uhlenbeck-task';
import type { OrnsteinUhlenbeckConfig } from './test-support/ornstein-uhlenbeck-task';

const ou: OrnsteinUhlenbeckConfig = { theta: 1, sigma: 0.8, x0: 1, dt: 0.01, times: [0, 0.1, 0.2, 0.4, 0.7, 1, 1.5, 2] };
const task = (config: OrnsteinUhlenbeckConfig = ou) => ({ module: ornsteinUhlenbeckTask, name: 'ornsteinUhlenbeckTrajectory', config });
const moments = (i: number) => ornsteinUhlenbeckMoments(ou.theta, ou.sigma, ou.x0, ou.dt, Math.round(ou.times[i] / ou.dt));

/** the three OU components of a frame at output time i: x, Re z, Im z (started at x0, x0, −x0) */
function components(frame: EnsembleFrame, i: number): { mean: number; se: number; sign: number }[] {
  const { x, z } = frame.channels;
  return [
    { mean: x.mean[i], se: x.standardError[i], sign: 1 },
    { mean: z.mean[2 * i], se: z.standardError[2 * i], sign: 1 },
    { mean: z.mean[2 * i + 1], se: z.standardError[2 * i + 1], sign: -1 },
  ];
}

describe('trajectoryEnsemble', () => {
  it("matches the Ornstein–Uhlenbeck process's closed-form mean within 3 SE at every time, with the closed-form SE", async () => {
    const n = 400;
    const last = await lastValueFrom(trajectoryEnsemble(task(), { trajectories: n, noiseSeed: 11, workers: 0, emitEvery: n }));
    expect(last.trajectories).toBe(n);
    // the sample SE of n normals is off by a relative 1/√(2(n−1)) ≈ 3.5 % (1 σ); allow 4 σ
    const seTolerance = 4 / Math.sqrt(2 * (n - 1));
    for (let i = 1; i < ou.times.length; i++) {
      const { mean, variance } = moments(i);
      for (const c of components(last, i)) {
        expect(Math.abs(c.mean - c.sign * mean)).toBeLessThan(3 * c.se);
        expect(Math.abs(c.se / Math.sqrt(variance / n) - 1)).toBeLessThan(seTolerance);
      }
    }
    // t = 0 is deterministic: the mean is x0 exactly and the SE 0
    expect(components(last, 0).map((c) => [c.mean, c.se])).toEqual([[1, 0], [1, 0], [-1, 0]]);
  });

  it('is live: a frame after every emitEvery trajectories and after the last, with progress; the SE shrinks like 1/√n', async () => {
    const progress: number[] = [];
    const frames = await lastValueFrom(
      trajectoryEnsemble(task(), { trajectories: 350, noiseSeed: 5, workers: 0, emitEvery: 100 })
        .withProgress()
        .pipe(tapProgress((p) => progress.push(p.done)), toArray()),
    );
    expect(frames.map((f) => f.trajectories)).toEqual([100, 200, 300, 350]);
    expect(progress[progress.length - 1]).toBe(350);
    expect(progress.length).toBeGreaterThanOrEqual(350);
    // SE(100)/SE(350) = √3.5 up to the spread of two sample SEs (relative 1/√(2·99) ≈ 7 % and 4 %): allow 25 %
    const last = ou.times.length - 1;
    const ratio = frames[0].channels.x.standardError[last] / frames[3].channels.x.standardError[last];
    expect(Math.abs(ratio / Math.sqrt(3.5) - 1)).toBeLessThan(0.25);
  });

  it('stops itself at the target standard error, near the predicted number of trajectories', async () => {
    // one watched entry, x(2): it stops at the first n with s_n/√n ≤ target, predicted N* = Var x(2)/target² ≈ 785
    const target = 0.02;
    const config = { ...ou, times: [0, 2] };
    const predicted = moments(ou.times.length - 1).variance / target ** 2;
    const frames = await lastValueFrom(
      trajectoryEnsemble(task(config), { trajectories: 5000, noiseSeed: 2, workers: 0, targetStandardError: target, targetChannels: ['x'] }).pipe(toArray()),
    );
    const last = frames[frames.length - 1];
    expect(last.channels.x.standardError[1]).toBeLessThanOrEqual(target);
    expect(frames[frames.length - 2].channels.x.standardError[1]).toBeGreaterThan(target);
    expect(last.trajectories).toBe(frames.length);
    // s_n² scatters by a relative √(2/N*) ≈ 5 % about Var: allow 4 of it
    expect(Math.abs(last.trajectories / predicted - 1)).toBeLessThan(0.2);
  });

  it('gives the same frames, bit for bit, in this thread and on 1 or 2 workers; another seed gives other numbers', async () => {
    // every third trajectory returns late, so the two workers finish out of trajectory order
    const config = { ...ou, times: [0, 0.5, 1], lateEvery: 3 };
    const run = (workers: number, noiseSeed = 9) =>
      lastValueFrom(trajectoryEnsemble(task(config), { trajectories: 24, noiseSeed, workers, emitEvery: 6 }).pipe(toArray()));
    const inThread = await run(0);
    const twoWorkers = await run(2);
    const oneWorker = await run(1);
    expect(inThread.map((f) => f.trajectories)).toEqual([6, 12, 18, 24]);
    expect(twoWorkers).toEqual(inThread);
    expect(oneWorker).toEqual(inThread);
    // toEqual of Float64Arrays compares values with Object.is: bit for bit (also −0 vs 0)
    const other = await run(0, 10);
    expect(other[3].channels.x.mean[2]).not.toBe(inThread[3].channels.x.mean[2]);
  });

  it('stops running trajectories and terminates its workers when unsubscribed', async () => {
    const started = new Int32Array(new SharedArrayBuffer(4));
    const config = { ...ou, times: [0, 1], started };
    const source = trajectoryEnsemble(task(config), { trajectories: 1000, noiseSeed: 1, workers: 2 });
    const first = await lastValueFrom(source.pipe(take(1)));
    expect(first.trajectories).toBe(1);
    const count = Atomics.load(started, 0);
    // at most 2 per worker run, and no trajectory is handed out 4 × workers or more ahead of the fold
    expect(count).toBeLessThanOrEqual(8);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(Atomics.load(started, 0)).toBe(count);
  });

  it('after the last frame, lets the trajectories still running return before it terminates its workers', async () => {
    // piscina reports the result of a worker terminated just after posting it as an uncaught
    // "Unexpected message from Worker"; every trajectory here returns 20 ms late, so terminating
    // at the last frame would kill the one running on the other worker before it returns
    const started = new Int32Array(new SharedArrayBuffer(4));
    const finished = new Int32Array(new SharedArrayBuffer(4));
    const config = { ...ou, times: [0, 1], started, finished, lateEvery: 1 };
    const last = await lastValueFrom(
      trajectoryEnsemble(task(config), { trajectories: 1000, noiseSeed: 3, workers: 2, targetStandardError: 0.1, targetChannels: ['x'] }),
    );
    expect(last.trajectories).toBeLessThan(1000);
    for (let i = 0; i < 50 && Atomics.load(finished, 0) < Atomics.load(started, 0); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Atomics.load(finished, 0)).toBe(Atomics.load(started, 0));
    // and none starts after it: at most 4 × workers − 1 beyond the last folded one were handed out
    expect(Atomics.load(started, 0)).toBeLessThanOrEqual(last.trajectories + 7);
  });

  it('refuses bad options by name, and a task that breaks the column contract by trajectory', async () => {
    expect(() => trajectoryEnsemble(task(), { trajectories: 0, noiseSeed: 1 })).toThrow(/'trajectories' must be an integer ≥ 1, got 0/);
    expect(() => trajectoryEnsemble(task(), { trajectories: 5, noiseSeed: 0.5 })).toThrow(/'noiseSeed' must be a safe integer/);
    expect(() => trajectoryEnsemble(task(), { trajectories: 5, noiseSeed: 1, workers: -1 })).toThrow(/'workers' must be an integer ≥ 0/);
    expect(() => trajectoryEnsemble(task(), { trajectories: 5, noiseSeed: 1, targetStandardError: 0 })).toThrow(/'targetStandardError' must be a finite number > 0/);
    expect(() => trajectoryEnsemble(task(), { trajectories: 5, noiseSeed: 1, minTrajectories: 1 })).toThrow(/'minTrajectories' must be an integer ≥ 2/);
    expect(() => trajectoryEnsemble(task(), { trajectories: 5, noiseSeed: 1, emitEvery: 0 })).toThrow(/'emitEvery' must be an integer ≥ 1/);
    expect(() => trajectoryEnsemble({ ...task(), module: 'relative/task.ts' }, { trajectories: 5, noiseSeed: 1 })).toThrow(/'task.module' must be an absolute path or a file URL/);
    expect(() => trajectoryEnsemble(task(), { trajectories: 5, noiseSeed: 1, seed: 1 } as never)).toThrow(/unknown option 'seed'/);
    const run = (name: string, config: object) =>
      lastValueFrom(trajectoryEnsemble({ module: ornsteinUhlenbeckTask, name, config }, { trajectories: 3, noiseSeed: 1, workers: 0, targetStandardError: 1, targetChannels: [name === 'malformedTrajectory' ? 'x' : 'y'] }));
    await expect(run('nothing', ou)).rejects.toThrow(/has no exported function 'nothing'/);
    await expect(run('ornsteinUhlenbeckTrajectory', ou)).rejects.toThrow(/'targetChannels' names \[y\], which the task does not return/);
    await expect(run('malformedTrajectory', { fault: 'nan' })).rejects.toThrow(/column 'x' of trajectory 1 has the non-finite value NaN at entry 0/);
    await expect(run('malformedTrajectory', { fault: 'length' })).rejects.toThrow(/column 'x' of trajectory 1 is real of length 3, trajectory 0's real of length 2/);
  });
});

describe('trajectory seeds', () => {
  it('neighbouring trajectories draw uncorrelated first normals', () => {
    const n = 4000;
    const first = new Float64Array(n + 1);
    for (let k = 0; k <= n; k++) trajectoryRng(2024, k).fillNormalZigguratInto(first, k, 1);
    let sxy = 0;
    let sxx = 0;
    let sx = 0;
    for (let k = 0; k < n; k++) {
      sxy += first[k] * first[k + 1];
      sxx += first[k] * first[k];
      sx += first[k];
    }
    const correlation = (sxy / n - (sx / n) ** 2) / (sxx / n - (sx / n) ** 2);
    // the sample correlation of independent pairs has standard deviation 1/√n ≈ 0.016: allow 4 of them
    expect(Math.abs(correlation)).toBeLessThan(4 / Math.sqrt(n));
    // reproducible: trajectory k's first normal does not depend on what ran before
    const again = new Float64Array(1);
    trajectoryRng(2024, 1234).fillNormalZigguratInto(again, 0, 1);
    expect(again[0]).toBe(first[1234]);
  });
});
