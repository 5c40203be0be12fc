import { describe, expect as vexpect, it } from 'vitest';
import { coherentKet, fockSpace, pureState, tensorState } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { cumulantEquations } from './cumulant-equations';
import { momentsOf } from './moments-of';
import { operatorAlgebra } from './operator-algebra';
import { randomDensityMatrix } from './test-support/random-density-matrix';

describe('momentsOf', () => {
  const alg = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }, { kind: 'spin', name: '1' }, { kind: 'spin', name: '2' }] });
  const a = alg.destroy(0);
  const hamiltonian = alg.create(0).times(a).times(a).times(a).plus(alg.create(0).times(alg.create(0)).times(alg.create(0)).times(a))
    .plus(a.times(alg.sigmaPlus(1)).times(alg.sigmaZ(2)).plus(alg.create(0).times(alg.sigmaMinus(1)).times(alg.sigmaZ(2))));
  const eqs = cumulantEquations({ hamiltonian, dissipators: [{ rate: 1, jump: alg.sigmaMinus(2) }] }, { moments: [a], order: 3 });
  const sites = [pureState(coherentKet(fockSpace(20), { re: 0.4, im: 0.2 })), randomDensityMatrix([2], 1), randomDensityMatrix([2], 2)];

  it('a product state given per site gives the moments of the full density matrix (1e-14)', () => {
    vexpect(eqs.moments.length).toBeGreaterThan(20);
    expectClose(momentsOf(eqs, sites), momentsOf(eqs, tensorState(...sites)), { atol: 1e-14 });
  });

  it('refuses a wrong number of sites or a state of the wrong kind, naming the site', () => {
    vexpect(() => momentsOf(eqs, sites.slice(1))).toThrow(/one density matrix per site \(3\), got 2/);
    vexpect(() => momentsOf(eqs, [sites[0], sites[0], sites[2]])).toThrow(/rho\[1\] must be a spin-1\/2 density matrix/);
  });
});
