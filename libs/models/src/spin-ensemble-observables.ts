import { dagger, identity, minus, plus, scaled, times, type Operator, type Space } from '@qsync/operators';

/** The observables every representation of the spin ensemble (4.52) offers, by scenario name. */
export interface SpinEnsembleOperators {
  /** Σσz_i / N: its mean is s_z of any one spin (the ensemble is permutation invariant). */
  readonly sigmaZ: Operator;
  /** S+/N: its mean is s+ of any one spin (0 in the U(1)-symmetric steady state). */
  readonly sigmaPlus: Operator;
  /** Σ_{i≠j} σ+_i σ−_j / (N(N−1)): its mean is ⟨σ+σ−⟩ of any pair, Eq. (4.58). */
  readonly sigmaPlusSigmaMinus: Operator;
  /** Σ_{i≠j} σz_i σz_j / (N(N−1)): its mean is ⟨σzσz⟩ of any pair, Eq. (4.58). */
  readonly sigmaZSigmaZ: Operator;
  /** The collective S+ = Σσ+_i and S− = Σσ−_i, and S+S−. */
  readonly Splus: Operator;
  readonly Sminus: Operator;
  readonly SplusSminus: Operator;
}

/**
 * The pair-averaged observables of N spins from collective operators alone, so that the tensor
 * product and the permutation-invariant representation offer the same ones:
 * Σ_{i≠j} σ+_iσ−_j = S+S− − Σσ+_iσ−_i = S+S− − (N + Σσz)/2 and Σ_{i≠j} σz_iσz_j = (Σσz)² − N.
 * (Internal to the spin-ensemble models.)
 */
export function spinEnsembleObservables(space: Space, n: number, sMinus: Operator, sumSigmaZ: Operator): SpinEnsembleOperators {
  const sPlus = dagger(sMinus);
  const one = identity(space);
  const spsm = times(sPlus, sMinus);
  const pairs = 1 / (n * (n - 1));
  const offDiagonalSpSm = minus(spsm, scaled(plus(scaled(one, n), sumSigmaZ), 0.5));
  const offDiagonalSzSz = minus(times(sumSigmaZ, sumSigmaZ), scaled(one, n));
  return {
    sigmaZ: scaled(sumSigmaZ, 1 / n),
    sigmaPlus: scaled(sPlus, 1 / n),
    sigmaPlusSigmaMinus: scaled(offDiagonalSpSm, pairs),
    sigmaZSigmaZ: scaled(offDiagonalSzSz, pairs),
    Splus: sPlus,
    Sminus: sMinus,
    SplusSminus: spsm,
  };
}

