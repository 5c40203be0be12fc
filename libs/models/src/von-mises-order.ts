import { resolveParameters, type ParameterTable } from './parameters';

/** Parameters of {@link vonMisesOrder}. Rates in the unit of the Kuramoto model's V and σ². */
export interface VonMisesOrderConfig {
  /** coupling V ≥ 0 of the Kuramoto model, Eq. (2.29) */
  V: number;
  /** noise amplitude σ > 0 on each phase of the Kuramoto model, Eq. (2.29) (strength σ²) */
  sigma: number;
}

/** The parameter table of {@link vonMisesOrder}. */
export const vonMisesOrderParameters: ParameterTable = {
  V: { description: 'coupling V of the Kuramoto model, Eq. (2.29)', min: 0 },
  sigma: { description: 'noise amplitude σ on each phase of the Kuramoto model (strength σ²)', min: 0, exclusiveMin: true },
};

/**
 * The exact stationary order parameter |z| of the Kuramoto model of identical oscillators with
 * phase noise (Eq. 2.29 with ω_i = 0) for N → ∞. The stationary solution of the Fokker–Planck
 * equation (2.45) is the von Mises density f(φ) ∝ exp(K cos(φ − ψ)) with K = 2V|z|/σ², so |z| =
 * ⟨cos(φ − ψ)⟩ solves the self-consistency |z| = I1(K)/I0(K). Its slope at |z| = 0 is V/σ², so
 * only z = 0 solves it for V ≤ σ² (the threshold 2.50); above, the nonzero root is found by
 * bisection on (0, 1] to 1e-15. Near the threshold it approaches the approximation (2.52) of
 * {@link reducedOrderParameter}, which neglects f3 and lies below it (by 0.007 at V = 1.1σ²,
 * 0.03 at 1.3σ²); for V ≫ σ², |z| → 1 − σ²/(4V).
 *
 * @param config - V and sigma
 * @throws Error naming the parameter when one is missing, unknown or out of range
 * @example
 * vonMisesOrder({ V: 1.2, sigma: 1 }); // → 0.5448… (Eq. 2.52 gives 0.5270)
 */
export function vonMisesOrder(config: VonMisesOrderConfig): number {
  const p = resolveParameters('vonMisesOrder', vonMisesOrderParameters, config as unknown as Record<string, unknown>);
  const c = (2 * p.V) / (p.sigma * p.sigma);
  if (!(c > 2)) return 0;
  let lo = 0;
  let hi = 1;
  for (let it = 0; it < 100 && hi - lo > 1e-15; it++) {
    const mid = 0.5 * (lo + hi);
    if (besselRatio(c * mid) > mid) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * I1(x)/I0(x) for x ≥ 0 from the continued fraction I_k/I_{k−1} = 1/(2k/x + I_{k+1}/I_k),
 * evaluated backwards from depth 60 + 2x (deep enough for 1e-16 at any x; power series of I0
 * and I1 would overflow for large K, the ratio does not).
 */
function besselRatio(x: number): number {
  if (x === 0) return 0;
  let r = 0;
  for (let k = 60 + Math.ceil(2 * x); k >= 1; k--) r = 1 / ((2 * k) / x + r);
  return r;
}
