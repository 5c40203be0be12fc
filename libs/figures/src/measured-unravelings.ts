import { channelValue, tapProgress } from '@qsync/frames';
import { compileLindbladRhs, mesolve } from '@qsync/integrators';
import type { Complex } from '@qsync/linalg';
import { expect as expectValue, type DensityMatrix, type Lindbladian, type Operator } from '@qsync/operators';
import { map } from 'rxjs';
import { bonferroniZ } from './bonferroni-z';
import type { ResolvedFigureConfig } from './figure-config';
import type { FigureContext } from './figure-stream';
import type { FigureCheck } from './figure-types';
import { measuredEnsemble, type EnsembleAgreement } from './measured-ensemble';
import type { MeasuredOscillatorConfig, MeasuredUnraveling } from './measured-oscillator-task';

/** The unravelings figures 4.2 and 4.7 average, in the order of their checks. */
const UNRAVELINGS: readonly MeasuredUnraveling[] = ['heterodyne', 'homodyne', 'photon-counting'];
/** The diffusive ones: their ensemble mean is exactly the explicit Euler solution of the master equation at the SME's dt. */
type Diffusive = Exclude<MeasuredUnraveling, 'photon-counting'>;

/** Family-wise level of the specs' bound on the worst |mean − ME|/SE of one unraveling. */
const FAMILY_WISE = 0.01;
/** Full size: 200 output times and 400 trajectories of each unraveling (the check; the thesis averages 100), 10 shown whole. */
const SAMPLES = 200;
const TRAJECTORIES = 400;
const SHOWN = 10;

/** What {@link measuredUnravelings} returns. */
export interface MeasuredUnravelings {
  /** output times k·outputEvery·dt, k < samples (scale × 200, ≥ 50), and trajectories per unraveling (scale × 400, ≥ 40) */
  readonly times: Float64Array;
  readonly trajectories: number;
  /** the master equation's columns at the output times */
  readonly master: Record<string, Float64Array>;
  /** the first `shown` heterodyne trajectories, whole */
  readonly shown: Record<string, Float64Array>[];
  /** per unraveling and column: the ensemble mean against the master equation */
  readonly agreement: Record<MeasuredUnraveling, Record<string, EnsembleAgreement>>;
  /** per unraveling: the largest |mean − ME|/SE over its columns and times */
  readonly worstZ: Record<MeasuredUnraveling, number>;
  /**
   * per diffusive unraveling: the largest |mean − Euler|/SE over its columns and times, Euler being
   * the master equation integrated by explicit Euler at the SME's dt — the scheme's exact expectation
   */
  readonly worstZEuler: Record<Diffusive, number>;
  /**
   * per diffusive unraveling: the largest |Euler − ME|/SE over its columns and times, the step bias
   * of the SME scheme in units of the run's standard error (≤ 1 keeps the 3-SE check against the
   * master equation a test of the unraveling, not of the step)
   */
  readonly stepBiasZ: Record<Diffusive, number>;
  /**
   * the Bonferroni bound z* for one unraveling's comparisons (columns × times after t = 0) at
   * family-wise level 1 %: a right ensemble has every |z| ≤ z* with probability ≥ 99 %
   */
  readonly familyWiseZ: number;
  readonly checks: FigureCheck[];
}

/**
 * The computation figures 4.2 and 4.7 share (internal to figures): the master equation at the
 * output times (`mesolve`, rtol 1e-10), then the same oscillator with its loss channel watched
 * three ways — heterodyne, homodyne and photon counting — with `trajectories` each
 * (`measuredEnsemble`), every column's mean against the master equation's in units of the run's
 * own standard error. Sizes: `cfg.size(200, 50)` output times, `cfg.size(400, 40)` trajectories,
 * the first 10 heterodyne trajectories returned whole.
 *
 * Checks, per unraveling and column (the criterion: within 3 SE at every output time): the
 * mean at the output time where |mean − ME|/SE is largest, with the master equation's value and the
 * SE there; and the fraction of times within 2 SE (≈ 0.95 for a right mean; neighbouring times are
 * correlated, so it scatters more than binomially). The largest |z| of m comparisons exceeds 3 with
 * probability up to 1 − 0.9973^m for a right mean (m ≈ 100–400 here), so the specs bound it by the
 * Bonferroni z* at family-wise level 1 % (`familyWiseZ`).
 *
 * The SME schemes (Euler–Maruyama, Milstein) are weakly first order: every noise term of a step has
 * conditional mean 0 and trace 0, so the ensemble mean of the heterodyne and homodyne trajectories is
 * exactly the explicit Euler solution ρ ← ρ + dt·Lρ of the master equation at the same dt
 * (`compileLindbladRhs`, independent of the SME's stencil), which misses the master equation by
 * O(dt). Per diffusive unraveling and column two more checks: the mean against that Euler solution
 * at its worst time (the scheme's exact expectation: no step bias, so a right unraveling is within
 * z* whatever dt), and the step bias Euler − ME at its worst time in units of the run's SE (the
 * figures choose dt so that it stays ≤ 1, so the 3-SE check against the master equation tests the
 * unraveling and not the step). Photon counting has no such term: its no-click evolution is RK4
 * with root-found click times (against maxStep 1e-4 on the same seeds its means move by ≤ 3e-8).
 *
 * @example
 * ```ts fragment
 * // inside figureStream(async (ctx) => …), as figure-4-7.ts uses it
 * const run = await measuredUnravelings(ctx, cfg, {
 *   task, labels: { sx: '⟨σx⟩', sz: '⟨σz⟩' }, workers: () => 0, equation: '4.34 vs 4.26', model: '(4.34)',
 *   master: { stage: 'master equation (4.26)', lindbladian, rho0, expect: { sp, sz }, columns: (v) => ({ sx: 2 * v.sp.re, sz: v.sz.re }) },
 * });
 * run.worstZ.homodyne; // < run.familyWiseZ for a right ensemble
 * ```
 */
export async function measuredUnravelings(
  ctx: FigureContext,
  cfg: ResolvedFigureConfig,
  options: {
    /** the oscillator (its dt and outputEvery set the output times; tEnd and unraveling are set here) */
    readonly task: Omit<MeasuredOscillatorConfig, 'tEnd' | 'unraveling'>;
    /** the master equation to compare with: its columns from the complex ⟨O⟩ of `expect` at each output time */
    readonly master: {
      readonly stage: string;
      readonly lindbladian: Lindbladian;
      readonly rho0: DensityMatrix;
      readonly expect: Readonly<Record<string, Operator>>;
      readonly columns: (values: Record<string, Complex>) => Record<string, number>;
    };
    /** how the checks name each compared column, e.g. { x: '⟨x⟩ = Re⟨a⟩' } */
    readonly labels: Readonly<Record<string, string>>;
    /** worker threads for a given number of trajectories (0: this thread) */
    readonly workers: (trajectories: number) => number;
    /** the equations compared, e.g. '4.6 vs 4.1', and the model's SME for the stage names, e.g. '(4.6)' */
    readonly equation: string;
    readonly model: string;
  },
): Promise<MeasuredUnravelings> {
  const samples = cfg.size(SAMPLES, 50);
  const trajectories = cfg.size(TRAJECTORIES, 40);
  const step = options.task.dt * options.task.outputEvery;
  const times = Float64Array.from({ length: samples }, (_, k) => k * step);
  const m = options.master;
  const names = Object.keys(m.expect);
  const rows = await ctx.collect(m.stage, (progress) =>
    mesolve(m.lindbladian, m.rho0, times, { expect: m.expect, rtol: 1e-10, atol: 1e-12 })
      .withProgress()
      .pipe(
        tapProgress(progress),
        map((f) => m.columns(Object.fromEntries(names.map((name) => [name, channelValue(f, name, 'complex')])))),
      ),
  );
  const master = Object.fromEntries(Object.keys(rows[0]).map((name) => [name, Float64Array.from(rows, (r) => r[name])]));
  ctx.progress(`explicit Euler of the master equation at dt = ${options.task.dt}`, 0, 1);
  const euler = explicitEulerColumns(m, options.task.dt, options.task.outputEvery, samples);
  const compared = Object.fromEntries(Object.keys(options.labels).map((name) => [name, master[name]]));
  const task: MeasuredOscillatorConfig = { ...options.task, tEnd: samples * step };
  const agreement = {} as Record<MeasuredUnraveling, Record<string, EnsembleAgreement>>;
  const worstZ = {} as Record<MeasuredUnraveling, number>;
  const worstZEuler = {} as Record<Diffusive, number>;
  const stepBiasZ = {} as Record<Diffusive, number>;
  let shown: Record<string, Float64Array>[] = [];
  const checks: FigureCheck[] = [];
  // every column at every time after t = 0 (photon counting compares fewer: no click, no spread)
  const comparisons = Object.keys(options.labels).length * (samples - 1);
  for (const unraveling of UNRAVELINGS) {
    const run = await measuredEnsemble(ctx, `${unraveling} trajectories ${options.model}`, { ...task, unraveling }, {
      trajectories,
      shown: unraveling === 'heterodyne' ? SHOWN : 0,
      // each unraveling draws its own noise: with one seed, trajectory k's homodyne increments would
      // be its heterodyne first quadrature's, and the figure's ensembles would be correlated
      noiseSeed: cfg.seed * UNRAVELINGS.length + UNRAVELINGS.indexOf(unraveling),
      workers: options.workers(trajectories),
      master: compared,
    });
    if (unraveling === 'heterodyne') shown = run.shown;
    agreement[unraveling] = run.agreement;
    worstZ[unraveling] = Math.max(...Object.values(run.agreement).map((g) => g.worstZ));
    for (const [name, label] of Object.entries(options.labels)) {
      const g = run.agreement[name];
      const k = g.worstIndex;
      checks.push(
        {
          name: `${unraveling}: ensemble mean of ${label} over ${trajectories} trajectories vs the master equation at its worst output time t = ${times[k].toFixed(2)} (of ${samples}), in units of the run's standard error`,
          equation: options.equation,
          value: g.mean[k],
          expected: g.standardError[k] > 0 ? master[name][k] : g.mean[k],
          standardError: g.standardError[k],
        },
        {
          name: `${unraveling}: fraction of output times where the mean of ${label} is within 2 standard errors of the master equation`,
          equation: options.equation,
          value: g.within2,
          expected: 0.95,
        },
      );
    }
    if (unraveling === 'photon-counting') continue;
    worstZEuler[unraveling] = 0;
    stepBiasZ[unraveling] = 0;
    for (const [name, label] of Object.entries(options.labels)) {
      const g = run.agreement[name];
      const toEuler = worstTime(g.mean, euler[name], g.standardError);
      const bias = worstTime(euler[name], master[name], g.standardError);
      worstZEuler[unraveling] = Math.max(worstZEuler[unraveling], toEuler.z);
      stepBiasZ[unraveling] = Math.max(stepBiasZ[unraveling], bias.z);
      checks.push(
        {
          name: `${unraveling}: the scheme's exact expectation of ${label} — the mean of ${trajectories} trajectories vs the master equation by explicit Euler at the SME's dt = ${options.task.dt} — at its worst output time t = ${times[toEuler.k].toFixed(2)}, in units of the run's standard error`,
          equation: options.equation,
          value: g.mean[toEuler.k],
          expected: euler[name][toEuler.k],
          standardError: g.standardError[toEuler.k],
        },
        {
          name: `${unraveling}: step bias of ${label} — explicit Euler at dt = ${options.task.dt} minus the master equation — at its worst output time t = ${times[bias.k].toFixed(2)}, in units of the run's standard error (≤ 1 keeps the 3-SE check a test of the unraveling)`,
          equation: options.equation,
          value: euler[name][bias.k],
          expected: master[name][bias.k],
          standardError: g.standardError[bias.k],
        },
      );
    }
  }
  return { times, trajectories, master, shown, agreement, worstZ, worstZEuler, stepBiasZ, familyWiseZ: bonferroniZ(FAMILY_WISE, comparisons), checks };
}

/** The largest |value − reference|/SE over the times after t = 0 with SE > 0, and where. */
function worstTime(value: Float64Array, reference: Float64Array, se: Float64Array): { z: number; k: number } {
  let z = 0;
  let k = 1;
  for (let i = 1; i < value.length; i++) {
    if (!(se[i] > 0)) continue;
    const zi = Math.abs(value[i] - reference[i]) / se[i];
    if (zi > z) {
      z = zi;
      k = i;
    }
  }
  return { z, k };
}

/**
 * The master equation's columns at the output times by explicit Euler, ρ ← ρ + dt·Lρ with the
 * matrix-free Lindblad right-hand side: the exact ensemble mean of the Euler–Maruyama and Milstein
 * SME schemes at step dt.
 */
function explicitEulerColumns(
  m: { lindbladian: Lindbladian; rho0: DensityMatrix; expect: Readonly<Record<string, Operator>>; columns: (values: Record<string, Complex>) => Record<string, number> },
  dt: number,
  outputEvery: number,
  samples: number,
): Record<string, Float64Array> {
  const rhs = compileLindbladRhs(m.lindbladian);
  const rho: DensityMatrix = { dims: m.rho0.dims, matrix: { ...m.rho0.matrix, data: Float64Array.from(m.rho0.matrix.data) } };
  const r = rho.matrix.data;
  const drho = new Float64Array(r.length);
  const rows: Record<string, number>[] = [];
  for (let q = 0; q < samples; q++) {
    if (q > 0) {
      for (let k = 0; k < outputEvery; k++) {
        rhs.applyInto(drho, r);
        for (let i = 0; i < r.length; i++) r[i] += dt * drho[i];
      }
    }
    rows.push(m.columns(Object.fromEntries(Object.entries(m.expect).map(([name, op]) => [name, expectValue(op, rho)]))));
  }
  return Object.fromEntries(Object.keys(rows[0]).map((name) => [name, Float64Array.from(rows, (row) => row[name])]));
}
