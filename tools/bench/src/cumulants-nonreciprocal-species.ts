import { operatorAlgebra, type GroupSystem } from '@qsync/cumulants';

// The bench's copy of the (6.1) build in libs/cumulants/src/test-support/thesis-models.ts (a
// library's test support is not public): both copies' order-2 equations must equal
// test/fixtures/cumulants-nonreciprocal-order2.txt, checked by the spec beside each.

/**
 * The two nonreciprocally coupled spin species of thesis Eq. (6.1) with na and nb explicit
 * members: H0 = δ(Sz_A − Sz_B)/4, H_inter = i(V−/2N)S+_A S−_B + H.c., (V+/N)(D[S−_A, S−_B] +
 * D[S−_B, S−_A]) (6.3), (V/N)(D[S−_A] + D[S−_B]), gain γ+ on every spin; sizes N_A, N_B.
 *
 * @example
 * const sys = nonreciprocalSpecies([3, 3]);
 * sys.groups; // [[0, 1, 2], [3, 4, 5]]
 */
export function nonreciprocalSpecies([na, nb]: readonly number[]): GroupSystem {
  const sites = [
    ...Array.from({ length: na }, (_, i) => ({ kind: 'spin' as const, name: `A${i + 1}` })),
    ...Array.from({ length: nb }, (_, i) => ({ kind: 'spin' as const, name: `B${i + 1}` })),
  ];
  const alg = operatorAlgebra({ sites, parameters: ['delta', 'VmN', 'VpN', 'VN', 'gp', 'NA', 'NB'] });
  const A = Array.from({ length: na }, (_, i) => i);
  const B = Array.from({ length: nb }, (_, i) => na + i);
  const S = (idx: number[]) => alg.sum(idx.map((i) => alg.sigmaMinus(i)));
  const Z = (idx: number[]) => alg.sum(idx.map((i) => alg.sigmaZ(i)));
  const inter = S(A).dagger().times(S(B)).times({ re: 0, im: 0.5 }).times(alg.parameter('VmN'));
  return {
    model: {
      hamiltonian: alg.parameter('delta').times(Z(A).minus(Z(B))).times(0.25).plus(inter).plus(inter.dagger()),
      dissipators: [
        { rate: 'VpN', jump: S(A), jump2: S(B) },
        { rate: 'VpN', jump: S(B), jump2: S(A) },
        { rate: 'VN', jump: S(A) },
        { rate: 'VN', jump: S(B) },
        ...[...A, ...B].map((i) => ({ rate: 'gp', jump: alg.sigmaPlus(i) })),
      ],
    },
    moments: [alg.sigmaZ(0), alg.sigmaZ(na)],
    groups: [A, B],
  };
}
