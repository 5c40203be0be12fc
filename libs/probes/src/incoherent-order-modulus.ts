import { gaussLegendre } from './gauss-legendre';

/** 16-point Gauss–Legendre on [0, 1], scaled onto each panel. */
const RULE = gaussLegendre(16, 0, 1);

/** Target of the truncation at T: the neglected tail of ∫ J0(t)^N/t² dt is O(T^{−N/2−2}) ≤ TAIL. */
const TAIL = 1e-13;

/**
 * The expected order parameter E|z| of N independent phases uniform on the circle, z = (1/N) Σ_j e^{iφ_j}
 * (Eq. 2.30): the level at which |z| of an incoherent finite population sits (uncoupled Kuramoto
 * oscillators from uniform random phases, Figs. 2.8–2.9 at V = 0), ≈ √(π/4N)(1 + 1/16N) for large N
 * (the mean length of a planar random walk of N unit steps over N, Rayleigh's limit and its first
 * correction). Exactly, since E[J0(k|Σ_j e^{iφ_j}|)] = J0(k)^N and ∫₀^∞ (1 − J0(kR))/k² dk = R,
 *
 *   E|z| = (1/N) ∫₀^∞ (1 − J0(t)^N)/t² dt,
 *
 * evaluated by 16-point Gauss–Legendre on panels (growing geometrically from 1/√N up to width 1) out
 * to T, where the rest of the 1/t² term is 1/T and the rest of J0^N/t², after its non-oscillating
 * part for even N (mean of cos^N), is below 1e-13. J0 comes from its power series (t ≤ 4), the
 * periodic trapezoid of (1/2π)∫cos(t sin θ)dθ (4 < t < 25) and Hankel's asymptotic series (t ≥ 25),
 * each to ~1e-16; accurate to ~1e-13 in all.
 *
 * @param N - number of oscillators, an integer ≥ 1 (N = 1 gives 1: one phasor has length 1)
 * @returns E|z|
 * @throws Error naming `N` unless it is an integer ≥ 1
 * @example
 * incoherentOrderModulus(2); // 2 / Math.PI — E|cos((φ1 − φ2)/2)|
 * incoherentOrderModulus(16); // ≈ 0.2224329371 — √(π/64)(1 + 1/256) = 0.22242 plus O(N⁻²)
 */
export function incoherentOrderModulus(N: number): number {
  const FN = 'incoherentOrderModulus';
  if (!(Number.isSafeInteger(N) && N >= 1)) throw new Error(`${FN}: argument 'N' must be an integer ≥ 1, got ${N}`);
  if (N === 1) return 1;
  const half = N / 2;
  const T = Math.max(30, Math.ceil(TAIL ** (-1 / (half + 2))));
  let integral = 0;
  let a = 0;
  let b = Math.min(1 / Math.sqrt(N), 1);
  while (a < T) {
    const width = b - a;
    let s = 0;
    for (let i = 0; i < RULE.nodes.length; i++) {
      const t = a + width * RULE.nodes[i];
      s += RULE.weights[i] * oneMinusPower(t, N);
    }
    integral += s * width;
    a = b;
    b = Math.min(T, b + Math.min(0.5 * b, 1));
  }
  // ∫_T^∞ dt/t² = 1/T; the mean part of J0^N/t² beyond T for even N, c_N (2/πt)^{N/2}/t² with
  // c_N = mean of cos^N = C(N, N/2)/2^N (odd N: the expansion oscillates about 0)
  let tail = 1 / T;
  if (N % 2 === 0) {
    let c = 1;
    for (let k = 1; k <= half && c > 0; k++) c *= ((2 * k - 1) / (2 * k)) * (2 / (Math.PI * T));
    tail -= c / ((half + 1) * T);
  }
  return (integral + tail) / N;
}

/** (1 − J0(t)^N)/t², accurate where J0 is near 1 (small t) through J0 − 1 and expm1/log1p. */
function oneMinusPower(t: number, n: number): number {
  const j0m1 = besselJ0MinusOne(t);
  const j0 = 1 + j0m1;
  const value = j0 > 0 ? -Math.expm1(n * Math.log1p(j0m1)) : 1 - j0 ** n;
  return value / (t * t);
}

/** J0(t) − 1 for t ≥ 0, to ~1e-16 absolute (and relative, for t ≤ 4). */
function besselJ0MinusOne(t: number): number {
  if (t <= 4) {
    // Σ_{k≥1} (−t²/4)^k/(k!)²: terms at most 4 in size, no loss for t ≤ 4
    const q = -(t * t) / 4;
    let term = 1;
    let sum = 0;
    for (let k = 1; k < 60; k++) {
      term *= q / (k * k);
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.max(Math.abs(sum), 1e-300)) break;
    }
    return sum;
  }
  if (t < 25) {
    // (1/M) Σ cos(t sin θ_m): exact up to the aliased J_M(t), below 1e-17 for M ≥ 1.4t + 35
    const m = 2 * Math.ceil(0.7 * t + 18);
    let s = 0;
    for (let k = 0; k < m; k++) s += Math.cos(t * Math.sin((2 * Math.PI * k) / m));
    return s / m - 1;
  }
  // Hankel: J0 = √(2/πt)(P cos χ − Q sin χ), χ = t − π/4, with b_k = Π_{j≤k}(2j − 1)²/(k! 8^k),
  // P = Σ (−1)^k b_{2k}/t^{2k}, Q = −Σ (−1)^k b_{2k+1}/t^{2k+1}; the terms fall until k ≈ 2t
  let p = 1;
  let q = 0;
  let term = 1;
  for (let k = 1; k < 2 * t; k++) {
    term *= (2 * k - 1) ** 2 / (8 * k * t);
    const sign = Math.floor(k / 2) % 2 === 0 ? 1 : -1;
    if (k % 2 === 0) p += sign * term;
    else q -= sign * term;
    if (term < 1e-17) break;
  }
  const chi = t - Math.PI / 4;
  return Math.sqrt(2 / (Math.PI * t)) * (p * Math.cos(chi) - q * Math.sin(chi)) - 1;
}
