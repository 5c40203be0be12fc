import { describe, expect, it } from 'vitest';
import { compileCumulantRhs, groupCumulantEquations, operatorAlgebra } from '@qsync/cumulants';
import { createRng } from '@qsync/linalg';
import { spinEnsembleCumulants } from '@qsync/models';
import { expectClose } from '@qsync/testing';

// The hand-written second-order equations (4.58) of @qsync/models against the cumulant engine's
// derivation from the master equation (4.52) (groups of identical spins of symbolic size N, order
// 2, U(1) filter): the same three moments, equal right-hand sides at random points. Tolerance:
// both sides sum O(10) terms of O(V) numbers, so 1e-12·(1 + V) absolute.

describe('spinEnsembleCumulants (models) equals the cumulant engine on (4.52)', () => {
  const build = ([n]: readonly number[]) => {
    const alg = operatorAlgebra({
      sites: Array.from({ length: n }, (_, i) => ({ kind: 'spin' as const, name: String(i + 1) })),
      parameters: ['VN', 'gp', 'gm', 'N'],
    });
    const sMinus = alg.sum(Array.from({ length: n }, (_, i) => alg.sigmaMinus(i)));
    const local = Array.from({ length: n }, (_, i) => [
      { rate: 'gp', jump: alg.sigmaPlus(i) },
      { rate: 'gm', jump: alg.sigmaMinus(i) },
    ]).flat();
    return {
      model: { hamiltonian: alg.scalar(0), dissipators: [{ rate: 'VN', jump: sMinus }, ...local] },
      moments: [alg.sigmaZ(0)],
      groups: [Array.from({ length: n }, (_, i) => i)],
    };
  };
  const eqs = groupCumulantEquations(build, { order: 2, u1: true, sizes: ['N'] });
  const rhs = compileCumulantRhs(eqs);

  it('the moments are s_z, ⟨σ+σ−⟩, ⟨σzσz⟩ in the order of the model', () => {
    expect(eqs.moments.map((m) => m.name)).toEqual(['σz_1', 'σ+_1σ−_2', 'σz_1σz_2']);
  });

  it('right-hand sides agree at random points, N = 2 … 10⁶', () => {
    const rng = createRng(4);
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    for (const N of [2, 3, 7, 100, 1e6]) {
      for (let k = 0; k < 5; k++) {
        const V = 30 * rng.uniform();
        const gammaPlus = 10 * rng.uniform();
        const gammaMinus = 2 * rng.uniform();
        const y = Float64Array.of(2 * rng.uniform() - 1, 0.25 * rng.uniform(), 2 * rng.uniform() - 1);
        spinEnsembleCumulants({ N, V, gammaPlus, gammaMinus }).rhs(a, y, 0);
        rhs(b, y, 0, Float64Array.of(V / N, gammaPlus, gammaMinus, N));
        expectClose(b, a, { atol: 1e-12 * (1 + V), rtol: 1e-12 });
      }
    }
  });
});
