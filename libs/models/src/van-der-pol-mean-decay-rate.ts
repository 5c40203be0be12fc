import { largestTridiagonalEigenvalue, radialGrid, type VanDerPolStationaryConfig } from './van-der-pol-radial-support';

/**
 * The long-time decay rate λ of the ensemble mean, |E[α](t)| ∝ e^{−λt}, of the noisy van-der-Pol
 * oscillator, Eq. (2.8), from its Fokker–Planck equation, without simulation: minus the largest
 * eigenvalue of the backward Fokker–Planck operator in the angular sector m = 1 (functions
 * u(r)e^{i arg α}),
 *
 *   A u = (σ²/2)(1/w)(w u′)′ − (σ²/2) u/r²,   w(r) = r e^{2Φ(r)/σ²},   Φ(r) = κ1r²/4 − κ2r⁴/4,
 *
 * self-adjoint with weight w (E[α](t) = e^{−iωt}·Σ_k c_k e^{λ_k t}, λ_k the eigenvalues of A).
 * For σ² ≪ κ1 r0² it tends to the phase-diffusion constant D = σ²/(2r0²) (Eq. 2.13); the
 * amplitude fluctuations, which the phase-only picture (Eqs. 2.12–2.13) leaves out, make it
 * larger: D·(1 + 2σ²/(κ1r0²) + O(σ⁴)), +43 % at κ1 = κ2 = 10σ² (the point of Figs. 2.2–2.3).
 * Discretised by finite volumes on r ∈ (0, R) (u(0) = u(R) = 0, `points` cells, O(h²), R where
 * the weight has fallen by e^{−80}) and solved by Sturm-sequence bisection of the symmetrised
 * tridiagonal matrix (to rounding). ω does not enter: the rotation only turns E[α].
 *
 * @param config - kappa1, kappa2, sigma and the grid size `points` (see {@link VanDerPolStationaryConfig})
 * @throws Error naming the parameter when one is missing, unknown or out of range
 * @example
 * // Ornstein–Uhlenbeck (κ1 = −2, κ2 = 0): E[α] = α0 e^{−t}, so λ = 1
 * vanDerPolMeanDecayRate({ kappa1: -2, kappa2: 0, sigma: 1 }); // ≈ 1.000000 — to ~2e-7
 * // the point of Fig. 2.2, κ1 = κ2 = 10σ²: 43 % above D = σ²/(2r0²) = 0.1
 * vanDerPolMeanDecayRate({ kappa1: 1, kappa2: 1, sigma: Math.sqrt(0.1) }); // → 0.142759467…
 */
export function vanDerPolMeanDecayRate(config: VanDerPolStationaryConfig): number {
  const { s, h, m, logWeight } = radialGrid('vanDerPolMeanDecayRate', config);
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
  return -largestTridiagonalEigenvalue(diag, off);
}
