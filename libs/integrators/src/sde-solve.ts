import { arrayChannel, chunkedObservable } from '@qsync/frames';
import type { Channel, ChunkedObservable, Frame } from '@qsync/frames';
import { checkSdeStepperArguments, SDE_STEPPER_OPTIONS } from './check-sde-stepper-arguments';
import { createSdeStepper } from './create-sde-stepper';
import { stepsBetween } from './sde-grid';
import type { SdeStepperConfig, SdeSystem } from './sde-types';

/** Options of {@link sdeSolve}: the stepper's options plus what to emit and the time-slice budget. */
export interface SdeSolveConfig extends SdeStepperConfig {
  /**
   * Reads the channels of one frame off the state at time t (`y` is the live state: copy what
   * you keep). Default: `{ y: a copy of y as a real array channel }`.
   */
  observe?: (t: number, y: Float64Array) => Record<string, Channel>;
  /** Wall-clock budget (ms) of one slice of work before yielding to the event loop (default 16). */
  yieldEvery?: number;
}

/**
 * Work per chunk, in state entries × steps. An Euler–Maruyama component-step costs ~50 ns
 * (3/4 of it the Gaussian draw; SRA twice that), so a chunk takes ~2–3 ms; dim ≥ 2^15 gives
 * one step per chunk.
 */
const CHUNK_WORK = 1 << 15;

const FN = 'sdeSolve';
const OPTIONS = [...SDE_STEPPER_OPTIONS, 'observe', 'yieldEvery'];

/**
 * Integrates an Itô SDE (see {@link createSdeStepper}) and emits one frame per requested time as
 * a cold Observable: nothing runs until subscribed; with a `noiseSeed`, every subscription replays
 * the same realization of the noise (the same seed gives the same frames, bit for bit, and the
 * same states as a stepper with that seed advanced to the same times); an `rng` or `increments`
 * source is shared and so continues where the last subscription left it. The call checks its
 * arguments without allocating; each subscription builds one stepper (its work arrays are the
 * run's memory), which is dropped when the run ends or is unsubscribed. The work runs in slices that
 * yield to the event loop, and unsubscribing stops it (no step runs after the frame that made the
 * subscriber leave) — so a consumer can watch a channel and stop early with `takeWhile`.
 *
 * Output times need not be multiples of dt: the step before each is shortened to land on it and
 * the grid restarts there. Progress, per subscription, comes with `withProgress()` (read it with
 * `tapProgress` of @qsync/frames): it counts time steps, `total` is their exact number.
 *
 * @param system - drift, noise, dimension
 * @param y0 - initial state (copied at the call), or a function that builds it, called by each
 *   subscription (nothing of the state's size is then allocated at the call; a state of the wrong
 *   length or with a non-finite entry is then an error of the subscription)
 * @param times - output times, finite, non-decreasing; the first is the initial time
 * @param config - scheme, step, noise source, `observe`, `yieldEvery`
 * @returns a ChunkedObservable of frames (`withProgress()` adds this subscription's progress)
 * @throws Error naming the parameter for bad times, observe, yieldEvery, an unknown
 *   option and everything {@link createSdeStepper} refuses (at the call, not at subscription)
 * @example
 * const decay: SdeSystem = { dim: 1, drift: (out, y) => { out[0] = -y[0]; }, noise: { kind: 'additive', amplitude: 0 } };
 * const frames = await lastValueFrom(sdeSolve(decay, new Float64Array([1]), [0, 1], { dt: 1e-3, noiseSeed: 1 }).pipe(toArray()));
 * (frames[1].channels.y as ArrayChannel).data[0]; // → 0.36769542477096373  (= 0.999^1000 ≈ e^{-1})
 */
export function sdeSolve(
  system: SdeSystem,
  y0: Float64Array | (() => Float64Array),
  times: ArrayLike<number>,
  config: SdeSolveConfig,
): ChunkedObservable<Frame> {
  if (times === null || typeof times !== 'object' || !(times.length >= 1)) {
    throw new Error(`${FN}: 'times' must hold at least one time`);
  }
  for (let k = 0; k < times.length; k++) {
    if (!Number.isFinite(times[k])) throw new Error(`${FN}: 'times[${k}]' must be finite, got ${times[k]}`);
    if (k > 0 && times[k] < times[k - 1]) {
      throw new Error(`${FN}: 'times' must be non-decreasing, but times[${k}] = ${times[k]} < times[${k - 1}] = ${times[k - 1]}`);
    }
  }
  const t = Float64Array.from(times);
  // check now, so bad input fails at the call, not at subscription, and allocate nothing of the
  // state's size: the one stepper of a run is built when it is subscribed
  const build = typeof y0 === 'function';
  checkSdeStepperArguments(FN, system, build ? null : y0, t[0], config, OPTIONS);
  if (config.observe !== undefined && typeof config.observe !== 'function') {
    throw new Error(`${FN}: option 'observe' must be a function (t, y) => channels`);
  }
  const start = build ? null : Float64Array.from(y0);
  // the stepper gets its own options only (it refuses names it does not know)
  const stepperConfig = Object.fromEntries(
    SDE_STEPPER_OPTIONS.filter((name) => config[name] !== undefined).map((name) => [name, config[name]]),
  ) as unknown as SdeStepperConfig;
  const dt = config.dt;
  const observe = config.observe ?? ((_t: number, y: Float64Array) => ({ y: arrayChannel(Float64Array.from(y), [y.length]) }));
  let steps = 0;
  for (let k = 1; k < t.length; k++) steps += stepsBetween(t[k - 1], t[k], dt);
  const total = Math.max(1, steps);
  const chunkSteps = Math.max(1, Math.floor(CHUNK_WORK / system.dim));

  return chunkedObservable<Frame>(
    function* (ctx) {
      // a fresh stepper per subscription: with a seed, every subscriber sees the same realization
      const stepper = createSdeStepper(system, start ?? (y0 as () => Float64Array)(), t[0], stepperConfig);
      let budget = chunkSteps;
      for (let k = 0; k < t.length; k++) {
        while (stepper.t < t[k]) {
          const before = stepper.stats.steps;
          stepper.advanceTo(t[k], budget);
          budget -= stepper.stats.steps - before;
          if (budget <= 0) {
            yield { done: stepper.stats.steps, total };
            budget = chunkSteps;
          }
        }
        ctx.emit({ t: t[k], channels: observe(t[k], stepper.y) });
        if (ctx.closed) return; // the subscriber left on this frame: take no further step
      }
      yield { done: total, total };
    },
    config.yieldEvery !== undefined ? { yieldEvery: config.yieldEvery } : {},
  );
}
