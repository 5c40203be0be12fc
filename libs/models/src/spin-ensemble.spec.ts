import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { steadyState } from '@qsync/integrators';
import { applyLindbladianInto, collective, embed, expect as expectValue, identity, lindbladian, plus, scaled, sigmaMinus, sigmaPlus, sigmaZ, spinHalfSpace, tensorSpace, times } from '@qsync/operators';
import { createRng, denseZeros, type DenseMatrix } from '@qsync/linalg';
import { coupledSpins } from './coupled-spins';
import { spinEnsemble } from './spin-ensemble';

describe('spinEnsemble (Eq. 4.52), tensor product', () => {
  it('identity (4.51), D[S−] = Σ_{i<j} D[σ−_i + σ−_j] − (N − 2) Σ_i D[σ−_i], holds on random matrices for N = 4 (1e-12)', () => {
    const n = 4;
    const spin = spinHalfSpace();
    const space = tensorSpace(spin, spin, spin, spin);
    const sm = Array.from({ length: n }, (_, i) => embed(sigmaMinus(spin), space, i));
    const zero = scaled(identity(space), 0);
    const act = (jump: typeof zero, rho: DenseMatrix) =>
      Array.from(applyLindbladianInto(denseZeros(16, 16), lindbladian(zero, [{ rate: 1, jump }]), rho).data);
    const rng = createRng(7);
    for (let trial = 0; trial < 3; trial++) {
      // a random complex 16×16 matrix (not Hermitian: the identity is one of superoperators)
      const rho: DenseMatrix = { rows: 16, cols: 16, data: Float64Array.from({ length: 512 }, () => rng.gaussian()) };
      const lhs = act(collective(sm), rho);
      const rhs = new Float64Array(512);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) act(plus(sm[i], sm[j]), rho).forEach((v, k) => (rhs[k] += v));
        act(sm[i], rho).forEach((v, k) => (rhs[k] -= (n - 2) * v));
      }
      const scale = Math.max(...lhs.map(Math.abs));
      expectClose(lhs, Array.from(rhs), { atol: 1e-12 * scale });
    }
  });

  it('N = 2 is the pair (4.35) at δ = 0 with the pair coupling V/2 (the ensemble holds (V/N) D[S−])', () => {
    const ens = spinEnsemble({ N: 2, V: 3, gammaPlus: 1.2, gammaMinus: 0.4 });
    const pair = coupledSpins({ V: 1.5, gammaPlus: 1.2, gammaMinus: 0.4 });
    const a = steadyState(ens.lindbladian).rho.matrix.data;
    const b = steadyState(pair.lindbladian).rho.matrix.data;
    expectClose(Array.from(a), Array.from(b), { atol: 1e-12 });
  });

  it('the pair-averaged observables are ⟨σz_1⟩, ⟨σ+_1σ−_2⟩, ⟨σz_1σz_2⟩ on the (permutation-invariant) steady state, N = 4', () => {
    const ens = spinEnsemble({ N: 4, V: 6, gammaPlus: 2, gammaMinus: 0.3 });
    const { rho } = steadyState(ens.lindbladian);
    const s = ens.spin;
    const op = (o: ReturnType<typeof sigmaZ>, i: number) => embed(o, ens.space, i);
    const sz1 = expectValue(op(sigmaZ(s), 0), rho).re;
    const pm = expectValue(times(op(sigmaPlus(s), 0), op(sigmaMinus(s), 2)), rho);
    const zz = expectValue(times(op(sigmaZ(s), 1), op(sigmaZ(s), 3)), rho).re;
    expectClose(expectValue(ens.operators.sigmaZ, rho).re, sz1, { atol: 1e-12 });
    const pmAvg = expectValue(ens.operators.sigmaPlusSigmaMinus, rho);
    expectClose([pmAvg.re, pmAvg.im], [pm.re, pm.im], { atol: 1e-12 });
    expectClose(expectValue(ens.operators.sigmaZSigmaZ, rho).re, zz, { atol: 1e-12 });
    // inverted spins lock in phase: a positive correlation
    expect(pm.re).toBeGreaterThan(0);
    // S+S− = Σ_{i,j} σ+_iσ−_j = N(1 + s_z)/2 + N(N − 1)⟨σ+σ−⟩
    expectClose(expectValue(ens.operators.SplusSminus, rho).re, 2 * (1 + sz1) + 12 * pm.re, { atol: 1e-12 });
  });

  it('refuses bad parameters by name', () => {
    expect(() => spinEnsemble({ N: 1, V: 1, gammaPlus: 1, gammaMinus: 1 })).toThrow(/'N'.*≥ 2, got 1/);
    expect(() => spinEnsemble({ N: 2.5, V: 1, gammaPlus: 1, gammaMinus: 1 })).toThrow(/'N' must be an integer, got 2.5/);
    expect(() => spinEnsemble({ N: 11, V: 1, gammaPlus: 1, gammaMinus: 1 })).toThrow(/'N'.*≤ 10, got 11/);
    expect(() => spinEnsemble({ N: 3, V: -1, gammaPlus: 1, gammaMinus: 1 })).toThrow(/'V'.*≥ 0, got -1/);
    expect(() => spinEnsemble({ N: 3, V: 1, gammaPlus: 0, gammaMinus: 0 })).toThrow(/gammaPlus \+ gammaMinus must be > 0/);
  });
});
