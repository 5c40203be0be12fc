import { tapProgress } from '@qsync/frames';
import { coupledVanDerPol } from '@qsync/models';
import type { Operator } from '@qsync/operators';
import { steadyStateSpectrum } from '@qsync/spectral';
import { trajectoryEnsemble } from '@qsync/unravelers';
import { currentSpectrumFrequencies } from './current-spectrum-frequencies';
import type { FigureContext } from './figure-stream';
import type { FigureCheck, FigureSeries, LinePanel } from './figure-types';
import { heterodyneSpectrumTask, type HeterodyneSpectrumTaskConfig } from './heterodyne-spectrum-task';
import { spectrumAgreement } from './spectrum-agreement';
import { spectrumWindowBins } from './spectrum-window-bins';

/** The recording of {@link heterodyneSpectrum}: the pair, its size and the windows. */
export interface HeterodyneSpectrumSpec {
  /** the pair of Eq. 4.8; its κD[a], κD[b] are watched */
  readonly pair: HeterodyneSpectrumTaskConfig['pair'];
  /** independent stationary trajectories and the recording length of each (time units) */
  readonly trajectories: number;
  readonly duration: number;
  /** integration step (Euler–Maruyama) */
  readonly dt: number;
  readonly noiseSeed: number;
  /** worker threads of the ensemble (0: this thread) */
  readonly workers: number;
  /** centres of the averaging windows lie on [−halfWidth, halfWidth] with spacing `window` */
  readonly halfWidth: number;
  /** width of the averaging window (the thesis: δ/10) */
  readonly window: number;
  /** the stage name of the progress events */
  readonly stage: string;
  /** what the checks' names say about the model, e.g. 'V = δ' */
  readonly label: string;
}

/** What {@link heterodyneSpectrum} measured. */
export interface HeterodyneSpectrumResult {
  /** (S^m − 1)/κ of I_A per window: points on S(ω) */
  readonly series: FigureSeries;
  /** the pooled S^m per window (points), its ±1 SE, and κS_Δ + 1 (the line) */
  readonly panel: LinePanel;
  readonly checks: FigureCheck[];
  /** periodogram segments over all trajectories, and the conditional states that failed the positivity test */
  readonly segments: number;
  readonly positivityViolations: number;
}

/** Sample spacing Δ of the currents: Nyquist π/Δ = 63 ≫ 2δ; the Δ-average filters κS by sinc²(ωΔ/2) ≥ 0.98 on |ω| ≤ 10. */
const SAMPLE_STEP = 0.05;
/** Samples per periodogram segment: bins of 2π/(1024·0.05) = 0.123, four in a window of δ/10. */
const SEGMENT = 1024;
/** Aliases kept in the block-averaged prediction: S at |ω ± 2πm/Δ| ≥ 115 is below 1e-6 of its peak. */
const ALIASES = 2;

/**
 * The measured spectra S^m(ω) of both heterodyne currents of a coupled pair (Eqs. 4.14, 4.16;
 * internal to figures): `trajectories` independent stationary records (`heterodyneSpectrumTrajectory`
 * on `trajectoryEnsemble` workers, trajectory k seeded by (noiseSeed, k)), each reduced to the
 * window means of its averaged periodograms; the ensemble mean over records is S^m per window, the
 * spread over records its standard error (no distributional assumption).
 *
 * The prediction is what Eq. (4.16) says for the samples the detector writes. A sample is the
 * current averaged over Δ, so the signal part is filtered and aliased,
 * κS_Δ(ω) = Σ_m κS(ω_m)·sinc²(ω_mΔ/2), ω_m = ω + 2πm/Δ, while the white noise stays exactly 1
 * (block means of white noise of intensity 1 are independent with variance 1/Δ: Δ·E|I_n|² = 1 at
 * every ω; equivalently Σ_m sinc²(ωΔ/2 + πm) = 1). With S of Eq. (4.12) from
 * `steadyStateSpectrum` of the same Lindbladian, averaged over the same bins. On |ω| ≤ 2δ κS_Δ
 * and κS differ by < 0.1 % of κS + 1.
 *
 * One effect of the integrator remains, O(dt): the simulated current's signal in a step is that
 * of the state at the step's start (Itô), independent of the step's own noise, so the
 * equal-time correlation of noise and back-action, κ(⟨a†a⟩ − |⟨a⟩_c|²) averaged over the
 * conditional states, is missing at lag 0; at frequencies above the model's rates this lowers
 * S^m by the constant κ·dt·E[⟨a†a⟩_c − |⟨a⟩_c|²], whatever Δ (measured on the spin of Fig. 4.7 with
 * γ− = 1 and 2, dt = 0.05 … 0.0125, Δ = dt … 4dt: 13 runs within 3 SE of it, SE ≈ 0.001; where the
 * floor band is not far above the rates the deficit is smaller: Fig. 4.4 at cutoff 5, dt = 5e-3,
 * gives 0.9982 ± 0.0008 for 1 − 0.0035, about half of it). On |ω| ≤ 2δ its size
 * is about κ·dt·E[…] ≈ 0.7 % of S^m or less at the spec's dt (half a window SE; at low ω it
 * changes sign). The floor checks state both
 * predictions, 1 and 1 − κ·dt·E[…] with the conditional variance measured along the trajectories.
 *
 * Both currents estimate S_A: S_B(−ω) = S_A(ω) (A ↔ B with δ → −δ conjugates L), so each record
 * also gives the pooled [S^m_A(ω) + S^m_B(−ω)]/2 (the noises of I_A and I_B are independent: its
 * variance is about half of one current's; the spread over records measures it either way).
 *
 * Checks:
 * - pooled: the largest |S^m/(κS_Δ + 1) − 1| over the windows (the issue: within 5 %), with the
 *   largest relative standard error of a window (≤ 5 %/3 makes a 5 % error a ≥ 3σ one), χ²/dof
 *   against κS_Δ + 1 (1 ± √(2/dof)), and the largest deviation from the plain κS + 1 of Eq. 4.16;
 * - I_A and I_B alone: the largest |S^m − (κS_Δ + 1)|/SE over the windows and χ²/dof;
 * - the noise floors (mean of S^m over |ω| ≥ π/(2Δ)) against 1 − κ·dt·E[⟨a†a⟩_c − |⟨a⟩_c|²] and
 *   against 1.
 */
export async function heterodyneSpectrum(ctx: FigureContext, spec: HeterodyneSpectrumSpec): Promise<HeterodyneSpectrumResult> {
  const outputEvery = Math.round(SAMPLE_STEP / spec.dt);
  if (Math.abs(outputEvery * spec.dt - SAMPLE_STEP) > 1e-12) throw new Error(`heterodyneSpectrum: dt (${spec.dt}) must divide Δ = ${SAMPLE_STEP}`);
  const segmentsPerTrajectory = Math.max(1, Math.round(spec.duration / (SEGMENT * SAMPLE_STEP)));
  const windows = Math.round((2 * spec.halfWidth) / spec.window) + 1;
  const centres = Array.from({ length: windows }, (_, w) => -spec.halfWidth + w * spec.window);
  const config: HeterodyneSpectrumTaskConfig = {
    pair: spec.pair,
    dt: spec.dt,
    outputEvery,
    segments: segmentsPerTrajectory,
    segmentLength: SEGMENT,
    centres,
    width: spec.window,
  };
  const frames = await ctx.collect(spec.stage, (progress) =>
    trajectoryEnsemble(
      { module: heterodyneSpectrumTask, name: 'heterodyneSpectrumTrajectory', config },
      { trajectories: spec.trajectories, noiseSeed: spec.noiseSeed, workers: spec.workers, emitEvery: spec.trajectories },
    )
      .withProgress()
      .pipe(tapProgress(progress)),
  );
  const ensemble = frames[frames.length - 1].channels;
  const pair = coupledVanDerPol(spec.pair);
  const o = pair.operators;
  const omega = currentSpectrumFrequencies(SEGMENT, SAMPLE_STEP);
  const bins = spectrumWindowBins(omega, centres, spec.window);
  const kappa = spec.pair.kappa;
  const predictA = predictedWindows(pair.lindbladian, o.adag, o.a, omega, bins, kappa);
  const predictB = predictedWindows(pair.lindbladian, o.bdag, o.b, omega, bins, kappa);
  const segments = segmentsPerTrajectory * spec.trajectories;
  const recorded = `${spec.label}; ${spec.trajectories} records of ${(segmentsPerTrajectory * SEGMENT * SAMPLE_STEP).toFixed(0)} time units, ${segments} segments of ${SEGMENT} samples, windows of ${spec.window} on [−${spec.halfWidth}, ${spec.halfWidth}]`;
  const pooled = ensemble.S;
  const g = spectrumAgreement(pooled.mean, pooled.standardError, predictA.blockAveraged);
  const plain = spectrumAgreement(pooled.mean, pooled.standardError, predictA.plain);
  const checks: FigureCheck[] = [
    {
      name: `heterodyne spectrum [S^m_A(ω) + S^m_B(−ω)]/2 vs κS_Δ + 1 (${recorded}): largest |S^m/(κS_Δ + 1) − 1| over the windows, with that window's relative standard error`,
      equation: '4.16',
      value: g.worst,
      expected: 0,
      standardError: g.worstError,
    },
    {
      name: `heterodyne spectrum [S^m_A(ω) + S^m_B(−ω)]/2 (${spec.label}): largest relative standard error of a window`,
      equation: '4.16',
      value: g.largestError,
      expected: 0.05 / 3,
    },
    {
      name: `heterodyne spectrum [S^m_A(ω) + S^m_B(−ω)]/2 vs κS_Δ + 1 (${spec.label}): χ²/dof of the window means`,
      equation: '4.16',
      value: g.chi2 / g.dof,
      expected: 1,
      standardError: Math.sqrt(2 / g.dof),
    },
    {
      name: `heterodyne spectrum [S^m_A(ω) + S^m_B(−ω)]/2 vs the plain κS + 1 (${spec.label}): largest |S^m/(κS + 1) − 1| over the windows`,
      equation: '4.16',
      value: plain.worst,
      expected: 0,
      standardError: plain.worstError,
    },
  ];
  for (const [name, predicted] of [
    ['A', predictA],
    ['B', predictB],
  ] as const) {
    const own = ensemble[`S${name}`];
    const one = spectrumAgreement(own.mean, own.standardError, predicted.blockAveraged);
    const floor = ensemble[`floor${name}`];
    const backaction = ensemble[`backaction${name}`].mean[0];
    checks.push(
      {
        name: `heterodyne spectrum of I_${name} alone vs κS_Δ + 1 (${spec.label}): largest |S^m − (κS_Δ + 1)|/SE over the ${one.dof} windows`,
        equation: '4.16',
        value: one.largestZ,
        expected: 0,
      },
      {
        name: `heterodyne spectrum of I_${name} alone vs κS_Δ + 1 (${spec.label}): χ²/dof of the window means`,
        equation: '4.16',
        value: one.chi2 / one.dof,
        expected: 1,
        standardError: Math.sqrt(2 / one.dof),
      },
      {
        name: `heterodyne noise floor of I_${name} (|ω| ≥ π/(2Δ)) vs 1 − κ·dt·E[⟨a†a⟩_c − |⟨a⟩_c|²] (the Itô current's O(dt) term; E[…] = ${(backaction / kappa).toFixed(4)})`,
        equation: '3.15, 4.16',
        value: floor.mean[0],
        expected: 1 - spec.dt * backaction,
        standardError: floor.standardError[0],
      },
      {
        name: `heterodyne noise floor of I_${name} (|ω| ≥ π/(2Δ)) vs 1 (Eq. 4.16 as dt → 0)`,
        equation: '3.15, 4.16',
        value: floor.mean[0],
        expected: 1,
        standardError: floor.standardError[0],
      },
    );
  }
  const SA = ensemble.SA;
  const x = Float64Array.from(centres);
  const S = pooled;
  return {
    series: { name: `(S^m − 1)/κ from I_A, ${spec.label}`, x, y: SA.mean.map((s) => (s - 1) / kappa), points: true },
    panel: {
      kind: 'lines',
      name: 'b',
      title: `(b) S^m of the heterodyne currents, [S^m_A(ω) + S^m_B(−ω)]/2 (${spec.label}, windows of δ/10), and κS_Δ + 1 (Eq. 4.16)`,
      xLabel: 'ω/κ2',
      yLabel: 'S^m(ω)',
      series: [
        { name: '[S^m_A(ω) + S^m_B(−ω)]/2 (mean of the records)', x, y: S.mean, points: true, color: '#1f77b4' },
        { name: 'S^m + SE', x, y: S.mean.map((v, w) => v + S.standardError[w]), color: '#a6c8e6' },
        { name: 'S^m − SE', x, y: S.mean.map((v, w) => v - S.standardError[w]), color: '#a6c8e6' },
        { name: 'κS_Δ + 1', x, y: predictA.blockAveraged, color: '#000000' },
      ],
    },
    checks,
    segments,
    positivityViolations: Math.round(ensemble.violations.mean[0] * spec.trajectories),
  };
}

/**
 * κS_Δ(ω) + 1 and κS(ω) + 1 averaged over the bins of each window; S from `steadyStateSpectrum`
 * (A = jumpDag, B = jump), at the bins and their aliases ω ± 2πm/Δ, m ≤ ALIASES.
 */
function predictedWindows(
  l: Parameters<typeof steadyStateSpectrum>[0],
  jumpDag: Operator,
  jump: Operator,
  omega: Float64Array,
  bins: number[][],
  kappa: number,
): { blockAveraged: Float64Array; plain: Float64Array } {
  const used = [...new Set(bins.flat())].sort((i, j) => i - j);
  const blocked = new Float64Array(used.length);
  let plainS: Float64Array = new Float64Array(0);
  for (let m = -ALIASES; m <= ALIASES; m++) {
    const shifted = Float64Array.from(used, (i) => omega[i] + (2 * Math.PI * m) / SAMPLE_STEP);
    const S = steadyStateSpectrum(l, shifted, jumpDag, jump).density;
    if (m === 0) plainS = S;
    shifted.forEach((w, j) => {
      const x = (w * SAMPLE_STEP) / 2;
      const sinc = x === 0 ? 1 : Math.sin(x) / x;
      blocked[j] += kappa * S[j] * sinc * sinc;
    });
  }
  const at = new Map(used.map((i, j) => [i, j]));
  const mean = (values: (j: number) => number) => Float64Array.from(bins, (w) => w.reduce((s, i) => s + values(at.get(i) ?? 0), 0) / w.length);
  return { blockAveraged: mean((j) => blocked[j] + 1), plain: mean((j) => kappa * plainS[j] + 1) };
}
