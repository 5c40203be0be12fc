/**
 * Shared pieces of the exact noisy van-der-Pol numbers ({@link vanDerPolMeanDecayRate},
 * {@link vanDerPolMeanRadius}); internal to @qsync/models.
 *
 * Eq. (2.8) (Itô, dα = μ dt + σ(dW_x + i dW_y)) has the Fokker–Planck equation
 * ∂P/∂t = −∇·(μP) + (σ²/2)∇²P. The drift μ = (κ1/2 − κ2|α|²)α − iωα is a gradient, ∇Φ with
 * Φ(r) = κ1r²/4 − κ2r⁴/4, plus a rotation tangent to the circles, so the stationary density is
 * P ∝ e^{2Φ(r)/σ²} (the thesis's Eq. 2.9 is printed with σ²∇²P; the Itô noise of Eq. 2.8 gives
 * σ²/2, consistent with D = σ²/(2r0²) of Eq. 2.13).
 */
import { resolveParameters, type ParameterTable } from './parameters';

/** Parameters of {@link vanDerPolMeanDecayRate} and {@link vanDerPolMeanRadius}. */
export interface VanDerPolStationaryConfig {
  /** linear gain κ1 (rate; may be ≤ 0 when κ2 = 0: then an Ornstein–Uhlenbeck amplitude) */
  kappa1: number;
  /** nonlinear loss κ2 ≥ 0 (rate); κ2 = 0 needs κ1 < 0 */
  kappa2: number;
  /** noise amplitude σ > 0 (σ² a rate) */
  sigma: number;
  /** radial grid points (integer ≥ 100, default 4000) */
  points?: number;
}

/** The parameter table of both functions. */
export const vanDerPolStationaryParameters: ParameterTable = {
  kappa1: { description: 'linear gain κ1' },
  kappa2: { description: 'nonlinear loss κ2', min: 0 },
  sigma: { description: 'noise amplitude σ', min: 0, exclusiveMin: true },
  points: { description: 'radial grid points', min: 100, integer: true, default: 4000 },
};

/** Radial grid: the outer edge R where the stationary weight has fallen by e^{−EDGE}. */
const EDGE = 80;

/** The checked parameters, the radial grid and the log weight ln w(r) = ln r + 2(Φ(r) − Φ_max)/σ². */
export interface RadialGrid {
  /** σ² */
  readonly s: number;
  /** cell width */
  readonly h: number;
  /** interior points r_i = i·h, i = 1 … m */
  readonly m: number;
  logWeight(r: number): number;
}

/** Checks the parameters of `fn` and builds its {@link RadialGrid}. */
export function radialGrid(fn: string, config: VanDerPolStationaryConfig): RadialGrid {
  const p = resolveParameters(fn, vanDerPolStationaryParameters, config as unknown as Record<string, unknown>);
  const { kappa1, kappa2, sigma } = p;
  if (kappa2 === 0 && !(kappa1 < 0)) {
    throw new Error(`${fn}: parameter 'kappa1' must be < 0 when kappa2 = 0 (no stationary state), got ${kappa1}`);
  }
  const s = sigma * sigma;
  const phi = (r: number) => (kappa1 * r * r) / 4 - (kappa2 * r * r * r * r) / 4;
  const rPeak = kappa1 > 0 ? Math.sqrt(kappa1 / (2 * kappa2)) : 0;
  const top = phi(rPeak);
  let edge = Math.max(rPeak, Math.sqrt(s));
  while ((2 * (top - phi(edge))) / s < EDGE) edge *= 1.05;
  const h = edge / (p.points + 1);
  return { s, h, m: p.points, logWeight: (r) => Math.log(r) + (2 * (phi(r) - top)) / s };
}

/**
 * The largest eigenvalue of the symmetric tridiagonal matrix (diag, off) by bisection on the
 * Sturm count (number of negative pivots of LDLᵀ of T − xI = number of eigenvalues below x).
 */
export function largestTridiagonalEigenvalue(diag: Float64Array, off: Float64Array): number {
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
