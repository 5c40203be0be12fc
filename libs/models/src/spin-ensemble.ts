import {
  collective,
  lindbladian,
  scaled,
  sigmaMinus,
  sigmaPlus,
  sigmaZ,
  identity,
  spinHalfSpace,
  tensorSpace,
  type Lindbladian,
  type Space,
} from '@qsync/operators';
import { assertSpinRates } from './assert-spin-rates';
import { embedOnSites } from './embed-on-sites';
import { resolveParameters, type ParameterTable } from './parameters';
import { spinEnsembleObservables, type SpinEnsembleOperators } from './spin-ensemble-observables';

/** Largest N of the tensor-product representation: 2^N × 2^N density matrices, a 4^N Liouvillian. */
export const MAX_SPIN_ENSEMBLE_TENSOR_N = 10;

/** Parameters of N spins with collective coupling, thesis Eq. (4.52). */
export interface SpinEnsembleConfig {
  /** Number of spins N (integer ≥ 2: the pair observables need two). */
  N: number;
  /** Collective coupling V ≥ 0: the generator holds (V/N) D[S−]. */
  V: number;
  /** Gain rate γ+ ≥ 0 of each spin. */
  gammaPlus: number;
  /** Loss rate γ− ≥ 0 of each spin. */
  gammaMinus: number;
}

/** The parameter table of {@link spinEnsemble} (and of the ensemble's mean-field and cumulant forms). */
export const spinEnsembleParameters: ParameterTable = {
  N: { description: 'number of spins N', min: 2, integer: true },
  V: { description: 'collective coupling V: the rate of D[S−] is V/N (Eq. 4.52)', min: 0 },
  gammaPlus: { description: 'gain rate γ+ of each spin', min: 0 },
  gammaMinus: { description: 'loss rate γ− of each spin', min: 0 },
};

/** N spins in the full tensor-product space: generator and the pair-averaged observables. */
export interface SpinEnsemble {
  readonly space: Space;
  /** The spin-1/2 space of one spin (all are alike). */
  readonly spin: Space;
  readonly lindbladian: Lindbladian;
  readonly operators: SpinEnsembleOperators;
  readonly parameters: Readonly<SpinEnsembleConfig>;
}

/**
 * N spins-1/2 with gain, loss and collective dissipative coupling, thesis Eq. (4.52):
 * ρ̇ = (V/N) D[S−]ρ + Σ_i (γ+ D[σ+_i] + γ− D[σ−_i])ρ, S− = Σ_i σ−_i, exactly in the tensor-product
 * space (N ≤ 10). The observables are pair averages built from collective operators (see
 * {@link SpinEnsembleOperators}), so their means are the s_z, ⟨σ+σ−⟩, ⟨σzσz⟩ of Eq. (4.58).
 * N = 2 with V_ensemble = 2V is the pair (4.35) at δ = 0.
 *
 * @example
 * const ensemble = spinEnsemble({ N: 3, V: 2, gammaPlus: 1, gammaMinus: 0.1 });
 * ensemble.lindbladian.dims; // [2, 2, 2]
 * spinEnsemble({ N: 11, V: 1, gammaPlus: 1, gammaMinus: 1 }); // throws "spinEnsemble: parameter 'N' (number of spins N) must be ≤ 10, got 11"
 */
export function spinEnsemble(config: SpinEnsembleConfig): SpinEnsemble {
  const p = resolveParameters(
    'spinEnsemble',
    { ...spinEnsembleParameters, N: { ...spinEnsembleParameters.N, max: MAX_SPIN_ENSEMBLE_TENSOR_N } },
    config as unknown as Record<string, unknown>,
  );
  assertSpinRates('spinEnsemble', p.gammaPlus, p.gammaMinus);
  const n = p.N;
  const spin = spinHalfSpace();
  const space = tensorSpace(...Array.from({ length: n }, () => spin));
  const sp = embedOnSites(sigmaPlus(spin), space, n);
  const sm = embedOnSites(sigmaMinus(spin), space, n);
  const sMinus = collective(sm);
  const l = lindbladian(scaled(identity(space), 0), [
    { rate: p.V / n, jump: sMinus },
    ...sp.map((jump) => ({ rate: p.gammaPlus, jump })),
    ...sm.map((jump) => ({ rate: p.gammaMinus, jump })),
  ]);
  return {
    space,
    spin,
    lindbladian: l,
    operators: spinEnsembleObservables(space, n, sMinus, collective(embedOnSites(sigmaZ(spin), space, n))),
    parameters: { N: n, V: p.V, gammaPlus: p.gammaPlus, gammaMinus: p.gammaMinus },
  };
}
