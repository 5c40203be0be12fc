import type { Channel, Frame, Progress } from '@qsync/frames';
import { sdeSolve, type SdeMethod, type SdeSystem } from '@qsync/integrators';
import { createRng } from '@qsync/linalg';
import { defer, type Observable } from 'rxjs';

/** How a stochastic model is integrated: scheme, step, seed, progress. */
export interface SimulationConfig {
  /** SDE scheme (default: the model's `defaultMethod`) */
  method?: SdeMethod;
  /** time step > 0 (default: the model's `defaultDt`) */
  dt?: number;
  /** seed of the noise and of any random initial condition (integer, default 1) */
  seed?: number;
  /** initial state (default: the model's `initialState(seed)`) */
  y0?: Float64Array;
  progress?: (p: Progress) => void;
  yieldEvery?: number;
}

/**
 * A classical model of thesis Ch. 2 as a batched Itô SDE: many realizations (and many
 * oscillators) in one state vector, integrated by `@qsync/integrators`, observed through
 * named channels. `simulate` is a cold Observable of frames: tap a channel while it runs and
 * unsubscribe (e.g. `takeWhile`) to stop early.
 */
export interface StochasticModel {
  /** the thesis equation(s) the model implements, e.g. '2.8' */
  readonly equation: string;
  /** resolved parameters (defaults filled in) */
  readonly parameters: Readonly<Record<string, number>>;
  /** number of independent realizations held in the state */
  readonly realizations: number;
  readonly system: SdeSystem;
  /** the scheme used when `simulate` is not told otherwise, and why is in the model's doc */
  readonly defaultMethod: SdeMethod;
  readonly defaultDt: number;
  /** the model's initial condition (random ones drawn from `createRng(seed).split(0)`) */
  initialState(seed: number): Float64Array;
  /** channels of a frame at time t (`y` is the live state; channels hold copies) */
  observe(t: number, y: Float64Array): Record<string, Channel>;
  /** runs the model and emits a frame per time in `times` (the first is the initial time) */
  simulate(times: ArrayLike<number>, config?: SimulationConfig): Observable<Frame>;
}

/**
 * Builds `simulate` from a system and an observer: resolves method, step, seed and initial
 * state and hands them to `sdeSolve`.
 */
export function simulateWith(
  model: Omit<StochasticModel, 'simulate'>,
): (times: ArrayLike<number>, config?: SimulationConfig) => Observable<Frame> {
  return (times, config = {}) => {
    const seed = config.seed ?? 1;
    const y0 = config.y0 ?? model.initialState(seed);
    if (!(y0 instanceof Float64Array) || y0.length !== model.system.dim) {
      throw new Error(`simulate: option 'y0' must be a Float64Array of length ${model.system.dim}`);
    }
    const solve = () =>
      sdeSolve(model.system, y0, times, {
        method: config.method ?? model.defaultMethod,
        dt: config.dt ?? model.defaultDt,
        // initial conditions draw from stream 0 of the seed, the noise from stream 1
        rng: createRng(seed).split(1),
        observe: (t, y) => model.observe(t, y),
        ...(config.progress !== undefined ? { progress: config.progress } : {}),
        ...(config.yieldEvery !== undefined ? { yieldEvery: config.yieldEvery } : {}),
      });
    solve(); // validates now, so bad options fail at the call
    // a fresh generator per subscription: every subscriber sees the same realization
    return defer(solve);
  };
}
