// Pieces shared by the Kuramoto figures 2.8 and 2.9 (not exported from the library).
import { channelValue, tapProgress, type Frame } from '@qsync/frames';
import type { Complex } from '@qsync/linalg';
import type { OrderParameterModel, StochasticModel } from '@qsync/models';
import { longTimeAverage, meanWithError } from '@qsync/probes';
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

/** |z| of every realization in a frame's `z` channel. */
export function realizationModuli(frame: Frame): Float64Array {
  const z = channelValue(frame, 'z', 'array').data;
  return Float64Array.from({ length: z.length / 2 }, (_, r) => Math.hypot(z[2 * r], z[2 * r + 1]));
}

/**
 * Each realization's time average of |z| over the frames with t ≥ from (frames reduced to
 * `{ t, each }`, `each` from {@link realizationModuli}).
 */
export function lateRealizationMeans(frames: readonly { readonly t: number; readonly each: Float64Array }[], from: number): Float64Array {
  const late = frames.filter((f) => f.t >= from);
  if (late.length === 0) throw new Error(`lateRealizationMeans: no time at or after ${from}`);
  const out = new Float64Array(late[0].each.length);
  for (const f of late) for (let r = 0; r < out.length; r++) out[r] += f.each[r] / late.length;
  return out;
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

/** A band as three series of one colour: the mean, and mean ± std dashed (the thesis's shaded area). */
export function bandSeries(name: string, band: RealizationBand, color: string): FigureSeries[] {
  return [
    { name: `${name}: mean`, x: band.t, y: band.mean, color },
    { name: `${name}: mean + std`, x: band.t, y: band.mean.map((m, k) => m + band.std[k]), dashed: true, color },
    { name: `${name}: mean − std`, x: band.t, y: band.mean.map((m, k) => m - band.std[k]), dashed: true, color },
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

/** Batches of the batch-means errors of a sweep's long-time averages (see {@link orderSweep}). */
export const SWEEP_BATCHES = 8;

/** The long-time ⟨|z|⟩ of every coupling of a sweep at one N, with two kinds of standard error. */
export interface SweepRow {
  readonly N: number;
  readonly abs: Float64Array;
  /**
   * batch means over time of the realizations' mean |z| (`longTimeAverage`): right when the
   * realizations differ only by noise (ergodic), too small when each has its own frozen disorder
   */
  readonly errors: Float64Array;
  /**
   * the spread of the realizations' own long-time means over √realizations: right either way (the
   * realizations are independent), but from few values (NaN with one realization)
   */
  readonly realizationErrors: Float64Array;
}

/** What {@link orderSweep} runs: a model per (N, V) and how to integrate and average it. */
export interface OrderSweepSpec {
  readonly stage: string;
  readonly sizes: readonly number[];
  readonly couplings: Float64Array;
  readonly times: Float64Array;
  /** frames with t ≥ tStart enter the long-time average */
  readonly tStart: number;
  /** the seed of the first run; run k uses seed + k (disorder, initial phases and noise) */
  readonly seed: number;
  model(N: number, V: number, seed: number): StochasticModel;
  dt(V: number): number;
}

/**
 * Runs a `kuramoto` model at every size and coupling of the sweep and averages |z| over its
 * realizations and over the frames with t ≥ tStart (`longTimeAverage` of @qsync/probes, whose
 * batch-means standard error is kept). All runs fill one progress bar of `stage`.
 */
export async function orderSweep(ctx: FigureContext, spec: OrderSweepSpec): Promise<SweepRow[]> {
  const { couplings, times } = spec;
  const total = spec.sizes.length * couplings.length * times.length;
  const rows: SweepRow[] = [];
  let run = 0;
  for (const N of spec.sizes) {
    const abs = new Float64Array(couplings.length);
    const errors = new Float64Array(couplings.length);
    const realizationErrors = new Float64Array(couplings.length);
    for (const [j, V] of couplings.entries()) {
      const seed = spec.seed + run;
      const offset = run * times.length;
      const perFrame = await ctx.collect(spec.stage, (progress) =>
        spec
          .model(N, V, seed)
          .simulate(times, { noiseSeed: seed, dt: spec.dt(V) })
          .withProgress()
          .pipe(
            tapProgress((p) => progress({ done: offset + p.done, total })),
            map((f) => ({ t: f.t, r: channelValue(f, 'r', 'real').value, each: realizationModuli(f) })),
          ),
      );
      // 8 batches, not the default 32: a run keeps a few hundred samples, and 32 batches of a few
      // samples each are shorter than |z|'s correlation time near the threshold (the error came out
      // low by up to 2×; measured over seeds against the scatter of the means)
      const average = longTimeAverage(
        times,
        perFrame.map((f) => f.r),
        { tStart: spec.tStart, batches: SWEEP_BATCHES },
      );
      abs[j] = average.mean;
      errors[j] = average.standardError;
      const each = lateRealizationMeans(perFrame, spec.tStart);
      realizationErrors[j] = each.length > 1 ? meanWithError(each).standardError : Number.NaN;
      run++;
    }
    rows.push({ N, abs, errors, realizationErrors });
  }
  return rows;
}

/** The distinct sizes of a list of thesis sizes 2^k after scaling, in increasing order. */
export function scaledPowers(exponents: readonly number[], scaled: (exp: number) => number): number[] {
  return [...new Set(exponents.map(scaled))].sort((a, b) => a - b);
}
