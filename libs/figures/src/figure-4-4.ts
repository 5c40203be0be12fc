import { coupledVanDerPol } from '@qsync/models';
import { couplingSpectra } from './coupling-spectra';
import { resolveFigureConfig } from './figure-config';
import { figureStream } from './figure-stream';
import type { FigureRecipe } from './figure-types';
import { heterodyneSpectrum } from './heterodyne-spectrum';
import { symmetricGrid, symmetryDefect } from './quantum-spectra-support';

/** κ = κ2, κ1 = 3κ2, δ = 5κ2 of the caption, in units where κ2 = 1. */
const KAPPA2 = 1;
const KAPPA = 1;
const KAPPA1 = 3;
const DELTA = 5;
/** Couplings V/δ (the thesis does not list them; as Fig. 2.5b: uncoupled, weak, at δ, strong). */
const COUPLINGS = [0, 0.5, 1, 2];
/**
 * Fock cutoff per oscillator: at 12 the spectra have converged to ~1e-4 of the peak (the largest
 * change from 12 to 14 at these couplings); `scale` lowers it, down to 8 (~5e-2).
 */
const CUTOFF = 12;
const MIN_CUTOFF = 8;
/** ω/κ2 on [−2δ, 2δ]: 241 frequencies at full size. */
const HALF_WIDTH = 2 * DELTA;
const HALF_POINTS = 120;
/** The coupling at which the Fourier route is run as well (V = δ), and the currents are recorded. */
const FOURIER_COUPLING = 1;
/**
 * The heterodyne recording at V = δ: Fock cutoff 5 per oscillator (a full-state SME of 25² entries;
 * its own S(ω) is the reference, so the truncation does not enter the check), Euler–Maruyama at
 * dt = 5e-3 (8 of ~1.6e6 checked states fail the positivity test at full size, reported; at cutoff 6
 * E–M fails it thousands of times), 80000 time units in records of 1024 (each from ρ_ss, one
 * trajectoryEnsemble trajectory): 1560 periodogram segments per current, 4 bins per window of δ/10,
 * so a window of the pooled spectrum has a relative standard error of about 1 % and a 5 % error is
 * a ≥ 4σ one (seed 1: largest deviation 2.1 %, 11 min on two loaded cores). `scale` < 0.5 lowers
 * the cutoff to 4 (dt = 1e-2) and below 0.3 to 3 (dt = 1.25e-2), and the total length to
 * max(48000, scale·80000) (SE 1.4 %).
 */
const MEASUREMENT_DURATION = 80000;
const MIN_MEASUREMENT_DURATION = 48000;
const RECORD = 1024;

/**
 * Fig. 4.4: frequency entrainment of two quantum vdP oscillators (Eq. 4.8, `coupledVanDerPol`),
 * κ = κ2, κ1 = 3κ2, δ = 5κ2, for V ∈ {0, δ/2, δ, 2δ}: the steady-state spectra S_A(ω), S_B(ω) of
 * Eq. (4.12), A = a†, B = a (and b†, b), by the quantum regression theorem
 * (`steadyStateSpectrumChunked`, resolvent route) on ω ∈ [−2δ, 2δ] (241 frequencies), Fock cutoff
 * 12. The scatter points: (S^m − 1)/κ of oscillator A's heterodyne current at V = δ (Eqs. 4.14,
 * 4.16; `heterodyneSpectrum`: stationary SME records watching a and b on two workers, averaged
 * over windows of δ/10 as the thesis does), at Fock cutoff 5 over 80000 time units; panel b shows
 * S^m itself with its standard error and κS_Δ + 1. `scale` shrinks the frequency grid
 * (2·4⌈scale·120/4⌉ + 1 ≥ 49), the cutoff (scale·12 ≥ 8), the recording's cutoff (5, 4 below
 * scale 0.5, 3 below 0.3) and its length (max(48000, scale·80000)).
 *
 * Checks (independent of the code under test):
 * - the Fourier route (τ-evolution by Dormand–Prince, transformed on its steps) against the
 *   resolvent route at V = δ: largest difference relative to the peak, expected 0 (~1e-9);
 * - S_B(ω) = S_A(−ω) at every V (A ↔ B with δ → −δ conjugates L): largest defect, expected 0;
 * - V = 0: oscillator A is alone, U(1)-symmetric at frequency +δ/2 (Eq. 4.1), so S_A is symmetric
 *   about +δ/2 and peaks there: the largest asymmetry (expected 0) and the peak (expected δ/2);
 * - the peaks approach each other as V grows (Fig. 2.5b): the number of couplings at which the
 *   separation of the peaks of S_A and S_B grows, expected 0;
 * - Eq. (4.16), for I_A and I_B (`heterodyneSpectrum`): the largest |S^m/(κS_Δ + 1) − 1| over the
 *   41 windows (within 5 %) with the windows' relative standard error (≤ 5 %/3), χ²/dof, the
 *   deviation from the plain κS + 1, and the noise floor against 1 − κ·dt·E[⟨a†a⟩_c − |⟨a⟩_c|²]
 *   (the Itô current's O(dt) term) and against 1.
 */
export const figure44: FigureRecipe = {
  id: '4.4',
  title: 'Frequency entrainment of two quantum vdP oscillators: spectra S_A, S_B (Eqs. 4.8, 4.12)',
  equations: ['4.8', '4.12'],
  run(config) {
    const cfg = resolveFigureConfig('4.4', config);
    const cutoff = Math.max(MIN_CUTOFF, cfg.size(CUTOFF, MIN_CUTOFF));
    const omega = symmetricGrid(HALF_WIDTH, cfg.size(HALF_POINTS, 24));
    const measurementCutoff = cfg.scale >= 0.5 ? 5 : cfg.scale >= 0.3 ? 4 : 3;
    const dt = measurementCutoff === 5 ? 5e-3 : measurementCutoff === 4 ? 1e-2 : 1.25e-2;
    const records = Math.round(Math.max(MIN_MEASUREMENT_DURATION, MEASUREMENT_DURATION * cfg.scale) / RECORD);
    return figureStream(async (ctx) => {
      const { spectra, peaks, panel, checks } = await couplingSpectra(ctx, omega, {
        couplings: COUPLINGS,
        delta: DELTA,
        fourierCoupling: FOURIER_COUPLING,
        model: (V) => {
          const { lindbladian, operators: o } = coupledVanDerPol({ cutoff, kappa: KAPPA, kappa1: KAPPA1, kappa2: KAPPA2, delta: DELTA, V });
          return { lindbladian, a: [o.adag, o.a], b: [o.bdag, o.b] };
        },
        equations: { spectrum: '4.12', model: '4.8' },
        caption: 'κ = κ2, κ1 = 3κ2, δ = 5κ2',
        unit: 'κ2',
      });
      const uncoupled = spectra[COUPLINGS.indexOf(0)].sA;
      const heterodyne = await heterodyneSpectrum(ctx, {
        pair: { cutoff: measurementCutoff, kappa: KAPPA, kappa1: KAPPA1, kappa2: KAPPA2, delta: DELTA, V: FOURIER_COUPLING * DELTA },
        trajectories: records,
        duration: RECORD,
        dt,
        noiseSeed: cfg.seed,
        workers: 2,
        halfWidth: HALF_WIDTH,
        window: DELTA / 10,
        stage: 'heterodyne currents, V = 1δ',
        label: `V = δ, cutoff ${measurementCutoff}`,
      });
      return {
        id: '4.4',
        title: figure44.title,
        parameters: {
          kappa: KAPPA,
          kappa1: KAPPA1,
          kappa2: KAPPA2,
          delta: DELTA,
          couplings: COUPLINGS.map((c) => `${c}δ`).join(', '),
          cutoff,
          frequencies: omega.length,
          measurementCutoff,
          measurementDuration: records * RECORD,
          measurementRecords: records,
          measurementDt: dt,
          measurementSegments: heterodyne.segments,
          measurementPositivityViolations: heterodyne.positivityViolations,
          ...peaks,
        },
        panels: [{ ...panel, series: [...panel.series, heterodyne.series] }, heterodyne.panel],
        checks: [
          checks.fourier,
          checks.mirror,
          { name: 'V = 0: asymmetry of S_A about +δ/2 (one U(1)-symmetric oscillator): largest |S(δ/2 + x) − S(δ/2 − x)| / peak', equation: '4.1, 4.12', value: symmetryDefect(omega, uncoupled, DELTA / 2), expected: 0 },
          { name: 'V = 0: peak of S_A at the bare frequency +δ/2', equation: '4.1, 4.12', value: peaks.peakA_V0delta, expected: DELTA / 2 },
          checks.approach,
          ...heterodyne.checks,
        ],
      };
    });
  },
};
