import { resolveFigureConfig } from './figure-config';
import { figureStream } from './figure-stream';
import { linspace } from './figure-support';
import type { FigureCheck, FigurePanel, FigureRecipe } from './figure-types';
import { V, laserCavity, laserCumulants, spectralPeak, symmetricFrequencies } from './undriven-laser-support';

/** Parameters of Fig. 7.2 (N = 10³, κ = 50V, γ+ = V, γ− = γz = 0) at p_d = 0.8. */
const N = 1000;
const PD = 0.8;
const GAMMA_PLUS = V;
const KAPPA = laserCavity(N).kappa;
/** (a) ωc − ωs on ±4·10⁻³κ (41 points at full size, odd so that 0 and ±10⁻³κ are on it when the grid allows). */
const DETUNING_MAX = 4e-3 * KAPPA;
const DETUNING_POINTS = 41;
/** (b) the cut. */
const CUT = 1e-3 * KAPPA;
const OMEGA_MAX = 0.5;
const OMEGA_POINTS = 400;
const SETTLE = 400;

/**
 * Fig. 7.5: the cavity–atom detuning ωc − ωs (Eqs. 7.17, 7.18) at the parameters of Fig. 7.2 with
 * p_d = 0.8. (a) the spectrum S(ω) (7.15) of the cumulant equations (App. 7.A with the detuning
 * term (ωc − ωs)a†a) against ωc − ωs ∈ ±4·10⁻³κ, as log10 S; (b) the cut at ωc − ωs = 10⁻³κ and
 * its mirror partner at −10⁻³κ on a linear scale. ω is measured from the atoms' frequency ωs.
 * Convention: S(ω) = 2Re ∫₀^∞ dτ e^{−iωτ}⟨a†(τ)a⟩ (as (7.15), @qsync/spectral), in which the
 * cavity sits at +(ωc − ωs); (7.2) as printed mirrors ω → −ω, so which peak is the higher one
 * depends on the convention. `scale` shrinks the detuning grid (at least 5 points).
 *
 * Checks:
 * - at ωc − ωs = 10⁻³κ the two peaks differ (the detuning breaks the symmetry between the two
 *   traveling waves, App. 7.B): the ratio of their heights is the parameter `heightRatio` (≠ 1);
 *   mirrored at −10⁻³κ, the product of the two ratios is 1; at 0 the ratio is 1;
 * - the mirror image: S at −10⁻³κ is S at +10⁻³κ with ω → −ω (largest difference over max S);
 * - the peak positions stay within 1 % of the resonant ones (the detuning's influence on the
 *   shift is small for ωc − ωs ≪ κ, App. 7.B): largest |ω_peak(10⁻³κ)| / ω_peak(0) − 1 over both peaks.
 */
export const figure75: FigureRecipe = {
  id: '7.5',
  title: 'Superradiant laser with undriven atoms: cavity–atom detuning (Eqs. 7.15, 7.18)',
  equations: ['7.15', '7.17', '7.18'],
  run(config) {
    const cfg = resolveFigureConfig('7.5', config);
    const detuningPoints = cfg.size(DETUNING_POINTS, 5);
    return figureStream(async (ctx) => {
      const pause = async (): Promise<void> => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (ctx.closed) throw new Error('figure 7.5: cancelled');
      };
      await pause();
      const omega = symmetricFrequencies(OMEGA_MAX, OMEGA_POINTS);
      const spectrumAt = (detuning: number) => {
        const model = laserCumulants(N, PD, { gammaPlus: GAMMA_PLUS, detuning });
        const y = model.steadyState({ settle: SETTLE, tolerance: 1e-10 });
        const density = model.spectrum(y, omega);
        return { model, y, density, plus: spectralPeak(model, y, omega, density, 1), minus: spectralPeak(model, y, omega, density, -1) };
      };

      const detunings = linspace(-DETUNING_MAX, DETUNING_MAX, detuningPoints);
      const values = new Float64Array(detunings.length * omega.length);
      for (const [ix, d] of detunings.entries()) {
        await pause();
        const { density } = spectrumAt(d);
        density.forEach((s, iy) => (values[iy * detunings.length + ix] = Math.log10(Math.max(s, 1e-300))));
        ctx.progress('(a) spectra', ix + 1, detunings.length);
      }

      await pause();
      const up = spectrumAt(CUT);
      const down = spectrumAt(-CUT);
      const resonant = spectrumAt(0);
      ctx.progress('(b) cut', 1, 1);
      let top = 0;
      for (const s of up.density) top = Math.max(top, s);
      let mirror = 0;
      for (let i = 0; i < omega.length; i++) mirror = Math.max(mirror, Math.abs(up.density[i] - down.density[omega.length - 1 - i]) / top);
      const peakMove = Math.max(Math.abs(up.plus.omega / resonant.plus.omega - 1), Math.abs(up.minus.omega / resonant.minus.omega - 1));

      const checks: FigureCheck[] = [
        {
          name: '(b) peak-height ratio (ω > 0 over ω < 0) at +10⁻³κ times that at −10⁻³κ (mirrored peaks: 1; each alone ≠ 1, see heightRatio)',
          equation: '7.18',
          value: (up.plus.height / up.minus.height) * (down.plus.height / down.minus.height),
          expected: 1,
        },
        {
          name: '(b) ωc − ωs = 0: height of the ω > 0 peak over the ω < 0 peak',
          equation: '7.15',
          value: resonant.plus.height / resonant.minus.height,
          expected: 1,
        },
        {
          name: '(b) largest |S(ω; +10⁻³κ) − S(−ω; −10⁻³κ)| / max S (the mirror image)',
          equation: '7.18',
          value: mirror,
          expected: 0,
        },
        {
          name: '(b) ωc − ωs = 10⁻³κ: largest relative move of the peaks from their resonant positions',
          equation: '7.18',
          value: peakMove,
          expected: 0,
        },
      ];
      const panels: FigurePanel[] = [
        {
          kind: 'heatmap',
          name: 'a',
          title: `(a) log10 S(ω) (7.15) against the detuning, N = ${N}, p_d = ${PD}, κ = 50V, γ+ = V`,
          xLabel: '(ωc − ωs)/κ',
          yLabel: 'ω/V from ωs (e^{−iωτ} convention)',
          valueLabel: 'log10 S (arb. units)',
          x: detunings.map((d) => d / KAPPA),
          y: omega,
          values,
        },
        {
          kind: 'lines',
          name: 'b',
          title: '(b) cut at ωc − ωs = 10⁻³κ, and at −10⁻³κ (its mirror image), divided by the maximum',
          xLabel: 'ω/V',
          yLabel: 'S(ω)/max S',
          series: [
            { name: 'ωc − ωs = +10⁻³κ', x: omega, y: up.density.map((s) => s / top) },
            { name: 'ωc − ωs = −10⁻³κ', x: omega, y: down.density.map((s) => s / top), dashed: true },
          ],
        },
      ];
      return {
        id: '7.5',
        title: figure75.title,
        parameters: {
          N,
          pd: PD,
          V,
          gammaPlus: GAMMA_PLUS,
          kappa: KAPPA,
          detuningPoints,
          peakPlus: up.plus.omega,
          peakMinus: up.minus.omega,
          heightPlus: up.plus.height,
          heightMinus: up.minus.height,
          heightRatio: up.plus.height / up.minus.height,
          convention: 'S(ω) = 2Re∫dτ e^{−iωτ}⟨a†(τ)a⟩ (Eq. 7.15; Eq. 7.2 is its mirror)',
        },
        panels,
        checks,
      };
    });
  },
};
