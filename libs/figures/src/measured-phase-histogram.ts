import { steadyState } from '@qsync/integrators';
import type { DensityMatrix, Lindbladian, Operator } from '@qsync/operators';
import { currentPhaseHistogram, maxRelativePhase, measuredRelativePhaseDistribution } from '@qsync/probes';
import { steadyStateCorrelation } from '@qsync/spectral';
import { createDiffusiveTrajectories } from '@qsync/unravelers';
import type { FigureCheck } from './figure-types';
import type { FigureContext } from './figure-stream';

/** A pair whose channels rate·D[a], rate·D[b] are watched by heterodyne detectors (Eqs. 4.13, 4.47). */
export interface MeasuredPhaseSpec {
  readonly lindbladian: Lindbladian;
  /** the watched jump operators (a, b or σ−_A, σ−_B) and their adjoints; rate·D[a], rate·D[b] must be in the Lindbladian */
  readonly a: Operator;
  readonly b: Operator;
  readonly adag: Operator;
  readonly bdag: Operator;
  readonly rate: number;
  /** the detector's averaging time Δ (the current's output step), a whole number of dt; rate·Δ ≤ 1 */
  readonly blockTime: number;
  readonly dt: number;
  /** recording length (whole blocks; the first quarter is the shorter record of the checks) */
  readonly duration: number;
  readonly noiseSeed: number;
  /** the trajectory index (`trajectoryRng(noiseSeed, trajectory)`): recordings of one figure take different ones, so their noise is independent */
  readonly trajectory: number;
  readonly bins: number;
  readonly stage: string;
  /** Q(φ_AB) of the unconditional state (Eq. 4.11 or 4.45), the thesis's reference */
  readonly relativePhase: (rho: DensityMatrix, phis: Float64Array) => Float64Array;
}

/** χ² of the first circular moment z = mean e^{iφ^m} against one law (2 dof), with what the measured law predicts for it. */
export interface HarmonicTest {
  readonly chi2: number;
  readonly expected: number;
  readonly standardError: number;
}

/** The statistics of one recording length (a prefix of the record). */
export interface MeasuredLength {
  readonly samples: number;
  /** χ² of the bin counts against the measured law, bins − 1 dof */
  readonly chi2: number;
  readonly dof: number;
  /** D² = Σ_j w(h_j − P_j)² to the measured law, with its expectation Σ p_j(1 − p_j)/(Nw) (∝ 1/T) and SE */
  readonly l2: { readonly squared: number; readonly expected: number; readonly standardError: number };
  /** D² to Q(φ_AB) itself, with its expectation floor + statistics, floor = Σ_j w(P_j − Q_j)² (it does not shrink to 0), and SE */
  readonly l2ToQ: { readonly squared: number; readonly expected: number; readonly standardError: number; readonly floor: number };
}

/** What {@link measuredPhaseHistogram} measured and predicted. */
export interface MeasuredPhaseHistogram {
  readonly centers: Float64Array;
  readonly density: Float64Array;
  /** bin averages of the measured law, of the law with the state frozen over Δ, and of Q(φ_AB) */
  readonly law: Float64Array;
  readonly reference: Float64Array;
  /** η = rate·Δ and the block coherence C_AB of the regression theorem */
  readonly efficiency: number;
  readonly blockCoherence: { readonly re: number; readonly im: number };
  readonly lengths: readonly [MeasuredLength, MeasuredLength];
  /** whole record: z against the measured law, uniform, Q(φ_AB), and the law with the state frozen over Δ */
  readonly harmonic: { readonly re: number; readonly im: number; readonly law: HarmonicTest; readonly uniform: HarmonicTest; readonly q: HarmonicTest; readonly frozen: HarmonicTest };
  /** arg z (within π of the locking phase) with its SE 1/(|z|√(2N)), and argmax Q(φ_AB) (the locking phase) */
  readonly phase: number;
  readonly phaseError: number;
  readonly lockingPhase: number;
  /** lag-1 autocorrelation of e^{iφ^m} (real part; SE 1/√(2N) for independent, nearly uniform blocks) */
  readonly lag1: number;
  readonly positivityViolations: number;
}

/** Angles per bin of the bin averages of the laws (midpoint rule; the laws are trigonometric polynomials of low degree). */
const SUB = 32;
/** Lags of the block coherence's integral (Simpson on an even number of intervals). */
const LAGS = 201;

/**
 * The measured phase difference φ^m_AB = arg[I_B/I_A] (Eqs. 4.15, 4.49) of one stationary recording
 * (from ρ_ss, so every block is stationary; Euler–Maruyama) of the SME watching a and b with
 * currents averaged over Δ, against the law of `measuredRelativePhaseDistribution` with η = rate·Δ
 * and the block coherence C_AB = (rate/Δ)∫_{−Δ}^{Δ}(Δ − |τ|)⟨a†(t + τ)b(t)⟩dτ from the regression
 * theorem (for τ < 0 the correlation is conj⟨b†(t + |τ|)a(t)⟩). Internal to figures.
 */
export async function measuredPhaseHistogram(ctx: FigureContext, spec: MeasuredPhaseSpec): Promise<MeasuredPhaseHistogram> {
  const l = spec.lindbladian;
  const watched = (d: { rate: number; jump: Operator; jump2?: Operator }): boolean => d.jump2 === undefined && d.rate === spec.rate && (d.jump === spec.a || d.jump === spec.b);
  const rest = l.dissipators.filter((d) => !watched(d));
  if (rest.length !== l.dissipators.length - 2) throw new Error(`measuredPhaseHistogram: the Lindbladian must hold rate·D[a] and rate·D[b] with rate ${spec.rate}`);
  const eta = spec.rate * spec.blockTime;
  const rho = steadyState(l).rho;

  // C_AB of the block by the regression theorem
  const tau = Float64Array.from({ length: LAGS }, (_, k) => (k * spec.blockTime) / (LAGS - 1));
  const forward = steadyStateCorrelation(l, tau, spec.adag, spec.b).g;
  const backward = steadyStateCorrelation(l, tau, spec.bdag, spec.a).g;
  let cRe = 0;
  let cIm = 0;
  for (let k = 0; k < LAGS; k++) {
    const simpson = k === 0 || k === LAGS - 1 ? 1 : k % 2 === 1 ? 4 : 2;
    const w = ((simpson * spec.blockTime) / (3 * (LAGS - 1))) * (spec.blockTime - tau[k]);
    cRe += w * (forward[2 * k] + backward[2 * k]);
    cIm += w * (forward[2 * k + 1] - backward[2 * k + 1]);
  }
  const blockCoherence = { re: (spec.rate * cRe) / spec.blockTime, im: (spec.rate * cIm) / spec.blockTime };

  // the laws as bin probabilities and as first two circular moments
  const width = (2 * Math.PI) / spec.bins;
  const fine = Float64Array.from({ length: spec.bins * SUB }, (_, i) => -Math.PI + (i + 0.5) * (width / SUB));
  const laws = {
    law: measuredRelativePhaseDistribution(rho, fine, { efficiency: eta, blockCoherence }),
    frozen: measuredRelativePhaseDistribution(rho, fine, { efficiency: eta }),
    q: spec.relativePhase(rho, fine),
  };
  const binned = (f: Float64Array): Float64Array => Float64Array.from({ length: spec.bins }, (_, j) => f.subarray(j * SUB, (j + 1) * SUB).reduce((s, v) => s + v, 0) / SUB);
  const moments = (f: Float64Array): Moments => {
    const m = { r1: 0, i1: 0, r2: 0, i2: 0 };
    const w = (2 * Math.PI) / f.length;
    for (let i = 0; i < f.length; i++) {
      m.r1 += w * f[i] * Math.cos(fine[i]);
      m.i1 += w * f[i] * Math.sin(fine[i]);
      m.r2 += w * f[i] * Math.cos(2 * fine[i]);
      m.i2 += w * f[i] * Math.sin(2 * fine[i]);
    }
    return m;
  };
  const law = binned(laws.law);
  const reference = binned(laws.q);
  const lawMoments = moments(laws.law);
  const centred = Float64Array.from({ length: 256 }, (_, k) => -Math.PI + (2 * Math.PI * k) / 256);
  const lockingPhase = maxRelativePhase(spec.relativePhase(rho, centred), centred).argmax;

  // the recording: one sample per block, the current's mean over Δ
  const every = Math.round(spec.blockTime / spec.dt);
  const blocks = Math.floor(spec.duration / spec.blockTime);
  const runs = createDiffusiveTrajectories(
    {
      hamiltonian: l.hamiltonian,
      dissipators: rest,
      monitored: [
        { name: 'IA', rate: spec.rate, jump: spec.a, unraveling: 'heterodyne' },
        { name: 'IB', rate: spec.rate, jump: spec.b, unraveling: 'heterodyne' },
      ],
    },
    { rho0: rho, dt: spec.dt, tEnd: blocks * every * spec.dt, outputEvery: every, noiseSeed: spec.noiseSeed, method: 'euler-maruyama' },
  );
  const n = runs.samples;
  const cols = { IA: new Float64Array(2 * n), IB: new Float64Array(2 * n) };
  const cursor = runs.start(spec.trajectory);
  const chunk = Math.max(1, Math.round(2e4 / every));
  for (let done = 0; done < n; done += chunk) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (ctx.closed) throw new Error('measuredPhaseHistogram: cancelled');
    cursor.advanceInto(cols, done, Math.min(chunk, n - done));
    ctx.progress(spec.stage, Math.min(done + chunk, n), n);
  }

  const quarter = Math.floor(n / 4);
  const whole = currentPhaseHistogram(cols.IA, cols.IB, { bins: spec.bins });
  const lengths = [quarter, n].map((m): MeasuredLength => {
    const h = m === n ? whole : currentPhaseHistogram(cols.IA.subarray(0, 2 * m), cols.IB.subarray(0, 2 * m), { bins: spec.bins });
    let chi2 = 0;
    let squared = 0;
    let expected = 0;
    let variance = 0;
    const toQ = { squared: 0, floor: 0, variance: 0 };
    for (let j = 0; j < spec.bins; j++) {
      const p = law[j] * width;
      chi2 += (h.counts[j] - p * h.samples) ** 2 / (p * h.samples);
      squared += width * (h.density[j] - law[j]) ** 2;
      const v = (p * (1 - p)) / (h.samples * width * width);
      expected += width * v;
      variance += 2 * width * width * v * v;
      // to Q: E[w(h − Q)²] = w(P − Q)² + wv, Var = w²(4(P − Q)²v + 2v²) (bins taken as independent)
      const bias = law[j] - reference[j];
      toQ.squared += width * (h.density[j] - reference[j]) ** 2;
      toQ.floor += width * bias * bias;
      toQ.variance += width * width * (4 * bias * bias * v + 2 * v * v);
    }
    return {
      samples: h.samples,
      chi2,
      dof: spec.bins - 1,
      l2: { squared, expected, standardError: Math.sqrt(variance) },
      l2ToQ: { squared: toQ.squared, expected: toQ.floor + expected, standardError: Math.sqrt(toQ.variance), floor: toQ.floor },
    };
  }) as [MeasuredLength, MeasuredLength];

  // first circular moment, lag-1 autocorrelation of u_m = e^{iφ^m}
  let zr = 0;
  let zi = 0;
  const ur = new Float64Array(n);
  const ui = new Float64Array(n);
  for (let m = 0; m < n; m++) {
    // I_B·conj(I_A): arg = φ^m_AB
    const [ar, ai, br, bi] = [cols.IA[2 * m], cols.IA[2 * m + 1], cols.IB[2 * m], cols.IB[2 * m + 1]];
    const phi = Math.atan2(bi * ar - br * ai, br * ar + bi * ai);
    ur[m] = Math.cos(phi);
    ui[m] = Math.sin(phi);
    zr += ur[m] / n;
    zi += ui[m] / n;
  }
  let lagged = 0;
  let spread = 0;
  for (let m = 0; m < n; m++) {
    spread += (ur[m] - zr) ** 2 + (ui[m] - zi) ** 2;
    if (m + 1 < n) lagged += (ur[m] - zr) * (ur[m + 1] - zr) + (ui[m] - zi) * (ui[m + 1] - zi);
  }
  const test = (alt: Moments): HarmonicTest => harmonicTest({ re: zr, im: zi }, alt, lawMoments, n);
  return {
    centers: whole.centers,
    density: whole.density,
    law,
    reference,
    efficiency: eta,
    blockCoherence,
    lengths,
    harmonic: { re: zr, im: zi, law: test(lawMoments), uniform: test({ r1: 0, i1: 0, r2: 0, i2: 0 }), q: test(moments(laws.q)), frozen: test(moments(laws.frozen)) },
    // the measured phase taken within π of the locking phase, so that the two compare across ±π
    phase: lockingPhase + Math.atan2(Math.sin(Math.atan2(zi, zr) - lockingPhase), Math.cos(Math.atan2(zi, zr) - lockingPhase)),
    phaseError: 1 / (Math.hypot(zr, zi) * Math.sqrt(2 * n)),
    lockingPhase,
    lag1: ((lagged / (n - 1)) * n) / spread,
    positivityViolations: cursor.stats.positivityViolations,
  };
}

/** First and second circular moments E[e^{iφ}], E[e^{2iφ}] of a law. */
interface Moments {
  r1: number;
  i1: number;
  r2: number;
  i2: number;
}

/** Covariance of (cos φ, sin φ) of one sample under a law with these moments. */
function covariance(m: Moments): [number, number, number] {
  return [(1 + m.r2) / 2 - m.r1 * m.r1, (1 - m.r2) / 2 - m.i1 * m.i1, m.i2 / 2 - m.r1 * m.i1];
}

/**
 * χ² = N(z − m_alt)ᵀΣ_alt⁻¹(z − m_alt) of the mean z of N samples against an alternative law, and its
 * expectation and SE if the measured law (moments `truth`) holds: E = λ + tr(Σ_alt⁻¹Σ), λ the
 * non-centrality N(μ − m_alt)ᵀΣ_alt⁻¹(μ − m_alt); SE from the Gaussian limit, Var = 2tr((AΣ)²) + 4λ′,
 * A = Σ_alt⁻¹, λ′ = N·dᵀAΣAd.
 */
function harmonicTest(z: { re: number; im: number }, alt: Moments, truth: Moments, n: number): HarmonicTest {
  const [a11, a22, a12] = covariance(alt);
  const det = a11 * a22 - a12 * a12;
  // A = Σ_alt⁻¹
  const [i11, i22, i12] = [a22 / det, a11 / det, -a12 / det];
  const quad = (x: number, y: number): number => n * (i11 * x * x + i22 * y * y + 2 * i12 * x * y);
  const [s11, s22, s12] = covariance(truth);
  // AΣ
  const b11 = i11 * s11 + i12 * s12;
  const b12 = i11 * s12 + i12 * s22;
  const b21 = i12 * s11 + i22 * s12;
  const b22 = i12 * s12 + i22 * s22;
  const dx = truth.r1 - alt.r1;
  const dy = truth.i1 - alt.i1;
  const lambda = quad(dx, dy);
  // dᵀAΣAd with Ad = (i11 dx + i12 dy, i12 dx + i22 dy)
  const adx = i11 * dx + i12 * dy;
  const ady = i12 * dx + i22 * dy;
  const spreadTerm = n * (adx * (s11 * adx + s12 * ady) + ady * (s12 * adx + s22 * ady));
  return {
    chi2: quad(z.re - alt.r1, z.im - alt.i1),
    expected: lambda + b11 + b22,
    standardError: Math.sqrt(2 * (b11 * b11 + 2 * b12 * b21 + b22 * b22) + 4 * spreadTerm),
  };
}

/**
 * The checks of one measured pair, named `${label}: …` (see the figures' doc comments): χ²/dof and the
 * L2 distance to the measured law after a quarter and all of the record, and the L2 distance to
 * Q(φ_AB) against its floor + statistics; the first harmonic's χ²
 * (2 dof) against the measured law, uniform, Q(φ_AB) and the frozen-state law; its phase against
 * the locking phase; the lag-1 autocorrelation of the blocks.
 */
export function measuredPhaseChecks(label: string, equation: string, m: MeasuredPhaseHistogram): FigureCheck[] {
  const parts = ['first quarter', 'whole record'] as const;
  const lengthChecks = m.lengths.flatMap((r, k): FigureCheck[] => [
    { name: `${label}: χ²/dof of the histogram vs the measured law, ${parts[k]} (${r.samples} blocks, ${r.dof} dof)`, equation, value: r.chi2 / r.dof, expected: 1, standardError: Math.sqrt(2 / r.dof) },
    { name: `${label}: squared L2 distance to the measured law, ${parts[k]} (${r.samples} blocks; statistics predicts Σp(1 − p)/(Nw) ∝ 1/T)`, equation, value: r.l2.squared, expected: r.l2.expected, standardError: r.l2.standardError },
    {
      name: `${label}: squared L2 distance to Q(φ_AB), ${parts[k]} (${r.samples} blocks; floor ${r.l2ToQ.floor.toExponential(2)} of the flattening + statistics)`,
      equation,
      value: r.l2ToQ.squared,
      expected: r.l2ToQ.expected,
      standardError: r.l2ToQ.standardError,
    },
  ]);
  const h = m.harmonic;
  const harmonic = (what: string, t: HarmonicTest): FigureCheck => ({
    name: `${label}: first harmonic, χ² (2 dof) vs ${what} (expected: what the measured law predicts)`,
    equation,
    value: t.chi2,
    expected: t.expected,
    standardError: t.standardError,
  });
  return [
    ...lengthChecks,
    harmonic('the measured law', h.law),
    harmonic('uniform', h.uniform),
    harmonic('Q(φ_AB)', h.q),
    harmonic('the law with the state frozen over Δ', h.frozen),
    { name: `${label}: phase of the first harmonic vs the locking phase argmax Q(φ_AB)`, equation, value: m.phase, expected: m.lockingPhase, standardError: m.phaseError },
    { name: `${label}: lag-1 autocorrelation of e^{iφ^m} (independent blocks: 0; the state's memory adds O(η²))`, equation, value: m.lag1, expected: 0, standardError: 1 / Math.sqrt(2 * m.lengths[1].samples) },
  ];
}
