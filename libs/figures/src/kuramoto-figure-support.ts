// Pieces shared by the Kuramoto figures 2.8 and 2.9 (not exported from the library).
import { channelValue, type Frame } from '@qsync/frames';
import type { Complex } from '@qsync/linalg';
import type { OrderParameterModel, StochasticModel } from '@qsync/models';
import { longTimeAverage } from '@qsync/probes';
import { map } from 'rxjs';
import type { FigureContext } from './figure-stream';
import type { FigureSeries } from './figure-types';

/** Mean and standard deviation over realizations of a quantity, one value per time. */
export interface RealizationBand {
  readonly t: Float64Array;
  readonly mean: Float64Array;
  readonly std: Float64Array;
}

/**
 * Mean and population standard deviation √(⟨x²⟩ − ⟨x⟩²) over realizations of |z| at every
 * frame, from the complex per-realization channel `z` of a `kuramoto` model (the caption's
 * "line (shaded area)": mean (standard deviation) of the realizations).
 */
export function orderBand(frames: readonly Frame[]): RealizationBand {
  const t = new Float64Array(frames.length);
  const mean = new Float64Array(frames.length);
  const std = new Float64Array(frames.length);
  for (const [k, frame] of frames.entries()) {
    const z = channelValue(frame, 'z', 'array').data;
    const n = z.length / 2;
    let s = 0;
    let s2 = 0;
    for (let r = 0; r < n; r++) {
      const a = Math.hypot(z[2 * r], z[2 * r + 1]);
      s += a;
      s2 += a * a;
    }
    t[k] = frame.t;
    mean[k] = s / n;
    std[k] = Math.sqrt(Math.max(0, s2 / n - mean[k] ** 2));
  }
  return { t, mean, std };
}

/** The per-realization z of a frame's `z` channel. */
export function realizationOrders(frame: Frame): Complex[] {
  const z = channelValue(frame, 'z', 'array').data;
  return Array.from({ length: z.length / 2 }, (_, r) => ({ re: z[2 * r], im: z[2 * r + 1] }));
}

/**
 * The order-parameter equation (Ott–Antonsen 2.43 or reduced 2.51) started from each
 * realization's z0, in closed form (`exact`), as mean and standard deviation of |z| over the
 * realizations at the times `t`.
 */
export function closedFormBand(model: OrderParameterModel, z0s: readonly Complex[], t: Float64Array): RealizationBand {
  const mean = new Float64Array(t.length);
  const std = new Float64Array(t.length);
  for (let k = 0; k < t.length; k++) {
    let s = 0;
    let s2 = 0;
    for (const z0 of z0s) {
      const z = model.exact(t[k] - t[0], z0);
      const a = Math.hypot(z.re, z.im);
      s += a;
      s2 += a * a;
    }
    mean[k] = s / z0s.length;
    std[k] = Math.sqrt(Math.max(0, s2 / z0s.length - mean[k] ** 2));
  }
  return { t, mean, std };
}

/** A band as three series: the mean, and mean ± std dashed (the thesis's shaded area). */
export function bandSeries(name: string, band: RealizationBand): FigureSeries[] {
  return [
    { name: `${name}: mean`, x: band.t, y: band.mean },
    { name: `${name}: mean + std`, x: band.t, y: band.mean.map((m, k) => m + band.std[k]), dashed: true },
    { name: `${name}: mean − std`, x: band.t, y: band.mean.map((m, k) => m - band.std[k]), dashed: true },
  ];
}

/** Mean of `values` over the entries whose time is ≥ from. */
export function lateMean(t: ArrayLike<number>, values: ArrayLike<number>, from: number): number {
  let s = 0;
  let n = 0;
  for (let k = 0; k < t.length; k++) {
    if (t[k] < from) continue;
    s += values[k];
    n++;
  }
  if (n === 0) throw new Error(`lateMean: no time at or after ${from}`);
  return s / n;
}

/** The long-time order parameter of a run: ⟨|z|⟩ over realizations and late times, with its error. */
export interface LongTimeOrder {
  /** ⟨|z|⟩ */
  readonly abs: number;
  /** batch-means standard error of `abs` over the kept times (realizations averaged first) */
  readonly absError: number;
}

/**
 * Runs `model` (a `kuramoto` model) at `times` and averages |z| over its realizations and over
 * the frames with t ≥ tStart (`longTimeAverage` of @qsync/probes). Progress goes to `stage` as
 * `offset + done` of `total`, so that the runs of a sweep fill one bar.
 */
export async function longTimeOrder(
  ctx: FigureContext,
  stage: string,
  model: StochasticModel,
  times: Float64Array,
  sim: { seed: number; dt: number; tStart: number },
  bar: { offset: number; total: number },
): Promise<LongTimeOrder> {
  const perFrame = await ctx.collect(stage, (progress) =>
    model
      .simulate(times, {
        seed: sim.seed,
        dt: sim.dt,
        progress: (p) => progress({ done: bar.offset + p.done, total: bar.total }),
      })
      .pipe(map((f) => channelValue(f, 'r', 'real').value)),
  );
  const average = longTimeAverage(times, perFrame, { tStart: sim.tStart });
  return { abs: average.mean, absError: average.standardError };
}

/** The distinct sizes of a list of thesis sizes 2^k after scaling, in increasing order. */
export function scaledPowers(exponents: readonly number[], scaled: (exp: number) => number): number[] {
  return [...new Set(exponents.map(scaled))].sort((a, b) => a - b);
}
