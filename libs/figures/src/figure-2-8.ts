import { tapProgress } from '@qsync/frames';
import { kuramoto, ottAntonsen } from '@qsync/models';
import { incoherentOrderModulus, meanWithError } from '@qsync/probes';
import { resolveFigureConfig } from './figure-config';
import { figureStream } from './figure-stream';
import { linspace } from './figure-support';
import type { FigureCheck, FigureRecipe, FigureSeries } from './figure-types';
import {
  bandSeries,
  closedFormBand,
  lateMean,
  lateRealizationMeans,
  orderBand,
  orderSweep,
  realizationModuli,
  realizationOrders,
  scaledPowers,
} from './kuramoto-figure-support';

/** The caption's colours: black the simulation, blue Ott–Antonsen. */
const BLACK = '#000000';
const BLUE = '#1f77b4';
/** Lorentzian width, the unit of rates (times in units of 1/G). */
const G = 1;
/** (a) V = 3G, as the caption says. */
const V_A = 3 * G;
/** (a) 16 realizations of N = 2^14 up to t = 30/G; the late mean is over t ≥ 15/G. */
const EXP_A = 14;
const REALIZATIONS = 16;
const T_A = 30;
const LATE_A = 15;
/** (b) the check compares the largest N with Eq. 2.37 from this coupling up, well above the threshold 2G. */
const FAR_ABOVE = 3 * G;
/** (b) N = 2^6 … 2^14 (the caption's list) and V/G on [0, 5] in steps of 1/4. */
const EXPS_B = [6, 8, 10, 12, 14];
const V_MAX = 5 * G;
const V_STEPS = 20;
/** (b) runs to t = 80/G, averaged over t ≥ 40/G, sampled every 0.5/G. */
const T_B = 80;
const LATE_B = 40;
const SAMPLE_B = 0.5;
/**
 * Step 0.2/max(V, G) (Ralston RK2, the noise-free SRA): the models' tests measured a shift of the
 * stationary |z| of ~1e-3 at V·dt = 0.4, ten times below the finite-N spread at N = 2^14.
 */
const STEP = 0.2;

/** |z| for N → ∞ (Eq. 2.37): √(1 − 2G/V) above V = 2G (2.44), 0 below. */
function infiniteN(V: number): number {
  return V > 2 * G ? Math.sqrt(1 - (2 * G) / V) : 0;
}

/**
 * Fig. 2.8: the order parameter of the noise-free Kuramoto model with Lorentzian frequency
 * disorder of width G (Eq. 2.29 with ξ_i = 0; random frequencies and uniform random initial
 * phases in every realization).
 * (a) |z|(t) at V = 3G for N = 2^14 (`kuramoto`, 16 realizations: mean and mean ± std) and the
 * Ott–Antonsen equation (2.43) started from each realization's z(0) (its closed form, `exact`;
 * mean and mean ± std), with the N → ∞ value √(1 − 2G/V) (Eq. 2.37).
 * (b) the long-time |z| (mean over realizations and over t ∈ [40, 80]/G) against V/G ∈ [0, 5] for
 * N = 2^6, 2^8, …, 2^14, with Eq. (2.37).
 * `scale` shrinks N (2^round(k + log2 scale), at least 2^6 in (a) and 2^4 in (b)), the
 * realizations (scale × 16, at least 2) and the V grid (scale × 20 steps, at least 5).
 *
 * Checks: (a) the late-time mean |z| of the simulation and the Ott–Antonsen value at t = 30/G
 * against √(1 − 2G/V), and their difference (the two converge to the same value, the text's
 * point); (b) for every N, ⟨|z|⟩ at V = 0 against the exact finite-N incoherent value E|z| of N
 * independent uniform phases (`incoherentOrderModulus` of @qsync/probes, ≈ √(π/4N)(1 + 1/16N);
 * uncoupled phases from uniform random starts stay independent and uniform), and for the largest
 * N the mean over V ≥ 3G (well above the threshold) of ⟨|z|⟩ − √(1 − 2G/V), expected 0 up to O(1/N). Statistical errors are the spread of the
 * realizations' own long-time means (each realization has its own frozen frequencies, which no
 * average over time can see). The approach to N → ∞ over the whole V grid, the mean over V of
 * |⟨|z|⟩ − |z|∞| for each N, is in `parameters` (`meanDeviationN…`): finite N lifts |z| to ~1/√N
 * below the threshold and rounds the transition near it, so it is not 0 at any finite N and not a
 * check.
 */
export const figure28: FigureRecipe = {
  id: '2.8',
  title: 'Kuramoto model with Lorentzian disorder: order parameter (Eqs. 2.29, 2.37, 2.43)',
  equations: ['2.29', '2.37', '2.43'],
  run(config) {
    const cfg = resolveFigureConfig('2.8', config);
    const nA = cfg.powerOfTwo(EXP_A, 6);
    const realizations = cfg.size(REALIZATIONS, 2);
    const sizes = scaledPowers(EXPS_B, (e) => cfg.powerOfTwo(e, 4));
    const vSteps = cfg.size(V_STEPS, 5);
    return figureStream(async (ctx) => {
      // (a) time evolution at V = 3G
      const timesA = linspace(0, T_A, 4 * T_A + 1);
      const modelA = kuramoto({ N: nA, V: V_A, G, realizations, disorderSeed: cfg.seed });
      const framesA = await ctx.collect(`(a) Kuramoto N = ${nA}`, (progress) =>
        modelA.simulate(timesA, { noiseSeed: cfg.seed, dt: STEP / V_A }).withProgress().pipe(tapProgress(progress)),
      );
      const simulated = orderBand(framesA);
      const oa = closedFormBand(ottAntonsen({ V: V_A, G }), realizationOrders(framesA[0]), timesA);
      const steady = infiniteN(V_A);
      const lateSim = lateMean(simulated.t, simulated.mean, LATE_A);
      const lateOa = lateMean(oa.t, oa.mean, LATE_A);
      // each realization has its own frozen frequencies: the error of the late mean is the spread of
      // the realizations' own late means (time averages within one cannot see its disorder)
      const lateError = meanWithError(
        lateRealizationMeans(
          framesA.map((f) => ({ t: f.t, each: realizationModuli(f) })),
          LATE_A,
        ),
      ).standardError;

      // (b) long-time |z| against V for each N
      const couplings = linspace(0, V_MAX, vSteps + 1);
      const timesB = linspace(0, T_B, Math.round(T_B / SAMPLE_B) + 1);
      const series: FigureSeries[] = [];
      const checks: FigureCheck[] = [
        {
          name: `(a) Kuramoto N = ${nA}: mean |z| over t ≥ ${LATE_A}/G vs √(1 − 2G/V)`,
          equation: '2.37',
          value: lateSim,
          expected: steady,
          standardError: lateError,
        },
        {
          name: `(a) Ott–Antonsen at t = ${T_A}/G vs √(1 − 2G/V)`,
          equation: '2.43',
          value: oa.mean[oa.mean.length - 1],
          expected: steady,
        },
        {
          name: `(a) Kuramoto minus Ott–Antonsen: mean |z| over t ≥ ${LATE_A}/G`,
          equation: '2.43',
          value: lateSim - lateOa,
          expected: 0,
          // Ott–Antonsen from each realization's z(0) is all but deterministic this late
          standardError: lateError,
        },
      ];
      const parameters: Record<string, number | string> = {
        G,
        VA: V_A,
        NA: nA,
        realizations,
        tA: T_A,
        tB: T_B,
        lateB: LATE_B,
        sizesB: sizes.join(' '),
        vSteps,
        seed: cfg.seed,
        lateKuramotoA: lateSim,
        lateOttAntonsenA: lateOa,
      };
      const rows = await orderSweep(ctx, {
        stage: '(b) sweep over N and V',
        sizes,
        couplings,
        times: timesB,
        tStart: LATE_B,
        seed: cfg.seed,
        model: (N, V, seed) => kuramoto({ N, V, G, realizations, disorderSeed: seed }),
        dt: (V) => STEP / Math.max(V, G),
      });
      for (const { N, abs, errors, realizationErrors } of rows) {
        series.push({ name: `N = ${N}`, x: couplings, y: abs, points: true });
        // the approach to N → ∞, for the figure's caption: finite N lifts |z| to ~1/√N below the
        // threshold and rounds the transition near it, so this is not 0 at any finite N
        let deviation = 0;
        for (const [j, V] of couplings.entries()) deviation += Math.abs(abs[j] - infiniteN(V)) / couplings.length;
        parameters[`meanDeviationN${N}`] = deviation;
        parameters[`largestErrorN${N}`] = Math.max(...realizationErrors);
        // where finite N shows most, V = 0: the phases turn freely from uniform random starts, so z is
        // the mean of N independent unit phasors at every t, E|z| = √(π/4N)(1 + 1/(16N) + O(N⁻²)), for any
        // frozen frequencies: the time average is unbiased in each realization, and its batch-means error
        // (many batches) is the right one here
        checks.push({
          name: `(b) N = ${N}: ⟨|z|⟩ at V = 0 vs the incoherent E|z| of N uniform phases`,
          equation: '2.30',
          value: abs[0],
          expected: incoherentOrderModulus(N),
          standardError: errors[0],
        });
      }
      // the largest N well above the threshold (V ≥ 3G, |z|∞ ≥ 0.58), where finite N only
      // scatters |z| by the realizations' disorder (~1/√N) and shifts it by O(1/N): the signed mean
      // deviation from Eq. 2.37, its error pooled from the points' realization errors
      const largest = rows[rows.length - 1];
      const far = [...couplings.keys()].filter((j) => couplings[j] >= FAR_ABOVE - 1e-12);
      let farDeviation = 0;
      let farVariance = 0;
      for (const j of far) {
        farDeviation += (largest.abs[j] - infiniteN(couplings[j])) / far.length;
        farVariance += largest.realizationErrors[j] ** 2 / far.length ** 2;
      }
      checks.push({
        name: `(b) N = ${largest.N}: mean over V ≥ ${FAR_ABOVE / G}G of ⟨|z|⟩ − √(1 − 2G/V)`,
        equation: '2.37',
        value: farDeviation,
        expected: 0,
        standardError: Math.sqrt(farVariance),
      });
      const fine = linspace(0, V_MAX, 501);
      series.push({ name: 'N → ∞: √(1 − 2G/V) (Eq. 2.37)', x: fine, y: fine.map(infiniteN) });

      return {
        id: '2.8',
        title: figure28.title,
        parameters,
        panels: [
          {
            kind: 'lines',
            name: 'a',
            title: `(a) |z|(t), V = 3G, N = ${nA}, ${realizations} realizations`,
            xLabel: 'time t·G',
            yLabel: '|z|',
            yDomain: [0, 1],
            series: [
              ...bandSeries(`Kuramoto (Eq. 2.29), N = ${nA}`, simulated, BLACK),
              ...bandSeries('Ott–Antonsen (Eq. 2.43)', oa, BLUE),
              { name: '√(1 − 2G/V) (Eq. 2.37)', x: Float64Array.of(0, T_A), y: Float64Array.of(steady, steady), dashed: true },
            ],
          },
          {
            kind: 'lines',
            name: 'b',
            title: `(b) long-time |z| (t ≥ ${LATE_B}/G) against V`,
            xLabel: 'coupling V/G',
            yLabel: '|z|',
            yDomain: [0, 1],
            series,
          },
        ],
        checks,
      };
    });
  },
};
