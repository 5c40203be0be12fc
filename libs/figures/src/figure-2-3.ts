import { tapProgress } from '@qsync/frames';
import { noisyVanDerPol, vanDerPolIntensityDistribution, vanDerPolMeanRadius } from '@qsync/models';
import { meanWithError, phaseHistogram, phaseSpaceHistogram } from '@qsync/probes';
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
/** Bins of |α|² for the comparison with the stationary density: equal probability under it. */
const RADIAL_BINS = 20;

/**
 * Fig. 2.3: the distributions P(x, p) (panels a1 … a5, heatmaps over [−1.5, 1.5]², 60 × 60
 * cells) and P(φ) (panel b, one series per time, 48 bins on [−π, π)) of the noisy van-der-Pol
 * oscillator (Eq. 2.8) at t = 0.5, 2, 5, 15, 50 (units 1/κ1), from 16 000 trajectories all starting
 * at α0 = 1 (`scale` × 16 000, at least 400; cells per axis `scale` × 60 ≥ 20, bins `scale` × 48
 * ≥ 16), κ1 = κ2 = ω/2 = 10σ² with κ1 = 1; model default step (0.025, SRA). Panel c: one of the
 * trajectories, t ∈ [0, 5] (the thesis draws it over the first heatmap). φ = −arg α.
 *
 * Checks, each with its standard error from the run (the trajectories are independent):
 * (1) P(φ) at t = 50 against the flat stationary solution 1/2π of Eq. (2.12) (D·t = 5 with
 * D = σ²/2r0² = 0.1; the first Fourier mode has decayed to e^{−0.143·50} ≈ 1e-3): Pearson's χ² of the
 * counts per degree of freedom, expected 1 ± √(2/(bins − 1)); (2) the mean radius E[r] at t = 50
 * against the exact stationary E[r] of Eq. (2.8), 0.7032 = 0.9945 r0 (`vanDerPolMeanRadius`; not
 * r0 = √(κ1/2κ2) of Eq. 2.4, which it misses by 2 standard errors at 16 000 trajectories);
 * (3) the whole distribution of |α|² at t = 50 against the stationary Fokker–Planck density of
 * Eq. (2.9), in which |α|² is a Gaussian of mean r0² and variance σ²/κ2 cut off at 0
 * (`vanDerPolIntensityDistribution`), as χ² per degree of freedom of 20 bins of equal exact
 * probability; (4) the circular mean of φ at t = 0.5 against ωt (Eq. 2.11): φ − ωt is distributed
 * symmetrically about 0 at every time.
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

      const lastSnapshot = snapshots[snapshots.length - 1];
      const tLate = lastSnapshot.t;
      // (1) P(φ) flat at late times (Eq. 2.12): one phase per independent trajectory, so the counts
      // are multinomial and Pearson's χ²/(bins − 1) has mean 1 and deviation √(2/(bins − 1))
      const late = histograms[histograms.length - 1];
      const expectedCount = realizations / bins;
      let chi2 = 0;
      for (const d of late.density) chi2 += (d * (2 * Math.PI / bins) * realizations - expectedCount) ** 2 / expectedCount;
      // (2) E[r] against the exact stationary value, error std(r)/√N
      const radius = meanWithError(lastSnapshot.r);
      const exactMeanR = vanDerPolMeanRadius({ kappa1: KAPPA, kappa2: KAPPA, sigma: SIGMA });
      // (3) the distribution of |α|² against the stationary density of Eq. (2.9), ∝ e^{2Φ/σ²} with
      // Φ = κ1r²/4 − κ2r⁴/4: in u = |α|² a Gaussian of mean r0² and variance σ²/κ2 cut off at u = 0
      const radial = radialChiSquare(lastSnapshot.r, vanDerPolIntensityDistribution({ kappa1: KAPPA, kappa2: KAPPA, sigma: SIGMA }));
      // (4) early on the cloud turns at ω: the distribution of φ − ωt is symmetric about 0 (the drift
      // is radial in the rotating frame, the noise isotropic, the start on the real axis), so the
      // circular mean of φ at t = 0.5 is ωt exactly; its error is √(E[sin²(φ − ψ)]/N)/|E[e^{iφ}]|
      const first = snapshots[0];
      const rotation = circularMean(first.phi);
      const checks: FigureCheck[] = [
        {
          name: `P(φ) at t = ${tLate} vs the flat 1/2π: Pearson χ²/(bins − 1) of ${bins} bins`,
          equation: '2.12',
          value: chi2 / (bins - 1),
          expected: 1,
          standardError: Math.sqrt(2 / (bins - 1)),
        },
        {
          name: `mean radius E[r] at t = ${tLate} vs the exact stationary E[r] of Eq. 2.8`,
          equation: '2.8–2.9',
          value: radius.mean,
          expected: exactMeanR,
          standardError: radius.standardError,
        },
        {
          name: `distribution of |α|² at t = ${tLate} vs the stationary Fokker–Planck density: Pearson χ²/dof of ${RADIAL_BINS} bins`,
          equation: '2.9',
          value: radial.chi2PerDof,
          expected: 1,
          standardError: Math.sqrt(2 / (RADIAL_BINS - 1)),
        },
        {
          name: `circular mean of φ at t = ${first.t} vs ωt`,
          equation: '2.11',
          value: rotation.mean,
          expected: OMEGA * first.t,
          standardError: rotation.standardError,
        },
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
          exactMeanRadius: exactMeanR,
          radialBins: RADIAL_BINS,
          dt: model.defaultDt,
          seed: cfg.seed,
        },
        panels,
        checks,
      };
    });
  },
};

/**
 * Pearson's χ² per degree of freedom of the samples' u = r² in RADIAL_BINS bins of equal probability
 * under the exact stationary distribution of u (bin edges at its quantiles).
 */
function radialChiSquare(r: Float64Array, exact: { quantile(p: number): number }): { chi2PerDof: number } {
  const edges = Array.from({ length: RADIAL_BINS - 1 }, (_, b) => exact.quantile((b + 1) / RADIAL_BINS));
  const counts = new Float64Array(RADIAL_BINS);
  for (const radius of r) {
    const u = radius * radius;
    let b = 0;
    while (b < edges.length && u >= edges[b]) b++;
    counts[b]++;
  }
  const expected = r.length / RADIAL_BINS;
  let chi2 = 0;
  for (const c of counts) chi2 += (c - expected) ** 2 / expected;
  return { chi2PerDof: chi2 / (RADIAL_BINS - 1) };
}

/** The circular mean ψ = arg E[e^{iφ}] of phases and its error √(E[sin²(φ − ψ)]/N)/|E[e^{iφ}]|. */
function circularMean(phi: Float64Array): { mean: number; standardError: number } {
  let c = 0;
  let s = 0;
  for (const p of phi) {
    c += Math.cos(p) / phi.length;
    s += Math.sin(p) / phi.length;
  }
  const psi = Math.atan2(s, c);
  let spread = 0;
  for (const p of phi) spread += Math.sin(p - psi) ** 2 / phi.length;
  return { mean: psi, standardError: Math.sqrt(spread / phi.length) / Math.hypot(c, s) };
}
