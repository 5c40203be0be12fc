import { operatorAlgebra, type GroupSystem } from '@qsync/cumulants';

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

/**
 * The laser of thesis Eq. (7.1) with nd driven and nud undriven spins: H = Ω(a†S− + aS+), κD[a],
 * γ+ on the driven spins, γ−D[σ−] and (γz/2)D[σz] on all; sizes Nd, Nud.
 *
 * @example
 * const sys = undrivenLaser([2, 1]);
 * sys.groups; // [[1, 2], [3]]
 */
export function undrivenLaser([nd, nud]: readonly number[]): GroupSystem {
  const sites = [
    { kind: 'boson' as const, name: 'a' },
    ...Array.from({ length: nd }, (_, i) => ({ kind: 'spin' as const, name: `d${i + 1}` })),
    ...Array.from({ length: nud }, (_, i) => ({ kind: 'spin' as const, name: `u${i + 1}` })),
  ];
  const alg = operatorAlgebra({ sites, parameters: ['Omega', 'kappa', 'gp', 'gm', 'gz', 'Nd', 'Nud'] });
  const d = Array.from({ length: nd }, (_, i) => 1 + i);
  const u = Array.from({ length: nud }, (_, i) => 1 + nd + i);
  const all = [...d, ...u];
  const coupling = alg.create(0).times(alg.sum(all.map((i) => alg.sigmaMinus(i))));
  return {
    model: {
      hamiltonian: alg.parameter('Omega').times(coupling.plus(coupling.dagger())),
      dissipators: [
        { rate: 'kappa', jump: alg.destroy(0) },
        ...d.map((i) => ({ rate: 'gp', jump: alg.sigmaPlus(i) })),
        ...all.map((i) => ({ rate: 'gm', jump: alg.sigmaMinus(i) })),
        ...all.map((i) => ({ rate: alg.parameter('gz').times(0.5), jump: alg.sigmaZ(i) })),
      ],
    },
    moments: [alg.sigmaZ(1), alg.sigmaZ(1 + nd), alg.create(0).times(alg.destroy(0))],
    groups: [d, u],
  };
}
