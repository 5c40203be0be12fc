import { tapProgress } from '@qsync/frames';
import { adler, adlerSlipFrequency, noisyPhasePair, tiltedWashboard } from '@qsync/models';
import { jackknife, meanSquaredT, observedFrequencies, observedFrequency } from '@qsync/probes';
import { dominantFrequency, fitLorentzian, spectrumFromCorrelation, twoTimeCorrelation, type Spectrum } from '@qsync/spectral';
import { filter, map } from 'rxjs';
import { resolveFigureConfig } from './figure-config';
import { figureStream, type FigureContext } from './figure-stream';
import { arrayData, linspace } from './figure-support';
import type { FigureCheck, FigureRecipe, FigureSeries } from './figure-types';

/** (a) coupling V = 1: detunings in units of V on [−3, 3]; two noise strengths σ²/V. */
const V_A = 1;
const DELTA_RANGE = 3;
const NOISES = [0.2, 1];
/** (a) noisy runs: transient, then the mean phase velocity over the rest (endpoints). */
const NOISY_START = 20;
const NOISY_END = 220;
/** (a) noise-free runs: least-squares slope of φ_AB sampled every 0.1 on [20, 420]. */
const CLEAN_END = 420;
const CLEAN_SAMPLE = 0.1;
/** Step as a fraction of the fastest time scale 1/max(|δ|, V, σ²) (SRA; see Fig. 2.4). */
const STEP_FRACTION = 0.05;
/** (b) δ = 1, σ² = δ/5, couplings V/δ. */
const DELTA_B = 1;
const SIGMA2_B = DELTA_B / 5;
const COUPLINGS_B = [0, 0.5, 1, 2];
/** (b) sampling: transient, then NB samples every TAU_STEP; correlations up to MAX_LAG·TAU_STEP. */
const TRANSIENT_B = 20;
const TAU_STEP = 0.2;
const SAMPLES_B = 3001;
const MAX_LAG = 1000;
const NFFT = 4096;
/** (b) groups of realizations for the jackknife errors of the uncoupled spectra's peak and width. */
const GROUPS = 20;
/** (b) the caption's bins, width 0.05δ, shown on |ω| ≤ 1.5δ. */
const BIN = 0.05 * DELTA_B;
const SHOWN = 1.5 * DELTA_B;

/**
 * Fig. 2.5: frequency entrainment. (a) The observed frequency difference ⟨φ̇_AB⟩ against the
 * detuning (both in units of V = 1) on δ/V ∈ [−3, 3] (41 points): noise-free, the closed form
 * √(δ² − V²) outside the tongue and 0 inside (Eq. 2.23, `adlerSlipFrequency`) with simulated
 * points (`adler`, σ = 0, φ0 = 0, least-squares slope over t ∈ [20, 420]); noisy, σ² = 0.2V and
 * σ² = V (noisy Adler equation 2.25, 200 realizations from uniform phases, `observedFrequencies`
 * by endpoints over t ∈ [20, 220]) as points, each with its exact curve (dashed) — the mean velocity of the tilted
 * washboard, ⟨φ̇⟩ = 2π·Dn(1 − e^{−2πδ/Dn})/∫₀^{2π}dφ∫_φ^{φ+2π}dψ e^{(U(ψ)−U(φ))/Dn}, U = −δφ − V cos φ,
 * Dn = σ²/2 (Stratonovich; derived in `tiltedWashboard`), by quadrature; and the bare detuning
 * (dashed identity). (b) The spectra S_A(ω), S_B(ω) (Eq. 2.28) of the two phase oscillators of
 * Eq. (2.24) (`noisyPhasePair`) for σ² = δ/5 and V ∈ {0, δ/2, δ, 2δ} (δ = 1): 1000 realizations
 * from uniform phases, after t = 20 sampled every 0.2 (3001 samples), g_a(τ) =
 * E[e^{iφ_a(t+τ)}e^{−iφ_a(t)}] (Eq. 2.27) by `twoTimeCorrelation` up to τ = 200 (where
 * e^{−Dτ} = e^{−10}), `spectrumFromCorrelation` (rectangular lag window, 4096 frequencies), shown
 * averaged in bins of width 0.05δ as the caption says. `scale` shrinks the detuning grid
 * (2·(scale·20) + 1 ≥ 11) and the realizations (scale × 200 ≥ 16 in a, scale × 1000 ≥ 20 in b, rounded up to a multiple of 20).
 * Steps 0.05/max(|δ|, V, σ²) (SRA).
 *
 * Checks: (a) the largest |simulated − closed form| of the noise-free points (Eq. 2.23), 0 expected
 * (deterministic: the least-squares slope of a periodic ramp errs by ≲ 4e-4); and each noisy curve
 * against the exact mean velocity (Eq. 2.25 with its Fokker–Planck equation) as the mean over the
 * detunings of t², t = deviation over the point's standard error from its independent
 * realizations, expected ν/(ν − 2) with ν = realizations − 1 (the largest |t| is in `parameters`;
 * inside the tongue a realization's frequency is mostly 0 with rare slips, so t is narrower than
 * Student's and the mean t² usually lies below its expectation).
 * (b) at V = 0 each phase is free: dφ_A = (δ/2) dt + (σ/√2) dW_A (Eq. 2.24), so φ_A(t + τ) − φ_A(t)
 * is Gaussian with mean δτ/2 and variance σ²τ/2, g_A(τ) = e^{iδτ/2 − σ²|τ|/4}: a Lorentzian at
 * +δ/2 with half width D = σ²/4 (Eq. 2.13 with noise σ/√2, i.e. D = (σ/√2)²/2; Eq. 2.16); S_B
 * likewise at −δ/2. The centres and half widths of Lorentzians fitted on ±0.4δ around ±δ/2
 * (`fitLorentzian`, unbinned spectra; bins as wide as the line would broaden it) are checked against
 * ±δ/2 and σ²/4, with jackknife errors over 20 groups of realizations (g(τ) is computed per group).
 */
export const figure25: FigureRecipe = {
  id: '2.5',
  title: 'Frequency entrainment: observed frequency difference and spectra (Eqs. 2.23–2.28)',
  equations: ['2.23', '2.24', '2.25', '2.27', '2.28'],
  run(config) {
    const cfg = resolveFigureConfig('2.5', config);
    const nDelta = 2 * cfg.size(20, 5) + 1;
    const noisyRealizations = cfg.size(200, 16);
    const spectrumRealizations = GROUPS * Math.ceil(cfg.size(1000, 20) / GROUPS);
    return figureStream(async (ctx) => {
      const deltas = linspace(-DELTA_RANGE * V_A, DELTA_RANGE * V_A, nDelta);
      const total = nDelta * (1 + NOISES.length);
      let done = 0;
      const tick = () => ctx.progress('frequency sweep', ++done, total);

      // (a) noise-free: simulated points and the closed form of Eq. (2.23)
      const cleanTimes = linspace(0, CLEAN_END, Math.round(CLEAN_END / CLEAN_SAMPLE) + 1);
      const cleanFrequency = new Float64Array(nDelta);
      for (let k = 0; k < nDelta; k++) {
        const delta = deltas[k];
        const model = adler({ delta, V: V_A, phi0: 0 });
        const dt = STEP_FRACTION / Math.max(Math.abs(delta), V_A);
        const phases = await ctx.collect('frequency sweep', () =>
          model.simulate(cleanTimes, { dt }).pipe(map((f) => arrayData(f, 'phiABUnwrapped')[0])),
        );
        cleanFrequency[k] = observedFrequency(cleanTimes, phases, { tStart: NOISY_START, method: 'leastSquares' });
        tick();
      }
      const adlerFrequency = (delta: number) => adlerSlipFrequency({ delta, V: V_A });
      const fine = linspace(-DELTA_RANGE * V_A, DELTA_RANGE * V_A, 601);
      const seriesA: FigureSeries[] = [
        { name: 'bare detuning δ', x: fine.map((d) => d / V_A), y: fine.map((d) => d / V_A), dashed: true },
        { name: 'noise-free √(δ² − V²) (Eq. 2.23)', x: fine.map((d) => d / V_A), y: fine.map((d) => adlerFrequency(d) / V_A) },
        { name: 'noise-free, simulated', x: deltas.map((d) => d / V_A), y: cleanFrequency.map((w) => w / V_A), points: true },
      ];
      let cleanWorst = 0;
      for (let k = 0; k < nDelta; k++) cleanWorst = Math.max(cleanWorst, Math.abs(cleanFrequency[k] - adlerFrequency(deltas[k])));

      // (a) noisy: simulated points and the exact mean velocity
      const noisyFit: ReturnType<typeof meanSquaredT>[] = [];
      const noisyWorstZ: number[] = [];
      for (const [n, ratio] of NOISES.entries()) {
        const sigma = Math.sqrt(ratio * V_A);
        const simulated = new Float64Array(nDelta);
        const t = new Float64Array(nDelta);
        for (let k = 0; k < nDelta; k++) {
          const delta = deltas[k];
          const model = adler({ delta, V: V_A, sigma, realizations: noisyRealizations });
          const dt = STEP_FRACTION / Math.max(Math.abs(delta), V_A, sigma * sigma);
          const ends = await ctx.collect('frequency sweep', () =>
            model
              .simulate([0, NOISY_START, NOISY_END], { dt, noiseSeed: cfg.seed + 1000 * (n + 1) + k })
              .pipe(
                filter((f) => f.t >= NOISY_START),
                map((f) => arrayData(f, 'phiABUnwrapped')),
              ),
          );
          const unwrapped = new Float64Array(2 * noisyRealizations);
          for (let r = 0; r < noisyRealizations; r++) {
            unwrapped[2 * r] = ends[0][r];
            unwrapped[2 * r + 1] = ends[1][r];
          }
          const observed = observedFrequencies([NOISY_START, NOISY_END], unwrapped);
          simulated[k] = observed.mean;
          const exact = tiltedWashboard({ delta, V: V_A, sigma, points: 256 }).velocity;
          t[k] = (observed.mean - exact) / observed.standardError;
          tick();
        }
        noisyFit.push(meanSquaredT(t, noisyRealizations - 1));
        noisyWorstZ.push(Math.max(...t.map(Math.abs)));
        const exactCurve = linspace(-DELTA_RANGE * V_A, DELTA_RANGE * V_A, 241);
        seriesA.push({ name: `σ² = ${ratio}V, simulated`, x: deltas.map((d) => d / V_A), y: simulated.map((w) => w / V_A), points: true });
        seriesA.push({
          name: `σ² = ${ratio}V, exact (Fokker–Planck)`,
          x: exactCurve.map((d) => d / V_A),
          y: exactCurve.map((d) => tiltedWashboard({ delta: d, V: V_A, sigma, points: 256 }).velocity / V_A),
          dashed: true,
        });
      }

      // (b) spectra of the two phase oscillators
      const seriesB: FigureSeries[] = [];
      const peaks: Record<string, number> = {};
      let free: GroupedSpectra | null = null;
      for (const [n, V] of COUPLINGS_B.entries()) {
        const grouped = await spectra(ctx, V * DELTA_B, spectrumRealizations, cfg.seed + 7919 * (n + 1));
        if (V === 0) free = grouped;
        const label = V === 0 ? 'V = 0' : V === 1 ? 'V = δ' : `V = ${V}δ`;
        for (const [name, s] of [
          ['S_A', grouped.a(null)],
          ['S_B', grouped.b(null)],
        ] as const) {
          const binned = binSpectrum(s);
          seriesB.push({ name: `${name}, ${label}`, x: binned.omega, y: binned.density });
          peaks[`peak${name.slice(2)}_V${V}`] = dominantFrequency(s.omega, s.density).omega;
        }
      }
      if (free === null) throw new Error('figure 2.5: the uncoupled spectra are missing');
      const uncoupled = free;
      // centre and half width of the uncoupled lines, fitted (`fitLorentzian` on ±0.4δ about ±δ/2,
      // unbinned), with jackknife errors over the groups of realizations. The fit is smooth in the
      // data, as the jackknife needs; the highest sample of the noisy line (`dominantFrequency`,
      // in `parameters` for every V) is not, and its jackknife errors came out 2–4 times too small
      const lineOf = (spectrum: (g: number | null) => Spectrum, center: number, part: 'center' | 'halfWidth') =>
        jackknife(GROUPS, (g) => {
          const s = spectrum(g);
          return fitLorentzian(s.omega, s.density, { range: [center - 0.4 * DELTA_B, center + 0.4 * DELTA_B] })[part];
        });
      const peakA = lineOf(uncoupled.a, DELTA_B / 2, 'center');
      const peakB = lineOf(uncoupled.b, -DELTA_B / 2, 'center');
      const widthA = lineOf(uncoupled.a, DELTA_B / 2, 'halfWidth');
      const widthB = lineOf(uncoupled.b, -DELTA_B / 2, 'halfWidth');
      const D = SIGMA2_B / 4;

      const checks: FigureCheck[] = [
        { name: 'largest |simulated − closed form| of the noise-free frequency difference', equation: '2.23', value: cleanWorst, expected: 0 },
        ...NOISES.map((ratio, n) => ({
          name: `mean frequency difference, σ² = ${ratio}V, vs the exact mean velocity: mean of t² over ${nDelta} detunings (ν = ${noisyRealizations - 1})`,
          equation: '2.25',
          value: noisyFit[n].value,
          expected: noisyFit[n].expected,
          standardError: noisyFit[n].standardError,
        })),
        { name: 'centre of the S_A line at V = 0 (bare frequency +δ/2)', equation: '2.24', value: peakA.value, expected: DELTA_B / 2, standardError: peakA.standardError },
        { name: 'centre of the S_B line at V = 0 (bare frequency −δ/2)', equation: '2.24', value: peakB.value, expected: -DELTA_B / 2, standardError: peakB.standardError },
        { name: 'half width of S_A at V = 0 vs D = σ²/4', equation: '2.13, 2.16', value: widthA.value, expected: D, standardError: widthA.standardError },
        { name: 'half width of S_B at V = 0 vs D = σ²/4', equation: '2.13, 2.16', value: widthB.value, expected: D, standardError: widthB.standardError },
      ];
      return {
        id: '2.5',
        title: figure25.title,
        parameters: {
          V: V_A,
          detunings: nDelta,
          noises: NOISES.map((r) => `${r}V`).join(', '),
          noisyRealizations,
          noisyWindow: `${NOISY_START}–${NOISY_END}`,
          ...Object.fromEntries(NOISES.map((r, n) => [`worstDeviationInStandardErrors_sigma2_${r}V`, noisyWorstZ[n]])),
          deltaB: DELTA_B,
          sigma2B: SIGMA2_B,
          spectrumRealizations,
          spectrumSamples: SAMPLES_B,
          tauStep: TAU_STEP,
          maxLag: MAX_LAG,
          ...peaks,
          stepFraction: STEP_FRACTION,
          seed: cfg.seed,
        },
        panels: [
          {
            kind: 'lines',
            name: 'a',
            title: '(a) observed frequency difference vs detuning',
            xLabel: 'detuning δ/V',
            yLabel: 'observed frequency difference ⟨φ̇_AB⟩/V',
            series: seriesA,
          },
          {
            kind: 'lines',
            name: 'b',
            title: '(b) spectra S_A(ω), S_B(ω) for σ² = δ/5, in bins of 0.05δ',
            xLabel: 'frequency ω/δ',
            yLabel: 'S(ω)',
            series: seriesB,
            xDomain: [-SHOWN, SHOWN],
          },
        ],
        checks,
      };
    });
  },
};

/** The spectra S_A, S_B of all groups of realizations (null) or all but group g. */
interface GroupedSpectra {
  a(leftOut: number | null): Spectrum;
  b(leftOut: number | null): Spectrum;
}

/**
 * The spectra S_A, S_B (Eq. 2.28) of the noisy phase pair (Eq. 2.24) at coupling V. g(τ) is an
 * average over realizations, so it is computed per group of realizations (GROUPS equal groups) and
 * the spectrum of all groups, or of all but one, from their mean.
 */
async function spectra(ctx: FigureContext, V: number, realizations: number, seed: number): Promise<GroupedSpectra> {
  const sigma = Math.sqrt(SIGMA2_B);
  const model = noisyPhasePair({ delta: DELTA_B, V, sigma, realizations });
  const times = [0, ...linspace(TRANSIENT_B, TRANSIENT_B + (SAMPLES_B - 1) * TAU_STEP, SAMPLES_B)];
  const dt = STEP_FRACTION / Math.max(DELTA_B, V, SIGMA2_B);
  // e^{iφ_a} laid out [realization][sample], interleaved complex
  const xa = new Float64Array(2 * realizations * SAMPLES_B);
  const xb = new Float64Array(2 * realizations * SAMPLES_B);
  let n = 0;
  await ctx.collect(`spectra, V = ${V}`, (progress) =>
    model.simulate(times, { dt, noiseSeed: seed }).withProgress().pipe(
      tapProgress(progress),
      filter((f) => f.t >= TRANSIENT_B),
      map((f) => {
        const phiA = arrayData(f, 'phiAUnwrapped');
        const phiB = arrayData(f, 'phiBUnwrapped');
        for (let r = 0; r < realizations; r++) {
          const at = 2 * (r * SAMPLES_B + n);
          xa[at] = Math.cos(phiA[r]);
          xa[at + 1] = Math.sin(phiA[r]);
          xb[at] = Math.cos(phiB[r]);
          xb[at + 1] = Math.sin(phiB[r]);
        }
        n++;
        return f.t;
      }),
    ),
  );
  const perGroup = realizations / GROUPS;
  const options = { realizations: perGroup, samples: SAMPLES_B, maxLag: MAX_LAG, dt: TAU_STEP, complex: true };
  const groupCorrelations = (x: Float64Array) =>
    Array.from({ length: GROUPS }, (_, g) => twoTimeCorrelation(x.subarray(2 * g * perGroup * SAMPLES_B, 2 * (g + 1) * perGroup * SAMPLES_B), options).g);
  const spectrumOf = (groups: Float64Array[]) => (leftOut: number | null) => {
    const g = new Float64Array(groups[0].length);
    const kept = leftOut === null ? GROUPS : GROUPS - 1;
    for (const [k, one] of groups.entries()) {
      if (k === leftOut) continue;
      for (let i = 0; i < g.length; i++) g[i] += one[i] / kept;
    }
    return spectrumFromCorrelation(g, { dt: TAU_STEP, nfft: NFFT });
  };
  return { a: spectrumOf(groupCorrelations(xa)), b: spectrumOf(groupCorrelations(xb)) };
}

/** The spectrum averaged in bins of width BIN centred on multiples of BIN, for |ω| ≤ SHOWN. */
function binSpectrum(s: Spectrum): Spectrum {
  const bins = Math.round((2 * SHOWN) / BIN) + 1;
  const sum = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let j = 0; j < s.omega.length; j++) {
    const k = Math.round((s.omega[j] + SHOWN) / BIN);
    if (k < 0 || k >= bins) continue;
    sum[k] += s.density[j];
    count[k]++;
  }
  const omega = Float64Array.from({ length: bins }, (_, k) => -SHOWN + k * BIN);
  return { omega, density: sum.map((v, k) => (count[k] > 0 ? v / count[k] : 0)) };
}
