import { denseZeros, luFactor, luSolveInto } from '@qsync/linalg';
import type { CorrelationEquations } from './correlation-equations';

/**
 * The spectrum of the regression equations, thesis Eq. (7.15) (and, with c(t, 0) and M(t), the
 * quasi-static time-resolved (7.16)): S(ω) = 2 Re{[(iω − M)⁻¹ c(0)]_0} = 2 Re ∫₀^∞ dτ e^{−iωτ} c_0(τ).
 * Sign convention: e^{−iωτ}, as (7.15) and `steadyStateSpectrum` of @qsync/spectral (QuTiP's
 * `spectrum`): a component e^{+iω₀τ} of ⟨A(τ)B⟩ (for A = a†, a mode at +ω₀ in the rotating
 * frame) appears at +ω₀. (7.2) as printed, with e^{+iωτ}, is the same spectrum mirrored, ω → −ω.
 * The mean ⟨A⟩⟨B⟩ is not subtracted (it vanishes in the U(1)-symmetric models of Ch. 6–7).
 *
 * @param correlations - from `correlationEquations`
 * @param omega - angular frequencies
 * @example
 * // a thermal mode (see correlationEquations): n̄ = 0.5, Δ = 2, κ− − κ+ = 1: a Lorentzian n̄κ/((ω − Δ)² + κ²/4) at +Δ
 * const alg = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }], parameters: ['Delta', 'km', 'kp'] });
 * const model = { hamiltonian: alg.parameter('Delta').times(alg.create(0).times(alg.destroy(0))), dissipators: [{ rate: 'km', jump: alg.destroy(0) }, { rate: 'kp', jump: alg.create(0) }] };
 * const eqs = cumulantEquations(model, { moments: [alg.create(0).times(alg.destroy(0))], order: 2, u1: true });
 * const c = correlationEquations(model, eqs, { a: alg.create(0), b: alg.destroy(0), y: Float64Array.of(0.5), p: Float64Array.of(2, 1.5, 0.5) });
 * const s = regressionSpectrum(c, [2, 3]);
 * s[0]; // ≈ 2 — 0.5·1/(1/4)
 * s[1]; // ≈ 0.4 — 0.5·1/(1 + 1/4)
 */
export function regressionSpectrum(correlations: CorrelationEquations, omega: ArrayLike<number>): Float64Array {
  const fn = 'regressionSpectrum';
  if (correlations === null || typeof correlations !== 'object' || correlations.matrix === undefined || !(correlations.initial instanceof Float64Array)) {
    throw new Error(`${fn}: argument 'correlations' must come from correlationEquations`);
  }
  if (omega === null || typeof omega !== 'object' || typeof omega.length !== 'number') throw new Error(`${fn}: argument 'omega' must be an array of angular frequencies`);
  const m = correlations.matrix.rows;
  const out = new Float64Array(omega.length);
  const a = denseZeros(m, m);
  const x = new Float64Array(2 * m);
  for (let k = 0; k < omega.length; k++) {
    const w = omega[k];
    if (!Number.isFinite(w)) throw new Error(`${fn}: omega[${k}] must be finite, got ${w}`);
    // iω − M
    for (let i = 0; i < 2 * m * m; i++) a.data[i] = -correlations.matrix.data[i];
    for (let i = 0; i < m; i++) a.data[2 * (i * m + i) + 1] += w;
    luSolveInto(x, luFactor(a), correlations.initial);
    out[k] = 2 * x[0];
  }
  return out;
}
