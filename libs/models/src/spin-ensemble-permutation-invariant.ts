import {
  dickeLindbladian,
  dickeSpace,
  dickeSpin,
  levelSpace,
  scaled,
  type DickeLindbladian,
  type DickeSpace,
} from '@qsync/operators';
import { assertSpinRates } from './assert-spin-rates';
import { resolveParameters } from './parameters';
import { spinEnsembleParameters, type SpinEnsembleConfig } from './spin-ensemble';
import { spinEnsembleObservables, type SpinEnsembleOperators } from './spin-ensemble-observables';

/** Largest N of the permutation-invariant representation here (states of ~N³/6 entries). */
export const MAX_SPIN_ENSEMBLE_DICKE_N = 1000;

/** N spins in the permutation-invariant (Dicke) representation: generator and the pair-averaged observables. */
export interface SpinEnsemblePermutationInvariant {
  /** The Dicke space: blocks j = N/2 … (0 or ½). */
  readonly space: DickeSpace;
  readonly lindbladian: DickeLindbladian;
  /** The same observables as {@link spinEnsemble}'s, as collective (Dicke-basis) operators; read them with `dickeExpect`. */
  readonly operators: SpinEnsembleOperators;
  readonly parameters: Readonly<SpinEnsembleConfig>;
}

/**
 * The spin ensemble of thesis Eq. (4.52), ρ̇ = (V/N) D[S−]ρ + Σ_i (γ+ D[σ+_i] + γ− D[σ−_i])ρ, in the
 * permutation-invariant representation (`dickeLindbladian` of @qsync/operators): exact, with
 * states of ~N³/6 entries instead of 4^N, because the generator and the initial states of interest
 * are symmetric under permutations of the spins. Same parameters and observables as
 * {@link spinEnsemble} (the tensor product, N ≤ 10), which it equals on symmetric states.
 *
 * @example
 * const pi = spinEnsemblePermutationInvariant({ N: 100, V: 22, gammaPlus: 10, gammaMinus: 1 });
 * pi.space.size; // 176851 — Σ_j (2j + 1)², against 4^100 entries of the tensor product
 * pi.lindbladian.u1Symmetric; // true
 */
export function spinEnsemblePermutationInvariant(config: SpinEnsembleConfig): SpinEnsemblePermutationInvariant {
  const fn = 'spinEnsemblePermutationInvariant';
  const p = resolveParameters(
    fn,
    { ...spinEnsembleParameters, N: { ...spinEnsembleParameters.N, max: MAX_SPIN_ENSEMBLE_DICKE_N } },
    config as unknown as Record<string, unknown>,
  );
  assertSpinRates(fn, p.gammaPlus, p.gammaMinus);
  const n = p.N;
  const space = dickeSpace(n);
  const sMinus = dickeSpin(space, '-');
  const l = dickeLindbladian(space, null, [{ rate: p.V / n, jump: sMinus }], { gain: p.gammaPlus, loss: p.gammaMinus });
  // Σ_i σz_i = 2Sz; the identity of the Dicke basis is that of a level space of the same dimension.
  const observables = spinEnsembleObservables(levelSpace(space.dimension), n, sMinus, scaled(dickeSpin(space, 'z'), 2));
  return { space, lindbladian: l, operators: observables, parameters: { N: n, V: p.V, gammaPlus: p.gammaPlus, gammaMinus: p.gammaMinus } };
}
