// A trajectory task for trajectoryEnsemble: one heterodyne trajectory of the quantum vdP
// oscillator of Fig. 4.1 (see measurementVdpModel); the conditional ⟨a⟩ per sample.
import { createDiffusiveTrajectories } from '@qsync/unravelers';
import type { DiffusiveTrajectories, SmeMethod, TrajectoryColumns } from '@qsync/unravelers';
import { measurementVdpModel } from './measurement-vdp-model';

/** The module's URL, as `trajectoryEnsemble` wants it (`task.module`). */
export const measurementVdpTask = new URL(import.meta.url).href;

/** One heterodyne vdP run: cutoff, step, steps per sample, samples, scheme. */
export interface MeasurementVdpConfig {
  readonly N: number;
  readonly dt: number;
  readonly outputEvery: number;
  readonly samples: number;
  readonly method: SmeMethod;
}

// compiled once per worker and configuration: a trajectory then costs only its steps
const prepared = new Map<string, DiffusiveTrajectories>();

/**
 * Trajectory k of the heterodyne vdP benchmark: the conditional ⟨a⟩ (`a`, complex) per sample,
 * from |α = 1⟩, one sample every `outputEvery` steps.
 *
 * @param config - cutoff, step, output cadence, samples and scheme
 * @param trajectory - its index k (noise `trajectoryRng(noiseSeed, k)`)
 * @param noiseSeed - the ensemble's master seed
 * @example
 * measurementVdpTrajectory({ N: 4, dt: 1e-3, outputEvery: 10, samples: 2, method: 'euler-maruyama' }, 0, 1).a.data.length; // 4
 */
export function measurementVdpTrajectory(config: MeasurementVdpConfig, trajectory: number, noiseSeed: number): TrajectoryColumns {
  const key = JSON.stringify([config, noiseSeed]);
  let runs = prepared.get(key);
  if (runs === undefined) {
    const { model, rho0, a } = measurementVdpModel(config.N);
    runs = createDiffusiveTrajectories(model, {
      rho0,
      dt: config.dt,
      tEnd: config.dt * config.outputEvery * config.samples,
      outputEvery: config.outputEvery,
      noiseSeed,
      method: config.method,
      expect: { a },
    });
    prepared.set(key, runs);
  }
  const I0 = new Float64Array(2 * runs.samples);
  const a = new Float64Array(2 * runs.samples);
  runs.runInto(trajectory, { I0, a });
  return { a: { kind: 'complex', data: a } };
}
