// A trajectory task for trajectoryEnsemble: the QuantumToolbox.jl paper's driven Kerr oscillator
// (see kerrBenchModel) with its loss channel monitored by homodyne detection; ⟨a†a⟩ per sample.
import { createDiffusiveTrajectories } from '@qsync/unravelers';
import type { DiffusiveTrajectories, SmeMethod, TrajectoryColumns } from '@qsync/unravelers';
import { kerrBenchModel } from './kerr-bench-model';

/** The module's URL, as `trajectoryEnsemble` wants it (`task.module`). */
export const kerrHomodyneTask = new URL(import.meta.url).href;

/** One homodyne run of the Kerr benchmark: step, steps per sample, samples, scheme. */
export interface KerrHomodyneConfig {
  readonly dt: number;
  readonly outputEvery: number;
  readonly samples: number;
  readonly method: SmeMethod;
}

const prepared = new Map<string, DiffusiveTrajectories>();

/**
 * Trajectory k of the homodyne Kerr benchmark: the conditional ⟨a†a⟩ (`n`, complex) per sample.
 *
 * @param config - step, output cadence, samples and scheme
 * @param trajectory - its index k (noise `trajectoryRng(noiseSeed, k)`)
 * @param noiseSeed - the ensemble's master seed
 * @example
 * kerrHomodyneTrajectory({ dt: 1e-3, outputEvery: 10, samples: 2, method: 'euler-maruyama' }, 0, 1).n.data[0]; // 0 (from |0⟩)
 */
export function kerrHomodyneTrajectory(config: KerrHomodyneConfig, trajectory: number, noiseSeed: number): TrajectoryColumns {
  const key = JSON.stringify([config, noiseSeed]);
  let runs = prepared.get(key);
  if (runs === undefined) {
    const m = kerrBenchModel();
    runs = createDiffusiveTrajectories(
      { hamiltonian: m.hamiltonian, dissipators: [m.gain], monitored: [{ rate: m.loss.rate, jump: m.loss.jump, unraveling: 'homodyne' }] },
      { rho0: m.rho0, dt: config.dt, tEnd: config.dt * config.outputEvery * config.samples, outputEvery: config.outputEvery, noiseSeed, method: config.method, expect: { n: m.number } },
    );
    prepared.set(key, runs);
  }
  const I0 = new Float64Array(runs.samples);
  const n = new Float64Array(2 * runs.samples);
  runs.runInto(trajectory, { I0, n });
  return { n: { kind: 'complex', data: n } };
}
