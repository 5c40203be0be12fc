// A trajectory task for trajectoryEnsemble (figures 4.2 and 4.7): one limit-cycle oscillator whose
// loss channel is measured by heterodyne detection, as conditional expectation values per sample.
import {
  coherentKet,
  create,
  destroy,
  fockSpace,
  num,
  power,
  pureState,
  scaled,
  sigmaMinus,
  sigmaPlus,
  sigmaZ,
  spinCoherentKet,
  spinHalfSpace,
} from '@qsync/operators';
import { normalizedKet } from './normalized-ket';
import { createDiffusiveTrajectories, type DiffusiveTrajectories, type TrajectoryColumns } from '@qsync/unravelers';

/** The module's URL, as `trajectoryEnsemble` wants it (`task.module`). */
export const measuredOscillatorTask = new URL(import.meta.url).href;

/** One measured oscillator: serialisable, since workers rebuild the model from it. */
export interface MeasuredOscillatorConfig {
  /** 'vdp': Eq. 4.6 with κ = 1 (κ1, κ2, ω below); 'spin': Eq. 4.34 with γ− = 1 (γ+ = kappa1, ω) */
  readonly model: 'vdp' | 'spin';
  readonly omega: number;
  /** vdP: κ1 (gain); spin: γ+ */
  readonly kappa1: number;
  /** vdP: κ2 (two-photon loss); unused for the spin */
  readonly kappa2: number;
  /** vdP: Fock cutoff; unused for the spin */
  readonly cutoff: number;
  /** vdP: real initial amplitude α0 (the coherent ket normalized after truncation); spin: initial polar angle θ0 (φ0 = 0) */
  readonly start: number;
  readonly dt: number;
  readonly tEnd: number;
  readonly outputEvery: number;
}

const prepared = new Map<string, DiffusiveTrajectories>();

/**
 * Trajectory k of the measured oscillator, its loss channel (a, or σ− for the spin) at rate 1
 * monitored by heterodyne detection in the two-quadrature form (Eq. 3.13, the limit of Eqs. 4.6
 * and 4.34 for a local oscillator detuned far from ω). Columns, one real value per sample: the vdP
 * oscillator's x = Re⟨a⟩_m and p = Im⟨a⟩_m (the axes of Q(α)); the spin's ⟨σx⟩_m = 2 Re⟨σ+⟩_m,
 * ⟨σy⟩_m = 2 Im⟨σ+⟩_m and ⟨σz⟩_m.
 *
 * @example
 * const config = { model: 'spin', omega: 2, kappa1: 0.5, kappa2: 0, cutoff: 2, start: Math.PI / 2, dt: 1e-3, tEnd: 0.1, outputEvery: 10 } as const;
 * const columns = measuredOscillatorTrajectory(config, 0, 1);
 * columns.sz.data.length; // → 10
 */
export function measuredOscillatorTrajectory(config: MeasuredOscillatorConfig, trajectory: number, noiseSeed: number): TrajectoryColumns {
  const key = JSON.stringify([config, noiseSeed]);
  let runs = prepared.get(key);
  if (runs === undefined) {
    runs = config.model === 'vdp' ? vdpTrajectories(config, noiseSeed) : spinTrajectories(config, noiseSeed);
    prepared.set(key, runs);
  }
  const n = runs.samples;
  if (config.model === 'vdp') {
    const a = new Float64Array(2 * n);
    runs.runInto(trajectory, { I0: new Float64Array(2 * n), a });
    const x = new Float64Array(n);
    const p = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = a[2 * i];
      p[i] = a[2 * i + 1];
    }
    return { x: { kind: 'real', data: x }, p: { kind: 'real', data: p } };
  }
  const sp = new Float64Array(2 * n);
  const szc = new Float64Array(2 * n);
  runs.runInto(trajectory, { I0: new Float64Array(2 * n), sp, sz: szc });
  const sx = new Float64Array(n);
  const sy = new Float64Array(n);
  const sz = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    sx[i] = 2 * sp[2 * i];
    sy[i] = 2 * sp[2 * i + 1];
    sz[i] = szc[2 * i];
  }
  return { sx: { kind: 'real', data: sx }, sy: { kind: 'real', data: sy }, sz: { kind: 'real', data: sz } };
}

function vdpTrajectories(c: MeasuredOscillatorConfig, noiseSeed: number): DiffusiveTrajectories {
  const space = fockSpace(c.cutoff);
  const a = destroy(space);
  return createDiffusiveTrajectories(
    {
      hamiltonian: scaled(num(space), c.omega),
      dissipators: [
        { rate: c.kappa1, jump: create(space) },
        { rate: c.kappa2, jump: power(a, 2) },
      ],
      monitored: [{ name: 'I0', rate: 1, jump: a, unraveling: 'heterodyne' }],
    },
    { rho0: pureState(normalizedKet(coherentKet(space, { re: c.start, im: 0 }))), dt: c.dt, tEnd: c.tEnd, outputEvery: c.outputEvery, noiseSeed, expect: { a } },
  );
}

function spinTrajectories(c: MeasuredOscillatorConfig, noiseSeed: number): DiffusiveTrajectories {
  const space = spinHalfSpace();
  const sz = sigmaZ(space);
  return createDiffusiveTrajectories(
    {
      hamiltonian: scaled(sz, c.omega / 2),
      dissipators: [{ rate: c.kappa1, jump: sigmaPlus(space) }],
      monitored: [{ name: 'I0', rate: 1, jump: sigmaMinus(space), unraveling: 'heterodyne' }],
    },
    { rho0: pureState(spinCoherentKet(space, c.start, 0)), dt: c.dt, tEnd: c.tEnd, outputEvery: c.outputEvery, noiseSeed, expect: { sp: sigmaPlus(space), sz } },
  );
}
