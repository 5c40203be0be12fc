import { tapProgress } from '@qsync/frames';
import { noisyVanDerPol, vanDerPolMeanRadius } from '@qsync/models';
import { phaseHistogram, phaseSpaceHistogram } from '@qsync/probes';
import { map } from 'rxjs';
import { resolveFigureConfig } from './figure-config';
import { figureStream } from './figure-stream';
import { arrayData, linspace } from './figure-support';
import type { FigureCheck, FigurePanel, FigureRecipe, FigureSeries } from './figure-types';

/** κ1 = κ2 = ω/2 = 10σ² of the caption, in units where κ1 = 1. */
const OMEGA = 2;
const KAPPA = 1;
const SIGMA = Math.sqrt(0.1);
/** The snapshot times (1/κ1): rotating blob, spreading along the ring, flat at the end (D·50 = 5). */
const SNAPSHOTS = [0.5, 2, 5, 15, 50];
/** The single trajectory is drawn from 0 to this time, sampled every TRAJECTORY_SAMPLE. */
const TRAJECTORY_END = 5;
const TRAJECTORY_SAMPLE = 0.05;
/** Half side of the (x, p) window. */
const EXTENT = 1.5;

/**
 * Fig. 2.3: the distributions P(x, p) (panels a1 … a5, heatmaps over [−1.5, 1.5]², 60 × 60
 * cells) and P(φ) (panel b, one series per time, 48 bins on [−π, π)) of the noisy van-der-Pol
 * oscillator (Eq. 2.8) at t = 0.5, 2, 5, 15, 50 (units 1/κ1), from 16 000 trajectories all starting
 * at α0 = 1 (`scale` × 16 000, at least 400; cells per axis `scale` × 60 ≥ 20, bins `scale` × 48
 * ≥ 16), κ1 = κ2 = ω/2 = 10σ² with κ1 = 1; model default step (0.025, SRA). Panel c: one of the
 * trajectories, t ∈ [0, 5] (the thesis draws it over the first heatmap). φ = −arg α.
 *
 * Checks at t = 50 (D·t = 5 with D = σ²/2r0² = 0.1; the first Fourier mode of P(φ) has decayed to
 * e^{−0.143·50} ≈ 1e-3): (1) max |P(φ) − 1/2π| over the bins against 0 (the flat stationary
 * solution of Eq. 2.12) — pure counting noise remains, per bin √(P/(NΔφ)) (in
 * `parameters.flatnessNoise`, 0.0087 at N = 16 000), so expect ≈ 2.5 × that as the maximum over 48
 * bins; (2) the mean radius E[r] against r0 = √(κ1/2κ2) (Eq. 2.4) and (3) against the exact
 * stationary E[r] of Eq. (2.8), 0.7032 = 0.9945 r0 (radial density ∝ r e^{2Φ/σ²}, see
 * `vanDerPolMeanRadius`); the statistical error of E[r] is std(r)/√N ≈ 0.22/√N.
 */
export const figure23: FigureRecipe = {
  id: '2.3',
  title: 'Noisy van-der-Pol oscillator: time evolution of P(x, p) and P(φ) (Eqs. 2.8–2.12)',
  equations: ['2.8', '2.9', '2.12', '2.4'],
  run(config) {
    const cfg = resolveFigureConfig('2.3', config);
    const realizations = cfg.size(16000, 400);
    const cells = cfg.size(60, 20);
    const bins = cfg.size(48, 16);
    return figureStream(async (ctx) => {
      const r0 = Math.sqrt(KAPPA / (2 * KAPPA));
      const early = linspace(0, TRAJECTORY_END, Math.round(TRAJECTORY_END / TRAJECTORY_SAMPLE) + 1);
      const times = [...early, ...SNAPSHOTS.filter((t) => t > TRAJECTORY_END)];
      const isSnapshot = (t: number) => SNAPSHOTS.some((s) => Math.abs(s - t) < 1e-9);
      const model = noisyVanDerPol({ omega: OMEGA, kappa1: KAPPA, kappa2: KAPPA, sigma: SIGMA, realizations });
      const frames = await ctx.collect('trajectories', (progress) =>
        model.simulate(times, { noiseSeed: cfg.seed }).withProgress().pipe(
          tapProgress(progress),
          map((f) => {
            const alpha = arrayData(f, 'alpha');
            const snapshot = isSnapshot(f.t)
              ? { alpha, phi: arrayData(f, 'phi'), r: arrayData(f, 'r') }
              : null;
            return { t: f.t, x: alpha[0], p: alpha[1], snapshot };
          }),
        ),
      );
      const snapshots = frames.flatMap((f) => (f.snapshot === null ? [] : [{ t: f.t, ...f.snapshot }]));

      const panels: FigurePanel[] = snapshots.map((s, k) => {
        const h = phaseSpaceHistogram(s.alpha, { lo: -EXTENT, hi: EXTENT, bins: cells });
        return {
          kind: 'heatmap',
          name: `a${k + 1}`,
          title: `(a${k + 1}) P(x, p) at t = ${s.t}`,
          xLabel: 'x = Re α',
          yLabel: 'p = Im α',
          valueLabel: 'P(x, p)',
          x: h.centers,
          y: h.centers,
          values: h.density,
        };
      });
      const histograms = snapshots.map((s) => phaseHistogram(s.phi, { bins }));
      const phaseSeries: FigureSeries[] = histograms.map((h, k) => ({ name: `t = ${snapshots[k].t}`, x: h.centers, y: h.density }));
      const centers = histograms[0].centers;
      phaseSeries.push({ name: '1/2π (stationary, Eq. 2.12)', x: centers, y: centers.map(() => 1 / (2 * Math.PI)), dashed: true });
      panels.push({
        kind: 'lines',
        name: 'b',
        title: '(b) phase distribution P(φ)',
        xLabel: 'phase φ = −arg α',
        yLabel: 'P(φ)',
        series: phaseSeries,
        xDomain: [-Math.PI, Math.PI],
      });
      const early0 = frames.filter((f) => f.t <= TRAJECTORY_END + 1e-9);
      panels.push({
        kind: 'lines',
        name: 'c',
        title: `(c) one trajectory, t ∈ [0, ${TRAJECTORY_END}]`,
        xLabel: 'x = Re α',
        yLabel: 'p = Im α',
        series: [{ name: 'trajectory 1', x: Float64Array.from(early0, (f) => f.x), y: Float64Array.from(early0, (f) => f.p) }],
        xDomain: [-EXTENT, EXTENT],
        yDomain: [-EXTENT, EXTENT],
      });

      const late = histograms[histograms.length - 1];
      let flatness = 0;
      for (const d of late.density) flatness = Math.max(flatness, Math.abs(d - 1 / (2 * Math.PI)));
      const lastSnapshot = snapshots[snapshots.length - 1];
      let meanR = 0;
      for (const r of lastSnapshot.r) meanR += r / realizations;
      const exactMeanR = vanDerPolMeanRadius({ kappa1: KAPPA, kappa2: KAPPA, sigma: SIGMA });
      const tLate = lastSnapshot.t;
      const checks: FigureCheck[] = [
        { name: `max |P(φ) − 1/2π| at t = ${tLate}`, equation: '2.12', value: flatness, expected: 0 },
        { name: `mean radius E[r] at t = ${tLate} vs r0`, equation: '2.4', value: meanR, expected: r0 },
        { name: `mean radius E[r] at t = ${tLate} vs the exact stationary E[r]`, equation: '2.8–2.9', value: meanR, expected: exactMeanR },
      ];
      return {
        id: '2.3',
        title: figure23.title,
        parameters: {
          realizations,
          cells,
          bins,
          omega: OMEGA,
          kappa1: KAPPA,
          kappa2: KAPPA,
          sigma2: SIGMA * SIGMA,
          r0,
          snapshots: SNAPSHOTS.join(', '),
          flatnessNoise: Math.sqrt(1 / (2 * Math.PI) / (realizations * ((2 * Math.PI) / bins))),
          exactMeanRadius: exactMeanR,
          dt: model.defaultDt,
          seed: cfg.seed,
        },
        panels,
        checks,
      };
    });
  },
};
