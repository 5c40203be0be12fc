import {
  create,
  destroy,
  fockSpace,
  lindbladian,
  num,
  power,
  scaled,
  type Lindbladian,
  type Operator,
  type Space,
} from '@qsync/operators';
import { resolveParameters, type ParameterTable } from './parameters';

/** Parameters of the quantum van-der-Pol oscillator, thesis Eq. (4.1). Rates in one common unit. */
export interface QuantumVanDerPolConfig {
  /** Fock cutoff: levels |0> … |cutoff−1> (integer ≥ 2). */
  cutoff: number;
  /** Oscillator frequency ω (default 0: the frame rotating at ω). */
  omega?: number;
  /** Linear gain κ1 ≥ 0. */
  kappa1: number;
  /** Nonlinear two-excitation loss κ2 ≥ 0. */
  kappa2: number;
  /** Linear loss κ ≥ 0 (default 0). */
  kappa?: number;
}

/** The parameter table of {@link quantumVanDerPol}, as scenarios and the CLI see it. */
export const quantumVanDerPolParameters: ParameterTable = {
  cutoff: { description: 'Fock cutoff (number of levels)', min: 2, integer: true },
  omega: { description: 'frequency ω', default: 0 },
  kappa1: { description: 'linear gain κ1', min: 0 },
  kappa2: { description: 'two-excitation loss κ2', min: 0 },
  kappa: { description: 'linear loss κ', min: 0, default: 0 },
};

/** A quantum vdP oscillator: its space, generator and the operators one measures on it. */
export interface QuantumVanDerPol {
  readonly space: Space;
  readonly lindbladian: Lindbladian;
  /** a, a† (`adag`) and n = a†a. */
  readonly operators: { readonly a: Operator; readonly adag: Operator; readonly n: Operator };
  readonly parameters: Readonly<Required<QuantumVanDerPolConfig>>;
}

/**
 * The quantum van-der-Pol oscillator, thesis Eq. (4.1):
 * ρ̇ = −i[ω a†a, ρ] + κ1 D[a†]ρ + κ2 D[a²]ρ + κ D[a]ρ.
 * Its classical limit cycle has radius r0 = √(κ1/2κ2) (κ = 0); in the quantum limit
 * κ2/κ1 → ∞ (κ = 0) the steady state is (2|0><0| + |1><1|)/3.
 *
 * @example
 * const vdp = quantumVanDerPol({ cutoff: 20, omega: 4, kappa1: 4, kappa2: 0.5, kappa: 1 });
 * vdp.lindbladian.dims; // [20]
 */
export function quantumVanDerPol(config: QuantumVanDerPolConfig): QuantumVanDerPol {
  const p = resolveParameters('quantumVanDerPol', quantumVanDerPolParameters, config as unknown as Record<string, unknown>);
  const space = fockSpace(p.cutoff);
  const a = destroy(space);
  const adag = create(space);
  const n = num(space);
  const l = lindbladian(scaled(n, p.omega), [
    { rate: p.kappa1, jump: adag },
    { rate: p.kappa2, jump: power(a, 2) },
    { rate: p.kappa, jump: a },
  ]);
  return {
    space,
    lindbladian: l,
    operators: { a, adag, n },
    parameters: { cutoff: p.cutoff, omega: p.omega, kappa1: p.kappa1, kappa2: p.kappa2, kappa: p.kappa },
  };
}
