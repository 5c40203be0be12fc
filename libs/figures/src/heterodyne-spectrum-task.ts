// A trajectory task for trajectoryEnsemble (figure 4.4): one stationary heterodyne record of two
// coupled vdP oscillators, reduced to the window means of its currents' periodograms.
import { steadyState } from '@qsync/integrators';
import { coupledVanDerPol, type CoupledVanDerPolConfig } from '@qsync/models';
import type { DensityMatrix } from '@qsync/operators';
import { currentSpectrum } from '@qsync/spectral';
import { createDiffusiveTrajectories, type DiffusiveTrajectories, type TrajectoryColumns } from '@qsync/unravelers';
import { currentSpectrumFrequencies } from './current-spectrum-frequencies';
import { spectrumWindowBins } from './spectrum-window-bins';

/** The module's URL, as `trajectoryEnsemble` wants it (`task.module`). */
export const heterodyneSpectrumTask = new URL(import.meta.url).href;

/** One recording of {@link heterodyneSpectrumTrajectory}: serialisable, since workers rebuild the model from it. */
export interface HeterodyneSpectrumTaskConfig {
  /** the pair of Eq. 4.8 (`coupledVanDerPol`); its κD[a], κD[b] are watched */
  readonly pair: CoupledVanDerPolConfig & { readonly kappa: number };
  /** integration step (Euler–Maruyama) and integration steps per current sample */
  readonly dt: number;
  readonly outputEvery: number;
  /** periodogram segments per trajectory and samples per segment (a power of two) */
  readonly segments: number;
  readonly segmentLength: number;
  /** centres and width of the averaging windows (ω) */
  readonly centres: readonly number[];
  readonly width: number;
}

interface Prepared {
  readonly runs: DiffusiveTrajectories;
  readonly bins: number[][];
}

const prepared = new Map<string, Prepared>();

/**
 * Trajectory k of the heterodyne recording of the pair: both loss channels κD[a], κD[b] watched
 * (two-quadrature SME, Eq. 3.13; Euler–Maruyama), started in the steady state ρ_ss, so the
 * currents' two-time statistics are stationary from t = 0 (E[ρ_c(t)] = ρ_ss). Returns, per
 * current I_A and I_B (Eqs. 3.15, 4.14), the window means of its periodogram averaged over the
 * trajectory's segments (`currentSpectrum`, rectangular window: adjacent bins uncorrelated) and
 * its noise floor (|ω| ≥ π/(2Δ)), and the pooled S = [S_A(ω) + S_B(−ω)]/2 (the windows must lie
 * symmetrically about 0; S_B(−ω) = S_A(ω) for the pair of Eq. 4.8); beside them the time average of the conditional variance
 * κ(⟨a†a⟩_c − |⟨a⟩_c|²) (and of b), which sets the O(dt) deficit of the simulated floor, and the
 * count of positivity violations.
 *
 * @example
 * const config = {
 *   pair: { cutoff: 2, kappa: 1, kappa1: 3, kappa2: 1, delta: 5, V: 5 },
 *   dt: 0.01, outputEvery: 5, segments: 1, segmentLength: 64, centres: [0], width: 10,
 * };
 * const columns = heterodyneSpectrumTrajectory(config, 0, 1);
 * [columns.S.data.length, columns.floorA.data.length]; // → [1, 1]
 */
export function heterodyneSpectrumTrajectory(config: HeterodyneSpectrumTaskConfig, trajectory: number, noiseSeed: number): TrajectoryColumns {
  const key = JSON.stringify([config, noiseSeed]);
  let p = prepared.get(key);
  if (p === undefined) {
    p = prepare(config, noiseSeed);
    prepared.set(key, p);
  }
  const { runs, bins } = p;
  const n = runs.samples;
  const IA = new Float64Array(2 * n);
  const IB = new Float64Array(2 * n);
  const a = new Float64Array(2 * n);
  const b = new Float64Array(2 * n);
  const na = new Float64Array(2 * n);
  const nb = new Float64Array(2 * n);
  const stats = runs.runInto(trajectory, { IA, IB, a, b, na, nb });
  const kappa = config.pair.kappa;
  const columns: TrajectoryColumns = { violations: { kind: 'real', data: Float64Array.of(stats.positivityViolations) } };
  for (const [name, current, mode, count] of [
    ['A', IA, a, na],
    ['B', IB, b, nb],
  ] as const) {
    const s = currentSpectrum(current, { dt: runs.sampleStep, segmentLength: config.segmentLength, window: 'rectangular' });
    const windows = Float64Array.from(bins, (w) => w.reduce((sum, i) => sum + s.density[i], 0) / w.length);
    let variance = 0;
    for (let i = 0; i < n; i++) variance += count[2 * i] - mode[2 * i] ** 2 - mode[2 * i + 1] ** 2;
    columns[`S${name}`] = { kind: 'real', data: windows };
    columns[`floor${name}`] = { kind: 'real', data: Float64Array.of(s.floor) };
    columns[`backaction${name}`] = { kind: 'real', data: Float64Array.of((kappa * variance) / n) };
  }
  // S_B(−ω) = S_A(ω) (A ↔ B with δ → −δ conjugates L): I_B read backwards is a second record of S_A
  const SA = columns.SA.data;
  const SB = columns.SB.data;
  columns.S = { kind: 'real', data: SA.map((s, w) => (s + SB[SB.length - 1 - w]) / 2) };
  return columns;
}

function prepare(config: HeterodyneSpectrumTaskConfig, noiseSeed: number): Prepared {
  const pair = coupledVanDerPol(config.pair);
  const l = pair.lindbladian;
  const o = pair.operators;
  const kappa = config.pair.kappa;
  const rest = l.dissipators.filter((d) => !(d.jump2 === undefined && d.rate === kappa && (d.jump === o.a || d.jump === o.b)));
  if (rest.length !== l.dissipators.length - 2) throw new Error(`heterodyneSpectrumTrajectory: the pair must hold κD[a] and κD[b] with κ = ${kappa}`);
  const rho0: DensityMatrix = steadyState(l).rho;
  const samples = config.segments * config.segmentLength;
  const runs = createDiffusiveTrajectories(
    {
      hamiltonian: l.hamiltonian,
      dissipators: rest,
      monitored: [
        { name: 'IA', rate: kappa, jump: o.a, unraveling: 'heterodyne' },
        { name: 'IB', rate: kappa, jump: o.b, unraveling: 'heterodyne' },
      ],
    },
    {
      rho0,
      dt: config.dt,
      tEnd: samples * config.outputEvery * config.dt,
      outputEvery: config.outputEvery,
      noiseSeed,
      method: 'euler-maruyama',
      expect: { a: o.a, b: o.b, na: o.na, nb: o.nb },
    },
  );
  const omega = currentSpectrumFrequencies(config.segmentLength, runs.sampleStep);
  return { runs, bins: spectrumWindowBins(omega, config.centres, config.width) };
}

