import { denseZeros, luFactor, luSolveInto } from '@qsync/linalg';
import type { CorrelationEquations } from './correlation-equations';

/**
 * The spectrum of the regression equations, thesis Eq. (7.15) (and, with c(t, 0) and M(t), the
 * quasi-static time-resolved (7.16)): S(ω) = 2 Re{[(iω − M)⁻¹ c(0)]_0} = 2 Re ∫₀^∞ dτ e^{−iωτ} c_0(τ).
 * Sign convention: e^{−iωτ}, as (7.15) and `steadyStateSpectrum` of @qsync/spectral (QuTiP's
 * `spectrum`): a component e^{+iω₀τ} of ⟨A(τ)B⟩ (for A = a†, a mode at +ω₀ in the rotating
 * frame) appears at +ω₀. (7.2) as printed, with e^{+iωτ}, is the same spectrum mirrored, ω → −ω.
 * The mean ⟨A⟩⟨B⟩ is not subtracted (it vanishes in the U(1)-symmetric models of Ch. 6–7).
 * Only the components of c that feed c₀ are solved for (a component that does not, e.g. undriven
 * atoms at N_ud = 0, may have no decay); a singular iω − M on them is refused, naming them.
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
  const n = correlations.matrix.rows;
  const md = correlations.matrix.data;
  // Only the components that feed c₀ (reachable from 0 through nonzero entries of M) enter
  // [(iω − M)⁻¹c(0)]_0: that block evolves on its own. A component that does not feed c₀ may not
  // decay (e.g. undriven atoms at N_ud = 0 with Γ = 0) and would make iω − M singular at ω = 0.
  // An entry at the rounding level of M (≤ 64ε·max|M_ij|, e.g. iN_udΩ extrapolated to N_ud = 0) counts as 0.
  let largest = 0;
  for (let i = 0; i < n * n; i++) largest = Math.max(largest, Math.hypot(md[2 * i], md[2 * i + 1]));
  const negligible = 64 * Number.EPSILON * largest;
  const feeds = [0];
  const seen = new Uint8Array(n);
  seen[0] = 1;
  for (let q = 0; q < feeds.length; q++) {
    const i = feeds[q];
    for (let j = 0; j < n; j++) {
      if (!seen[j] && Math.hypot(md[2 * (i * n + j)], md[2 * (i * n + j) + 1]) > negligible) {
        seen[j] = 1;
        feeds.push(j);
      }
    }
  }
  feeds.sort((u, v) => u - v);
  const m = feeds.length;
  const c0 = new Float64Array(2 * m);
  feeds.forEach((i, r) => {
    c0[2 * r] = correlations.initial[2 * i];
    c0[2 * r + 1] = correlations.initial[2 * i + 1];
  });
  const out = new Float64Array(omega.length);
  const a = denseZeros(m, m);
  const x = new Float64Array(2 * m);
  for (let k = 0; k < omega.length; k++) {
    const w = omega[k];
    if (!Number.isFinite(w)) throw new Error(`${fn}: omega[${k}] must be finite, got ${w}`);
    // iω − M on the components that feed c₀
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < m; c++) {
        a.data[2 * (r * m + c)] = -md[2 * (feeds[r] * n + feeds[c])];
        a.data[2 * (r * m + c) + 1] = -md[2 * (feeds[r] * n + feeds[c]) + 1];
      }
      a.data[2 * (r * m + r) + 1] += w;
    }
    let f: ReturnType<typeof luFactor>;
    try {
      f = luFactor(a);
    } catch {
      const names = correlations.names === undefined ? feeds.join(', ') : feeds.map((i) => correlations.names[i]).join(', ');
      throw new Error(`${fn}: iω − M is singular at ω = ${w} on the components that feed c₀ (${names}): one of them does not decay, so S(ω) diverges there`);
    }
    luSolveInto(x, f, c0);
    // 0 is the first of the sorted components
    out[k] = 2 * x[0];
  }
  return out;
}
