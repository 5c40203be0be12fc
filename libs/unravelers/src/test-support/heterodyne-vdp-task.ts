// A trajectory task for trajectoryEnsemble built on createDiffusiveTrajectories: the quantum
// van der Pol oscillator (Eq. 4.6; Fig. 4.1's rates in units of κ) with its loss channel a
// measured by heterodyne detection (Eq. 3.15), from the coherent state |α = 1⟩.
import { coherentKet, create, destroy, fockSpace, num, power, pureState, scaled } from '@qsync/operators';
import { createDiffusiveTrajectories } from '../create-diffusive-trajectories';
import type { DiffusiveTrajectories } from '../create-diffusive-trajectories';
import type { TrajectoryColumns } from '../trajectory-ensemble';

/** The module's URL, as `trajectoryEnsemble` wants it (`task.module`). */
export const heterodyneVdpTask = new URL(import.meta.url).href;

export interface HeterodyneVdpConfig {
  cutoff: number;
  dt: number;
  tEnd: number;
  outputEvery: number;
}

/** the prepared trajectories per (config, seed), built once per thread */
const prepared = new Map<string, DiffusiveTrajectories>();

/** Trajectory k: the heterodyne current `I0` and the conditional ⟨a⟩ `a`, both complex, per sample. */
export function heterodyneVdpTrajectory(config: HeterodyneVdpConfig, trajectory: number, noiseSeed: number): TrajectoryColumns {
  const key = JSON.stringify([config, noiseSeed]);
  let runs = prepared.get(key);
  if (runs === undefined) {
    const space = fockSpace(config.cutoff);
    const a = destroy(space);
    runs = createDiffusiveTrajectories(
      {
        hamiltonian: scaled(num(space), 4),
        dissipators: [
          { rate: 4, jump: create(space) },
          { rate: 0.5, jump: power(a, 2) },
        ],
        monitored: [{ rate: 1, jump: a, unraveling: 'heterodyne' }],
      },
      { rho0: pureState(coherentKet(space, { re: 1, im: 0 })), dt: config.dt, tEnd: config.tEnd, outputEvery: config.outputEvery, noiseSeed, expect: { a } },
    );
    prepared.set(key, runs);
  }
  const I0 = new Float64Array(2 * runs.samples);
  const a = new Float64Array(2 * runs.samples);
  runs.runInto(trajectory, { I0, a });
  return { I0: { kind: 'complex', data: I0 }, a: { kind: 'complex', data: a } };
}
