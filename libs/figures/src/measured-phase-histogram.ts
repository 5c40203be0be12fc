import { steadyState } from '@qsync/integrators';
import type { DensityMatrix, Lindbladian, Operator } from '@qsync/operators';
import { currentPhaseHistogram, maxRelativePhase, measuredRelativePhaseDistribution } from '@qsync/probes';
import { createDiffusiveTrajectories } from '@qsync/unravelers';
import { blockCoherence } from './block-coherence';
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
  /** recording length, at least 4 blocks (the prefixes ¼, ½ and all of the record are checked) */
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

/** A squared L2 distance D² = Σ_j w(h_j − R_j)² of the histogram to a reference law R, with its expectation and SE if the measured law holds. */
export interface L2Distance {
  readonly squared: number;
  readonly expected: number;
  readonly standardError: number;
}

/** The statistics of one recording length (a prefix of the record). */
export interface MeasuredLength {
  readonly samples: number;
  /** χ² of the bin counts against the measured law, bins − 1 dof */
  readonly chi2: number;
  readonly dof: number;
  /** D² to the measured law: expectation Σp(1 − p)/(Nw), ∝ 1/N */
  readonly l2: L2Distance;
  /** D² to Q(φ_AB): expectation floor + Σp(1 − p)/(Nw), floor = Σ_j w(P_j − Q_j)² */
  readonly l2ToQ: L2Distance;
}

/**
 * What D²(N) of the nested prefixes says about an infinitely long record: the intercept a of the
 * least-squares line D² = a + c/N through the three prefixes, with its SE from the exact
 * covariance of nested prefixes (Cov[D²(n₁), D²(n₂)] = Var[D²(max n)] for the quadratic part,
 * 4bᵀΣb/max n for the linear one). Expected 0 for the measured law, the floor for Q(φ_AB).
 */
export interface ExtrapolatedDistance {
  readonly value: number;
  readonly expected: number;
  readonly standardError: number;
}

/** What {@link measuredPhaseHistogram} measured and predicted. */
export interface MeasuredPhaseHistogram {
  readonly centers: Float64Array;
  readonly density: Float64Array;
  /** bin averages of the measured law and of Q(φ_AB) */
  readonly law: Float64Array;
  readonly reference: Float64Array;
  /** the stationary state the recording starts from (ρ_ss of the Lindbladian) */
  readonly state: DensityMatrix;
  /** η = rate·Δ and the block coherence C_AB of the regression theorem */
  readonly efficiency: number;
  readonly blockCoherence: { readonly re: number; readonly im: number };
  /** the prefixes ¼, ½ and all of the record */
  readonly lengths: readonly [MeasuredLength, MeasuredLength, MeasuredLength];
  /** D² extrapolated to N → ∞ from the three prefixes: to the measured law (→ 0) and to Q(φ_AB) (→ its floor) */
  readonly extrapolated: { readonly law: ExtrapolatedDistance; readonly q: ExtrapolatedDistance };
  /**
   * whole record: z against the measured law, and against laws it must reject — uniform, Q(φ_AB),
   * the law at η/2 and 2η (C_AB halved, doubled), and with the radial factor 1 in place of π/4
   */
  readonly harmonic: {
    readonly re: number;
    readonly im: number;
    readonly law: HarmonicTest;
    readonly uniform: HarmonicTest;
    readonly q: HarmonicTest;
    readonly halfEfficiency: HarmonicTest;
    readonly doubleEfficiency: HarmonicTest;
    readonly radialFactorOne: HarmonicTest;
  };
  /** arg z (within π of the locking phase) with its SE √f/(|z|√(2N)), and argmax Q(φ_AB) (the locking phase) */
  readonly phase: number;
  readonly phaseError: number;
  readonly lockingPhase: number;
  /**
   * diagnostics: the lag-1 autocorrelation of e^{iφ^m} (real part; O(η²) > 0 from the state's
   * memory) and the variance inflation f = 1 + 2Σ_{k=1}^{4}ρ_k (clamped ≥ 1) that the harmonic
   * tests' covariances are multiplied by
   */
  readonly lag1: number;
  readonly inflation: number;
  readonly positivityViolations: number;
  /** the block coherence measured from the currents with the detectors' noise product taken out (see {@link MeasuredCoherence}) */
  readonly measuredCoherence: MeasuredCoherence;
}

/**
 * The block coherence read off the recording: per block Δ·(Ī_B conj Ī_A − n̄_B conj n̄_A), with
 * n̄ = Ī − √rate·⟨a⟩̄_c the detector noise of the block (the current minus the mean of its signal over
 * the block's steps). In continuous time its mean is C_AB exactly (the signals' product plus the
 * back-action of each detector's noise on the other's signal, the regression theorem's two-time
 * correlation); Euler–Maruyama misses the response within a step, −rate·dt·E[cov_c(a†, b)], a
 * shortfall ∝ dt in the magnitude (≈ 2 % at dt = 5e-3, Δ = 0.1 on Fig. 4.3's pair) and ≈ 0 in the
 * phase. The noise product n̄_B conj n̄_A has mean 0 and, for unit efficiency, variance ½ per component
 * and block whatever the state; it is the larger part of the harmonic's scatter, so it is reported
 * on its own: a harmonic phase far from arg C_AB while this phase is not is a fluctuation of the
 * detector noise, not of the physics.
 */
export interface MeasuredCoherence {
  readonly re: number;
  readonly im: number;
  /** arg and |·| of the mean, with SEs from batch means over contiguous runs of blocks */
  readonly phase: number;
  readonly phaseError: number;
  readonly magnitude: number;
  readonly magnitudeError: number;
  /** mean of Δ·n̄_B conj n̄_A and its χ² (2 dof) against 0 with variance ½ per component and block */
  readonly noiseProduct: { readonly re: number; readonly im: number; readonly chi2: number };
  /** arg of the mean of Δ·Ī_B conj Ī_A (noise product kept) minus `phase`: the noise product's share of the harmonic's phase */
  readonly noisePhaseShift: number;
}

/** Angles per bin of the bin averages of the laws (midpoint rule; the laws are trigonometric polynomials of low degree). */
const SUB = 32;
/** Lags of the autocorrelation summed into the variance inflation. */
const MAX_LAG = 4;
const PREFIXES = [0.25, 0.5, 1] as const;

/**
 * The measured phase difference φ^m_AB = arg[I_B/I_A] (Eqs. 4.15, 4.49) of one stationary recording
 * (from ρ_ss, so every block is stationary; Euler–Maruyama) of the SME watching a and b with
 * currents averaged over Δ, against the law of `measuredRelativePhaseDistribution` with η = rate·Δ
 * and the block coherence C_AB of {@link blockCoherence}. The SME is sampled every step, with the
 * conditional ⟨a⟩, ⟨b⟩, so that each block's detector noise n̄ = Ī − √rate·⟨a⟩̄_c is known and the
 * block coherence can be read off the currents without it ({@link MeasuredCoherence}). Internal to figures.
 *
 * @throws Error naming `lindbladian`, `blockTime`, `dt`, `rate` or `duration` on bad input
 * @example
 * ```ts fragment
 * // inside a figure's stream (see figure-4-8.ts): two spins watched through γ−D[σ−]
 * const m = await measuredPhaseHistogram(ctx, { lindbladian, a, b, adag, bdag, rate: 1, blockTime: 0.25, dt: 1e-2, duration: 4e4, noiseSeed: 1, trajectory: 0, bins: 16, stage: 'recording', relativePhase: spinRelativePhaseDistribution });
 * m.harmonic.law.chi2; // χ² (2 dof) of the first circular moment against the measured law
 * ```
 */
export async function measuredPhaseHistogram(ctx: FigureContext, spec: MeasuredPhaseSpec): Promise<MeasuredPhaseHistogram> {
  const fn = 'measuredPhaseHistogram';
  const l = spec.lindbladian;
  const watched = (d: { rate: number; jump: Operator; jump2?: Operator }): boolean => d.jump2 === undefined && d.rate === spec.rate && (d.jump === spec.a || d.jump === spec.b);
  const rest = l.dissipators.filter((d) => !watched(d));
  if (rest.length !== l.dissipators.length - 2) {
    const rates = l.dissipators.map((d) => d.rate).join(', ');
    throw new Error(`${fn}: 'lindbladian' must hold rate·D[a] and rate·D[b] with rate ${spec.rate} (the watched channels); found ${l.dissipators.length - rest.length} of them among ${l.dissipators.length} dissipators with rates [${rates}]`);
  }
  const every = Math.round(spec.blockTime / spec.dt);
  if (!(spec.dt > 0) || !(every >= 1) || Math.abs(every * spec.dt - spec.blockTime) > 1e-9 * spec.blockTime) {
    throw new Error(`${fn}: 'blockTime' (Δ = ${spec.blockTime}) must be a whole number ≥ 1 of steps 'dt' (${spec.dt})`);
  }
  const eta = spec.rate * spec.blockTime;
  if (!(eta > 0 && eta <= 1)) throw new Error(`${fn}: 'rate'·'blockTime' (η = ${spec.rate}·${spec.blockTime} = ${eta}) must be in (0, 1]: the block's transmissivity`);
  const blocks = Math.floor(spec.duration / spec.blockTime + 1e-9);
  if (!(blocks >= 4)) throw new Error(`${fn}: 'duration' (${spec.duration}) must hold at least 4 blocks of 'blockTime' (${spec.blockTime})`);
  const rho = steadyState(l).rho;
  const coherence = blockCoherence(l, { a: spec.a, b: spec.b, adag: spec.adag, bdag: spec.bdag, rate: spec.rate, blockTime: spec.blockTime, rhoSS: rho });

  // the laws as bin probabilities and as first two circular moments
  const width = (2 * Math.PI) / spec.bins;
  const fine = Float64Array.from({ length: spec.bins * SUB }, (_, i) => -Math.PI + (i + 0.5) * (width / SUB));
  const scaledCoherence = (s: number) => ({ re: s * coherence.re, im: s * coherence.im });
  const lawFine = measuredRelativePhaseDistribution(rho, fine, { efficiency: eta, blockCoherence: coherence });
  const qFine = spec.relativePhase(rho, fine);
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
  const law = binned(lawFine);
  const reference = binned(qFine);
  const lawMoments = moments(lawFine);
  const alternatives = {
    halfEfficiency: moments(measuredRelativePhaseDistribution(rho, fine, { efficiency: eta / 2, blockCoherence: scaledCoherence(0.5) })),
    doubleEfficiency: moments(measuredRelativePhaseDistribution(rho, fine, { efficiency: Math.min(1, 2 * eta), blockCoherence: scaledCoherence(2) })),
    // the first harmonic's radial factor ∫r²e^{−r²}dr/(∫re^{−r²}dr)²·(…) = π/4 replaced by 1
    radialFactorOne: { ...lawMoments, r1: (4 / Math.PI) * lawMoments.r1, i1: (4 / Math.PI) * lawMoments.i1 },
  };
  const centred = Float64Array.from({ length: 256 }, (_, k) => -Math.PI + (2 * Math.PI * k) / 256);
  const lockingPhase = maxRelativePhase(spec.relativePhase(rho, centred), centred).argmax;

  // the recording: one output sample per step, the conditional ⟨a⟩, ⟨b⟩ beside the currents, averaged
  // here over Δ into one block each (the current's mean over Δ, and the mean of its signal √rate·⟨a⟩_c)
  const runs = createDiffusiveTrajectories(
    {
      hamiltonian: l.hamiltonian,
      dissipators: rest,
      monitored: [
        { name: 'IA', rate: spec.rate, jump: spec.a, unraveling: 'heterodyne' },
        { name: 'IB', rate: spec.rate, jump: spec.b, unraveling: 'heterodyne' },
      ],
    },
    { rho0: rho, dt: spec.dt, tEnd: blocks * every * spec.dt, outputEvery: 1, noiseSeed: spec.noiseSeed, method: 'euler-maruyama', expect: { a: spec.a, b: spec.b } },
  );
  const n = blocks;
  const cols = { IA: new Float64Array(2 * n), IB: new Float64Array(2 * n) };
  const signals = { a: new Float64Array(2 * n), b: new Float64Array(2 * n) };
  const cursor = runs.start(spec.trajectory);
  const chunk = Math.max(1, Math.round(2e4 / every));
  const steps = { IA: new Float64Array(2 * chunk * every), IB: new Float64Array(2 * chunk * every), a: new Float64Array(2 * chunk * every), b: new Float64Array(2 * chunk * every) };
  const blockMeanInto = (to: Float64Array, from: Float64Array, at: number, count: number, scale: number): void => {
    for (let q = 0; q < count; q++) {
      let re = 0;
      let im = 0;
      for (let k = q * every; k < (q + 1) * every; k++) {
        re += from[2 * k];
        im += from[2 * k + 1];
      }
      to[2 * (at + q)] = (scale * re) / every;
      to[2 * (at + q) + 1] = (scale * im) / every;
    }
  };
  const sqrtRate = Math.sqrt(spec.rate);
  for (let done = 0; done < n; done += chunk) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (ctx.closed) throw new Error(`${fn}: cancelled`);
    const count = Math.min(chunk, n - done);
    cursor.advanceInto(steps, 0, count * every);
    blockMeanInto(cols.IA, steps.IA, done, count, 1);
    blockMeanInto(cols.IB, steps.IB, done, count, 1);
    blockMeanInto(signals.a, steps.a, done, count, sqrtRate);
    blockMeanInto(signals.b, steps.b, done, count, sqrtRate);
    ctx.progress(spec.stage, Math.min(done + chunk, n), n);
  }
  const coherenceFromCurrents = measuredCoherence(cols, signals, spec.blockTime);

  // per-sample covariance of the bin indicators under the law, Σ = diag(p) − ppᵀ: tr Σ, tr Σ², bᵀΣb
  const p = Float64Array.from(law, (v) => v * width);
  let trace = 0;
  let sumP2 = 0;
  let sumP3 = 0;
  let bp = 0;
  let bpb = 0;
  let floor = 0;
  for (let j = 0; j < spec.bins; j++) {
    const bias = law[j] - reference[j];
    trace += p[j] * (1 - p[j]);
    sumP2 += p[j] * p[j];
    sumP3 += p[j] ** 3;
    bp += bias * p[j];
    bpb += bias * bias * p[j];
    floor += width * bias * bias;
  }
  const trSigma2 = sumP2 - 2 * sumP3 + sumP2 * sumP2;
  const bSigmaB = bpb - bp * bp;
  // Var of the quadratic part of D²(m) and of the linear part of D² to Q
  const quadVar = (m: number): number => (2 * trSigma2) / (m * m * width * width);
  const linVar = (m: number): number => (4 * bSigmaB) / m;

  const sizes = PREFIXES.map((f) => (f === 1 ? n : Math.floor(n * f)));
  const lengths = sizes.map((m): MeasuredLength => {
    const h = currentPhaseHistogram(cols.IA.subarray(0, 2 * m), cols.IB.subarray(0, 2 * m), { bins: spec.bins });
    let chi2 = 0;
    let squared = 0;
    let toQ = 0;
    for (let j = 0; j < spec.bins; j++) {
      chi2 += (h.counts[j] - p[j] * m) ** 2 / (p[j] * m);
      squared += width * (h.density[j] - law[j]) ** 2;
      toQ += width * (h.density[j] - reference[j]) ** 2;
    }
    const expected = trace / (m * width);
    return {
      samples: m,
      chi2,
      dof: spec.bins - 1,
      l2: { squared, expected, standardError: Math.sqrt(quadVar(m)) },
      l2ToQ: { squared: toQ, expected: floor + expected, standardError: Math.sqrt(quadVar(m) + linVar(m)) },
    };
  }) as unknown as [MeasuredLength, MeasuredLength, MeasuredLength];
  const whole = currentPhaseHistogram(cols.IA, cols.IB, { bins: spec.bins });

  // intercept of D² = a + c·(n/m) by least squares over the prefixes: a = Σ g_i D²_i
  const x = sizes.map((m) => n / m);
  const xm = x.reduce((s, v) => s + v, 0) / x.length;
  const sxx = x.reduce((s, v) => s + (v - xm) ** 2, 0);
  const g = x.map((v) => 1 / x.length - (xm * (v - xm)) / sxx);
  const interceptVar = (variance: (m: number) => number): number => {
    let v = 0;
    for (let i = 0; i < sizes.length; i++) for (let k = 0; k < sizes.length; k++) v += g[i] * g[k] * variance(Math.max(sizes[i], sizes[k]));
    return v;
  };
  const extrapolated = {
    law: { value: lengths.reduce((s, r, i) => s + g[i] * r.l2.squared, 0), expected: 0, standardError: Math.sqrt(interceptVar(quadVar)) },
    q: { value: lengths.reduce((s, r, i) => s + g[i] * r.l2ToQ.squared, 0), expected: floor, standardError: Math.sqrt(interceptVar((m) => quadVar(m) + linVar(m))) },
  };

  // u_m = e^{iφ^m}, φ^m = arg(I_B·conj I_A): first circular moment and autocorrelation
  const ur = new Float64Array(n);
  const ui = new Float64Array(n);
  const ia = cols.IA;
  const ib = cols.IB;
  let zr = 0;
  let zi = 0;
  for (let m = 0; m < n; m++) {
    const re = ib[2 * m] * ia[2 * m] + ib[2 * m + 1] * ia[2 * m + 1];
    const im = ib[2 * m + 1] * ia[2 * m] - ib[2 * m] * ia[2 * m + 1];
    const r = Math.hypot(re, im);
    ur[m] = r > 0 ? re / r : 1;
    ui[m] = r > 0 ? im / r : 0;
    zr += ur[m];
    zi += ui[m];
  }
  zr /= n;
  zi /= n;
  let spread = 0;
  for (let m = 0; m < n; m++) spread += (ur[m] - zr) ** 2 + (ui[m] - zi) ** 2;
  const rho_k = (k: number): number => {
    let s = 0;
    for (let m = 0; m + k < n; m++) s += (ur[m] - zr) * (ur[m + k] - zr) + (ui[m] - zi) * (ui[m + k] - zi);
    return ((s / (n - k)) * n) / spread;
  };
  let inflation = 1;
  for (let k = 1; k <= MAX_LAG; k++) inflation += 2 * rho_k(k);
  inflation = Math.max(1, inflation);
  const test = (alt: Moments): HarmonicTest => harmonicTest({ re: zr, im: zi }, alt, lawMoments, n / inflation);
  return {
    centers: whole.centers,
    density: whole.density,
    law,
    reference,
    state: rho,
    efficiency: eta,
    blockCoherence: coherence,
    lengths,
    extrapolated,
    harmonic: {
      re: zr,
      im: zi,
      law: test(lawMoments),
      uniform: test({ r1: 0, i1: 0, r2: 0, i2: 0 }),
      q: test(moments(qFine)),
      halfEfficiency: test(alternatives.halfEfficiency),
      doubleEfficiency: test(alternatives.doubleEfficiency),
      radialFactorOne: test(alternatives.radialFactorOne),
    },
    // the measured phase taken within π of the locking phase, so that the two compare across ±π
    phase: lockingPhase + Math.atan2(Math.sin(Math.atan2(zi, zr) - lockingPhase), Math.cos(Math.atan2(zi, zr) - lockingPhase)),
    phaseError: Math.sqrt(inflation) / (Math.hypot(zr, zi) * Math.sqrt(2 * n)),
    lockingPhase,
    lag1: rho_k(1),
    inflation,
    positivityViolations: cursor.stats.positivityViolations,
    measuredCoherence: coherenceFromCurrents,
  };
}

/** Batches of the batch-means standard error of the measured coherence. */
const BATCHES = 32;

/** {@link MeasuredCoherence} of block currents Ī and block-mean signals √rate·⟨a⟩̄_c (interleaved, one per block). */
function measuredCoherence(currents: { IA: Float64Array; IB: Float64Array }, signals: { a: Float64Array; b: Float64Array }, blockTime: number): MeasuredCoherence {
  const n = currents.IA.length / 2;
  const batches = Math.min(BATCHES, Math.floor(n / 2));
  const per = Math.floor(n / batches);
  const batchRe = new Float64Array(batches);
  const batchIm = new Float64Array(batches);
  let noiseRe = 0;
  let noiseIm = 0;
  let rawRe = 0;
  let rawIm = 0;
  const ia = currents.IA;
  const ib = currents.IB;
  for (let m = 0; m < n; m++) {
    const [ar, ai, br, bi] = [ia[2 * m], ia[2 * m + 1], ib[2 * m], ib[2 * m + 1]];
    const [nar, nai] = [ar - signals.a[2 * m], ai - signals.a[2 * m + 1]];
    const [nbr, nbi] = [br - signals.b[2 * m], bi - signals.b[2 * m + 1]];
    // Δ·Ī_B conj Ī_A and Δ·n̄_B conj n̄_A
    const fullRe = blockTime * (br * ar + bi * ai);
    const fullIm = blockTime * (bi * ar - br * ai);
    const pRe = blockTime * (nbr * nar + nbi * nai);
    const pIm = blockTime * (nbi * nar - nbr * nai);
    rawRe += fullRe;
    rawIm += fullIm;
    noiseRe += pRe;
    noiseIm += pIm;
    const k = Math.min(batches - 1, Math.floor(m / per));
    batchRe[k] += fullRe - pRe;
    batchIm[k] += fullIm - pIm;
  }
  let re = 0;
  let im = 0;
  for (let k = 0; k < batches; k++) {
    re += batchRe[k];
    im += batchIm[k];
  }
  re /= n;
  im /= n;
  // batch means (the last batch holds the remainder: weight by its size)
  let vRe = 0;
  let vIm = 0;
  let vReIm = 0;
  for (let k = 0; k < batches; k++) {
    const size = k === batches - 1 ? n - per * (batches - 1) : per;
    const dRe = batchRe[k] / size - re;
    const dIm = batchIm[k] / size - im;
    vRe += size * dRe * dRe;
    vIm += size * dIm * dIm;
    vReIm += size * dRe * dIm;
  }
  const scale = 1 / ((batches - 1) * n);
  vRe *= scale;
  vIm *= scale;
  vReIm *= scale;
  const phase = Math.atan2(im, re);
  const magnitude = Math.hypot(re, im);
  const [c, s] = [Math.cos(phase), Math.sin(phase)];
  noiseRe /= n;
  noiseIm /= n;
  const rawPhase = Math.atan2(rawIm / n, rawRe / n);
  return {
    re,
    im,
    phase,
    phaseError: Math.sqrt(Math.max(0, s * s * vRe + c * c * vIm - 2 * s * c * vReIm)) / magnitude,
    magnitude,
    magnitudeError: Math.sqrt(Math.max(0, c * c * vRe + s * s * vIm + 2 * s * c * vReIm)),
    noiseProduct: { re: noiseRe, im: noiseIm, chi2: 2 * n * (noiseRe * noiseRe + noiseIm * noiseIm) },
    noisePhaseShift: Math.atan2(Math.sin(rawPhase - phase), Math.cos(rawPhase - phase)),
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
