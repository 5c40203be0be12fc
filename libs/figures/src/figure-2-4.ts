import { tapProgress } from '@qsync/frames';
import { adler, tiltedWashboard } from '@qsync/models';
import { balancedPeakPhase, histogramMaximum, hotellingT2, jackknife, meanSquaredT, meanWithError, phaseHistogram, wrapPhase } from '@qsync/probes';
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
/** Step as a fraction of the fastest time scale 1/max(|δ|, V, σ²) on the grid (SRA; see the doc comment). */
const STEP_FRACTION = 0.05;
/**
 * The same in panel (b), whose statistics are 40 times finer: at 0.05 the step's bias of max P at
 * V = δ measured +0.002 (0.6 %, about one standard error at 10 000 realizations; 7 seeds at 4000
 * realizations); SRA is of weak order 2, so half the step leaves a quarter.
 */
const STEP_FRACTION_B = 0.025;
/** Panel (b): δ = σ², V ∈ {0, δ, 2δ}. */
const DELTA_B = 1;
const COUPLINGS_B = [0, 1, 2];
/** Grid points per histogram bin of the exact density, averaged into exact bin averages. */
const SUB = 8;
/** Half width (rad) of the window about the exact peak whose balance of samples locates the simulated one. */
const BALANCE_HALF_WIDTH = 0.8;
/** Panel (b)'s bins merged by this many for the comparison of the whole histogram. */
const MERGED = 4;

/**
 * Fig. 2.4: phase locking of the noisy Adler equation dφ_AB = (δ − V sin φ_AB) dt + σ dW
 * (Eq. 2.25, `adler`), σ = 1. (a) Heatmap of max P(φ_AB) over δ/σ² ∈ [−10, 10] (41 points) and
 * V/σ² ∈ [0, 10] (21 points); the noise-free Arnold tongue is |δ| < V (title). Per point 256
 * realizations from uniform random phases, each sampled every 0.05 on t ∈ [6, 16] (201 samples),
 * histogram of 48 bins, maximum by `histogramMaximum`. (b) P(φ_AB) for δ = σ², V ∈ {0, δ, 2δ},
 * 10 000 realizations sampled the same way, 64 bins, with the exact stationary density dashed and
 * point markers at the noise-free lock arcsin(δ/V) (Eq. 2.22). `scale` shrinks the grid
 * (2·(scale·20) + 1 ≥ 9 detunings, scale·20 + 1 ≥ 5 couplings) and the realizations (scale × 256 ≥ 16
 * per point, scale × 10 000 ≥ 400 in b). Step 0.05/max(|δ|, V, σ²) (SRA) on the grid, half that in b.
 *
 * The reference is the exact stationary density of Eq. (2.25) on the circle (Fokker–Planck with
 * constant current, `tiltedWashboard` of @qsync/models), by quadrature, independent of the
 * simulation; a histogram bin is compared with the exact density averaged over that bin. Errors
 * come from the run: realizations are independent, samples along one realization are not.
 * Checks:
 * - the heatmap's grid: at each (δ, V) the histogram value in the bin holding the exact maximum
 *   (an unbiased estimate, unlike the maximum over noisy bins, which lies a few counting errors
 *   above the truth where P is nearly flat) against the exact bin average, as t = deviation over
 *   its standard error from the realizations; the check is the mean of t² over the grid, whose
 *   expected value is ν/(ν − 2) for ν = realizations − 1;
 * - panel (b), V = 2δ and V = δ: max P(φ_AB) of the histogram (`histogramMaximum`'s parabola
 *   through the fullest bin and its neighbours) against the maximum of the exact density, its error
 *   and O(1/n) noise bias (the parabola's height is convex in the counts: +0.5 SE at V = δ, 1000
 *   realizations) from the delete-one-realization jackknife;
 * - panel (b), V = 2δ: the position of the maximum against the exact noisy peak 0.511
 *   (`tiltedWashboard`'s `maximum`: with noise the constant current J = (δ − V sin φ*)P(φ*) puts it
 *   below the noise-free lock arcsin(δ/V) = π/6 = 0.524 of Eq. 2.22, which the panel marks). A
 *   three-bin parabola's vertex is too noisy and heavy-tailed on this peak, six bins wide, for an
 *   honest error; the position is estimated from the balance of samples within ±0.8 rad about the
 *   exact peak (`balancedPeakPhase` of @qsync/probes), linear in the samples, error from the realizations;
 * - panel (b), V = 2δ: the histogram against the exact bin averages as Hotelling's T²/p over the
 *   bins merged by 4 (16, one dropped as they sum to a constant), with their covariance from the
 *   realizations (the bins of one histogram are correlated: a sum of per-bin t² would misjudge it),
 *   expected (n − 1)/(n − p − 2).
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
      const gridT = new Float64Array(nDelta * nV);
      for (let iv = 0; iv < nV; iv++) {
        for (let id = 0; id < nDelta; id++) {
          const delta = deltas[id];
          const V = couplings[iv];
          // progress counts grid points here, not the steps of each run
          const phases = await stationaryPhases(ctx, null, delta, V, gridRealizations, cfg.seed + iv * nDelta + id);
          const k = iv * nDelta + id;
          simulated[k] = histogramMaximum(phaseHistogram(phases, { bins: gridBins })).density;
          const fine = tiltedWashboard({ delta, V, sigma: SIGMA, points: gridBins * SUB });
          // the bin of the exact maximum: per realization the fraction of its samples there
          const bin = binOf(fine.maximum.phase, gridBins);
          const perRealization = new Float64Array(gridRealizations);
          const samples = phases.length / gridRealizations;
          for (let j = 0; j < phases.length; j++) {
            if (binOf(phases[j], gridBins) === bin) perRealization[j % gridRealizations] += gridBins / (2 * Math.PI * samples);
          }
          const estimate = meanWithError(perRealization);
          gridT[k] = (estimate.mean - binAverage(fine.density, bin)) / estimate.standardError;
          ctx.progress('Arnold tongue', k + 1, nDelta * nV);
        }
      }
      const gridFit = meanSquaredT(gridT, gridRealizations - 1);

      const series: FigureSeries[] = [];
      const panel: { V: number; peak: Estimate; exactPeak: { phase: number; density: number }; bins: ReturnType<typeof hotellingT2> }[] = [];
      let position: Estimate | null = null;
      for (const V of COUPLINGS_B) {
        const phases = await stationaryPhases(ctx, `P(φ_AB), V = ${V}`, DELTA_B, V, panelRealizations, cfg.seed + 1_000_003 * (V + 1));
        const h = phaseHistogram(phases, { bins: panelBins });
        const fine = tiltedWashboard({ delta: DELTA_B, V, sigma: SIGMA, points: panelBins * SUB });
        const perRealization = realizationCounts(phases, panelRealizations, panelBins);
        // max P by histogramMaximum's parabola through the fullest bin of all the samples and its two
        // neighbours; its error by the delete-one-realization jackknife with that bin kept fixed (a
        // fixed bin keeps the estimate smooth in the counts, as the jackknife needs: re-choosing the
        // fullest bin per replicate jumps by a bin)
        const fullest = fullestBin(h.density);
        const peak = jackknife(panelRealizations, (r) => parabolaPeak(h.centers, perRealization.densityWithout(r, fullest), fullest).density);
        const exactPeak = tiltedWashboard({ delta: DELTA_B, V, sigma: SIGMA, points: 4096 }).maximum;
        if (V === 2 * DELTA_B) {
          // the position: how far the samples' balance about the exact peak φ* moves it (`balancedPeakPhase`:
          // linear in the samples, so its error is that of a mean over independent realizations, and
          // unbiased for a shifted peak); over ±w = ±0.8 rad it is more precise than a three-bin parabola
          // on this peak, which is six bins wide
          const balanced = balancedPeakPhase(phases, {
            realizations: panelRealizations,
            reference: fine,
            center: exactPeak.phase,
            halfWidth: BALANCE_HALF_WIDTH,
          });
          position = { value: balanced.phase, standardError: balanced.standardError };
        }
        // the histogram against the exact bin averages, with the covariance of the bins estimated from
        // the realizations, in bins of MERGED (fewer, fuller bins keep the per-realization vectors near
        // Gaussian, as Hotelling's T² assumes), all but the last (they sum to a constant)
        const coarse = panelBins / MERGED;
        const merge = (d: Float64Array) =>
          Float64Array.from({ length: coarse - 1 }, (_, c) => d.subarray(c * MERGED, (c + 1) * MERGED).reduce((a, b) => a + b, 0) / MERGED);
        const bins = hotellingT2(
          Array.from({ length: panelRealizations }, (_, r) => merge(perRealization.densities(r))),
          merge(Float64Array.from({ length: panelBins }, (_, b) => binAverage(fine.density, b))),
        );
        panel.push({ V, peak: { value: peak.biasCorrected, standardError: peak.standardError }, exactPeak, bins });
        const label = V === 0 ? 'V = 0' : V === DELTA_B ? 'V = δ' : `V = ${V / DELTA_B}δ`;
        series.push({ name: label, x: h.centers, y: h.density });
        series.push({ name: `${label}, exact stationary density`, x: fine.phi, y: fine.density, dashed: true });
      }
      for (const V of COUPLINGS_B.filter((v) => v >= Math.abs(DELTA_B))) {
        const label = V === DELTA_B ? 'V = δ' : `V = ${V / DELTA_B}δ`;
        series.push({ name: `arcsin(δ/V), ${label} (Eq. 2.22)`, x: Float64Array.of(Math.asin(DELTA_B / V)), y: Float64Array.of(0), points: true });
      }

      const [, atDelta, atTwoDelta] = panel;
      if (position === null) throw new Error('figure 2.4: the peak position at V = 2δ is missing');
      const checks: FigureCheck[] = [
        {
          name: `P(φ_AB) in the bin of the exact maximum over the (δ, V) grid: mean of t² (deviation from the exact bin average over its standard error, ν = ${gridRealizations - 1})`,
          equation: '2.25',
          value: gridFit.value,
          expected: gridFit.expected,
          standardError: gridFit.standardError,
        },
        {
          name: 'max P(φ_AB), δ = σ², V = 2δ: histogram vs exact stationary density',
          equation: '2.25',
          value: atTwoDelta.peak.value,
          expected: atTwoDelta.exactPeak.density,
          standardError: atTwoDelta.peak.standardError,
        },
        {
          name: 'max P(φ_AB), δ = σ², V = δ: histogram vs exact stationary density',
          equation: '2.25',
          value: atDelta.peak.value,
          expected: atDelta.exactPeak.density,
          standardError: atDelta.peak.standardError,
        },
        {
          name: 'position of the maximum of P(φ_AB), δ = σ², V = 2δ (from the balance of samples about it), vs the exact noisy peak (below arcsin(δ/V))',
          equation: '2.25',
          value: position.value,
          expected: atTwoDelta.exactPeak.phase,
          standardError: position.standardError,
        },
        {
          name: `histogram of P(φ_AB), δ = σ², V = 2δ, vs exact bin averages: Hotelling T²/p over ${panelBins / MERGED - 1} bins of ${MERGED} (covariance from ${panelRealizations} realizations)`,
          equation: '2.25',
          value: atTwoDelta.bins.value,
          expected: atTwoDelta.bins.expected,
          standardError: atTwoDelta.bins.standardError,
        },
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
          stepFractionB: STEP_FRACTION_B,
          exactPeakPhase: atTwoDelta.exactPeak.phase,
          noiseFreeLockV2delta: Math.asin(DELTA_B / (2 * DELTA_B)),
          exactMaxV2delta: atTwoDelta.exactPeak.density,
          exactMaxVdelta: atDelta.exactPeak.density,
          largestGridT: Math.max(...gridT.map(Math.abs)),
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
  const dt = (stage === null ? STEP_FRACTION : STEP_FRACTION_B) / Math.max(Math.abs(delta), V, SIGMA * SIGMA);
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

/** A statistical estimate and its standard error. */
interface Estimate {
  readonly value: number;
  readonly standardError: number;
}

/** The index of the largest value (the first of ties). */
function fullestBin(density: Float64Array): number {
  let k = 0;
  for (let j = 1; j < density.length; j++) if (density[j] > density[k]) k = j;
  return k;
}

/**
 * `histogramMaximum`'s parabola through bins k − 1, k, k + 1 (periodic) for a given k: the parabola
 * whose bin averages are the three densities, its vertex and its height there.
 */
function parabolaPeak(centers: Float64Array, density: Float64Array, k: number): { phase: number; density: number } {
  const n = density.length;
  const y0 = density[(k + n - 1) % n];
  const y1 = density[k];
  const y2 = density[(k + 1) % n];
  const c = y0 - 2 * y1 + y2;
  return {
    phase: wrapPhase(centers[k] + ((2 * Math.PI) / n) * ((y0 - y2) / (2 * c))),
    density: y1 - (y0 - y2) ** 2 / (8 * c) - c / 24,
  };
}

/** The bin of [−π, π) in `bins` equal bins that holds the (wrapped) phase, as `phaseHistogram` bins it. */
function binOf(phi: number, bins: number): number {
  const k = Math.floor(((wrapPhase(phi) + Math.PI) * bins) / (2 * Math.PI));
  return k >= bins ? bins - 1 : k < 0 ? 0 : k;
}

/** The average of the exact density (SUB grid points per bin, from `tiltedWashboard` on bins·SUB points) over bin b. */
function binAverage(fine: Float64Array, b: number): number {
  let s = 0;
  for (let j = 0; j < SUB; j++) s += fine[b * SUB + j];
  return s / SUB;
}

/**
 * The samples of each realization counted in each bin (samples laid out [sample][realization]): the
 * densities of the bins of one realization, and the three densities around bin k of all realizations but one.
 */
function realizationCounts(
  phases: Float64Array,
  realizations: number,
  bins: number,
): { densities(r: number): Float64Array; densityWithout(leftOut: number | null, k: number): Float64Array } {
  const counts = new Float64Array(realizations * bins);
  const totals = new Float64Array(bins);
  for (let j = 0; j < phases.length; j++) {
    const b = binOf(phases[j], bins);
    counts[(j % realizations) * bins + b]++;
    totals[b]++;
  }
  const samples = phases.length / realizations;
  const scale = bins / (2 * Math.PI);
  return {
    densities: (r) => Float64Array.from({ length: bins }, (_, b) => (counts[r * bins + b] * scale) / samples),
    densityWithout(leftOut, k) {
      // only bins k − 1, k, k + 1 are filled: all the parabola reads
      const out = new Float64Array(bins);
      const n = (leftOut === null ? realizations : realizations - 1) * samples;
      for (const b of [(k + bins - 1) % bins, k, (k + 1) % bins]) {
        out[b] = ((totals[b] - (leftOut === null ? 0 : counts[leftOut * bins + b])) * scale) / n;
      }
      return out;
    },
  };
}
