import { steadyState } from '@qsync/integrators';
import type { Lindbladian, Operator } from '@qsync/operators';
import { currentSpectrum, steadyStateSpectrum } from '@qsync/spectral';
import { createDiffusiveTrajectories } from '@qsync/unravelers';
import type { FigureContext } from './figure-stream';
import type { FigureCheck, FigureSeries } from './figure-types';

/** One pair whose channels κD[a], κD[b] are watched by heterodyne detectors, for {@link heterodyneSpectrum}. */
export interface HeterodyneSpectrumSpec {
  readonly lindbladian: Lindbladian;
  /** the watched jump operators a, b (their dissipators κD[a], κD[b] must be in the Lindbladian) */
  readonly a: Operator;
  readonly adag: Operator;
  readonly b: Operator;
  /** rate κ of the watched channels */
  readonly kappa: number;
  /** recording length (time units), integration step, seed */
  readonly duration: number;
  readonly dt: number;
  readonly noiseSeed: number;
  /** centres of the averaging windows lie on [−halfWidth, halfWidth] with spacing `window` */
  readonly halfWidth: number;
  /** width of the averaging window (the thesis: δ/10) */
  readonly window: number;
  /** the stage name of the progress events */
  readonly stage: string;
  /** what the checks' names say about the model, e.g. 'V = δ' */
  readonly label: string;
}

/** Sample spacing of the currents: Nyquist π/Δ = 63 ≫ 2δ; the Δ-average filters κS by sinc²(ωΔ/2) ≥ 0.98 on |ω| ≤ 10. */
const SAMPLE_STEP = 0.05;
/** Samples per periodogram segment: bins of 2π/(1024·0.05) = 0.123, four in a window of δ/10. */
const SEGMENT = 1024;
/** Samples per chunk of the recording (the figure yields between chunks). */
const CHUNK = 4096;

/**
 * The measured spectrum S^m(ω) of oscillator A's heterodyne current I_A (Eqs. 4.14, 4.16; internal
 * to figures): one long trajectory of the SME with a and b watched (`createDiffusiveTrajectories`,
 * Euler–Maruyama), started in ρ_ss (so stationary from t = 0), `currentSpectrum` with the
 * rectangular window (adjacent bins uncorrelated), averaged over windows of width `window` as the
 * thesis does, against κS(ω) + 1 with S of Eq. (4.12) from
 * `steadyStateSpectrum` of the same Lindbladian at the same bins. Returns the points
 * ((S^m − 1)/κ, to lie on S) and the checks:
 * - χ²/dof of the window means against κS + 1, each with the error of an average of
 *   segments·k exponential periodogram values (expected 1 ± √(2/dof));
 * - the largest relative deviation |S^m − (κS + 1)|/(κS + 1) over the windows (expected 0 within
 *   its standard error, the largest relative window error);
 * - the noise floor of I_A, the mean of S^m over |ω| ≥ π/(2Δ) (expected 1: the detector's white noise).
 * The count of conditional states that failed the positivity test (every 10 steps, tol 1e-6) is returned.
 */
export async function heterodyneSpectrum(ctx: FigureContext, spec: HeterodyneSpectrumSpec): Promise<{ series: FigureSeries; checks: FigureCheck[]; segments: number; positivityViolations: number }> {
  const l = spec.lindbladian;
  const watched = (d: { rate: number; jump: Operator; jump2?: Operator }): boolean => d.jump2 === undefined && d.rate === spec.kappa && (d.jump === spec.a || d.jump === spec.b);
  const rest = l.dissipators.filter((d) => !watched(d));
  if (rest.length !== l.dissipators.length - 2) throw new Error(`heterodyneSpectrum: the Lindbladian must hold κD[a] and κD[b] with κ = ${spec.kappa}`);
  const rho0 = steadyState(l).rho;
  const every = Math.round(SAMPLE_STEP / spec.dt);
  const samples = Math.floor(spec.duration / SAMPLE_STEP / SEGMENT) * SEGMENT;
  const runs = createDiffusiveTrajectories(
    {
      hamiltonian: l.hamiltonian,
      dissipators: rest,
      monitored: [
        { name: 'IA', rate: spec.kappa, jump: spec.a, unraveling: 'heterodyne' },
        { name: 'IB', rate: spec.kappa, jump: spec.b, unraveling: 'heterodyne' },
      ],
    },
    { rho0, dt: spec.dt, tEnd: samples * every * spec.dt, outputEvery: every, noiseSeed: spec.noiseSeed, method: 'euler-maruyama' },
  );
  const IA = new Float64Array(2 * samples);
  const IB = new Float64Array(2 * samples);
  const cursor = runs.start(0);
  for (let done = 0; done < samples; done += CHUNK) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (ctx.closed) throw new Error('heterodyneSpectrum: cancelled');
    cursor.advanceInto({ IA, IB }, done, Math.min(CHUNK, samples - done));
    ctx.progress(spec.stage, Math.min(done + CHUNK, samples), samples);
  }
  const m = currentSpectrum(IA, { dt: runs.sampleStep, segmentLength: SEGMENT, window: 'rectangular' });
  const inBand: number[] = [];
  for (let i = 0; i < m.omega.length; i++) if (Math.abs(m.omega[i]) <= spec.halfWidth + spec.window / 2) inBand.push(i);
  const S = steadyStateSpectrum(l, Float64Array.from(inBand, (i) => m.omega[i]), spec.adag, spec.a).density;
  const windows = Math.round((2 * spec.halfWidth) / spec.window) + 1;
  const x = new Float64Array(windows);
  const y = new Float64Array(windows);
  let chi2 = 0;
  let dof = 0;
  let worst = 0;
  let worstError = 0;
  for (let w = 0; w < windows; w++) {
    const centre = -spec.halfWidth + w * spec.window;
    let measured = 0;
    let expected = 0;
    let k = 0;
    inBand.forEach((i, j) => {
      if (Math.abs(m.omega[i] - centre) < spec.window / 2) {
        measured += m.density[i];
        expected += spec.kappa * S[j] + 1; // Eq. (4.16)
        k++;
      }
    });
    measured /= k;
    expected /= k;
    // the periodogram of a stationary current is exponentially distributed about S^m in each bin,
    // independently across segments and rectangular-window bins: the window mean's error is
    // S^m/√(segments·k) (the spread of ~20 segments is itself too noisy to divide by: χ² ≈ 2)
    const error = expected / Math.sqrt(m.segments * k);
    x[w] = centre;
    y[w] = (measured - 1) / spec.kappa;
    chi2 += ((measured - expected) / error) ** 2;
    dof++;
    const relative = Math.abs(measured - expected) / expected;
    if (relative > worst) worst = relative;
    worstError = Math.max(worstError, error / expected);
  }
  const data = `${(samples * runs.sampleStep).toFixed(0)} time units, ${m.segments} segments of ${SEGMENT} samples, windows of ${spec.window} on [−${spec.halfWidth}, ${spec.halfWidth}]`;
  return {
    series: { name: `(S^m − 1)/κ from I_A, ${spec.label}`, x, y, points: true },
    segments: m.segments,
    positivityViolations: cursor.stats.positivityViolations,
    checks: [
      { name: `heterodyne spectrum of I_A vs κS + 1 (${spec.label}; ${data}): χ²/dof of the window means`, equation: '4.16', value: chi2 / dof, expected: 1, standardError: Math.sqrt(2 / dof) },
      { name: `heterodyne spectrum of I_A vs κS + 1 (${spec.label}): largest |S^m − (κS + 1)|/(κS + 1) over the windows`, equation: '4.16', value: worst, expected: 0, standardError: worstError },
      { name: `heterodyne noise floor of I_A (|ω| ≥ π/(2Δ), ${m.floorBins} bins)`, equation: '3.15, 4.16', value: m.floor, expected: 1, standardError: m.floorError },
    ],
  };
}
