import { times, expect as expectation, type Operator } from '@qsync/operators';
import { steadyState } from '@qsync/integrators';
import { undrivenAtomLaser } from '@qsync/models';
import { steadyStateSpectrum } from '@qsync/spectral';

/**
 * The problem of the exact-laser benchmark: thesis Eq. (7.1) at the "bench" case of
 * tools/reference/qutip_undriven_laser.py (N_d = 3, N_ud = 1, Fock cutoff 10).
 */
export const LASER_BENCH_PARAMS = { Nd: 3, Nud: 1, cutoff: 10, Omega: 0.5, kappa: 4, gammaPlus: 1, gammaMinus: 0.05, gammaZ: 0.1, detuning: 0 } as const;

/** The moments compared, by the names of the QuTiP script's `ops` (complex: [re, im]). */
export type LaserMoments = Readonly<Record<string, readonly [number, number]>>;

/** What the qsync side measured: wall and CPU seconds of the fastest call, and the values. */
export interface LaserQsyncCase {
  readonly reps: number;
  /** `steadyState(l)` */
  readonly steadyStateSeconds: number;
  readonly steadyStateCpuSeconds: number;
  /** `steadyStateSpectrum(l, ω, a†, a)` (its steady state inside) */
  readonly spectrumSeconds: number;
  readonly spectrumCpuSeconds: number;
  readonly moments: LaserMoments;
  readonly omega: readonly number[];
  readonly S: readonly number[];
}

/**
 * The fixture's frequency grid: `freqs` midpoints on [−1, 1] (ω = 0, where iω − L is
 * singular, is never one of them for even `freqs`).
 *
 * @param freqs - number of frequencies, ≥ 1
 * @example
 * laserOmegaGrid(4); // [-0.75, -0.25, 0.25, 0.75]
 */
export function laserOmegaGrid(freqs: number): number[] {
  if (!Number.isInteger(freqs) || freqs < 1) throw new Error(`laserOmegaGrid: argument 'freqs' must be an integer ≥ 1, got ${freqs}`);
  return Array.from({ length: freqs }, (_, k) => -1 + ((k + 0.5) * 2) / freqs);
}

const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;

function fastest<T>(reps: number, f: () => T): { out: T; wall: number; cpu: number } {
  let best = { out: undefined as T, wall: Infinity, cpu: Infinity };
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = f();
    const wall = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(process.cpuUsage(c0));
    if (wall < best.wall) best = { out, wall, cpu };
  }
  return best;
}

/**
 * Times qsync on the exact laser (7.1): `steadyState(l)` and `steadyStateSpectrum(l, ω, a†, a)`
 * (resolvent route, default solver, its own steady state inside), each the fastest of `reps`
 * calls, wall and CPU (process.cpuUsage) beside each other; building the model is not timed.
 * Returns the steady-state moments the QuTiP script reports and S(ω).
 *
 * @param omega - frequencies
 * @param reps - timed calls of each, the fastest counts
 * @param params - the model (default {@link LASER_BENCH_PARAMS})
 * @example
 * const c = benchLaserQsync([-0.5, 0.5], 1, { ...LASER_BENCH_PARAMS, Nd: 1, cutoff: 3 });
 * c.S.length; // 2
 */
export function benchLaserQsync(omega: readonly number[], reps: number, params: typeof LASER_BENCH_PARAMS | Record<string, number> = LASER_BENCH_PARAMS): LaserQsyncCase {
  const laser = undrivenAtomLaser(params as typeof LASER_BENCH_PARAMS);
  const l = laser.lindbladian;
  const ops = laser.operators;
  const ss = fastest(reps, () => steadyState(l).rho);
  const sp = fastest(reps, () => steadyStateSpectrum(l, omega, ops.adag, ops.a).density);
  const [d1, d2] = ops.driven;
  const [u1] = ops.undriven;
  const named: Record<string, Operator | undefined> = {
    n: ops.n,
    sigmaZDriven: ops.sigmaZDriven,
    sigmaZUndriven: ops.sigmaZUndriven,
    adagSigmaMinusD1: times(ops.adag, d1.sigmaMinus),
    sigmaPlusD1SigmaMinusD2: d2 === undefined ? undefined : times(d1.sigmaPlus, d2.sigmaMinus),
    sigmaPlusD1SigmaMinusU1: u1 === undefined ? undefined : times(d1.sigmaPlus, u1.sigmaMinus),
  };
  const moments: Record<string, readonly [number, number]> = {};
  for (const [name, o] of Object.entries(named)) {
    if (o === undefined) continue;
    const v = expectation(o, ss.out);
    moments[name] = [v.re, v.im];
  }
  return {
    reps,
    steadyStateSeconds: ss.wall,
    steadyStateCpuSeconds: ss.cpu,
    spectrumSeconds: sp.wall,
    spectrumCpuSeconds: sp.cpu,
    moments,
    omega: [...omega],
    S: Array.from(sp.out),
  };
}
