import type { Rng } from '@qsync/linalg';
import type { OdeRhs } from './ode-types';

/**
 * The noise term of an Itô SDE with diagonal noise, dy_i = f_i(y, t) dt + g_i(y, t) dW_i:
 * every component i has its own independent Wiener process W_i.
 *
 * - `additive`: g_i does not depend on y or t; `amplitude` is one g for all components or
 *   one per component (0 = no noise on that component).
 * - `diagonal`: `diffusion(out, y, t)` writes g_i(y, t). Milstein also needs
 *   `diffusionDerivative(out, y, t)` writing ∂g_i/∂y_i; give it only when g_i depends on
 *   y_i alone (then the noise is commutative and Milstein needs no Lévy areas).
 */
export type SdeNoise =
  | { readonly kind: 'additive'; readonly amplitude: number | Float64Array }
  | { readonly kind: 'diagonal'; readonly diffusion: OdeRhs; readonly diffusionDerivative?: OdeRhs };

/**
 * An Itô SDE dy = f(y, t) dt + g(y, t) dW on a flat state vector. Many oscillators and many
 * realizations are one system: the drift works on the whole batch at once (e.g. layout
 * [realization][oscillator]), so a time step is a few loops over typed arrays.
 */
export interface SdeSystem {
  /** length of the state vector */
  readonly dim: number;
  /** f as `drift(out, y, t)` (work arrays are reused: read y, write all of out, keep neither) */
  readonly drift: OdeRhs;
  readonly noise: SdeNoise;
}

/** The SDE schemes of {@link createSdeStepper}. */
export type SdeMethod = 'euler-maruyama' | 'milstein' | 'sra';

/**
 * Writes the Wiener increments of one step of length h into `dW` (ΔW_i ~ N(0, h)) and, when
 * `dZ` is not null, the iterated integrals ΔZ_i = ∫ (W_i(s) − W_i(t)) ds over the step
 * (needed by order-1.5 schemes; jointly Gaussian with ΔW_i, Var ΔZ = h³/3, Cov = h²/2).
 */
export type WienerIncrements = (dW: Float64Array, dZ: Float64Array | null, h: number) => void;

/** Options of {@link createSdeStepper}. */
export interface SdeStepperConfig {
  /** scheme (default 'euler-maruyama') */
  method?: SdeMethod;
  /** step size > 0 in the model's time unit */
  dt: number;
  /**
   * seed of the noise (integer): increments from `createRng(noiseSeed)`, fresh for every stepper
   * (so every run with this seed draws the same path); ignored when `rng` or `increments` is given
   */
  noiseSeed?: number;
  /** with `noiseSeed`: draw from its stream k, `createRng(noiseSeed).split(k)` (integer ≥ 0) */
  noiseStream?: number;
  /** a generator to draw the noise from (e.g. `createRng(seed).split(k)`) */
  rng?: Rng;
  /** custom source of Wiener increments, e.g. a Brownian path shared with a reference solution */
  increments?: WienerIncrements;
}

/** Work counters of an SDE stepper, updated in place. */
export interface SdeStats {
  steps: number;
  driftEvaluations: number;
}

/**
 * A fixed-step SDE integrator advanced piece by piece: `advanceTo(tOut)` steps from the current
 * time to tOut (the last step shortened to land on tOut). `y` is the live state: read it
 * between calls, do not keep or write it.
 */
export interface SdeStepper {
  readonly dim: number;
  /** time reached */
  readonly t: number;
  readonly y: Float64Array;
  readonly stats: Readonly<SdeStats>;
  /**
   * Steps toward `tOut` (finite, ≥ t). With `maxSteps` (≥ 1, default ∞) it stops after that many
   * steps, possibly before tOut (check `t`); the next call continues on the same time grid, so
   * the path does not depend on how the run is cut into calls.
   */
  advanceTo(tOut: number, maxSteps?: number): void;
}
