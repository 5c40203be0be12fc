import { tapProgress } from '@qsync/frames';
import { noisyVanDerPol, orderParameterModulus } from '@qsync/models';
import { observedFrequency, unwrapPhase } from '@qsync/probes';
import { map } from 'rxjs';
import { resolveFigureConfig } from './figure-config';
import { figureStream } from './figure-stream';
import { arrayData, linspace } from './figure-support';
import type { FigureCheck, FigureRecipe, FigureSeries } from './figure-types';

/** ω, κ1 = κ2 = ω/2 of the caption. */
const OMEGA = 2;
const KAPPA = 1;
/** (a) amplitudes |α0| of the three harmonic orbits. */
const HARMONIC_AMPLITUDES = [0.5, 1, 1.5];
/** (b) the four starting points (x0, p0): near the unstable origin, inside, and two outside the cycle. */
const STARTS: readonly (readonly [number, number])[] = [
  [0.05, 0],
  [-0.3, 0.2],
  [1.5, 0],
  [-1, -1],
];
const T_END = 25;
const SAMPLE = 0.02;
/** Step of the noise-free integration: the SRA cycle then lies (3/16)(ω dt)² ≈ 3e-8 inside r0. */
const DT = 2e-4;

/**
 * Fig. 2.1: (a) three orbits α(t) = α0 e^{−iωt} of the harmonic oscillator (Eq. 2.2, closed form,
 * |α0| = 0.5, 1, 1.5, one period 2π/ω) in the (x, p) = (Re α, Im α) plane; (b) four noise-free
 * van-der-Pol trajectories (Eq. 2.3, `noisyVanDerPol` with σ = 0, ω = 2, κ1 = κ2 = ω/2 = 1) from
 * α0 = 0.05, −0.3 + 0.2i, 1.5, −1 − i over t ∈ [0, 25] (sampled every 0.02, step 2e-4), spiralling
 * onto the limit cycle r0 = √(κ1/2κ2) = √½ drawn in red. There is no ensemble, so `scale` changes
 * nothing (it is still checked); `seed` is unused (no noise).
 *
 * Checks: the final radius farthest from r0 against r0 (Eq. 2.4; remaining transient
 * ~e^{−κ1 t} ≈ 1e-9 from the innermost start, discretisation ≈ 3e-8), the whole radius r(t)
 * against the exact solution of Eq. (2.4), and the rotation frequency φ̇ against ω (Eq. 2.5).
 * Eq. (2.4), ṙ = (κ1/2 − κ2r²)r, is the Bernoulli equation ṙ = ar − br³ whose closed form
 * `orderParameterModulus` of @qsync/models gives (a = κ1/2, b = κ2; the Ott–Antonsen and reduced
 * order-parameter equations have the same form).
 */
export const figure21: FigureRecipe = {
  id: '2.1',
  title: 'Harmonic oscillator and van-der-Pol limit cycle in phase space (Eqs. 2.2–2.5)',
  equations: ['2.2', '2.3', '2.4', '2.5'],
  run(config) {
    resolveFigureConfig('2.1', config);
    return figureStream(async (ctx) => {
      const r0 = Math.sqrt(KAPPA / (2 * KAPPA));
      const period = linspace(0, (2 * Math.PI) / OMEGA, 201);
      const harmonic: FigureSeries[] = HARMONIC_AMPLITUDES.map((a) => ({
        name: `|α0| = ${a}`,
        x: period.map((t) => a * Math.cos(OMEGA * t)),
        y: period.map((t) => -a * Math.sin(OMEGA * t)),
      }));

      const n = STARTS.length;
      const model = noisyVanDerPol({ omega: OMEGA, kappa1: KAPPA, kappa2: KAPPA, sigma: 0, realizations: n });
      const y0 = Float64Array.from(STARTS.flat());
      const steps = Math.round(T_END / SAMPLE);
      const times = linspace(0, T_END, steps + 1);
      const frames = await ctx.collect('van der Pol', (progress) =>
        model
          .simulate(times, { dt: DT, y0 })
          .withProgress()
          .pipe(
            tapProgress(progress),
            map((f) => ({ alpha: arrayData(f, 'alpha'), phi: arrayData(f, 'phi') })),
          ),
      );
      const trajectories: FigureSeries[] = STARTS.map(([x0, p0], j) => ({
        name: `α0 = ${complexLabel(x0, p0)}`,
        x: Float64Array.from(frames, (f) => f.alpha[2 * j]),
        y: Float64Array.from(frames, (f) => f.alpha[2 * j + 1]),
      }));
      const circle = linspace(0, 2 * Math.PI, 361);
      const cycle: FigureSeries = {
        name: `limit cycle r0 = √(κ1/2κ2) = ${r0.toFixed(4)}`,
        x: circle.map((a) => r0 * Math.cos(a)),
        y: circle.map((a) => r0 * Math.sin(a)),
      };

      const last = frames[frames.length - 1].alpha;
      let farthest = r0;
      let rDeviation = 0;
      for (let j = 0; j < n; j++) {
        const r = Math.hypot(last[2 * j], last[2 * j + 1]);
        if (Math.abs(r - r0) >= Math.abs(farthest - r0)) farthest = r;
        const rStart = Math.hypot(STARTS[j][0], STARTS[j][1]);
        for (let k = 0; k < times.length; k++) {
          const exact = orderParameterModulus(times[k], KAPPA / 2, KAPPA, rStart);
          rDeviation = Math.max(rDeviation, Math.abs(Math.hypot(frames[k].alpha[2 * j], frames[k].alpha[2 * j + 1]) - exact));
        }
      }
      const outer = 2; // the start at α0 = 1.5
      const phase = unwrapPhase(frames.map((f) => f.phi[outer]));
      const checks: FigureCheck[] = [
        { name: 'final radius farthest from r0 (panel b, t = 25)', equation: '2.4', value: farthest, expected: r0 },
        { name: 'largest |r(t) − exact solution of Eq. 2.4| over the four trajectories', equation: '2.4', value: rDeviation, expected: 0 },
        { name: 'rotation frequency φ̇ of the trajectory from α0 = 1.5', equation: '2.5', value: observedFrequency(times, phase), expected: OMEGA },
      ];
      const axes = { xLabel: 'x = Re α', yLabel: 'p = Im α' };
      return {
        id: '2.1',
        title: figure21.title,
        parameters: { omega: OMEGA, kappa1: KAPPA, kappa2: KAPPA, r0, tEnd: T_END, dt: DT, sample: SAMPLE },
        panels: [
          { kind: 'lines', name: 'a', title: '(a) harmonic oscillator α0 e^{−iωt}', ...axes, series: harmonic },
          {
            kind: 'lines',
            name: 'b',
            title: '(b) van-der-Pol oscillator, κ1 = κ2 = ω/2',
            ...axes,
            series: [...trajectories, cycle],
          },
        ],
        checks,
      };
    });
  },
};

/** x + ip written the way the thesis writes numbers: "−0.3 + 0.2i", "1.5", "−1 − i". */
function complexLabel(x: number, p: number): string {
  const num = (v: number) => (v < 0 ? `−${-v}` : `${v}`);
  if (p === 0) return num(x);
  const im = Math.abs(p) === 1 ? 'i' : `${Math.abs(p)}i`;
  return `${num(x)} ${p < 0 ? '−' : '+'} ${im}`;
}
