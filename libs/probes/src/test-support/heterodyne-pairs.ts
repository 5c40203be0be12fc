/**
 * Two synthetic heterodyne currents with a known law of their measured phase difference, for
 * the specs of currentPhaseHistogram(Of) (test support, not part of the public entry):
 * α_A = r_A e^{−iφ_A}, α_B = r_B e^{−iφ_B} (the thesis's sign, Eq. 4.10) with φ_A uniform and
 * φ_AB = φ_A − φ_B von Mises(μ, k); I = √κ α + √(1/2)(ΔW_x + iΔW_y)/Δt (Eq. 4.14), independent
 * noise for A and B; and the closed form of the law of arg(I_B/I_A) by quadrature.
 */
import type { SampleBlock, SampleRecord, StreamSchema } from '@qsync/frames';
import { createRng } from '@qsync/linalg';
import { vonMisesDensity, vonMisesSample } from './samplers';

/** Parameters of the synthetic pair. */
export interface HeterodynePair {
  /** amplitudes r_A, r_B */
  rA: number;
  rB: number;
  /** measurement rate κ and sample spacing Δt */
  kappa: number;
  dt: number;
  /** von Mises law of φ_AB: mean μ and concentration k */
  mu: number;
  k: number;
}

/** n samples of I_A and I_B (interleaved), independent in time. */
export function heterodynePair(p: HeterodynePair, n: number, seed: number): { currentA: Float64Array; currentB: Float64Array } {
  const rng = createRng(seed);
  const phiAB = vonMisesSample(rng, n, p.mu, p.k);
  const currentA = new Float64Array(2 * n);
  const currentB = new Float64Array(2 * n);
  const noise = Math.SQRT1_2 * Math.sqrt(p.dt) / p.dt; // √(1/2)·ΔW/Δt per quadrature, ΔW = √Δt·N(0, 1)
  const sk = Math.sqrt(p.kappa);
  for (let i = 0; i < n; i++) {
    const phiA = Math.PI * (2 * rng.uniform() - 1);
    const phiB = phiA - phiAB[i];
    // α = r e^{−iφ}
    currentA[2 * i] = sk * p.rA * Math.cos(phiA) + noise * rng.gaussian();
    currentA[2 * i + 1] = -sk * p.rA * Math.sin(phiA) + noise * rng.gaussian();
    currentB[2 * i] = sk * p.rB * Math.cos(phiB) + noise * rng.gaussian();
    currentB[2 * i + 1] = -sk * p.rB * Math.sin(phiB) + noise * rng.gaussian();
  }
  return { currentA, currentB };
}

/**
 * E[cos nθ], n = 0 … nMax, of the phase θ = arg(m + w) of a complex Gaussian w (variance s² per
 * quadrature) about a real m > 0: the density p(θ) = (1/2π)∫_0^∞ u e^{−(u² − 2uμ cos θ + μ²)/2} du
 * (μ = m/s) by Gauss–Legendre in u, then its cosine moments by the periodic trapezoid rule.
 */
function noisyPhaseMoments(m: number, s: number, nMax: number): Float64Array {
  const mu = m / s;
  const nodes = 200;
  const upper = mu + 14;
  // Gauss–Legendre nodes on [0, upper] by Newton on P_n (written out: the test-support stays independent)
  const { x, w } = gaussLegendreNodes(nodes, 0, upper);
  const M = 512;
  const out = new Float64Array(nMax + 1);
  for (let j = 0; j < M; j++) {
    const theta = -Math.PI + (2 * Math.PI * j) / M;
    const c = Math.cos(theta);
    let p = 0;
    for (let q = 0; q < nodes; q++) p += w[q] * x[q] * Math.exp(-(x[q] * x[q] - 2 * x[q] * mu * c + mu * mu) / 2);
    p /= 2 * Math.PI;
    for (let n = 0; n <= nMax; n++) out[n] += ((2 * Math.PI) / M) * p * Math.cos(n * theta);
  }
  return out;
}

function gaussLegendreNodes(n: number, a: number, b: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-15) break;
    }
    x[i] = a + ((b - a) * (1 - z)) / 2;
    w[i] = ((b - a) / ((1 - z * z) * dp * dp));
  }
  return { x, w };
}

/**
 * The law of φ^m = arg(I_B/I_A) = φ_AB + θ_B − θ_A, averaged over each of `bins` bins of
 * (−π, π]: f(φ) = (1/2π)[1 + 2Σ_n a_n b^A_n b^B_n cos n(φ − μ)] with a_n = I_n(k)/I_0(k) of the von
 * Mises law (its cosine moments by the trapezoid rule) and b_n = E[cos nθ] of each detector's
 * phase noise (symmetric, so no sine terms); bin average of cos n(φ − μ) in closed form.
 */
export function measuredPhaseDifferenceLaw(p: HeterodynePair, bins: number, nMax = 60): Float64Array {
  const s = Math.SQRT1_2 / Math.sqrt(p.dt);
  const bA = noisyPhaseMoments(Math.sqrt(p.kappa) * p.rA, s, nMax);
  const bB = noisyPhaseMoments(Math.sqrt(p.kappa) * p.rB, s, nMax);
  const M = 1024;
  const a = new Float64Array(nMax + 1);
  for (let j = 0; j < M; j++) {
    const phi = -Math.PI + (2 * Math.PI * j) / M;
    const v = vonMisesDensity(phi, 0, p.k) * ((2 * Math.PI) / M);
    for (let n = 0; n <= nMax; n++) a[n] += v * Math.cos(n * phi);
  }
  const width = (2 * Math.PI) / bins;
  const out = new Float64Array(bins);
  for (let b = 0; b < bins; b++) {
    const lo = -Math.PI + b * width;
    const hi = lo + width;
    let sum = 1;
    for (let n = 1; n <= nMax; n++) {
      sum += (2 * a[n] * bA[n] * bB[n] * (Math.sin(n * (hi - p.mu)) - Math.sin(n * (lo - p.mu)))) / (n * width);
    }
    out[b] = sum / (2 * Math.PI);
  }
  return out;
}

/** The pair as a sample stream: schema with complex scalar columns 'A', 'B', then blocks of the given sizes. */
export function pairStream(currentA: Float64Array, currentB: Float64Array, dt: number, sizes: readonly number[]): SampleRecord[] {
  const schema: StreamSchema = {
    kind: 'schema',
    channels: { A: { kind: 'complex', shape: [] }, B: { kind: 'complex', shape: [] } },
    rate: 1 / dt,
  };
  const records: SampleRecord[] = [schema];
  const n = currentA.length / 2;
  for (let k = 0, b = 0; k < n; b++) {
    const len = Math.min(sizes[b % sizes.length], n - k);
    const block: SampleBlock = {
      kind: 'block',
      t0: k * dt,
      dt,
      length: len,
      columns: {
        A: { kind: 'complex', shape: [], data: currentA.slice(2 * k, 2 * (k + len)) },
        B: { kind: 'complex', shape: [], data: currentB.slice(2 * k, 2 * (k + len)) },
      },
    };
    records.push(block);
    k += len;
  }
  return records;
}
