import { chunkedObservable, type Channel, type ChunkedObservable, type Frame } from '@qsync/frames';
import { createDormandPrince, type OdeRhs } from '@qsync/integrators';

/** Steps per piece of a long output interval between yields to the event loop. */
const STEPS_PER_CHUNK = 64;
/** Step attempts allowed between two output times (the stepper's default maxSteps per call). */
const MAX_STEPS_PER_INTERVAL = 100_000;

/** Options of {@link OdeModel.simulate}. */
export interface OdeSimulationConfig {
  /** The state at times[0] (default: the model's `initialState()`), of the model's dimension. */
  y0?: ArrayLike<number>;
  /** Dormand–Prince tolerances (defaults 1e-10, 1e-12: the systems are small, accuracy is cheap). */
  rtol?: number;
  atol?: number;
  /** Wall-clock budget (ms) of one slice of work before yielding to the event loop (default 16). */
  yieldEvery?: number;
}

/**
 * A deterministic equation of motion ẏ = f(y) of a few expectation values (mean-field and
 * cumulant equations, Eqs. 4.54, 4.58; the order-parameter equations 2.43, 2.51 have this shape
 * too): the right-hand side, the initial state, named channels of a state, and a stream of frames
 * integrated by Dormand–Prince.
 */
export interface OdeModel {
  /** The thesis equation, e.g. '4.54'. */
  readonly equation: string;
  /** Resolved parameters (defaults filled in). */
  readonly parameters: Readonly<Record<string, number>>;
  /** f(y) as `rhs(out, y)`. */
  readonly rhs: OdeRhs;
  /** A fresh copy of the model's initial state. */
  initialState(): Float64Array;
  /** The named channels of the state y at time t. */
  observe(t: number, y: Float64Array): Record<string, Channel>;
  /** Integrates with Dormand–Prince and emits a frame per time in `times` (the first is the initial time). */
  simulate(times: ArrayLike<number>, config?: OdeSimulationConfig): ChunkedObservable<Frame>;
}

/** What distinguishes one {@link OdeModel} from another (internal to the models). */
export interface OdeModelSpec {
  readonly fn: string;
  readonly equation: string;
  readonly parameters: Readonly<Record<string, number>>;
  readonly rhs: OdeRhs;
  readonly y0: Float64Array;
  readonly observe: (t: number, y: Float64Array) => Record<string, Channel>;
}

/**
 * Builds an {@link OdeModel}: checks `simulate`'s times and options at the call, integrates per
 * subscription, and yields to the event loop inside long output intervals too (every ~64 steps).
 */
export function createOdeModel(spec: OdeModelSpec): OdeModel {
  const { fn, rhs, observe } = spec;
  const dim = spec.y0.length;
  const simulate = (times: ArrayLike<number>, config: OdeSimulationConfig = {}): ChunkedObservable<Frame> => {
    const y0 = Float64Array.from(config.y0 ?? spec.y0);
    if (y0.length !== dim || !y0.every(Number.isFinite)) {
      throw new Error(`${fn}: simulate: 'y0' must hold ${dim} finite numbers, got ${config.y0 === undefined ? '' : Array.from(config.y0).join(', ')}`);
    }
    if (times.length < 1) throw new Error(`${fn}: simulate: 'times' must hold at least one time`);
    const t = Float64Array.from(times);
    for (let k = 0; k < t.length; k++) {
      if (!Number.isFinite(t[k]) || (k > 0 && !(t[k] >= t[k - 1]))) {
        throw new Error(`${fn}: simulate: 'times' must be finite and non-decreasing, got times[${k}] = ${t[k]}`);
      }
    }
    const tolerances = { rtol: config.rtol ?? 1e-10, atol: config.atol ?? 1e-12 };
    createDormandPrince(rhs, y0, t[0], tolerances); // validates the tolerances now
    return chunkedObservable<Frame>(
      function* (ctx) {
        const stepper = createDormandPrince(rhs, y0, t[0], { ...tolerances, tStop: t[t.length - 1] });
        const y = Float64Array.from(y0);
        for (let k = 0; k < t.length; k++) {
          // a long interval is crossed in pieces of about STEPS_PER_CHUNK steps, yielding after each, so
          // one interval never blocks the event loop; output comes from the continuous extension, so
          // the intermediate targets leave the steps (and the results) unchanged
          const attempts0 = stepper.stats.steps + stepper.stats.rejected;
          while (k > 0 && stepper.t < t[k]) {
            // the stepper's maxSteps bounds one advanceTo call; keep that bound per output interval
            if (stepper.stats.steps + stepper.stats.rejected - attempts0 > MAX_STEPS_PER_INTERVAL) {
              throw new Error(
                `${fn}: simulate: more than ${MAX_STEPS_PER_INTERVAL} step attempts between times[${k - 1}] = ${t[k - 1]} and times[${k}] = ${t[k]}, stuck at t = ${stepper.t} (stiff, or tolerances too tight?)`,
              );
            }
            const piece = stepper.t + STEPS_PER_CHUNK * stepper.h; // not past t[k], and never stuck at stepper.t
            stepper.advanceTo(piece > stepper.t && piece < t[k] ? piece : t[k], y);
            if (stepper.t < t[k]) yield;
          }
          if (k > 0 && t[k] > t[k - 1]) stepper.advanceTo(t[k], y);
          ctx.emit({ t: t[k], channels: observe(t[k], y) });
          yield { done: k + 1, total: t.length };
        }
      },
      config.yieldEvery !== undefined ? { yieldEvery: config.yieldEvery } : {},
    );
  };
  return {
    equation: spec.equation,
    parameters: spec.parameters,
    rhs,
    initialState: () => Float64Array.from(spec.y0),
    observe,
    simulate,
  };
}
