import { meanWithError } from './mean-with-error';
import { wrapPhase } from './wrap-phase';

/** Options of {@link balancedPeakPhase}. */
export interface BalancedPeakPhaseConfig {
  /** R ≥ 2 independent realizations; the phases are laid out [sample][realization], length S·R */
  realizations: number;
  /**
   * the reference density on a uniform periodic grid covering one period (φ_j = φ_0 + j·h, n·h = 2π,
   * n ≥ 8), normalised (Σ_j P_j·h = 1), e.g. `tiltedWashboard`'s `phi` and `density`; linearly
   * interpolated between grid points
   */
  reference: { readonly phi: ArrayLike<number>; readonly density: ArrayLike<number> };
  /** the reference's peak φ* (rad) */
  center: number;
  /** half width w of the window about φ* whose balance is read, 0 < w < π (rad) */
  halfWidth: number;
}

/** The estimated peak position and its standard error, from {@link balancedPeakPhase}. */
export interface BalancedPeakPhase {
  /** the peak of the sampled distribution, wrapped to [−π, π) (rad) */
  readonly phase: number;
  /** its standard error from the spread of the realizations */
  readonly standardError: number;
}

/**
 * Where the peak of a sampled phase distribution lies, read from the balance of the samples about
 * the peak φ* of a reference density of the same shape (the exact stationary density, Fig. 2.4b):
 * with F(s) = mass on (s, s + w] − mass on (s − w, s], a distribution shifted by δ has
 * F̂(φ*) = F(φ* − δ) ≈ F(φ*) − δF′(φ*), F′(s) = P(s + w) − 2P(s) + P(s − w), so
 *
 *   φ̂ = φ* + (F(φ*) − F̂(φ*))/F′(φ*),
 *
 * unbiased to O(δ²) (O(δ³) for a reference symmetric about φ*). F̂ is a mean over the realizations
 * of each one's fraction of samples to the right minus to the left, so φ̂ is linear in the samples
 * and its standard error is that of a mean of independent realizations, whatever the correlations
 * of the samples along one realization. On a broad peak sampled with counting noise it is more
 * precise and better behaved than the vertex of a parabola through three histogram bins
 * ({@link histogramMaximum}), whose errors are heavy-tailed. F of the reference is integrated by the
 * trapezoid rule on its linear interpolant (steps of h/4).
 *
 * @param phases - sampled phases (rad, any branch: they are wrapped relative to φ*), length S·R
 * @param config - realizations, reference, center and halfWidth
 * @returns `{ phase, standardError }`
 * @throws Error naming the argument or option on bad input, and `reference` when F′(φ*) vanishes
 * @example
 * // a reference P ∝ e^{2 cos φ} peaked at 0 (normalised on its grid)
 * const phi = Float64Array.from({ length: 256 }, (_, j) => -Math.PI + (j + 0.5) * (Math.PI / 128));
 * const raw = phi.map((p) => Math.exp(2 * Math.cos(p)));
 * const total = raw.reduce((a, b) => a + b) * (Math.PI / 128);
 * const reference = { phi, density: raw.map((v) => v / total) };
 * // two realizations, two samples each ([sample][realization]): the first balanced about 0, the second
 * // with both samples to the right, so the peak moves right of 0
 * balancedPeakPhase([0.2, 0.5, -0.1, 0.4], { realizations: 2, reference, center: 0, halfWidth: 1 }); // ≈ { phase: 0.81, standardError: 0.81 } — 0.5 of net samples over −F′ = 0.62
 */
export function balancedPeakPhase(phases: ArrayLike<number>, config: BalancedPeakPhaseConfig): BalancedPeakPhase {
  const FN = 'balancedPeakPhase';
  const { realizations, reference, center, halfWidth: w } = config;
  if (!(Number.isSafeInteger(realizations) && realizations >= 2)) {
    throw new Error(`${FN}: option 'realizations' must be an integer ≥ 2, got ${realizations}`);
  }
  const given = phases as ArrayLike<unknown> | null | undefined;
  if (given == null || typeof given.length !== 'number' || given.length < realizations || given.length % realizations !== 0) {
    const got = given != null && typeof given.length === 'number' ? `length ${given.length}` : String(phases);
    throw new Error(`${FN}: argument 'phases' must hold S·R phases (S ≥ 1 samples of R = ${realizations} realizations), got ${got}`);
  }
  if (!Number.isFinite(center)) throw new Error(`${FN}: option 'center' must be a finite phase, got ${center}`);
  if (!(w > 0 && w < Math.PI)) throw new Error(`${FN}: option 'halfWidth' must lie in (0, π), got ${w}`);
  const { phi, density } = reference ?? {};
  if (phi == null || density == null || phi.length < 8 || density.length !== phi.length) {
    throw new Error(`${FN}: option 'reference' must hold 'phi' and 'density' of one length ≥ 8`);
  }
  const n = phi.length;
  const h = phi[1] - phi[0];
  for (let j = 0; j < n; j++) {
    if (!(density[j] >= 0) || !Number.isFinite(density[j])) {
      throw new Error(`${FN}: option 'reference' must have a finite density ≥ 0, got ${density[j]} at index ${j}`);
    }
    if (j > 0 && !(Math.abs(phi[j] - phi[j - 1] - h) <= 1e-9)) {
      throw new Error(`${FN}: option 'reference' must have a uniform grid 'phi', but step ${j} is ${phi[j] - phi[j - 1]}, not ${h}`);
    }
  }
  if (!(Math.abs(n * h - 2 * Math.PI) <= 1e-9)) {
    throw new Error(`${FN}: option 'reference' must cover one period: ${n} points of step ${h} span ${n * h}, not 2π`);
  }
  let total = 0;
  for (let j = 0; j < n; j++) total += density[j] * h;
  if (!(Math.abs(total - 1) <= 1e-6)) throw new Error(`${FN}: option 'reference' must be a normalised density (Σ P·h = 1), got ${total}`);

  // P anywhere (linear between grid points, periodic) and ∫P over [a, b], b − a < 2π
  const at = (x: number) => {
    const u = (wrapPhase(x - phi[0] + Math.PI) + Math.PI) / h;
    const j = Math.floor(u);
    const f = u - j;
    return density[j % n] * (1 - f) + density[(j + 1) % n] * f;
  };
  const mass = (a: number, b: number) => {
    const steps = Math.ceil((b - a) / (h / 4));
    const dx = (b - a) / steps;
    let s = 0.5 * (at(a) + at(b));
    for (let i = 1; i < steps; i++) s += at(a + i * dx);
    return s * dx;
  };
  const imbalance = mass(center, center + w) - mass(center - w, center);
  const slope = at(center + w) - 2 * at(center) + at(center - w);
  // a curvature at the level of rounding (a flat reference) cannot locate anything
  if (!(Math.abs(slope) > 1e-9 * at(center))) {
    throw new Error(`${FN}: option 'reference' has no curvature over ±halfWidth about center: P(φ* + w) − 2P(φ*) + P(φ* − w) = ${slope}`);
  }

  // per realization: fraction of its samples on (φ*, φ* + w] minus that on (φ* − w, φ*]
  const net = new Float64Array(realizations);
  for (let k = 0; k < phases.length; k++) {
    const d = wrapPhase(phases[k] - center);
    if (!Number.isFinite(d)) throw new Error(`${FN}: argument 'phases' must be finite, got ${phases[k]} at index ${k}`);
    if (d > 0 && d <= w) net[k % realizations]++;
    else if (d <= 0 && d > -w) net[k % realizations]--;
  }
  const samples = phases.length / realizations;
  for (let r = 0; r < realizations; r++) net[r] /= samples;
  const sampled = meanWithError(net);
  return {
    phase: wrapPhase(center + (imbalance - sampled.mean) / slope),
    standardError: sampled.standardError / Math.abs(slope),
  };
}
