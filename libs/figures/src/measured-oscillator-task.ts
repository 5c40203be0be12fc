// A trajectory task for trajectoryEnsemble (figures 4.2 and 4.7): one limit-cycle oscillator whose
// loss channel is measured (heterodyne, homodyne or photon counting), as conditional expectation
// values per sample.
import type { SampleBlock } from '@qsync/frames';
import {
  coherentKet,
  create,
  destroy,
  fockSpace,
  lindbladian,
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
import { createDiffusiveTrajectories, photonCounting, type DiffusiveTrajectories, type TrajectoryColumns } from '@qsync/unravelers';
import { lastValueFrom, toArray } from 'rxjs';
import type { Ket, Lindbladian, Operator } from '@qsync/operators';
import { normalizedKet } from './normalized-ket';

/** The module's URL, as `trajectoryEnsemble` wants it (`task.module`). */
export const measuredOscillatorTask = new URL(import.meta.url).href;

/** One measured oscillator: serialisable, since workers rebuild the model from it. */
export interface MeasuredOscillatorConfig {
  /** 'vdp': Eq. 4.6 with κ = 1 (κ1, κ2, ω below); 'spin': Eq. 4.34 with γ− = 1 (γ+ = kappa1, ω) */
  readonly model: 'vdp' | 'spin';
  /**
   * how the loss channel is watched (default 'heterodyne'): two-quadrature heterodyne (Eq. 3.13),
   * homodyne of the x quadrature (LO phase 0, Eq. 6.25 with ξ = 1) or photon counting (quantum jumps)
   */
  readonly unraveling?: MeasuredUnraveling;
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

/** The three unravelings of the loss channel that figures 4.2 and 4.7 average. */
export type MeasuredUnraveling = 'heterodyne' | 'homodyne' | 'photon-counting';

interface Oscillator {
  readonly l: Lindbladian;
  /** index of the measured loss channel in l.dissipators */
  readonly loss: number;
  readonly initial: Ket;
  /** vdP: { a }; spin: { sp: σ+, sz } */
  readonly expect: Record<string, Operator>;
}

const prepared = new Map<string, DiffusiveTrajectories>();
const oscillators = new Map<string, Oscillator>();

/**
 * Trajectory k of the measured oscillator, its loss channel (a, or σ− for the spin) at rate 1
 * watched by `config.unraveling`: heterodyne detection in the two-quadrature form (Eq. 3.13, the
 * limit of Eqs. 4.6 and 4.34 for a local oscillator detuned far from ω) or homodyne detection
 * (Milstein), or photon counting (`photonCounting`: quantum jumps). Columns, one real value per
 * sample (the conditional values at the sample time, before its step): the vdP oscillator's
 * x = Re⟨a⟩_m and p = Im⟨a⟩_m (the axes of Q(α)); the spin's ⟨σx⟩_m = 2 Re⟨σ+⟩_m,
 * ⟨σy⟩_m = 2 Im⟨σ+⟩_m and ⟨σz⟩_m; photon counting adds `clicks`, the clicks before the sample time.
 *
 * @example
 * const config = { model: 'spin', omega: 2, kappa1: 0.5, kappa2: 0, cutoff: 2, start: Math.PI / 2, dt: 1e-3, tEnd: 0.1, outputEvery: 10 } as const;
 * const columns = await measuredOscillatorTrajectory(config, 0, 1);
 * columns.sz.data.length; // → 10
 * (await measuredOscillatorTrajectory({ ...config, unraveling: 'photon-counting' }, 0, 1)).sz.data.length; // → 10
 */
export async function measuredOscillatorTrajectory(config: MeasuredOscillatorConfig, trajectory: number, noiseSeed: number): Promise<TrajectoryColumns> {
  const n = Math.round(config.tEnd / (config.dt * config.outputEvery));
  const counted = config.unraveling === 'photon-counting';
  const values = counted ? await countedValues(config, n, trajectory, noiseSeed) : diffusiveValues(config, trajectory, noiseSeed);
  const columns: TrajectoryColumns = {};
  if (config.model === 'vdp') {
    const a = values.a;
    columns.x = { kind: 'real', data: Float64Array.from({ length: n }, (_, i) => a[2 * i]) };
    columns.p = { kind: 'real', data: Float64Array.from({ length: n }, (_, i) => a[2 * i + 1]) };
  } else {
    const { sp, sz } = values;
    columns.sx = { kind: 'real', data: Float64Array.from({ length: n }, (_, i) => 2 * sp[2 * i]) };
    columns.sy = { kind: 'real', data: Float64Array.from({ length: n }, (_, i) => 2 * sp[2 * i + 1]) };
    columns.sz = { kind: 'real', data: Float64Array.from({ length: n }, (_, i) => sz[2 * i]) };
  }
  if (counted) columns.clicks = { kind: 'real', data: values.clicks };
  return columns;
}

/** The model of Eq. 4.1 (κ = 1) or 4.26 (γ− = 1), its loss channel and its initial state (built once per config). */
function oscillator(c: MeasuredOscillatorConfig): Oscillator {
  const key = JSON.stringify(c);
  let o = oscillators.get(key);
  if (o === undefined) {
    o = buildOscillator(c);
    oscillators.set(key, o);
  }
  return o;
}

function buildOscillator(c: MeasuredOscillatorConfig): Oscillator {
  if (c.model === 'vdp') {
    const space = fockSpace(c.cutoff);
    const a = destroy(space);
    const l = lindbladian(scaled(num(space), c.omega), [
      { rate: c.kappa1, jump: create(space) },
      { rate: c.kappa2, jump: power(a, 2) },
      { rate: 1, jump: a },
    ]);
    return { l, loss: 2, initial: normalizedKet(coherentKet(space, { re: c.start, im: 0 })), expect: { a } };
  }
  const space = spinHalfSpace();
  const sz = sigmaZ(space);
  const l = lindbladian(scaled(sz, c.omega / 2), [
    { rate: c.kappa1, jump: sigmaPlus(space) },
    { rate: 1, jump: sigmaMinus(space) },
  ]);
  return { l, loss: 1, initial: spinCoherentKet(space, c.start, 0), expect: { sp: sigmaPlus(space), sz } };
}

/** Conditional ⟨O⟩ (complex interleaved) of a homodyne or heterodyne trajectory. */
function diffusiveValues(c: MeasuredOscillatorConfig, trajectory: number, noiseSeed: number): Record<string, Float64Array> {
  const key = JSON.stringify([c, noiseSeed]);
  let runs = prepared.get(key);
  const o = oscillator(c);
  if (runs === undefined) {
    const loss = o.l.dissipators[o.loss];
    runs = createDiffusiveTrajectories(
      {
        hamiltonian: o.l.hamiltonian,
        dissipators: o.l.dissipators.filter((_, i) => i !== o.loss),
        monitored: [{ name: 'I0', rate: loss.rate, jump: loss.jump, unraveling: c.unraveling === 'homodyne' ? 'homodyne' : 'heterodyne' }],
      },
      { rho0: pureState(o.initial), dt: c.dt, tEnd: c.tEnd, outputEvery: c.outputEvery, noiseSeed, expect: o.expect },
    );
    prepared.set(key, runs);
  }
  const n = runs.samples;
  const columns: Record<string, Float64Array> = { I0: new Float64Array(c.unraveling === 'homodyne' ? n : 2 * n) };
  for (const name of Object.keys(o.expect)) columns[name] = new Float64Array(2 * n);
  runs.runInto(trajectory, columns);
  return columns;
}

/** Conditional ⟨O⟩ (complex interleaved) of a photon-counting trajectory sampled every outputEvery·dt. */
async function countedValues(c: MeasuredOscillatorConfig, n: number, trajectory: number, noiseSeed: number): Promise<Record<string, Float64Array>> {
  const o = oscillator(c);
  const records = await lastValueFrom(
    photonCounting(o.l, o.initial, { dt: c.dt * c.outputEvery, samples: n, monitored: [{ dissipator: o.loss }], expect: o.expect, noiseSeed, trajectory, blockLength: n }).pipe(toArray()),
  );
  const block = records.find((r): r is SampleBlock => r.kind === 'block');
  if (block === undefined) throw new Error('measuredOscillatorTrajectory: photonCounting emitted no block');
  const counts = block.columns.counts.data;
  const clicks = new Float64Array(n);
  for (let i = 1; i < n; i++) clicks[i] = clicks[i - 1] + counts[i - 1];
  return { ...Object.fromEntries(Object.keys(o.expect).map((name) => [name, block.columns[name].data])), clicks };
}
