import type { Channel, ChunkedObservable, Frame } from '@qsync/frames';
import { sdeSolve, type SdeMethod, type SdeSystem } from '@qsync/integrators';

/** How a stochastic model is integrated: scheme, step, noise seed, time-slice budget. */
export interface SimulationConfig {
  /** SDE scheme (default: the model's `defaultMethod`) */
  method?: SdeMethod;
  /** time step > 0 (default: the model's `defaultDt`) */
  dt?: number;
  /**
   * seed of this run's randomness (integer, default 1): the noise paths, drawn from stream 1
   * of it, and any random initial condition, from stream 0. Quenched disorder (the Kuramoto
   * models' frequencies) has its own seed, the model's `disorderSeed`.
   */
  noiseSeed?: number;
  /** initial state (default: the model's `initialState(noiseSeed)`) */
  y0?: Float64Array;
  /** wall-clock budget (ms) of one slice of work before yielding to the event loop (default 16) */
  yieldEvery?: number;
}

/**
 * A classical model of thesis Ch. 2 as a batched Itô SDE: many realizations (and many
 * oscillators) in one state vector, integrated by `@qsync/integrators`, observed through
 * named channels. `simulate` is a cold Observable of frames: tap a channel while it runs and
 * unsubscribe (e.g. `takeWhile`) to stop early; `simulate(…).withProgress()` adds the progress
 * of each subscription (time steps; read it with `tapProgress` of @qsync/frames).
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
  /** the model's initial condition (random ones drawn from `createRng(noiseSeed).split(0)`) */
  initialState(noiseSeed: number): Float64Array;
  /** channels of a frame at time t (`y` is the live state; channels hold copies) */
  observe(t: number, y: Float64Array): Record<string, Channel>;
  /** runs the model and emits a frame per time in `times` (the first is the initial time) */
  simulate(times: ArrayLike<number>, config?: SimulationConfig): ChunkedObservable<Frame>;
}

const OPTIONS = ['method', 'dt', 'noiseSeed', 'y0', 'yieldEvery'];

/**
 * Builds `simulate` from a system and an observer: resolves method, step, noise seed and initial
 * state and hands them to `sdeSolve`, which checks them at the call without allocating and builds
 * the initial state and one stepper per subscription. Every subscription replays the same run: the noise comes from
 * stream 1 of `noiseSeed`, drawn afresh by each subscription's stepper.
 */
export function simulateWith(
  model: Omit<StochasticModel, 'simulate'>,
): (times: ArrayLike<number>, config?: SimulationConfig) => ChunkedObservable<Frame> {
  return (times, config = {}) => {
    if (config === null || typeof config !== 'object') {
      throw new Error(`simulate: options must be an object { ${OPTIONS.join(', ')} }`);
    }
    for (const name of Object.keys(config)) {
      if (!OPTIONS.includes(name)) throw new Error(`simulate: unknown option '${name}' (known: ${OPTIONS.join(', ')})`);
    }
    const noiseSeed = config.noiseSeed ?? 1;
    if (!Number.isSafeInteger(noiseSeed)) {
      throw new Error(`simulate: option 'noiseSeed' must be an integer, got ${String(noiseSeed)}`);
    }
    if (config.y0 !== undefined && (!(config.y0 instanceof Float64Array) || config.y0.length !== model.system.dim)) {
      throw new Error(`simulate: option 'y0' must be a Float64Array of length ${model.system.dim}`);
    }
    // the model's own initial state is built by each subscription, so that a call allocates
    // nothing of the state's size (it is 2^25 doubles at the Kuramoto size limit)
    const y0 = config.y0 ?? (() => model.initialState(noiseSeed));
    return sdeSolve(model.system, y0, times, {
      method: config.method ?? model.defaultMethod,
      dt: config.dt ?? model.defaultDt,
      // initial conditions draw from stream 0 of the seed, the noise from stream 1
      noiseSeed,
      noiseStream: 1,
      observe: (t, y) => model.observe(t, y),
      ...(config.yieldEvery !== undefined ? { yieldEvery: config.yieldEvery } : {}),
    });
  };
}
