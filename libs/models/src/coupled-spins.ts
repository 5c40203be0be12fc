import {
  lindbladian,
  minus,
  plus,
  scaled,
  sigmaMinus,
  sigmaPlus,
  sigmaZ,
  spinHalfSpace,
  tensorSpace,
  times,
  type Lindbladian,
  type Operator,
  type Space,
} from '@qsync/operators';
import { assertSpinRates } from './assert-spin-rates';
import { embedOnSites } from './embed-on-sites';
import { resolveParameters, type ParameterTable } from './parameters';

/** Parameters of two dissipatively coupled spin-1/2 oscillators, thesis Eq. (4.35). */
export interface CoupledSpinsConfig {
  /** Detuning δ = ω_A − ω_B (default 0); the frame rotates at the mean frequency. */
  delta?: number;
  /** Dissipative coupling V ≥ 0, the rate of D[σ−_A + σ−_B]. */
  V: number;
  /** Gain rate γ+ ≥ 0 of each spin. */
  gammaPlus: number;
  /** Loss rate γ− ≥ 0 of each spin. */
  gammaMinus: number;
}

/** The parameter table of {@link coupledSpins}, as scenarios and the CLI see it. */
export const coupledSpinsParameters: ParameterTable = {
  delta: { description: 'detuning δ', default: 0 },
  V: { description: 'dissipative coupling V, the rate of D[σ−_A + σ−_B] (Eq. 4.35)', min: 0 },
  gammaPlus: { description: 'gain rate γ+ of each spin', min: 0 },
  gammaMinus: { description: 'loss rate γ− of each spin', min: 0 },
};

/** The operators of {@link CoupledSpins}, named as in scenarios. */
export interface CoupledSpinsOperators {
  readonly sigmaPlusA: Operator;
  readonly sigmaMinusA: Operator;
  readonly sigmaZA: Operator;
  readonly sigmaPlusB: Operator;
  readonly sigmaMinusB: Operator;
  readonly sigmaZB: Operator;
  /** σ+_A σ−_B, the correlation that sets Q(φ_AB), Eq. (4.45). */
  readonly sigmaPlusASigmaMinusB: Operator;
}

/** Two coupled spins: spaces, generator and the operators one measures. */
export interface CoupledSpins {
  /** The joint space A ⊗ B (A is the first factor). */
  readonly space: Space;
  /** The spin-1/2 space of one spin (A and B are alike). */
  readonly spinA: Space;
  readonly spinB: Space;
  readonly lindbladian: Lindbladian;
  readonly operators: CoupledSpinsOperators;
  readonly parameters: Readonly<Required<CoupledSpinsConfig>>;
}

/**
 * Two spin-1/2 oscillators with detuning δ and dissipative coupling V, thesis Eq. (4.35):
 * ρ̇ = −i(δ/4)[σz_A − σz_B, ρ] + V D[σ−_A + σ−_B]ρ + γ+(D[σ+_A] + D[σ+_B])ρ + γ−(D[σ−_A] + D[σ−_B])ρ.
 * γ+ + γ− must be > 0 (else the steady state is not unique).
 *
 * @example
 * const pair = coupledSpins({ delta: 0.5, V: 1, gammaPlus: 0.5, gammaMinus: 1 });
 * pair.lindbladian.dims; // [2, 2]
 */
export function coupledSpins(config: CoupledSpinsConfig): CoupledSpins {
  const p = resolveParameters('coupledSpins', coupledSpinsParameters, config as unknown as Record<string, unknown>);
  assertSpinRates('coupledSpins', p.gammaPlus, p.gammaMinus);
  const spin = spinHalfSpace();
  const space = tensorSpace(spin, spin);
  const [spA, spB] = embedOnSites(sigmaPlus(spin), space, 2);
  const [smA, smB] = embedOnSites(sigmaMinus(spin), space, 2);
  const [szA, szB] = embedOnSites(sigmaZ(spin), space, 2);
  const l = lindbladian(scaled(minus(szA, szB), p.delta / 4), [
    { rate: p.V, jump: plus(smA, smB) },
    { rate: p.gammaPlus, jump: spA },
    { rate: p.gammaPlus, jump: spB },
    { rate: p.gammaMinus, jump: smA },
    { rate: p.gammaMinus, jump: smB },
  ]);
  return {
    space,
    spinA: spin,
    spinB: spin,
    lindbladian: l,
    operators: {
      sigmaPlusA: spA,
      sigmaMinusA: smA,
      sigmaZA: szA,
      sigmaPlusB: spB,
      sigmaMinusB: smB,
      sigmaZB: szB,
      sigmaPlusASigmaMinusB: times(spA, smB),
    },
    parameters: { delta: p.delta, V: p.V, gammaPlus: p.gammaPlus, gammaMinus: p.gammaMinus },
  };
}
