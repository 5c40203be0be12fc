import type { GroupSystem } from '../group-cumulant-equations';
import { operatorAlgebra } from '../operator-algebra';

// The thesis's three U(1)-symmetric models with explicit members, as groupCumulantEquations'
// builds (test-only; libs/models owns the models themselves).

/** (4.52): (V/N)D[S−] + Σ_i (γ+D[σ+_i] + γ−D[σ−_i]); parameters VN, gp, gm, N. Numbers for the rates are allowed. */
export function spinEnsemble([n]: readonly number[], rates: { VN?: number; gp?: number; gm?: number } = {}): GroupSystem {
  const alg = operatorAlgebra({
    sites: Array.from({ length: n }, (_, i) => ({ kind: 'spin' as const, name: String(i + 1) })),
    parameters: ['VN', 'gp', 'gm', 'N'],
  });
  const sMinus = alg.sum(Array.from({ length: n }, (_, i) => alg.sigmaMinus(i)));
  const local = Array.from({ length: n }, (_, i) => [
    { rate: rates.gp ?? 'gp', jump: alg.sigmaPlus(i) },
    { rate: rates.gm ?? 'gm', jump: alg.sigmaMinus(i) },
  ]).flat();
  return {
    model: { hamiltonian: alg.scalar(0), dissipators: [{ rate: rates.VN ?? 'VN', jump: sMinus }, ...local] },
    moments: [alg.sigmaZ(0)],
    groups: [Array.from({ length: n }, (_, i) => i)],
  };
}

/**
 * (6.1): H0 = δ(Sz_A − Sz_B)/4, H_inter = i(V−/2N)S+_A S−_B + H.c., (V+/N)(D[S−_A, S−_B] +
 * D[S−_B, S−_A]), (V/N)(D[S−_A] + D[S−_B]), γ+ on every spin; parameters delta, VmN, VpN, VN, gp, NA, NB.
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
 * (7.1): H = Ω(a†S− + aS+), κD[a], γ+D[σ+] on the nd driven spins, γ−D[σ−] and (γz/2)D[σz] on
 * all; parameters Omega, kappa, gp, gm, gz, Nd, Nud.
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
