import {
  create,
  destroy,
  fockSpace,
  identity,
  lindbladian,
  minus,
  num,
  plus,
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

/** Largest Hilbert-space dimension cutoff^N of the exact network (its Liouvillian has dim² rows). */
export const MAX_VDP_NETWORK_DIMENSION = 4096;

/** Parameters of N all-to-all coupled quantum vdP oscillators, thesis Eq. (4.18). */
export interface QuantumVanDerPolNetworkConfig {
  /** Number of oscillators N (integer ≥ 2; cutoff^N ≤ 4096). */
  N: number;
  /** Fock cutoff of each oscillator (integer ≥ 2). */
  cutoff: number;
  /** Linear gain κ1 ≥ 0 of each oscillator. */
  kappa1: number;
  /** Two-excitation loss κ2 ≥ 0. */
  kappa2: number;
  /** Coupling V ≥ 0: each pair has (V/N) D[a_i − a_j]. */
  V: number;
}

/** The parameter table of {@link quantumVanDerPolNetwork}. */
export const quantumVanDerPolNetworkParameters: ParameterTable = {
  N: { description: 'number of oscillators N', min: 2, integer: true },
  cutoff: { description: 'Fock cutoff of each oscillator', min: 2, integer: true },
  kappa1: quantumVanDerPolParameters.kappa1,
  kappa2: quantumVanDerPolParameters.kappa2,
  V: { description: 'all-to-all coupling V, each pair at rate V/N (Eq. 4.18)', min: 0 },
};

/** The exact network: its space, generator and the operators one measures. */
export interface QuantumVanDerPolNetwork {
  /** The joint space, mode i at tensor position i − 1. */
  readonly space: Space;
  /** The Fock space of one oscillator. */
  readonly mode: Space;
  readonly lindbladian: Lindbladian;
  /**
   * `a1` … `aN`, their adjoints `adag1` … `adagN` (for spectra ⟨a_i†(τ)a_i⟩, Eq. 4.12), `n1` … `nN`;
   * `A` = (1/N)Σ a_i, whose expectation value is the mean-field amplitude of Eq. 4.21; `n` = (1/N)Σ a_i†a_i; `adag1a2` = a_1†a_2, the pair coherence (its phase is φ_1 − φ_2).
   */
  readonly operators: Readonly<Record<string, Operator>>;
  readonly parameters: Readonly<Required<QuantumVanDerPolNetworkConfig>>;
}

/**
 * N quantum van-der-Pol oscillators with all-to-all dissipative coupling, thesis Eq. (4.18), exactly
 * on the tensor product of N truncated Fock spaces (in the frame rotating at their common frequency):
 * ρ̇ = Σ_i (κ1 D[a_i†] + κ2 D[a_i²])ρ + (V/N) Σ_{i<j} D[a_i − a_j]ρ.
 * The size grows as cutoff^N (Sec. 4.1.3): small N and cutoffs only; the N → ∞ limit is
 * `quantumVanDerPolMeanField`. For N = 2 this is `coupledVanDerPol` with δ = κ = 0 and coupling V/2.
 *
 * @throws Error naming the parameter when one is missing or out of range, or when cutoff^N > 4096
 * @example
 * const net = quantumVanDerPolNetwork({ N: 3, cutoff: 4, kappa1: 1, kappa2: 1, V: 2 });
 * net.lindbladian.dims; // [4, 4, 4]
 * net.lindbladian.dissipators.length; // 9 — 3 gains, 3 losses, 3 pairs
 */
export function quantumVanDerPolNetwork(config: QuantumVanDerPolNetworkConfig): QuantumVanDerPolNetwork {
  const fn = 'quantumVanDerPolNetwork';
  const p = resolveParameters(fn, quantumVanDerPolNetworkParameters, config as unknown as Record<string, unknown>);
  const { N, cutoff } = p;
  if (cutoff ** N > MAX_VDP_NETWORK_DIMENSION) {
    throw new Error(
      `${fn}: cutoff^N = ${cutoff}^${N} = ${cutoff ** N} exceeds ${MAX_VDP_NETWORK_DIMENSION} (the Liouvillian has (cutoff^N)² rows): lower 'N' or 'cutoff', or use quantumVanDerPolMeanField for N → ∞`,
    );
  }
  const mode = fockSpace(cutoff);
  const space = tensorSpace(...Array.from({ length: N }, () => mode));
  const a = embedOnSites(destroy(mode), space, N);
  const adag = embedOnSites(create(mode), space, N);
  const n = embedOnSites(num(mode), space, N);
  const dissipators = [
    ...adag.map((jump) => ({ rate: p.kappa1, jump })),
    ...a.map((ai) => ({ rate: p.kappa2, jump: power(ai, 2) })),
  ];
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) dissipators.push({ rate: p.V / N, jump: minus(a[i], a[j]) });
  }
  const sum = (ops: Operator[]) => ops.reduce((s, o) => plus(s, o));
  const operators: Record<string, Operator> = {};
  for (const [name, perSite] of Object.entries({ a, adag, n })) perSite.forEach((o, i) => (operators[`${name}${i + 1}`] = o));
  operators.A = scaled(sum(a), 1 / N);
  operators.n = scaled(sum(n), 1 / N);
  operators.adag1a2 = times(adag[0], a[1]);
  return {
    space,
    mode,
    lindbladian: lindbladian(scaled(identity(space), 0), dissipators),
    operators,
    parameters: { N, cutoff, kappa1: p.kappa1, kappa2: p.kappa2, V: p.V },
  };
}
