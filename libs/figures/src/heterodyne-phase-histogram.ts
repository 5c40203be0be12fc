import { steadyState } from '@qsync/integrators';
import type { Lindbladian, Operator } from '@qsync/operators';
import { currentPhaseHistogram } from '@qsync/probes';
import { createDiffusiveTrajectories } from '@qsync/unravelers';
import type { FigureContext } from './figure-stream';

/** A pair whose channels rate·D[a], rate·D[b] are watched by heterodyne detectors, for {@link heterodynePhaseHistogram}. */
export interface HeterodynePhaseSpec {
  readonly lindbladian: Lindbladian;
  /** the watched jump operators (a, b or σ−_A, σ−_B); their dissipators must be in the Lindbladian */
  readonly a: Operator;
  readonly b: Operator;
  readonly rate: number;
  /** recording length, integration step, seed, histogram bins */
  readonly duration: number;
  readonly dt: number;
  readonly noiseSeed: number;
  readonly bins: number;
  /** the detector's averaging time Δ of the currents, a whole number of 0.05 */
  readonly detectorTime: number;
  readonly stage: string;
  /** Q(φ_AB) at the bin centres, the law the histogram is compared with */
  readonly reference: Float64Array;
}

/**
 * D² = Σ_j w(h_j − Q_j)² of a histogram h (bin width w) to the reference Q, with its expectation
 * F² + Σ_j p_j(1 − p_j)/(Nw) (F² = Σ_j w(P_j − Q_j)², P the predicted law, p_j = P_j·w its bin
 * probabilities, N samples) and its standard error √Σ_j w²(4(P_j − Q_j)²v_j + 2v_j²),
 * v_j = p_j(1 − p_j)/(Nw²) (bins taken as independent).
 */
export interface L2Distance {
  readonly squared: number;
  readonly expected: number;
  readonly standardError: number;
  /** F², the part that does not shrink with N: the broadening by the detector noise */
  readonly floor: number;
}

/** What {@link heterodynePhaseHistogram} measured and predicted. */
export interface HeterodynePhaseHistogram {
  /** bin centres on (−π, π] and the measured density of φ^m_AB (Eq. 4.15) */
  readonly centers: Float64Array;
  readonly density: Float64Array;
  /** the law of φ^m_AB predicted from the recorded conditional means (density per bin) */
  readonly predicted: Float64Array;
  /** χ² of the counts against the predicted law (bins − 1 degrees of freedom) */
  readonly chi2: number;
  /** samples of the first quarter of the record and of the whole record */
  readonly samples: readonly [number, number];
  /** for the same two: the squared L2 distance of the histogram to `reference` and what statistics predicts for it */
  readonly distances: readonly L2Distance[];
  readonly positivityViolations: number;
}

/** Output spacing of the SME: the conditional means are sampled this finely... */
const FINE_STEP = 0.05;
/** Harmonics of the predicted law: g_k ∝ s^{k/2} with s = κ|⟨a⟩|²Δ ≲ 1 (terms beyond 12 < 1e-6). */
const HARMONICS = 12;

/**
 * The measured phase difference φ^m_AB = arg[I_B/I_A] of two heterodyne currents (Eqs. 4.14–4.15,
 * 4.48–4.49; internal to figures): one stationary trajectory (from ρ_ss) of the SME watching a and
 * b, the currents averaged by the detector over Δ = `detectorTime`, and the histogram (`currentPhaseHistogram`).
 * Each sample is I = √rate·ā + n with ā the conditional ⟨a⟩ averaged over Δ (trapezoid on the SME's
 * output times) and n complex white noise of E|n|² = 1/Δ (Eq. 3.15), so given the recorded means the
 * phase of each current is Rician: E[e^{ik arg I}] = e^{ik arg ā}·Γ(1 + k/2)/k!·s^{k/2}·₁F₁(k/2; k + 1; −s),
 * s = rate|ā|²Δ, and the predicted law of φ^m_AB is the average over the samples of
 * 1/2π·[1 + 2Re Σ_k g_k(s_A)g_k(s_B)e^{ik(θ_B − θ_A)}e^{−ikφ}]. Its counts are a martingale sum about
 * this law, so the χ² against it with multinomial variances is valid although the samples are
 * correlated through the state.
 */
export async function heterodynePhaseHistogram(ctx: FigureContext, spec: HeterodynePhaseSpec): Promise<HeterodynePhaseHistogram> {
  const l = spec.lindbladian;
  const watched = (d: { rate: number; jump: Operator; jump2?: Operator }): boolean => d.jump2 === undefined && d.rate === spec.rate && (d.jump === spec.a || d.jump === spec.b);
  const rest = l.dissipators.filter((d) => !watched(d));
  if (rest.length !== l.dissipators.length - 2) throw new Error(`heterodynePhaseHistogram: the Lindbladian must hold rate·D[a] and rate·D[b] with rate ${spec.rate}`);
  const every = Math.round(FINE_STEP / spec.dt);
  // the detector averages the currents over BLOCK fine samples: one value of φ^m per Δ
  const BLOCK = Math.round(spec.detectorTime / FINE_STEP);
  const blocks = Math.floor(spec.duration / (FINE_STEP * BLOCK));
  const fine = blocks * BLOCK;
  const runs = createDiffusiveTrajectories(
    {
      hamiltonian: l.hamiltonian,
      dissipators: rest,
      monitored: [
        { name: 'IA', rate: spec.rate, jump: spec.a, unraveling: 'heterodyne' },
        { name: 'IB', rate: spec.rate, jump: spec.b, unraveling: 'heterodyne' },
      ],
    },
    { rho0: steadyState(l).rho, dt: spec.dt, tEnd: (fine + 1) * every * spec.dt, outputEvery: every, noiseSeed: spec.noiseSeed, method: 'euler-maruyama', expect: { a: spec.a, b: spec.b } },
  );
  const cols = { IA: new Float64Array(2 * (fine + 1)), IB: new Float64Array(2 * (fine + 1)), a: new Float64Array(2 * (fine + 1)), b: new Float64Array(2 * (fine + 1)) };
  const cursor = runs.start(0);
  const chunk = 4000;
  for (let done = 0; done <= fine; done += chunk) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (ctx.closed) throw new Error('heterodynePhaseHistogram: cancelled');
    cursor.advanceInto(cols, done, Math.min(chunk, fine + 1 - done));
    ctx.progress(spec.stage, Math.min(done + chunk, fine + 1), fine + 1);
  }
  // the detector's samples: currents averaged over Δ = BLOCK fine samples; the means ā likewise (trapezoid)
  const IA = new Float64Array(2 * blocks);
  const IB = new Float64Array(2 * blocks);
  const harmonicsRe = new Float64Array(HARMONICS + 1);
  const harmonicsIm = new Float64Array(HARMONICS + 1);
  const delta = FINE_STEP * BLOCK;
  const gA = new Float64Array(HARMONICS + 1);
  const gB = new Float64Array(HARMONICS + 1);
  const quarter = Math.floor(blocks / 4);
  const quarterRe = new Float64Array(HARMONICS + 1);
  const quarterIm = new Float64Array(HARMONICS + 1);
  for (let m = 0; m < blocks; m++) {
    if (m === quarter) {
      quarterRe.set(harmonicsRe);
      quarterIm.set(harmonicsIm);
    }
    let aRe = 0, aIm = 0, bRe = 0, bIm = 0;
    for (let j = 0; j <= BLOCK; j++) {
      const q = 2 * (m * BLOCK + j);
      const w = j === 0 || j === BLOCK ? 0.5 / BLOCK : 1 / BLOCK;
      aRe += w * cols.a[q];
      aIm += w * cols.a[q + 1];
      bRe += w * cols.b[q];
      bIm += w * cols.b[q + 1];
      if (j < BLOCK) {
        IA[2 * m] += cols.IA[q] / BLOCK;
        IA[2 * m + 1] += cols.IA[q + 1] / BLOCK;
        IB[2 * m] += cols.IB[q] / BLOCK;
        IB[2 * m + 1] += cols.IB[q + 1] / BLOCK;
      }
    }
    ricianHarmonics(spec.rate * (aRe * aRe + aIm * aIm) * delta, gA);
    ricianHarmonics(spec.rate * (bRe * bRe + bIm * bIm) * delta, gB);
    const theta = Math.atan2(bIm, bRe) - Math.atan2(aIm, aRe);
    for (let k = 1; k <= HARMONICS; k++) {
      harmonicsRe[k] += gA[k] * gB[k] * Math.cos(k * theta);
      harmonicsIm[k] += gA[k] * gB[k] * Math.sin(k * theta);
    }
  }
  const h = currentPhaseHistogram(IA, IB, { bins: spec.bins });
  const hq = currentPhaseHistogram(IA.subarray(0, 2 * quarter), IB.subarray(0, 2 * quarter), { bins: spec.bins });
  const p = binProbabilities(harmonicsRe, harmonicsIm, blocks, spec.bins);
  const pq = binProbabilities(quarterRe, quarterIm, quarter, spec.bins);
  const width = (2 * Math.PI) / spec.bins;
  let chi2 = 0;
  for (let j = 0; j < spec.bins; j++) chi2 += (h.counts[j] - p[j] * h.samples) ** 2 / (p[j] * h.samples);
  const distances = [
    { density: hq.density, p: pq, samples: hq.samples },
    { density: h.density, p, samples: h.samples },
  ].map((r) => l2Distance(r.density, r.p, r.samples, spec.reference, width));
  return {
    centers: h.centers,
    density: h.density,
    predicted: p.map((x) => x / width),
    chi2,
    samples: [hq.samples, h.samples],
    distances,
    positivityViolations: cursor.stats.positivityViolations,
  };
}

/** Bin probabilities of 1/2π·[1 + 2Re Σ_k C_k e^{−ikφ}] on (−π, π], C_k = (re_k + i·im_k)/count. */
function binProbabilities(re: Float64Array, im: Float64Array, count: number, bins: number): Float64Array {
  const width = (2 * Math.PI) / bins;
  const out = new Float64Array(bins);
  for (let j = 0; j < bins; j++) {
    const lo = -Math.PI + j * width;
    const hi = lo + width;
    let p = width / (2 * Math.PI);
    for (let k = 1; k < re.length; k++) {
      // ∫_lo^hi e^{−ikφ}dφ = (e^{−ik·hi} − e^{−ik·lo})·i/k
      const dRe = Math.cos(k * hi) - Math.cos(k * lo);
      const dIm = Math.sin(k * lo) - Math.sin(k * hi);
      p += (re[k] * -dIm - im[k] * dRe) / (k * count * Math.PI);
    }
    out[j] = p;
  }
  return out;
}

function l2Distance(density: Float64Array, p: Float64Array, samples: number, reference: Float64Array, width: number): L2Distance {
  let squared = 0;
  let floor = 0;
  let noise = 0;
  let variance = 0;
  for (let j = 0; j < density.length; j++) {
    const bias = p[j] / width - reference[j];
    const v = (p[j] * (1 - p[j])) / (samples * width * width);
    squared += width * (density[j] - reference[j]) ** 2;
    floor += width * bias * bias;
    noise += width * v;
    variance += width * width * (4 * bias * bias * v + 2 * v * v);
  }
  return { squared, expected: floor + noise, standardError: Math.sqrt(variance), floor };
}

/**
 * g_k(s) = Γ(1 + k/2)/k!·s^{k/2}·₁F₁(k/2; k + 1; −s), k = 0 … HARMONICS, into `out`: the k-th
 * circular moment of the phase of a complex Gaussian with |mean|²/E|noise|² = s (Rician phase).
 */
function ricianHarmonics(s: number, out: Float64Array): void {
  for (let k = 0; k < out.length; k++) {
    // Kummer's series; s ≲ 10 here, 80 terms converge for s < 20
    const a = k / 2;
    const b = k + 1;
    let term = 1;
    let sum = 1;
    for (let n = 0; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
      term *= ((a + n) / (b + n)) * (-s / (n + 1));
      sum += term;
    }
    out[k] = Math.exp(lgammaHalf(k) - logFactorial(k) + a * Math.log(Math.max(s, 1e-300))) * sum;
  }
}

/** ln Γ(1 + k/2) for integer k ≥ 0. */
function lgammaHalf(k: number): number {
  // Γ(1 + k/2): integer k/2 → (k/2)!; half-integer → Γ(1/2)·Π
  let v = k % 2 === 0 ? 0 : 0.5 * Math.log(Math.PI);
  for (let x = k % 2 === 0 ? 1 : 0.5; x <= k / 2; x += 1) v += Math.log(x);
  return v;
}

function logFactorial(k: number): number {
  let v = 0;
  for (let x = 2; x <= k; x++) v += Math.log(x);
  return v;
}
