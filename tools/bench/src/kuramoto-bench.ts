import { createSdeStepper } from '@qsync/integrators';
import { createRng } from '@qsync/linalg';
import { kuramoto, phaseFactorsInto } from '@qsync/models';
import { lastValueFrom } from 'rxjs';

/** The Kuramoto benchmark problem; python/kuramoto_bench.py uses the same numbers. */
export const KURAMOTO_BENCH_PARAMS = { V: 1.5, G: 0.5, sigma: 0.5, dt: 0.01 } as const;

/** qsync's Euler–Maruyama throughput on Eq. (2.29) at one N (one realization). */
export interface KuramotoQsyncCase {
  readonly N: number;
  readonly steps: number;
  readonly reps: number;
  /** one step of `createSdeStepper(model.system, …, { method: 'euler-maruyama' })`, µs (fastest run) */
  readonly step_us: number;
  readonly steps_per_second: number;
  /** one `model.system.drift` call alone, µs (cos/sin + mean field + drift) */
  readonly drift_us: number;
  /** `phaseFactorsInto` alone (cos, sin and their sums in JavaScript; the drift uses its WebAssembly form), µs */
  readonly trig_us: number;
  /** N normals by `rng.fillNormalZigguratInto`, the draw the stepper makes per step, µs */
  readonly normals_us: number;
  /** N normals by the polar method (`rng.fillGaussianInto`), for reference, µs */
  readonly normals_polar_us: number;
  /** step − drift − normals: scaling ΔW, the update, the blow-up check, µs */
  readonly rest_us: number;
  /** the same steps through `model.simulate` (Observable, chunks, one frame at the end), steps/s */
  readonly simulate_steps_per_second: number;
  /** |z| after the timed runs (a sanity value, not compared) */
  readonly final_r: number;
  /** the timed stepper's time after the warm-up and the timed runs: (50 + reps·steps)·dt */
  readonly t_end: number;
}

/** Options of {@link benchKuramotoQsync}. */
export interface BenchKuramotoConfig {
  /** steps per timed run (default 400) */
  steps?: number;
  /** timed runs; the fastest counts (default 5) */
  reps?: number;
}

/**
 * Times qsync's Euler–Maruyama step of the Kuramoto model with noise and disorder
 * (V = 1.5, G = 0.5, σ = 0.5, dt = 0.01; N oscillators, one realization), and its parts:
 * the drift alone, cos + sin alone, the N normals alone (ziggurat, as the stepper draws them; the
 * polar method for reference), the rest. Every part is the fastest of `reps` runs of
 * `steps` calls after a warm-up, the same protocol as python/kuramoto_bench.py.
 *
 * @param N - oscillators (≥ 1)
 * @param config - steps per run, runs
 * @example
 * const c = await benchKuramotoQsync(1024, { steps: 20, reps: 1 });
 * c.steps_per_second; // > 0 — about 1300 at N = 16384 on a 2-core VM
 * c.final_r; // < 1
 */
export async function benchKuramotoQsync(N: number, config: BenchKuramotoConfig = {}): Promise<KuramotoQsyncCase> {
  const steps = config.steps ?? 400;
  const reps = config.reps ?? 5;
  if (!(Number.isInteger(N) && N >= 1)) throw new Error(`benchKuramotoQsync: argument 'N' must be an integer ≥ 1, got ${N}`);
  if (!(Number.isInteger(steps) && steps >= 1)) throw new Error(`benchKuramotoQsync: option 'steps' must be an integer ≥ 1, got ${steps}`);
  if (!(Number.isInteger(reps) && reps >= 1)) throw new Error(`benchKuramotoQsync: option 'reps' must be an integer ≥ 1, got ${reps}`);
  const { V, G, sigma, dt } = KURAMOTO_BENCH_PARAMS;
  const model = kuramoto({ N, V, G, sigma });
  const y0 = model.initialState(1);
  const stepper = createSdeStepper(model.system, y0, 0, { method: 'euler-maruyama', dt, rng: createRng(1).split(1) });
  const best = (run: () => void): number => {
    let t = Infinity;
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      run();
      t = Math.min(t, performance.now() - t0);
    }
    return (t * 1e3) / steps; // µs per step
  };

  stepper.advanceTo(50 * dt); // warm-up: V8 optimises the drift and the stepper
  const step_us = best(() => stepper.advanceTo(stepper.t + steps * dt));

  const out = new Float64Array(N);
  const y = Float64Array.from(stepper.y);
  for (let k = 0; k < 50; k++) model.system.drift(out, y, 0);
  const drift_us = best(() => {
    for (let k = 0; k < steps; k++) model.system.drift(out, y, 0);
  });

  const c = new Float64Array(N);
  const sn = new Float64Array(N);
  const sums = new Float64Array(2);
  for (let k = 0; k < 50; k++) phaseFactorsInto(c, sn, y, 0, N, sums);
  const trig_us = best(() => {
    for (let k = 0; k < steps; k++) phaseFactorsInto(c, sn, y, 0, N, sums);
  });

  const rng = createRng(2);
  const dW = new Float64Array(N);
  for (let k = 0; k < 50; k++) rng.fillNormalZigguratInto(dW);
  const normals_us = best(() => {
    for (let k = 0; k < steps; k++) rng.fillNormalZigguratInto(dW);
  });
  for (let k = 0; k < 50; k++) rng.fillGaussianInto(dW);
  const normals_polar_us = best(() => {
    for (let k = 0; k < steps; k++) rng.fillGaussianInto(dW);
  });

  // the whole path a user takes: simulate → sdeSolve → chunks → one frame at the end
  let simulate_s = Infinity;
  const times = [0, steps * dt];
  await lastValueFrom(model.simulate([0, 50 * dt], { method: 'euler-maruyama', dt, noiseSeed: 1 }));
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    await lastValueFrom(model.simulate(times, { method: 'euler-maruyama', dt, noiseSeed: 1, yieldEvery: 1e9 }));
    simulate_s = Math.min(simulate_s, (performance.now() - t0) / 1e3);
  }

  let re = 0;
  let im = 0;
  for (let i = 0; i < N; i++) {
    re += Math.cos(stepper.y[i]);
    im += Math.sin(stepper.y[i]);
  }
  return {
    N,
    steps,
    reps,
    step_us,
    steps_per_second: 1e6 / step_us,
    drift_us,
    trig_us,
    normals_us,
    normals_polar_us,
    rest_us: Math.max(0, step_us - drift_us - normals_us),
    simulate_steps_per_second: steps / simulate_s,
    final_r: Math.hypot(re, im) / N,
    t_end: stepper.t,
  };
}
