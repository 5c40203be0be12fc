// Test support for the classical models' specs (not exported from the library).
import { channelValue, type Frame } from '@qsync/frames';
import { lastValueFrom, toArray } from 'rxjs';
import type { SimulationConfig, StochasticModel } from '../stochastic-model';

/** All frames of a run, in order. */
export function collect(
  model: StochasticModel,
  times: ArrayLike<number>,
  config: SimulationConfig = {},
): Promise<Frame[]> {
  return lastValueFrom(model.simulate(times, config).pipe(toArray()));
}

/** The data of an array channel. */
export function arrayOf(frame: Frame, name: string): Float64Array {
  return channelValue(frame, name, 'array').data;
}

/** 0, step, 2·step, …, up to and including `end`. */
export function grid(end: number, step: number): number[] {
  const k = Math.round(end / step);
  return Array.from({ length: k + 1 }, (_, i) => i * step);
}

/** Sample mean and (unbiased) variance. */
export function meanVar(xs: ArrayLike<number>): { mean: number; variance: number } {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  const mean = s / xs.length;
  let v = 0;
  for (let i = 0; i < xs.length; i++) v += (xs[i] - mean) ** 2;
  return { mean, variance: v / (xs.length - 1) };
}
