import { eigenvalues } from '@qsync/linalg';
import { criticalDrivenFraction, type UndrivenAtomLaserCumulants } from '@qsync/models';
import { fitDoubleLorentzian } from '@qsync/spectral';
import { resolveFigureConfig } from './figure-config';
import { figureStream } from './figure-stream';
import { linspace } from './figure-support';
import type { FigureCheck, FigurePanel, FigureRecipe, FigureSeries } from './figure-types';
import { V, laserCumulants, symmetricFrequencies } from './undriven-laser-support';
import { GAMMA, GAMMA_MINUS, GAMMA_Z, TRANSIENT_PD, meanFieldShift, shiftTransient } from './undriven-laser-transient';

/** The caption's N = 10⁵ (κ = 10√NΩ = 50V, C = 4Ω²/(κγ−) = 0.2), γz = 10⁻³V, γ− = 10⁻⁴V. */
const N = 100000;
const LINEWIDTH_UNIT = V / N;
/** (a) γ+/V on [0.1, 2] and p_d on [0.5, 1], 26 × 26 at full size. */
const GAIN_MIN = 0.1;
const GAIN_MAX = 2;
const GRID = 26;
/** (c–e) the cuts' drive rates, p_d on [0.5, 1] (51 at full size; 0.97 and 1 always present). */
const CUT_GAINS = [0.5, 1, 1.5];
const CUT_POINTS = 51;
/** (b) t from 0 to 20/Γ (101 times at full size); ω/V on a log grid; the decay is fitted on tΓ ∈ [2, 10]. */
const T_GAMMA_MAX = 20;
const TIME_POINTS = 101;
const OMEGA_MIN = 1e-4 * V;
const OMEGA_MAX = 0.4 * V;
const OMEGA_POINTS = 240;
const DECAY_FROM = 2;
const DECAY_TO = 10;
/** Time integrated from |0⟩ before the relaxation (through the build-up of the field). */
const SETTLE = 400;
/** ⟨a†a⟩/N that counts as lasing in (a)'s threshold check. */
const LASING_LEVEL = 1e-4;
/** The (7.11) threshold at γ+ = V is checked by ⟨a†a⟩/N at p_c ∓ THRESHOLD_STEP. */
const THRESHOLD_STEP = 0.02;

interface LaserPoint {
  readonly pd: number;
  readonly gammaPlus: number;
  readonly model: UndrivenAtomLaserCumulants;
  readonly y: Float64Array;
  readonly photonsPerAtom: number;
  /** the least-damped eigenvalue λ of M (7.14): the line at ω = Im λ of half width −Re λ */
  readonly slowRe: number;
  readonly slowIm: number;
}

/**
 * The steady state at (p_d, γ+) reached from every atom in |0⟩ and the cavity empty (the issue's
 * initial state). Below (7.11) the cumulant equations are bistable: a lasing state continued
 * downwards from p_d = 1 survives well below the transition, so no point is continued from another.
 */
function laserPoint(pd: number, gammaPlus: number): LaserPoint {
  const model = laserCumulants(N, pd, { gammaPlus, gammaMinus: GAMMA_MINUS, gammaZ: GAMMA_Z });
  const y = model.steadyState({ settle: SETTLE, tolerance: 1e-10 });
  const ev = eigenvalues(model.correlations(y).matrix);
  let k = 0;
  for (let j = 1; j < ev.length / 2; j++) if (ev[2 * j] > ev[2 * k]) k = j;
  return { pd, gammaPlus, model, y, photonsPerAtom: y[model.slots.photons] / N, slowRe: ev[2 * k], slowIm: Math.abs(ev[2 * k + 1]) };
}

/**
 * (7.12) fitted to the spectrum (7.15) of a point, on windows of ±12 half widths around the lines
 * that the least-damped eigenvalue of M predicts (both lines in one window when they overlap).
 */
function fitPoint(p: LaserPoint): { linewidth: number; shift: number } {
  const width = -p.slowRe;
  const d = p.slowIm;
  const span = d > 3 * width ? Math.min(12 * width, 0.9 * d) : 12 * width;
  const omega =
    d > 3 * width
      ? Float64Array.from([...linspace(-d - span, -d + span, 121), ...linspace(d - span, d + span, 121)])
      : symmetricFrequencies(d + span, 240);
  try {
    const fit = fitDoubleLorentzian(omega, p.model.spectrum(p.y, omega), { initial: { linewidth: width, shift: d } });
    return { linewidth: fit.linewidth, shift: fit.shift };
  } catch (error) {
    // a failed fit is a defect of the figure, not a gap to plot as NaN
    throw new Error(`figure 7.3: fitDoubleLorentzian (7.12) failed at p_d = ${p.pd}, γ+ = ${p.gammaPlus}V: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * Fig. 7.3: the laser with undriven atoms (7.1) with spontaneous emission and dephasing, N = 10⁵,
 * γz = 10⁻³V, γ− = 10⁻⁴V, κ = 10√NΩ (C = 0.2), from the cumulant equations (App. 7.A,
 * `undrivenAtomLaserCumulants`). (a) the steady-state power ⟨a†a⟩/N over γ+/V ∈ [0.1, 2] and
 * p_d ∈ [0.5, 1], with the mean-field transition (7.11) as the line panel `a-threshold`, and the
 * shift |Im λ| of the least-damped eigenvalue λ of M (7.14) in units of V/N as the heatmap
 * `a-shift` (the thesis's hatched region is where it is nonzero and above −Re λ: resolved lines).
 * (b) the shift against time at p_d = 0.8, γ+ = V, starting from the steady state of γ− = γz = 0:
 * the time-resolved spectrum (7.16) (heatmap, normalized at each t, over log10(ω/V) ∈ [−4, log10 0.4]) and the mean-field shift
 * (bad-cavity 7.4 from the traveling wave of 7.5) with the spectrum's peak in `b-shift`.
 * (c) cuts of (a) at γ+ = V/2, V, 3V/2 against p_d; (d, e) the linewidth Δν and shift δ of the
 * double Lorentzian (7.12) fitted to the steady-state spectrum (`fitDoubleLorentzian`), in units of
 * Δν_min = V/N. Convention: S(ω) = 2Re ∫₀^∞ dτ e^{−iωτ}⟨a†(τ)a⟩ (7.15). `scale` shrinks the grid
 * of (a) (at least 2 × 2), the cuts (at least 4 values of p_d, plus 0.97) and the times of (b)
 * (at least 11).
 *
 * Checks:
 * - (b) the mean-field shift decays at Γ/2 = (γ− + 2γz)/2 (the caption's rate; the body text's
 *   "Γ" contradicts it): the slope of ln ω(t) fitted on tΓ ∈ [2, 10] against Γ/2;
 * - (d) at γ+ = V/2: Δν at p_d = 0.97 over Δν at p_d = 1 (the text: "one order of magnitude for
 *   only 3 % of undriven spins");
 * - (d) the fitted Δν against −Re λ of M's least-damped eigenvalue (an independent reading of the
 *   same line) at γ+ = V/2, p_d = 1 and 0.97; (e) the fitted δ against Im λ at γ+ = V, p_d = 0.8;
 * - (a) the transition at γ+ = V: ⟨a†a⟩/N at p_c − 0.02 over that at p_c + 0.02, p_c of (7.11)
 *   (mean field: 0 below p_c); and in each column of the grid the first p_d with ⟨a†a⟩/N > 10⁻⁴
 *   against (7.11) (within one grid step at full size, 0.02: measured 0.017).
 */
export const figure73: FigureRecipe = {
  id: '7.3',
  title: 'Superradiant laser with undriven atoms: power, linewidth and shift with spontaneous emission and dephasing (Eqs. 7.11, 7.12, 7.16)',
  equations: ['7.4', '7.11', '7.12', '7.14', '7.15', '7.16'],
  run(config) {
    const cfg = resolveFigureConfig('7.3', config);
    const grid = cfg.size(GRID, 2);
    const cutPoints = cfg.size(CUT_POINTS, 4);
    const timePoints = cfg.size(TIME_POINTS, 11);
    return figureStream(async (ctx) => {
      const pause = async (): Promise<void> => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (ctx.closed) throw new Error('figure 7.3: cancelled');
      };
      await pause();

      // (a) power and shift over (γ+, p_d); see laserPoint for the continuation upwards in p_d
      const gains = linspace(GAIN_MIN, GAIN_MAX, grid);
      const pds = linspace(0.5, 1, grid);
      const power = new Float64Array(grid * grid);
      const shift = new Float64Array(grid * grid);
      for (const [ix, gp] of gains.entries()) {
        for (let iy = 0; iy < grid; iy++) {
          await pause();
          const p = laserPoint(pds[iy], gp);
          power[iy * grid + ix] = p.photonsPerAtom;
          shift[iy * grid + ix] = p.slowIm / LINEWIDTH_UNIT;
          ctx.progress('(a) steady states', ix * grid + iy + 1, grid * grid);
        }
      }
      const thresholdGains = linspace(GAIN_MIN, GAIN_MAX, 200);
      const threshold = thresholdGains.map((gp) => criticalDrivenFraction({ V, gammaPlus: gp, gammaMinus: GAMMA_MINUS, gammaZ: GAMMA_Z }));
      // each column's first p_d with ⟨a†a⟩/N above LASING_LEVEL against (7.11) (there are ~10⁻⁷ below, ~10⁻³ above)
      let columnGap = 0;
      gains.forEach((gp, ix) => {
        const pcColumn = criticalDrivenFraction({ V, gammaPlus: gp, gammaMinus: GAMMA_MINUS, gammaZ: GAMMA_Z });
        if (!(pcColumn >= 0.5 && pcColumn <= 1)) return;
        let iy = 0;
        while (iy < grid && !(power[iy * grid + ix] > LASING_LEVEL)) iy++;
        columnGap = Math.max(columnGap, Math.abs((iy < grid ? pds[iy] : Infinity) - pcColumn));
      });
      const pc = criticalDrivenFraction({ V, gammaPlus: V, gammaMinus: GAMMA_MINUS, gammaZ: GAMMA_Z });
      const below = laserPoint(pc - THRESHOLD_STEP, V);
      const above = laserPoint(pc + THRESHOLD_STEP, V);

      // (c–e) cuts, fits
      const cutPds = Array.from(new Set([...linspace(0.5, 1, cutPoints), 0.97])).sort((a, b) => a - b);
      const cutSeries: FigureSeries[] = [];
      const widthSeries: FigureSeries[] = [];
      const shiftSeries: FigureSeries[] = [];
      const fits = new Map<string, { fit: { linewidth: number; shift: number }; point: LaserPoint }>();
      for (const [k, gp] of CUT_GAINS.entries()) {
        await pause();
        const pw = new Float64Array(cutPds.length);
        const dv = new Float64Array(cutPds.length);
        const dl = new Float64Array(cutPds.length);
        for (let i = 0; i < cutPds.length; i++) {
          await pause();
          const point = laserPoint(cutPds[i], gp);
          const fit = fitPoint(point);
          pw[i] = point.photonsPerAtom;
          dv[i] = fit.linewidth / LINEWIDTH_UNIT;
          dl[i] = fit.shift / LINEWIDTH_UNIT;
          fits.set(`${gp}/${cutPds[i]}`, { fit, point });
        }
        const x = Float64Array.from(cutPds);
        cutSeries.push({ name: `γ+ = ${gp}V`, x, y: pw });
        widthSeries.push({ name: `γ+ = ${gp}V`, x, y: dv });
        shiftSeries.push({ name: `γ+ = ${gp}V`, x, y: dl });
        ctx.progress('(c–e) cuts and fits', k + 1, CUT_GAINS.length);
      }
      const extra = laserPoint(TRANSIENT_PD, V);
      const extraFit = fitPoint(extra);

      // (b) the transient at N = 10⁵
      await pause();
      const tGamma = linspace(0, T_GAMMA_MAX, timePoints);
      const omega = Float64Array.from({ length: OMEGA_POINTS }, (_, j) => OMEGA_MIN * (OMEGA_MAX / OMEGA_MIN) ** (j / (OMEGA_POINTS - 1)));
      const meanField = meanFieldShift(tGamma);
      const transient = shiftTransient(N, tGamma, omega);
      ctx.progress('(b) transient', 1, 1);
      // least-squares slope of ln ω_mf against t on tΓ ∈ [2, 10]
      const ts: number[] = [];
      const logs: number[] = [];
      tGamma.forEach((x, k) => {
        if (x >= DECAY_FROM - 1e-9 && x <= DECAY_TO + 1e-9) {
          ts.push(x / GAMMA);
          logs.push(Math.log(meanField[k]));
        }
      });
      const mt = ts.reduce((a, b) => a + b, 0) / ts.length;
      const ml = logs.reduce((a, b) => a + b, 0) / logs.length;
      let sxy = 0;
      let sxx = 0;
      ts.forEach((t, k) => {
        sxy += (t - mt) * (logs[k] - ml);
        sxx += (t - mt) ** 2;
      });
      const decayRate = -sxy / sxx;

      const at = (gp: number, pd: number) => fits.get(`${gp}/${pd}`);
      const half1 = at(0.5, 1);
      const half97 = at(0.5, 0.97);
      const checks: FigureCheck[] = [
        {
          name: `(b) mean-field shift: decay rate of ln ω(t) fitted on tΓ ∈ [${DECAY_FROM}, ${DECAY_TO}] vs Γ/2 = (γ− + 2γz)/2`,
          equation: '7.4',
          value: decayRate,
          expected: GAMMA / 2,
        },
        {
          name: '(d) γ+ = V/2: fitted linewidth Δν (7.12) at p_d = 0.97 over that at p_d = 1 (the text: an order of magnitude)',
          equation: '7.12',
          value: (half97?.fit.linewidth ?? NaN) / (half1?.fit.linewidth ?? NaN),
          expected: 10,
        },
        ...[half1, half97].map((f, k): FigureCheck => ({
          name: `(d) γ+ = V/2, p_d = ${k === 0 ? 1 : 0.97}: fitted Δν (7.12) vs −Re λ of the least-damped eigenvalue of M (7.14)`,
          equation: '7.12',
          value: f?.fit.linewidth ?? NaN,
          expected: -(f?.point.slowRe ?? NaN),
        })),
        {
          name: `(e) γ+ = V, p_d = ${TRANSIENT_PD}: fitted shift δ (7.12) vs Im λ of the least-damped eigenvalue of M (7.14)`,
          equation: '7.12',
          value: extraFit.shift,
          expected: extra.slowIm,
        },
        {
          name: `(a) each column: the first p_d with ⟨a†a⟩/N > ${LASING_LEVEL} against the transition (7.11), largest |difference| (grid step ${(0.5 / (grid - 1)).toFixed(3)})`,
          equation: '7.11',
          value: columnGap,
          expected: 0,
        },
        {
          name: `(a) γ+ = V: ⟨a†a⟩/N at p_c − ${THRESHOLD_STEP} over that at p_c + ${THRESHOLD_STEP}, p_c = ${pc.toFixed(4)} of (7.11) (mean field: 0)`,
          equation: '7.11',
          value: below.photonsPerAtom / above.photonsPerAtom,
          expected: 0,
        },
      ];
      const panels: FigurePanel[] = [
        {
          kind: 'heatmap',
          name: 'a',
          title: `(a) laser power ⟨a†a⟩/N, N = ${N}; the mean-field transition (7.11) in a-threshold`,
          xLabel: 'γ+/V',
          yLabel: 'driven fraction p_d',
          valueLabel: '⟨a†a⟩/N',
          x: gains,
          y: pds,
          values: power,
        },
        {
          kind: 'lines',
          name: 'a-threshold',
          title: '(a) mean-field lasing transition, Eq. (7.11), on the axes of panel a',
          xLabel: 'γ+/V',
          yLabel: 'driven fraction p_d',
          series: [{ name: 'p_d of Eq. (7.11)', x: thresholdGains, y: threshold, dashed: true }],
          xDomain: [GAIN_MIN, GAIN_MAX],
          yDomain: [0.5, 1],
        },
        {
          kind: 'heatmap',
          name: 'a-shift',
          title: '(a) steady-state shift |Im λ| of the least-damped eigenvalue of M (7.14), units of V/N (the hatched region: nonzero)',
          xLabel: 'γ+/V',
          yLabel: 'driven fraction p_d',
          valueLabel: 'shift/(V/N)',
          x: gains,
          y: pds,
          values: shift,
        },
        {
          kind: 'heatmap',
          name: 'b',
          title: `(b) S(t, ω)/max_ω S (7.16) at p_d = ${TRANSIENT_PD}, γ+ = V after γ−, γz are switched on; mean field in b-shift`,
          xLabel: 'tΓ',
          // the heatmap draws y linearly: the log grid goes in as log10(ω/V)
          yLabel: 'log10(ω/V)',
          valueLabel: 'S(t, ω), normalized at each t',
          x: tGamma,
          y: omega.map(Math.log10),
          values: transient.normalized,
        },
        {
          kind: 'lines',
          name: 'b-shift',
          title: '(b) mean-field shift (7.4) from the traveling wave of (7.5), and the peak of S(t, ω)',
          xLabel: 'tΓ',
          yLabel: 'ω/V',
          series: [
            { name: 'mean field (7.4)', x: tGamma, y: meanField, dashed: true },
            { name: `peak of S(t, ω), N = ${N}`, x: tGamma, y: transient.peak },
          ],
        },
        { kind: 'lines', name: 'c', title: '(c) cuts of (a): ⟨a†a⟩/N against p_d', xLabel: 'driven fraction p_d', yLabel: '⟨a†a⟩/N', series: cutSeries },
        { kind: 'lines', name: 'd', title: '(d) linewidth Δν of the fitted (7.12), units of Δν_min = V/N', xLabel: 'driven fraction p_d', yLabel: 'Δν/(V/N)', series: widthSeries },
        { kind: 'lines', name: 'e', title: '(e) shift δ of the fitted (7.12), units of Δν_min = V/N', xLabel: 'driven fraction p_d', yLabel: 'δ/(V/N)', series: shiftSeries },
      ];
      return {
        id: '7.3',
        title: figure73.title,
        parameters: {
          N,
          V,
          gammaMinus: GAMMA_MINUS,
          gammaZ: GAMMA_Z,
          Gamma: GAMMA,
          kappa: 50 * V,
          cooperativity: (2 * V) / (N * GAMMA_MINUS),
          grid,
          cutPoints: cutPds.length,
          timePoints,
          criticalFractionAtV: pc,
          convention: 'S(ω) = 2Re∫dτ e^{−iωτ}⟨a†(τ)a⟩ (Eqs. 7.15, 7.16)',
        },
        panels,
        checks,
      };
    });
  },
};
