import { describe, expect, it } from 'vitest';
import { coupledSpins } from './coupled-spins';
import { spinEnsemble } from './spin-ensemble';
import { spinEnsembleCumulants } from './spin-ensemble-cumulants';
import { spinEnsembleMeanField } from './spin-ensemble-mean-field';
import { spinEnsemblePermutationInvariant } from './spin-ensemble-permutation-invariant';
import { spinLimitCycle } from './spin-limit-cycle';
import { superradiantLaser } from './superradiant-laser';

// Every spin model guards γ+ + γ− > 0 through assertSpinRates; each entry point is called once
// with γ+ = γ− = 0 (refused, naming itself and both rates) and once with loss alone (accepted),
// at the smallest sizes the models take.
const entryPoints: [string, (rates: { gammaPlus: number; gammaMinus: number }) => unknown][] = [
  ['spinLimitCycle', (r) => spinLimitCycle(r)],
  ['coupledSpins', (r) => coupledSpins({ V: 1, ...r })],
  ['spinEnsemble', (r) => spinEnsemble({ N: 2, V: 1, ...r })],
  ['spinEnsemblePermutationInvariant', (r) => spinEnsemblePermutationInvariant({ N: 2, V: 1, ...r })],
  ['spinEnsembleMeanField', (r) => spinEnsembleMeanField({ V: 1, ...r })],
  ['spinEnsembleCumulants', (r) => spinEnsembleCumulants({ N: 10, V: 1, ...r })],
  ['superradiantLaser', (r) => superradiantLaser({ N: 2, cutoff: 2, Omega: 1, kappa: 10, ...r })],
];

describe('assertSpinRates in every spin model', () => {
  it.each(entryPoints)('%s refuses γ+ = γ− = 0 with the values received and accepts γ+ = 0, γ− = 1', (fn, build) => {
    expect(() => build({ gammaPlus: 0, gammaMinus: 0 })).toThrow(
      `${fn}: gammaPlus + gammaMinus must be > 0 (otherwise the steady state is not unique), got gammaPlus = 0, gammaMinus = 0`,
    );
    expect(() => build({ gammaPlus: 0, gammaMinus: 1 })).not.toThrow();
  });
});
