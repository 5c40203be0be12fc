// A trajectory task for testing trajectoryEnsemble: the Ornstein–Uhlenbeck process
// dx = −θx dt + σ dW (Euler–Maruyama), whose ensemble mean and variance are known in closed form
// — also for the discrete scheme, so tests need no discretization tolerance.
import { threadId } from 'node:worker_threads';
import { createSdeStepper } from '@qsync/integrators';
import type { SdeSystem } from '@qsync/integrators';
import type { TrajectoryColumns } from '../trajectory-ensemble';

/** The module's URL, as `trajectoryEnsemble` wants it (`task.module`). */
export const ornsteinUhlenbeckTask = new URL(import.meta.url).href;

export interface OrnsteinUhlenbeckConfig {
  theta: number;
  sigma: number;
  /** x(0); the complex column z starts at x0 − i·x0 */
  x0: number;
  dt: number;
  /** output times, the first 0, each a multiple of dt */
  times: number[];
  /** optional: a counter that every started trajectory increments (Int32Array on a SharedArrayBuffer, entry 0) */
  started?: Int32Array;
  /** optional: a counter that every trajectory increments as it returns (after its lateness) */
  finished?: Int32Array;
  /** optional: trajectories k with k % lateEvery = 0 return 20 ms late, so workers finish out of order */
  lateEvery?: number;
  /** optional: trajectory k writes the id of the thread it ran on at entry k (Int32Array on a SharedArrayBuffer) */
  threadIds?: Int32Array;
  /** optional: trajectory k writes 1 at entry k if its thread was started with tsx's hooks in its execArgv, else 0 */
  tsxHooks?: Int32Array;
  /** optional: every trajectory keeps its thread busy this many ms (a spin) before it returns */
  busyMs?: number;
}

/**
 * Trajectory k of three independent OU components from stream k of `noiseSeed`: a real column
 * `x` and a complex column `z` (components 2 and 3 as re, im), one value per output time.
 */
export function ornsteinUhlenbeckTrajectory(
  config: OrnsteinUhlenbeckConfig,
  trajectory: number,
  noiseSeed: number,
): TrajectoryColumns | Promise<TrajectoryColumns> {
  if (config.started !== undefined) Atomics.add(config.started, 0, 1);
  if (config.threadIds !== undefined) Atomics.store(config.threadIds, trajectory, threadId);
  if (config.tsxHooks !== undefined) Atomics.store(config.tsxHooks, trajectory, process.execArgv.some((arg) => /^(--\w+=)?tsx([\\/]|$)|[\\/]tsx[\\/]/.test(arg)) ? 1 : 0);
  const { theta, sigma, x0, dt, times } = config;
  const system: SdeSystem = {
    dim: 3,
    drift: (out, y) => {
      for (let i = 0; i < 3; i++) out[i] = -theta * y[i];
    },
    noise: { kind: 'additive', amplitude: sigma },
  };
  const stepper = createSdeStepper(system, new Float64Array([x0, x0, -x0]), 0, { dt, noiseSeed, noiseStream: trajectory });
  const x = new Float64Array(times.length);
  const z = new Float64Array(2 * times.length);
  for (let i = 0; i < times.length; i++) {
    stepper.advanceTo(times[i]);
    x[i] = stepper.y[0];
    z[2 * i] = stepper.y[1];
    z[2 * i + 1] = stepper.y[2];
  }
  const columns: TrajectoryColumns = { x: { kind: 'real', data: x }, z: { kind: 'complex', data: z } };
  if (config.busyMs !== undefined) for (const end = performance.now() + config.busyMs; performance.now() < end; );
  const finished = config.finished;
  if (config.lateEvery !== undefined && trajectory % config.lateEvery === 0) {
    return new Promise((resolve) =>
      setTimeout(() => {
        if (finished !== undefined) Atomics.add(finished, 0, 1);
        resolve(columns);
      }, 20),
    );
  }
  if (finished !== undefined) Atomics.add(finished, 0, 1);
  return columns;
}

/**
 * A task that breaks the column contract at trajectory 1: `'nan'` puts NaN at entry 0,
 * `'length'` returns one value more than trajectory 0.
 */
export function malformedTrajectory(config: { fault: 'nan' | 'length' }, trajectory: number): TrajectoryColumns {
  const data = new Float64Array(trajectory === 1 && config.fault === 'length' ? 3 : 2);
  if (trajectory === 1 && config.fault === 'nan') data[0] = NaN;
  return { x: { kind: 'real', data } };
}

/**
 * Mean and variance of Euler–Maruyama's OU after n steps of h from x0: with r = 1 − θh,
 * E x_n = r^n x0 and Var x_n = σ²h (1 − r^{2n}) / (1 − r²).
 */
export function ornsteinUhlenbeckMoments(theta: number, sigma: number, x0: number, h: number, n: number): { mean: number; variance: number } {
  const r = 1 - theta * h;
  return { mean: r ** n * x0, variance: (sigma * sigma * h * (1 - r ** (2 * n))) / (1 - r * r) };
}
