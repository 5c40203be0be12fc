import { resolveParameters, type ParameterTable } from './parameters';

/** Parameters of {@link adlerSlipFrequency}: the noise-free Adler equation (2.21). */
export interface AdlerSlipFrequencyConfig {
  /** detuning δ (rate) */
  delta: number;
  /** coupling V ≥ 0 of the phase difference, V sin φ_AB (rate; the same V as {@link adler}'s) */
  V: number;
}

const parameters: ParameterTable = {
  delta: { description: 'detuning δ' },
  V: { description: 'coupling V of Eq. (2.21), V sin φ_AB', min: 0 },
};

/**
 * The observed frequency difference ⟨φ̇_AB⟩ of the noise-free Adler equation
 * φ̇_AB = δ − V sin φ_AB (Eq. 2.21), in rad per unit time: 0 inside the Arnold tongue |δ| ≤ V,
 * where φ_AB locks at arcsin(δ/V) (Eq. 2.22); outside it φ_AB slips by 2π in the period
 * T = ∫₀^{2π} dφ/(δ − V sin φ) = 2π/√(δ² − V²) (Eq. 2.23), so
 *
 *   ⟨φ̇_AB⟩ = 2π/T = sign(δ)·√(δ² − V²),   |δ| > V.
 *
 * It is the σ → 0 limit of the noisy mean velocity ({@link tiltedWashboard}'s `velocity`, Eq. 2.25)
 * and tends to the bare δ for |δ| ≫ V. Evaluated as √((|δ| − V)(|δ| + V)), exact near the edge.
 *
 * @param config - delta and V
 * @throws Error naming the parameter when one is missing, unknown, not finite, or V < 0
 * @example
 * adlerSlipFrequency({ delta: 2, V: 1 }); // Math.sqrt(3) — √(δ² − V²), Eq. 2.23
 * adlerSlipFrequency({ delta: -5, V: 3 }); // -4 — slips backwards below the tongue
 * adlerSlipFrequency({ delta: 0.5, V: 1 }); // 0 — locked at arcsin(δ/V)
 */
export function adlerSlipFrequency(config: AdlerSlipFrequencyConfig): number {
  const { delta, V } = resolveParameters('adlerSlipFrequency', parameters, config as unknown as Record<string, unknown>);
  const d = Math.abs(delta);
  if (!(d > V)) return 0;
  return Math.sign(delta) * Math.sqrt((d - V) * (d + V));
}
