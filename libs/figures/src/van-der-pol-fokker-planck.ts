/**
 * Exact numbers of the noisy van-der-Pol oscillator, Eq. (2.8) (Itô, dα = μ dt + σ(dW_x + i dW_y)),
 * from its Fokker–Planck equation ∂P/∂t = −∇·(μP) + (σ²/2)∇²P, without simulation. Internal to
 * the figures of Sec. 2.1.1 (Figs. 2.2, 2.3), whose ensemble statistics they check including the
 * amplitude fluctuations that the phase-only picture (Eqs. 2.12–2.13) leaves out.
 *
 * The drift μ = (κ1/2 − κ2|α|²)α − iωα is a gradient, ∇Φ with Φ(r) = κ1r²/4 − κ2r⁴/4, plus a
 * rotation tangent to the circles, so the stationary density is P ∝ e^{2Φ(r)/σ²} (the thesis's
 * Eq. 2.9 is printed with σ²∇²P; the Itô noise of Eq. 2.8 gives σ²/2, consistent with
 * D = σ²/(2r0²) of Eq. 2.13).
 */

/** Radial grid: the outer edge R where the stationary weight has fallen by e^{−EDGE}. */
const EDGE = 80;

/**
 * The long-time decay rate λ of the ensemble mean, |E[α](t)| ∝ e^{−λt}, of the noisy vdP
 * oscillator, Eq. (2.8): minus the largest eigenvalue of the backward Fokker–Planck operator in
 * the angular sector m = 1 (functions u(r)e^{i arg α}),
 *
 *   A u = (σ²/2)(1/w)(w u′)′ − (σ²/2) u/r²,   w(r) = r e^{2Φ(r)/σ²},
 *
 * self-adjoint with weight w (E[α](t) = e^{−iωt}·Σ_k c_k e^{λ_k t}, λ_k the eigenvalues of A).
 * For σ² ≪ κ1 r0² it tends to the phase-diffusion constant D = σ²/(2r0²) (Eq. 2.13); the
 * amplitude fluctuations make it larger: D·(1 + 2σ²/(κ1r0²) + O(σ⁴)), +43 % at κ1 = κ2 = 10σ² (the
 * point of Figs. 2.2–2.3).
 * Discretised by finite volumes on r ∈ (0, R) (u(0) = u(R) = 0, `points` cells, O(h²)) and
 * solved by Sturm-sequence bisection of the symmetrised tridiagonal matrix (to rounding).
 *
 * @param kappa1 - linear gain κ1 (rate; may be ≤ 0: then an Ornstein–Uhlenbeck-like damping)
 * @param kappa2 - nonlinear loss κ2 ≥ 0 (rate); κ2 = 0 needs κ1 < 0
 * @param sigma - noise amplitude σ > 0
 * @param points - radial grid points (integer ≥ 100, default 4000)
 * @example
 * // Ornstein–Uhlenbeck (κ1 = −2, κ2 = 0): E[α] = α0 e^{−t}, so λ = 1
 * vanDerPolMeanDecayRate(-2, 0, 1); // → 1.0000000 (to ~1e-7)
 */
export function vanDerPolMeanDecayRate(kappa1: number, kappa2: number, sigma: number, points = 4000): number {
  const { s, h, m, logWeight } = radialSetup('vanDerPolMeanDecayRate', kappa1, kappa2, sigma, points);
  const diag = new Float64Array(m);
  const off = new Float64Array(m); // off[i] couples i and i + 1
  const halfS = s / 2;
  // ratios of weights in logarithms: w itself under- or overflows far from the ring when σ is small
  for (let i = 0; i < m; i++) {
    const r = (i + 1) * h;
    const lw = logWeight(r);
    const lwp = logWeight(r + h / 2);
    const ratios = Math.exp(logWeight(r - h / 2) - lw) + Math.exp(lwp - lw);
    diag[i] = (-halfS * ratios) / (h * h) - halfS / (r * r);
    if (i + 1 < m) off[i] = (halfS * Math.exp(lwp - (lw + logWeight(r + h)) / 2)) / (h * h);
  }
  return -largestEigenvalue(diag, off);
}

/**
 * The stationary mean radius E[r] = ∫ r² e^{2Φ/σ²} dr / ∫ r e^{2Φ/σ²} dr of the noisy vdP
 * oscillator, Eq. (2.8) (radial density ∝ r e^{2Φ(r)/σ²}), by Simpson's rule. It tends to
 * r0 = √(κ1/2κ2) (Eq. 2.4) as σ → 0.
 *
 * @param kappa1 - linear gain κ1 (rate)
 * @param kappa2 - nonlinear loss κ2 ≥ 0 (rate); κ2 = 0 needs κ1 < 0
 * @param sigma - noise amplitude σ > 0
 * @param points - radial grid points (even integer ≥ 100, default 4000)
 * @example
 * // Ornstein–Uhlenbeck (κ1 = −2, κ2 = 0, σ = 1): x, p ~ N(0, 1/2), E[r] = √(π)/2
 * vanDerPolMeanRadius(-2, 0, 1); // → 0.886226925… (to ~1e-12)
 */
export function vanDerPolMeanRadius(kappa1: number, kappa2: number, sigma: number, points = 4000): number {
  const { h, m, logWeight } = radialSetup('vanDerPolMeanRadius', kappa1, kappa2, sigma, points);
  let num = 0;
  let den = 0;
  // Simpson on r_i = i·h, i = 0 … m + 1 requires an even number m + 1 of intervals
  const n = m % 2 === 1 ? m + 1 : m + 2;
  for (let i = 0; i <= n; i++) {
    const c = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    const r = i * h;
    const w = r === 0 ? 0 : Math.exp(logWeight(r));
    num += c * r * w;
    den += c * w;
  }
  return num / den;
}

/** Checks the parameters and builds the radial grid and the log weight ln w(r) = ln r + 2(Φ(r) − Φ_max)/σ². */
function radialSetup(
  fn: string,
  kappa1: number,
  kappa2: number,
  sigma: number,
  points: number,
): { s: number; h: number; m: number; logWeight: (r: number) => number } {
  if (!Number.isFinite(kappa1)) throw new Error(`${fn}: argument 'kappa1' must be a finite number, got ${kappa1}`);
  if (!(kappa2 >= 0 && Number.isFinite(kappa2))) {
    throw new Error(`${fn}: argument 'kappa2' must be a finite number ≥ 0, got ${kappa2}`);
  }
  if (kappa2 === 0 && !(kappa1 < 0)) {
    throw new Error(`${fn}: argument 'kappa1' must be < 0 when kappa2 = 0 (no stationary state), got ${kappa1}`);
  }
  if (!(sigma > 0 && Number.isFinite(sigma))) {
    throw new Error(`${fn}: argument 'sigma' must be a finite number > 0, got ${sigma}`);
  }
  if (!(Number.isSafeInteger(points) && points >= 100)) {
    throw new Error(`${fn}: argument 'points' must be an integer ≥ 100, got ${points}`);
  }
  const s = sigma * sigma;
  const phi = (r: number) => (kappa1 * r * r) / 4 - (kappa2 * r * r * r * r) / 4;
  const rPeak = kappa1 > 0 ? Math.sqrt(kappa1 / (2 * kappa2)) : 0;
  const top = phi(rPeak);
  let edge = Math.max(rPeak, Math.sqrt(s));
  while ((2 * (top - phi(edge))) / s < EDGE) edge *= 1.05;
  const h = edge / (points + 1);
  return { s, h, m: points, logWeight: (r) => Math.log(r) + (2 * (phi(r) - top)) / s };
}

/**
 * The largest eigenvalue of the symmetric tridiagonal matrix (diag, off) by bisection on the
 * Sturm count (number of negative pivots of LDLᵀ of T − xI = number of eigenvalues below x).
 */
function largestEigenvalue(diag: Float64Array, off: Float64Array): number {
  const m = diag.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < m; i++) {
    const radius = Math.abs(off[i]) + (i > 0 ? Math.abs(off[i - 1]) : 0);
    lo = Math.min(lo, diag[i] - radius);
    hi = Math.max(hi, diag[i] + radius);
  }
  const below = (x: number): number => {
    let count = 0;
    let q = 1;
    for (let i = 0; i < m; i++) {
      const e2 = i > 0 ? off[i - 1] * off[i - 1] : 0;
      q = diag[i] - x - (i > 0 ? e2 / q : 0);
      if (q === 0) q = -1e-300;
      if (q < 0) count++;
    }
    return count;
  };
  for (let k = 0; k < 200 && hi - lo > 1e-15 * Math.max(Math.abs(lo), Math.abs(hi)); k++) {
    const mid = (lo + hi) / 2;
    if (below(mid) === m) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}
