import {
  create,
  destroy,
  fockSpace,
  lindbladian,
  minus,
  num,
  power,
  scaled,
  tensorSpace,
  times,
  type Lindbladian,
  type Operator,
  type Space,
} from '@qsync/operators';
import { embedOnSites } from './embed-on-sites';
import { resolveParameters, type ParameterTable } from './parameters';
import { quantumVanDerPolParameters } from './quantum-van-der-pol';

/** Parameters of two dissipatively coupled quantum vdP oscillators, thesis Eq. (4.8). */
export interface CoupledVanDerPolConfig {
  /** Fock cutoff of each oscillator (integer ≥ 2). */
  cutoff: number;
  /** Linear gain κ1 ≥ 0 of each oscillator. */
  kappa1: number;
  /** Two-excitation loss κ2 ≥ 0. */
  kappa2: number;
  /** Linear loss κ ≥ 0 (default 0). */
  kappa?: number;
  /** Detuning δ = ω_A − ω_B (default 0); the frame rotates at the mean frequency. */
  delta?: number;
  /**
   * Dissipative coupling V ≥ 0, the rate of D[a − b] (Eq. 4.8): the V of the classical pair
   * (2.17), whose mean field ⟨a⟩ obeys d⟨a⟩/dt ∋ V(⟨b⟩ − ⟨a⟩)/2.
   */
  V: number;
}

/** The parameter table of {@link coupledVanDerPol}, as scenarios and the CLI see it. */
export const coupledVanDerPolParameters: ParameterTable = {
  cutoff: { description: 'Fock cutoff of each oscillator', min: 2, integer: true },
  kappa1: quantumVanDerPolParameters.kappa1,
  kappa2: quantumVanDerPolParameters.kappa2,
  kappa: quantumVanDerPolParameters.kappa,
  delta: { description: 'detuning δ', default: 0 },
  V: { description: 'dissipative coupling V, the rate of D[a − b] (Eq. 4.8; the V of Eq. 2.17)', min: 0 },
};

/** Two coupled quantum vdP oscillators: spaces, generator and the operators one measures. */
export interface CoupledVanDerPol {
  /** The joint space A ⊗ B. */
  readonly space: Space;
  /** The Fock space of one oscillator (A and B are alike). */
  readonly modeA: Space;
  readonly modeB: Space;
  readonly lindbladian: Lindbladian;
  /** a, b, their adjoints, the occupations and the coherence a†b (`adagb`), whose phase is the locked phase difference. */
  readonly operators: {
    readonly a: Operator;
    readonly b: Operator;
    readonly adag: Operator;
    readonly bdag: Operator;
    readonly na: Operator;
    readonly nb: Operator;
    readonly adagb: Operator;
  };
  readonly parameters: Readonly<Required<CoupledVanDerPolConfig>>;
}

/**
 * Two quantum van-der-Pol oscillators with detuning δ and dissipative coupling V, thesis Eq. (4.8):
 * ρ̇ = κ1(D[a†] + D[b†])ρ + κ(D[a] + D[b])ρ + κ2(D[a²] + D[b²])ρ − i(δ/2)[a†a − b†b, ρ] + V D[a − b]ρ.
 *
 * @example
 * const pair = coupledVanDerPol({ cutoff: 12, kappa: 1, kappa1: 3, kappa2: 1, delta: 0.5, V: 1 });
 * pair.lindbladian.dims; // [12, 12]
 */
export function coupledVanDerPol(config: CoupledVanDerPolConfig): CoupledVanDerPol {
  const p = resolveParameters('coupledVanDerPol', coupledVanDerPolParameters, config as unknown as Record<string, unknown>);
  const mode = fockSpace(p.cutoff);
  const space = tensorSpace(mode, mode);
  const [a, b] = embedOnSites(destroy(mode), space, 2);
  const [adag, bdag] = embedOnSites(create(mode), space, 2);
  const [na, nb] = embedOnSites(num(mode), space, 2);
  const l = lindbladian(scaled(minus(na, nb), p.delta / 2), [
    { rate: p.kappa1, jump: adag },
    { rate: p.kappa1, jump: bdag },
    { rate: p.kappa, jump: a },
    { rate: p.kappa, jump: b },
    { rate: p.kappa2, jump: power(a, 2) },
    { rate: p.kappa2, jump: power(b, 2) },
    { rate: p.V, jump: minus(a, b) },
  ]);
  return {
    space,
    modeA: mode,
    modeB: mode,
    lindbladian: l,
    operators: { a, b, adag, bdag, na, nb, adagb: times(adag, b) },
    parameters: {
      cutoff: p.cutoff,
      kappa1: p.kappa1,
      kappa2: p.kappa2,
      kappa: p.kappa,
      delta: p.delta,
      V: p.V,
    },
  };
}
