import { travelingWaveFrequency } from '@qsync/models';
import { resolveFigureConfig } from './figure-config';
import { figureStream } from './figure-stream';
import { linspace } from './figure-support';
import type { FigureCheck, FigurePanel, FigureRecipe, FigureSeries } from './figure-types';
import { V, laserCumulants, meanFieldLongTime, spectralPeak, symmetricFrequencies } from './undriven-laser-support';

/** The caption's N = 10³ (κ = 10√N Ω, so κ = 50V), γ+ = V, γ− = γz = 0. */
const N = 1000;
const GAMMA_PLUS = V;
/** (a) p_d on [0.5, 1] (101 points at full size), ω/V on ±0.5 (400 points, ω = 0 left out). */
const PD_POINTS = 101;
const OMEGA_MAX = 0.5;
const OMEGA_POINTS = 400;
/** (b) the cuts, and the p_d where the peaks are checked against (7.7). */
const CUTS = [0.7, 0.8, 0.9, 1];
const PEAK_CHECKS = [0.8, 0.9];
/** (c–e) the mean-field states. */
const BLOCH = [0.5, 0.8, 1];
/** (c–e) the sphere seen orthographically from 20° above the equator, turned 35° about its axis. */
const ELEVATION = (20 * Math.PI) / 180;
const AZIMUTH = (35 * Math.PI) / 180;
/** The lasing transition at N = 10⁵ is checked on either side of (7.8)'s p_d = 3/4. */
const N_SHARP = 100000;
const SHARP = [0.74, 0.76];
/** Integration time (units of 1/V) before the steady state is polished; the slowest rate of (7.5) near p_d = 0.8 is ~0.05V. */
const SETTLE = 400;
const MEAN_FIELD_TIME = 3000;

/**
 * Fig. 7.2: the superradiant laser with a fraction p_d of driven atoms (Eq. 7.1), N = 10³,
 * κ = 10√NΩ (κ = 50V), V = 2NΩ²/κ = γ+ (the unit), γ− = γz = 0, every atom starting in |0⟩.
 * (a) the cavity spectrum S(ω) of the second-order cumulant equations (App. 7.A, from
 * `undrivenAtomLaserCumulants` of @qsync/models) by regression, Eq. (7.15), against p_d, as log10 S
 * (the heatmap), with the mean-field frequency ±ω of (7.7) as the companion line panel
 * `a-mean-field`; (b) cuts at p_d = 0.7, 0.8, 0.9, 1 on a linear scale (each divided by its
 * maximum); (c–e) the long-time states of the mean field (7.5) at p_d = 0.5, 0.8, 1 on the Bloch
 * sphere, as in the thesis: the Bloch vectors b_µ = (2Re s+_µ, 2Im s+_µ, s^z_µ) of the driven and
 * undriven atoms (arrows from the centre) and, where the state turns (p_d = 0.8: the traveling
 * wave), the parallels their tips run along over one period; the global phase (free under U(1))
 * puts b_d in the x–z plane. Drawn as an orthographic projection — the sphere seen from 20° above
 * its equator, turned 35° about its axis: screen (u, v) = (x', z cos ε + y' sin ε) with
 * (x', y') = (x cos α − y sin α, x sin α + y cos α), ε = 20°, α = 35°; the equator's far half
 * dashed. The vectors' components are also in the parameters `bloch<p_d>Driven{X,Y,Z}`,
 * `bloch<p_d>Undriven{X,Y,Z}`. Spectral convention: S(ω) = 2Re ∫₀^∞ dτ e^{−iωτ}⟨a†(τ)a⟩
 * (as (7.15) and @qsync/spectral; (7.2) as printed is its mirror ω → −ω). The spectrum is
 * symmetric here, the two traveling waves being equally likely. `scale` shrinks the p_d grid
 * (at least 11 points).
 *
 * Checks:
 * - the peaks of (7.15) at p_d = 0.8 and 0.9 (the ω > 0 maximum, refined to 1e-5V) against the
 *   traveling-wave frequency (7.7) of the mean field; the issue's tolerance 5 % (finite N = 10³);
 * - the mean field (7.5) integrated from a pure tilt of |0⟩ to t = 3000/V at p_d = 0.8, its
 *   frequency d arg s+/dt against (7.7) (the closed form holds when the undriven atoms start pure);
 * - the lasing transition at N = 10⁵: ⟨a†a⟩/N at p_d = 0.74 over that at 0.76 (mean field: 0
 *   below p_d = 3/4 by Eq. 7.8, finite above), which must be below 1/50;
 * - S(ω) = S(−ω) to rounding at p_d = 0.8 (no detuning: the two traveling waves are mirror images).
 */
export const figure72: FigureRecipe = {
  id: '7.2',
  title: 'Superradiant laser with undriven atoms: spectrum against the driven fraction (Eqs. 7.5, 7.7, 7.15)',
  equations: ['7.1', '7.5', '7.7', '7.8', '7.14', '7.15'],
  run(config) {
    const cfg = resolveFigureConfig('7.2', config);
    const pdPoints = cfg.size(PD_POINTS, 11);
    return figureStream(async (ctx) => {
      const pause = async (): Promise<void> => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (ctx.closed) throw new Error('figure 7.2: cancelled');
      };
      await pause();
      const omega = symmetricFrequencies(OMEGA_MAX, OMEGA_POINTS);
      const spectrumAt = (pd: number) => {
        const model = laserCumulants(N, pd, { gammaPlus: GAMMA_PLUS });
        const y = model.steadyState({ settle: SETTLE, tolerance: 1e-10 });
        return { model, y, density: model.spectrum(y, omega) };
      };

      // (a) the spectrum against p_d
      const pds = linspace(0.5, 1, pdPoints);
      const values = new Float64Array(pds.length * omega.length);
      for (const [ix, pd] of pds.entries()) {
        await pause();
        const { density } = spectrumAt(pd);
        density.forEach((s, iy) => (values[iy * pds.length + ix] = Math.log10(Math.max(s, 1e-300))));
        ctx.progress('(a) spectra', ix + 1, pds.length);
      }
      const finePd = linspace(0.5, 1, 501);
      const mf = finePd.map((pd) => travelingWaveFrequency({ V, gammaPlus: GAMMA_PLUS, pd }));

      // (b) cuts, and the peak checks
      const cutSeries: FigureSeries[] = [];
      const peaks = new Map<number, { plus: number; minus: number }>();
      let asymmetry = 0;
      for (const [k, pd] of CUTS.entries()) {
        await pause();
        const { model, y, density } = spectrumAt(pd);
        let top = 0;
        for (const s of density) top = Math.max(top, s);
        cutSeries.push({ name: `p_d = ${pd}`, x: omega, y: density.map((s) => s / top) });
        if (PEAK_CHECKS.includes(pd)) {
          peaks.set(pd, { plus: spectralPeak(model, y, omega, density, 1).omega, minus: spectralPeak(model, y, omega, density, -1).omega });
        }
        if (pd === 0.8) {
          for (let i = 0; i < omega.length; i++) asymmetry = Math.max(asymmetry, Math.abs(density[i] - density[omega.length - 1 - i]) / top);
        }
        ctx.progress('(b) cuts', k + 1, CUTS.length);
      }

      // the transition at N = 10⁵
      const photonsPerAtom: number[] = [];
      for (const pd of SHARP) {
        await pause();
        const model = laserCumulants(N_SHARP, pd, { gammaPlus: GAMMA_PLUS });
        const y = model.steadyState({ settle: SETTLE, tolerance: 1e-10 });
        photonsPerAtom.push(y[model.slots.photons] / N_SHARP);
        ctx.progress('transition at N = 10^5', photonsPerAtom.length, SHARP.length);
      }

      // (c–e) mean-field states on the Bloch sphere
      const blochPanels: FigurePanel[] = [];
      const blochParameters: Record<string, number> = {};
      let meanFieldFrequency = NaN;
      const [ce, se, ca, sa] = [Math.cos(ELEVATION), Math.sin(ELEVATION), Math.cos(AZIMUTH), Math.sin(AZIMUTH)];
      const project = (x: number, y: number, z: number): [number, number] => [x * ca - y * sa, z * ce + (x * sa + y * ca) * se];
      const curve = (name: string, points: number, at: (t: number) => [number, number, number], style: Partial<FigureSeries> = {}): FigureSeries => {
        const uv = Array.from({ length: points }, (_, k) => project(...at(k / (points - 1))));
        return { name, x: Float64Array.from(uv, (q) => q[0]), y: Float64Array.from(uv, (q) => q[1]), ...style };
      };
      const GREY = '#9a9a9a';
      for (const [k, pd] of BLOCH.entries()) {
        await pause();
        const { y, frequency } = meanFieldLongTime(pd, GAMMA_PLUS, MEAN_FIELD_TIME);
        if (pd === 0.8) meanFieldFrequency = Math.abs(frequency);
        // (below the transition s+ → 0 and d arg s+/dt is that of rounding noise: no field, static)
        const field = 2 * Math.hypot(y[0], y[1]) > 1e-6;
        const turning = field && Math.abs(frequency) > 1e-9;
        // the global phase: b_d in the x–z plane (when it has a transverse part)
        const phase = Math.hypot(y[0], y[1]) > 1e-12 ? Math.atan2(y[1], y[0]) : 0;
        const vector = (re: number, im: number, z: number): [number, number, number] => {
          const r = 2 * Math.hypot(re, im);
          const phi = Math.atan2(im, re) - phase;
          return [r * Math.cos(phi), r * Math.sin(phi), z];
        };
        const kinds: [string, string, [number, number, number], string][] = [['driven', 'Driven', vector(y[0], y[1], y[4]), '#d62728']];
        if (pd < 1) kinds.push(['undriven', 'Undriven', vector(y[2], y[3], y[5]), '#1f77b4']);
        const panelSeries: FigureSeries[] = [
          curve('sphere (outline)', 181, (t) => {
            // the silhouette: the great circle facing the viewer, (u, v) = (cos, sin)
            const c = Math.cos(2 * Math.PI * t);
            const q = Math.sin(2 * Math.PI * t);
            return [c * ca, -c * sa, 0].map((w, i) => w + q * [se * sa, se * ca, ce][i]) as [number, number, number];
          }, { color: GREY }),
          // the equator (cos φ, sin φ, 0): its far half (y' > 0) is φ ∈ (−α, π − α)
          curve('equator (near half)', 91, (t) => [Math.cos(Math.PI - AZIMUTH + Math.PI * t), Math.sin(Math.PI - AZIMUTH + Math.PI * t), 0], { color: GREY }),
          curve('equator (far half)', 91, (t) => [Math.cos(-AZIMUTH + Math.PI * t), Math.sin(-AZIMUTH + Math.PI * t), 0], { color: GREY, dashed: true }),
          curve('z axis', 2, (t) => [0, 0, 2 * t - 1], { color: GREY, dashed: true }),
        ];
        for (const [label, key, b, color] of kinds) {
          const [bx, by, bz] = b;
          blochParameters[`bloch${pd}${key}X`] = bx;
          blochParameters[`bloch${pd}${key}Y`] = by;
          blochParameters[`bloch${pd}${key}Z`] = bz;
          panelSeries.push(curve(`${label}: Bloch vector (${bx.toFixed(4)}, ${by.toFixed(4)}, ${bz.toFixed(4)})`, 2, (t) => [t * bx, t * by, t * bz], { color }));
          const r = Math.hypot(bx, by);
          if (turning && r > 1e-9) {
            const phi0 = Math.atan2(by, bx);
            panelSeries.push(curve(`${label}: its tip over one period`, 121, (t) => [r * Math.cos(phi0 + 2 * Math.PI * t), r * Math.sin(phi0 + 2 * Math.PI * t), bz], { color, dashed: true }));
          }
        }
        blochPanels.push({
          kind: 'lines',
          name: 'cde'[k],
          title: `(${'cde'[k]}) mean field (7.5), long-time state at p_d = ${pd} on the Bloch sphere (${turning ? `turning at ω = ${Math.abs(frequency).toFixed(5)}V` : field ? 'static' : 'no field, static'}; seen from 20° above the equator)`,
          xLabel: 'u (orthographic projection)',
          yLabel: 'v',
          series: panelSeries,
          // the plot box of the default 720 × 440 line plot is ≈ 1.9 times as wide as high: this x range
          // keeps the sphere round there (the same unit on both axes) and leaves the legend room beside it
          xDomain: [-2, 2],
          yDomain: [-1.05, 1.05],
        });
        ctx.progress('(c–e) mean field', k + 1, BLOCH.length);
      }

      const checks: FigureCheck[] = [
        ...PEAK_CHECKS.flatMap((pd): FigureCheck[] => {
          const expected = travelingWaveFrequency({ V, gammaPlus: GAMMA_PLUS, pd });
          const found = peaks.get(pd) ?? { plus: NaN, minus: NaN };
          return [
            { name: `(a) p_d = ${pd}: peak of S(ω) (7.15) at ω > 0 vs the mean-field frequency (7.7)`, equation: '7.7', value: found.plus, expected },
            { name: `(a) p_d = ${pd}: peak of S(ω) (7.15) at ω < 0 vs −(7.7)`, equation: '7.7', value: found.minus, expected: -expected },
          ];
        }),
        {
          name: `(c–e) mean field (7.5) from a pure tilt of |0⟩ at p_d = 0.8: |d arg s+/dt| at t = ${MEAN_FIELD_TIME}/V vs (7.7)`,
          equation: '7.7',
          value: meanFieldFrequency,
          expected: travelingWaveFrequency({ V, gammaPlus: GAMMA_PLUS, pd: 0.8 }),
        },
        {
          name: `N = ${N_SHARP}: ⟨a†a⟩/N at p_d = ${SHARP[0]} over ⟨a†a⟩/N at p_d = ${SHARP[1]} (mean field: 0 below p_d = 3/4, Eq. 7.8)`,
          equation: '7.8',
          value: photonsPerAtom[0] / photonsPerAtom[1],
          expected: 0,
        },
        {
          name: '(b) p_d = 0.8: largest |S(ω) − S(−ω)| / max S (no detuning: mirror-symmetric)',
          equation: '7.15',
          value: asymmetry,
          expected: 0,
        },
      ];
      const panels: FigurePanel[] = [
        {
          kind: 'heatmap',
          name: 'a',
          title: `(a) log10 S(ω) (7.15) of the cumulant equations, N = ${N}, κ = 50V, γ+ = V; mean field (7.7) in a-mean-field`,
          xLabel: 'driven fraction p_d',
          yLabel: 'ω/V (e^{−iωτ} convention)',
          valueLabel: 'log10 S (arb. units)',
          x: pds,
          y: omega,
          values,
        },
        {
          kind: 'lines',
          name: 'a-mean-field',
          title: '(a) mean-field frequency ±ω of the traveling waves, Eq. (7.7), on the axes of panel a',
          xLabel: 'driven fraction p_d',
          yLabel: 'ω/V',
          series: [
            { name: '+ω (Eq. 7.7)', x: finePd, y: mf, dashed: true },
            { name: '−ω (Eq. 7.7)', x: finePd, y: mf.map((w) => -w), dashed: true },
          ],
          xDomain: [0.5, 1],
          yDomain: [-OMEGA_MAX, OMEGA_MAX],
        },
        {
          kind: 'lines',
          name: 'b',
          title: '(b) cuts of (a), each divided by its maximum',
          xLabel: 'ω/V',
          yLabel: 'S(ω)/max S',
          series: cutSeries,
        },
        ...blochPanels,
      ];
      return {
        id: '7.2',
        title: figure72.title,
        parameters: {
          N,
          V,
          gammaPlus: GAMMA_PLUS,
          kappa: 50 * V,
          Omega: 5 / Math.sqrt(N),
          pdPoints,
          omegaPoints: omega.length,
          photonsPerAtomBelow: photonsPerAtom[0],
          photonsPerAtomAbove: photonsPerAtom[1],
          convention: 'S(ω) = 2Re∫dτ e^{−iωτ}⟨a†(τ)a⟩ (Eq. 7.15; Eq. 7.2 is its mirror)',
          blochElevationDegrees: 20,
          blochAzimuthDegrees: 35,
          ...blochParameters,
        },
        panels,
        checks,
      };
    });
  },
};
