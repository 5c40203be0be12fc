import { tapProgress } from '@qsync/frames';
import { adler, tiltedWashboard } from '@qsync/models';
import { histogramMaximum, phaseHistogram } from '@qsync/probes';
import { filter, map } from 'rxjs';
import { resolveFigureConfig } from './figure-config';
import type { FigureContext } from './figure-stream';
import { figureStream } from './figure-stream';
import { arrayData, linspace } from './figure-support';
import type { FigureCheck, FigureRecipe, FigureSeries } from './figure-types';

/** σ = 1: detuning and coupling in units of σ². */
const SIGMA = 1;
/** Samples are taken every SAMPLE on [T_START, T_END], after the relaxation from uniform phases. */
const T_START = 6;
const T_END = 16;
const SAMPLE = 0.05;
/** Step as a fraction of the fastest time scale 1/max(|δ|, V, σ²) (SRA; see the doc comment). */
const STEP_FRACTION = 0.05;
/** Panel (b): δ = σ², V ∈ {0, δ, 2δ}. */
const DELTA_B = 1;
const COUPLINGS_B = [0, 1, 2];
/** Grid of the exact density (its maximum is parabola-refined: error ~(h/width)⁴ ≲ 1e-6). */
const EXACT_POINTS = 1024;

/**
 * Fig. 2.4: phase locking of the noisy Adler equation dφ_AB = (δ − V sin φ_AB) dt + σ dW
 * (Eq. 2.25, `adler`), σ = 1. (a) Heatmap of max P(φ_AB) over δ/σ² ∈ [−10, 10] (41 points) and
 * V/σ² ∈ [0, 10] (21 points); the noise-free Arnold tongue is |δ| < V (title). Per point 256
 * realizations from uniform random phases, each sampled every 0.1 on t ∈ [6, 16] (101 samples,
 * 25 856 in all), histogram of 32 bins, maximum by `histogramMaximum`. (b) P(φ_AB) for δ = σ²,
 * V ∈ {0, δ, 2δ}, 10 000 realizations sampled the same way, 64 bins, with the exact stationary
 * density dashed and point markers at the noise-free lock arcsin(δ/V) (Eq. 2.22). `scale`
 * shrinks the grid (2·(scale·20) + 1 ≥ 9 detunings, scale·20 + 1 ≥ 5 couplings) and the
 * realizations (scale × 256 ≥ 16 per point, scale × 10 000 ≥ 400 in b). Step 0.05/max(|δ|, V, σ²)
 * (SRA): at this step the simulated maxima and mean velocities agree with the exact ones within
 * their ~1 % statistical errors at 80 000 samples (checked at δ, V up to 10).
 *
 * The reference is the exact stationary density of Eq. (2.25) on the circle (Fokker–Planck with
 * constant current, `tiltedWashboard`), by quadrature, independent of the simulation. Checks: the
 * simulated max P(φ_AB) against it for V = 2δ and V = δ (panel b); the largest deviation of the
 * 64-bin histogram from the exact bin averages (V = 2δ; counting noise √(P/(NΔφ)) with N the
 * number of effectively independent samples, a few per realization); the position of the
 * simulated peak against arcsin(δ/V) = π/6 (Eq. 2.22; with noise the exact peak sits at
 * `parameters.exactPeakPhase` = 0.511, a little below π/6 = 0.524: the constant current makes
 * ∫_φ^{φ+2π} e^{U/Dn} fall with φ); and over the heatmap the largest
 * |max P_sim − max P_exact|. The latter is dominated by weak locking (small V, large |δ|), where
 * P is nearly flat and the maximum of 32 noisy bins lies a few counting errors above the true
 * maximum: the upward bias of the measure itself at finite samples.
 */
export const figure24: FigureRecipe = {
  id: '2.4',
  title: 'Phase locking of the noisy Adler equation: Arnold tongue and P(φ_AB) (Eqs. 2.22, 2.25)',
  equations: ['2.25', '2.22'],
  run(config) {
    const cfg = resolveFigureConfig('2.4', config);
    const nDelta = 2 * cfg.size(20, 4) + 1;
    const nV = cfg.size(20, 4) + 1;
    const gridRealizations = cfg.size(256, 16);
    const panelRealizations = cfg.size(10000, 400);
    const gridBins = 48;
    const panelBins = 64;
    return figureStream(async (ctx) => {
      const sigma2 = SIGMA * SIGMA;
      const deltas = linspace(-10 * sigma2, 10 * sigma2, nDelta);
      const couplings = linspace(0, 10 * sigma2, nV);
      const simulated = new Float64Array(nDelta * nV);
      const exact = new Float64Array(nDelta * nV);
      let worst = 0;
      let worstAt = '';
      for (let iv = 0; iv < nV; iv++) {
        for (let id = 0; id < nDelta; id++) {
          const delta = deltas[id];
          const V = couplings[iv];
          // progress counts grid points here, not the steps of each run
          const phases = await stationaryPhases(ctx, null, delta, V, gridRealizations, cfg.seed + iv * nDelta + id);
          const k = iv * nDelta + id;
          simulated[k] = histogramMaximum(phaseHistogram(phases, { bins: gridBins })).density;
          exact[k] = exactMaximum(delta, V).density;
          const d = Math.abs(simulated[k] - exact[k]);
          if (d > worst) {
            worst = d;
            worstAt = `δ = ${delta}, V = ${V}`;
          }
          ctx.progress('Arnold tongue', k + 1, nDelta * nV);
        }
      }

      const series: FigureSeries[] = [];
      const panelPeaks: { V: number; simulated: number; exact: number; phase: number; worstBin: number }[] = [];
      for (const V of COUPLINGS_B) {
        const phases = await stationaryPhases(ctx, `P(φ_AB), V = ${V}`, DELTA_B, V, panelRealizations, cfg.seed + 1_000_003 * (V + 1));
        const h = phaseHistogram(phases, { bins: panelBins });
        const peak = histogramMaximum(h);
        const sub = 8;
        const fine = tiltedWashboard({ delta: DELTA_B, V, sigma: SIGMA, points: panelBins * sub });
        let worstBin = 0;
        for (let b = 0; b < panelBins; b++) {
          let average = 0;
          for (let j = 0; j < sub; j++) average += fine.density[b * sub + j] / sub;
          worstBin = Math.max(worstBin, Math.abs(h.density[b] - average));
        }
        panelPeaks.push({ V, simulated: peak.density, exact: exactMaximum(DELTA_B, V).density, phase: peak.phase, worstBin });
        const label = V === 0 ? 'V = 0' : V === DELTA_B ? 'V = δ' : `V = ${V / DELTA_B}δ`;
        series.push({ name: label, x: h.centers, y: h.density });
        series.push({ name: `${label}, exact stationary density`, x: fine.phi, y: fine.density, dashed: true });
      }
      for (const V of COUPLINGS_B.filter((v) => v >= Math.abs(DELTA_B))) {
        const label = V === DELTA_B ? 'V = δ' : `V = ${V / DELTA_B}δ`;
        series.push({ name: `arcsin(δ/V), ${label} (Eq. 2.22)`, x: Float64Array.of(Math.asin(DELTA_B / V)), y: Float64Array.of(0), points: true });
      }

      const [, atDelta, atTwoDelta] = panelPeaks;
      const exactPeak = exactMaximum(DELTA_B, 2 * DELTA_B);
      const checks: FigureCheck[] = [
        { name: 'max P(φ_AB), δ = σ², V = 2δ: histogram vs exact stationary density', equation: '2.25', value: atTwoDelta.simulated, expected: atTwoDelta.exact },
        { name: 'max P(φ_AB), δ = σ², V = δ: histogram vs exact stationary density', equation: '2.25', value: atDelta.simulated, expected: atDelta.exact },
        { name: 'largest |histogram − exact bin average|, δ = σ², V = 2δ', equation: '2.25', value: atTwoDelta.worstBin, expected: 0 },
        { name: 'position of the maximum of P(φ_AB), δ = σ², V = 2δ, vs the noise-free lock', equation: '2.22', value: atTwoDelta.phase, expected: Math.asin(DELTA_B / (2 * DELTA_B)) },
        { name: `largest |max P_sim − max P_exact| over the (δ, V) grid (at ${worstAt})`, equation: '2.25', value: worst, expected: 0 },
      ];
      return {
        id: '2.4',
        title: figure24.title,
        parameters: {
          sigma: SIGMA,
          detunings: nDelta,
          couplings: nV,
          gridRealizations,
          panelRealizations,
          gridBins,
          panelBins,
          samplesPerRealization: Math.round((T_END - T_START) / SAMPLE) + 1,
          window: `${T_START}–${T_END}`,
          stepFraction: STEP_FRACTION,
          exactPeakPhase: exactPeak.phase,
          exactMaxV2delta: atTwoDelta.exact,
          exactMaxVdelta: atDelta.exact,
          seed: cfg.seed,
        },
        panels: [
          {
            kind: 'heatmap',
            name: 'a',
            title: '(a) maximum of P(φ_AB); noise-free Arnold tongue |δ| < V, boundary |δ| = V',
            xLabel: 'detuning δ/σ²',
            yLabel: 'coupling V/σ²',
            valueLabel: 'max P(φ_AB)',
            x: deltas,
            y: couplings,
            values: simulated,
          },
          {
            kind: 'lines',
            name: 'b',
            title: '(b) distribution of phase differences P(φ_AB), δ = σ²',
            xLabel: 'phase difference φ_AB',
            yLabel: 'P(φ_AB)',
            series,
            xDomain: [-Math.PI, Math.PI],
          },
        ],
        checks,
      };
    });
  },
};

/**
 * Wrapped φ_AB of `realizations` noisy Adler runs from uniform phases, sampled on [T_START, T_END];
 * the steps are reported as progress of `stage` unless it is null.
 */
async function stationaryPhases(
  ctx: FigureContext,
  stage: string | null,
  delta: number,
  V: number,
  realizations: number,
  seed: number,
): Promise<Float64Array> {
  const samples = Math.round((T_END - T_START) / SAMPLE) + 1;
  const times = [0, ...linspace(T_START, T_END, samples)];
  const model = adler({ delta, V, sigma: SIGMA, realizations });
  const dt = STEP_FRACTION / Math.max(Math.abs(delta), V, SIGMA * SIGMA);
  const out = new Float64Array(samples * realizations);
  let k = 0;
  await ctx.collect(stage ?? 'Arnold tongue', (progress) =>
    model.simulate(times, { dt, noiseSeed: seed }).withProgress().pipe(
      tapProgress(stage !== null ? progress : () => undefined),
      filter((f) => f.t >= T_START),
      map((f) => {
        out.set(arrayData(f, 'phiAB'), k * realizations);
        k++;
        return f.t;
      }),
    ),
  );
  return out;
}

/** Maximum of the exact stationary density: the largest grid value refined by a 3-point parabola. */
function exactMaximum(delta: number, V: number): { phase: number; density: number } {
  const { phi, density } = tiltedWashboard({ delta, V, sigma: SIGMA, points: EXACT_POINTS });
  const n = density.length;
  let k = 0;
  for (let j = 1; j < n; j++) if (density[j] > density[k]) k = j;
  const y0 = density[(k + n - 1) % n];
  const y1 = density[k];
  const y2 = density[(k + 1) % n];
  const c = y0 - 2 * y1 + y2;
  if (!(c < 0)) return { phase: phi[k], density: y1 };
  const h = phi[1] - phi[0];
  return { phase: phi[k] + (h * (y0 - y2)) / (2 * c), density: y1 - (y0 - y2) ** 2 / (8 * c) };
}
