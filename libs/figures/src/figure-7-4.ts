import { resolveFigureConfig } from './figure-config';
import { figureStream } from './figure-stream';
import { linspace } from './figure-support';
import type { FigureCheck, FigurePanel, FigureRecipe, FigureSeries } from './figure-types';
import { V } from './undriven-laser-support';
import { GAMMA, GAMMA_MINUS, GAMMA_Z, TRANSIENT_PD, meanFieldShift, shiftTransient } from './undriven-laser-transient';

/** The panels' N; t from 0 to 20/Γ (101 times at full size). */
const SIZES = [1e3, 1e4, 1e5, 1e6];
const T_GAMMA_MAX = 20;
const TIME_POINTS = 101;
/** Each panel's ω axis in its own unit Δν_min = V/N (Fig. 7.3's), log grid over [10, 3·10⁴] (the thesis's ticks 10²…10⁴). */
const UNITS_MIN = 10;
const UNITS_MAX = 3e4;
const OMEGA_POINTS = 240;
/** The peaks are searched on one ω/V grid for all N, [10⁻⁴, 0.4]V: at t = 0 the shift, ≈ 0.2V, is 2·10⁵ Δν_min at N = 10⁶, above that panel's axis (as in the thesis). */
const PEAK_MIN = 1e-4 * V;
const PEAK_MAX = 0.4 * V;
/** Where the approach to the mean field is checked (the mean-field shift is still ~10³ V/N at N = 10⁶ there). */
const CHECK_T_GAMMA = 10;

/**
 * Fig. 7.4: the transient of the frequency shift for N = 10³, 10⁴, 10⁵, 10⁶ at the parameters of
 * Fig. 7.3(b) — p_d = 0.8, γ+ = V, κ = 10√NΩ (50V), γz = 10⁻³V, γ− = 10⁻⁴V switched on at t = 0 in
 * the steady state of γ− = γz = 0. Each panel is the time-resolved spectrum S(t, ω) of Eq. (7.16)
 * (cumulant equations App. 7.A integrated in time, M(t) and c(t, 0) of (7.14) at each t, from
 * `undrivenAtomLaserCumulants`), divided by its maximum at each t, over tΓ ∈ [0, 20] and, as in
 * the thesis, ω in each panel's own unit Δν_min = V/N (Fig. 7.3's) on a log axis, log10(ω/Δν_min)
 * ∈ [1, log10 3·10⁴] (ω > 0: the spectrum is symmetric), with the mean-field shift in the same
 * unit as the companion line panel `<letter>-mean-field` (dashed in the thesis). Each time is
 * divided by the spectrum's own maximum (its refined peak), so where the peak lies above the
 * axis (N = 10⁶ before tΓ ≈ 4) the column is dark, as in the thesis. The panel `peaks` holds the
 * ω > 0 peak of each N against tΓ in units of V (searched on ω/V ∈ [10⁻⁴, 0.4], which holds every
 * N's peak at every t), and the mean-field shift (dashed): the bad-cavity equations (7.4) from the
 * traveling wave of (7.5). Convention: S(ω) = 2Re ∫₀^∞ dτ e^{−iωτ}⟨a†(τ)a⟩ (7.15, 7.16).
 * `scale` shrinks the number of times (at least 11).
 *
 * Checks: at tΓ = 10, |ω_peak/ω_mf − 1| for each N (the thesis: the spectrum approaches the mean
 * field as N grows; the spec asks it to fall with N and to be below 10 % at N = 10⁶).
 */
export const figure74: FigureRecipe = {
  id: '7.4',
  title: 'Superradiant laser with undriven atoms: transient of the frequency shift against N (Eq. 7.16)',
  equations: ['7.4', '7.14', '7.16'],
  run(config) {
    const cfg = resolveFigureConfig('7.4', config);
    const timePoints = cfg.size(TIME_POINTS, 11);
    return figureStream(async (ctx) => {
      const pause = async (): Promise<void> => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (ctx.closed) throw new Error('figure 7.4: cancelled');
      };
      await pause();
      const tGamma = linspace(0, T_GAMMA_MAX, timePoints);
      const units = Float64Array.from({ length: OMEGA_POINTS }, (_, j) => UNITS_MIN * (UNITS_MAX / UNITS_MIN) ** (j / (OMEGA_POINTS - 1)));
      const peakOmega = Float64Array.from({ length: OMEGA_POINTS }, (_, j) => PEAK_MIN * (PEAK_MAX / PEAK_MIN) ** (j / (OMEGA_POINTS - 1)));
      const meanField = meanFieldShift(tGamma);
      ctx.progress('mean field', 1, 1);
      const checkIndex = tGamma.findIndex((x) => Math.abs(x - CHECK_T_GAMMA) < 1e-9);
      const panels: FigurePanel[] = [];
      const peakSeries: FigureSeries[] = [{ name: 'mean field (7.4)', x: tGamma, y: meanField, dashed: true }];
      const checks: FigureCheck[] = [];
      const gaps: number[] = [];
      for (const [k, n] of SIZES.entries()) {
        await pause();
        const dnu = V / n; // Δν_min of this panel
        const { normalized, peak } = shiftTransient(n, tGamma, units.map((g) => g * dnu), peakOmega);
        panels.push(
          {
            kind: 'heatmap',
            name: 'abcd'[k],
            title: `N = ${n}: S(t, ω)/max_ω S(t, ω), Eq. (7.16), ω in units of Δν_min = V/N = ${dnu.toExponential(0)}V`,
            xLabel: 'tΓ',
            yLabel: 'log10(ω/Δν_min)',
            valueLabel: 'S(t, ω), normalized at each t',
            x: tGamma,
            y: units.map(Math.log10),
            values: normalized,
          },
          {
            kind: 'lines',
            name: `${'abcd'[k]}-mean-field`,
            title: `N = ${n}: the mean-field shift (7.4) on the axes of panel ${'abcd'[k]}`,
            xLabel: 'tΓ',
            yLabel: 'log10(ω/Δν_min)',
            series: [{ name: 'mean field (7.4)', x: tGamma, y: meanField.map((w) => Math.log10(w / dnu)), dashed: true }],
            xDomain: [0, T_GAMMA_MAX],
            yDomain: [Math.log10(UNITS_MIN), Math.log10(UNITS_MAX)],
          },
        );
        peakSeries.push({ name: `peak of S(t, ω), N = ${n}`, x: tGamma, y: peak });
        const gap = checkIndex >= 0 ? Math.abs(peak[checkIndex] / meanField[checkIndex] - 1) : NaN;
        gaps.push(gap);
        checks.push({
          name: `N = ${n}: at tΓ = ${CHECK_T_GAMMA}, |ω_peak/ω_mean-field − 1| (approaches 0 as N grows)`,
          equation: '7.16',
          value: gap,
          expected: 0,
        });
        ctx.progress('time-resolved spectra', k + 1, SIZES.length);
      }
      panels.push({
        kind: 'lines',
        name: 'peaks',
        title: 'the ω > 0 peak of S(t, ω) for each N, and the mean-field shift (dashed)',
        xLabel: 'tΓ',
        yLabel: 'ω/V',
        series: peakSeries,
      });
      return {
        id: '7.4',
        title: figure74.title,
        parameters: {
          pd: TRANSIENT_PD,
          gammaPlus: V,
          gammaMinus: GAMMA_MINUS,
          gammaZ: GAMMA_Z,
          Gamma: GAMMA,
          kappa: 50 * V,
          sizes: SIZES.join(' '),
          timePoints,
          omegaUnit: 'panels a–d: Δν_min = V/N of the panel; peaks: V',
          meanFieldShiftAtCheck: checkIndex >= 0 ? meanField[checkIndex] : NaN,
          convention: 'S(t, ω) = 2Re[(iω − M(t))⁻¹c(t, 0)]₀, e^{−iωτ} (Eq. 7.16)',
        },
        panels,
        checks,
      };
    });
  },
};
