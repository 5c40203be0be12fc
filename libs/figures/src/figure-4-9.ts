import { coupledSpins } from '@qsync/models';
import { couplingSpectra } from './coupling-spectra';
import { resolveFigureConfig } from './figure-config';
import { figureStream } from './figure-stream';
import type { FigureRecipe } from './figure-types';
import { relativeToPeak, symmetricGrid } from './quantum-spectra-support';

/** γ+ = γ−/2, δ = 5γ− of the caption, in units where γ− = 1. */
const GAMMA_MINUS = 1;
const GAMMA_PLUS = 0.5;
const DELTA = 5;
/** Couplings V/δ (not listed in the thesis; as Fig. 4.4). */
const COUPLINGS = [0, 0.5, 1, 2];
/** ω/γ− on [−2δ, 2δ]: 241 frequencies at full size. */
const HALF_WIDTH = 2 * DELTA;
const HALF_POINTS = 120;
const FOURIER_COUPLING = 1;

/**
 * Fig. 4.9: frequency entrainment of two spin-1/2 oscillators (Eq. 4.35, `coupledSpins`),
 * γ+ = γ−/2, δ = 5γ−, for V ∈ {0, δ/2, δ, 2δ}: the steady-state spectra of Eq. (4.46),
 * S_A(ω) with A = σ+_A, B = σ−_A (and S_B), by the quantum regression theorem
 * (`steadyStateSpectrumChunked`, resolvent route) on ω ∈ [−2δ, 2δ] (241 frequencies). `scale`
 * shrinks the grid (2·4⌈scale·120/4⌉ + 1 ≥ 49).
 *
 * Checks (independent of the code under test):
 * - V = 0: each spin is the limit cycle of Eq. (4.26) at frequency ±δ/2, and Eqs. (4.27, 4.28)
 *   give ⟨σ+(τ)σ−⟩ = ⟨σ+σ−⟩e^{(±iδ/2 − Γ/2)τ}, Γ = γ+ + γ−, with ⟨σ+σ−⟩ = (1 + s_z)/2 = γ+/Γ
 *   (Eq. 4.29): S_A(ω) = (γ+/Γ)·Γ/((ω − δ/2)² + Γ²/4), a Lorentzian of half width Γ/2.
 *   Largest |S_A − Lorentzian| and |S_B − its mirror| relative to the peak, expected 0;
 * - the Fourier route against the resolvent route at V = δ, expected 0 (~1e-9);
 * - S_B(ω) = S_A(−ω) at every V (A ↔ B with δ → −δ conjugates L), expected 0;
 * - the peaks approach each other as V grows: the number of couplings at which their separation
 *   grows, expected 0.
 */
export const figure49: FigureRecipe = {
  id: '4.9',
  title: 'Frequency entrainment of two spin-1/2 oscillators: spectra S_A, S_B (Eqs. 4.35, 4.46)',
  equations: ['4.35', '4.46'],
  run(config) {
    const cfg = resolveFigureConfig('4.9', config);
    const omega = symmetricGrid(HALF_WIDTH, cfg.size(HALF_POINTS, 24));
    return figureStream(async (ctx) => {
      const G = GAMMA_PLUS + GAMMA_MINUS;
      const lorentzian = (center: number) => omega.map((w) => ((GAMMA_PLUS / G) * G) / ((w - center) ** 2 + (G * G) / 4));
      const { spectra, peaks, panel, checks } = await couplingSpectra(ctx, omega, {
        couplings: COUPLINGS,
        delta: DELTA,
        fourierCoupling: FOURIER_COUPLING,
        model: (V) => {
          const { lindbladian, operators: o } = coupledSpins({ delta: DELTA, V, gammaPlus: GAMMA_PLUS, gammaMinus: GAMMA_MINUS });
          return { lindbladian, a: [o.sigmaPlusA, o.sigmaMinusA], b: [o.sigmaPlusB, o.sigmaMinusB] };
        },
        equations: { spectrum: '4.46', model: '4.35' },
        caption: 'γ+ = γ−/2, δ = 5γ−',
        unit: 'γ−',
        uncoupledSeries: () => [{ name: 'Lorentzians of one spin (Eq. 4.26), V = 0', x: omega, y: lorentzian(DELTA / 2), dashed: true }],
      });
      const { sA, sB } = spectra[COUPLINGS.indexOf(0)];
      const lorentzianDefect = Math.max(relativeToPeak(sA, lorentzian(DELTA / 2)), relativeToPeak(sB, lorentzian(-DELTA / 2)));
      return {
        id: '4.9',
        title: figure49.title,
        parameters: {
          gammaMinus: GAMMA_MINUS,
          gammaPlus: GAMMA_PLUS,
          delta: DELTA,
          couplings: COUPLINGS.map((c) => `${c}δ`).join(', '),
          frequencies: omega.length,
          ...peaks,
        },
        panels: [panel],
        checks: [
          { name: 'V = 0: S_A, S_B vs the Lorentzians (γ+/Γ)·Γ/((ω ∓ δ/2)² + Γ²/4) of one spin: largest difference / peak', equation: '4.26–4.29', value: lorentzianDefect, expected: 0 },
          checks.fourier,
          checks.mirror,
          checks.approach,
        ],
      };
    });
  },
};
