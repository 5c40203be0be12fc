import { arrayChannel, chunkedObservable } from '@qsync/frames';
import type { Channel, Frame, Progress } from '@qsync/frames';
import type { Observable } from 'rxjs';
import { createSdeStepper } from './create-sde-stepper';
import type { SdeStepperConfig, SdeSystem } from './sde-types';

/** Options of {@link sdeSolve}: the stepper's options plus what to emit and how to report progress. */
export interface SdeSolveConfig extends SdeStepperConfig {
  /**
   * Reads the channels of one frame off the state at time t (`y` is the live state: copy what
   * you keep). Default: `{ y: a copy of y as a real array channel }`.
   */
  observe?: (t: number, y: Float64Array) => Record<string, Channel>;
  /** Called with {done, total} time steps as the run goes on. */
  progress?: (p: Progress) => void;
  /** Wall-clock budget (ms) of one slice of work before yielding to the event loop (default 16). */
  yieldEvery?: number;
}

/** Work per chunk, in state entries × steps: small enough that a chunk takes well under a millisecond or so. */
const CHUNK_WORK = 1 << 18;

/**
 * Integrates an Itô SDE (see {@link createSdeStepper}) and emits one frame per requested time as
 * a cold Observable: nothing runs until subscribed; with a `seed`, every subscription replays the
 * same realization of the noise (the same seed gives the same frames, bit for bit; an `rng` or
 * `increments` source is shared and so continues where the last subscription left it); the work runs
 * in slices that yield to the event loop, and unsubscribing stops it — so a consumer can watch a
 * channel and stop early with `takeWhile`.
 *
 * @param system - drift, noise, dimension
 * @param y0 - initial state
 * @param times - output times, finite, non-decreasing; the first is the initial time
 * @param config - scheme, step, noise source, `observe`, progress
 * @example
 * const decay = { dim: 1, drift: (out, y) => { out[0] = -y[0]; }, noise: { kind: 'additive', amplitude: 0 } } as const;
 * sdeSolve(decay, new Float64Array([1]), [0, 1], { dt: 1e-3, seed: 1 })
 *   .subscribe((f) => console.log(f.t, f.channels.y)); // y(1) ≈ e^{-1}
 */
export function sdeSolve(
  system: SdeSystem,
  y0: Float64Array,
  times: ArrayLike<number>,
  config: SdeSolveConfig,
): Observable<Frame> {
  if (times.length < 1) throw new Error("sdeSolve: 'times' must hold at least one time");
  for (let k = 0; k < times.length; k++) {
    if (!Number.isFinite(times[k])) throw new Error(`sdeSolve: 'times[${k}]' must be finite, got ${times[k]}`);
    if (k > 0 && times[k] < times[k - 1]) {
      throw new Error(`sdeSolve: 'times' must be non-decreasing, but times[${k}] = ${times[k]} < times[${k - 1}] = ${times[k - 1]}`);
    }
  }
  const t = Float64Array.from(times);
  // validate now, so bad input fails at the call, not at subscription
  createSdeStepper(system, y0, t[0], config);
  const observe = config.observe ?? ((_t: number, y: Float64Array) => ({ y: arrayChannel(Float64Array.from(y), [y.length]) }));
  const totalSteps = Math.max(1, Math.ceil((t[t.length - 1] - t[0]) / config.dt - 1e-9));
  const chunkSteps = Math.max(1, Math.floor(CHUNK_WORK / system.dim));

  return chunkedObservable<Frame>(
    function* (ctx) {
      // a fresh stepper per subscription: every subscriber sees the same realization
      const stepper = createSdeStepper(system, y0, t[0], config);
      for (let k = 0; k < t.length; k++) {
        while (stepper.t < t[k]) {
          const target = stepper.t + chunkSteps * config.dt;
          // no sliver step: a target within 1e-10·dt of the output time is the output time
          stepper.advanceTo(target >= t[k] - 1e-10 * config.dt ? t[k] : target);
          yield { done: Math.min(stepper.stats.steps, totalSteps), total: totalSteps };
        }
        ctx.emit({ t: t[k], channels: observe(t[k], stepper.y) });
      }
      yield { done: totalSteps, total: totalSteps };
    },
    {
      ...(config.progress !== undefined ? { progress: config.progress } : {}),
      ...(config.yieldEvery !== undefined ? { yieldEvery: config.yieldEvery } : {}),
    },
  );
}
