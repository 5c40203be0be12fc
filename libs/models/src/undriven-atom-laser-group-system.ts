import { operatorAlgebra, type GroupSystem, type OperatorAlgebra } from '@qsync/cumulants';

/** The parameters of the symbolic equations, in the order of the compiled right-hand side's `p`. */
export const undrivenAtomLaserCumulantParameters = ['Omega', 'kappa', 'gammaPlus', 'gammaMinus', 'gammaZ', 'detuning', 'Nd', 'Nud'] as const;

/** The laser (7.1) with explicit members, as `groupCumulantEquations` builds it, and its algebra. */
export interface UndrivenAtomLaserGroupSystem extends GroupSystem {
  /** Sites: the mode 'a' (index 0), driven atoms 'd1' … 'd<nd>', undriven 'u1' … 'u<nud>'. */
  readonly alg: OperatorAlgebra;
}

/**
 * The laser with nd driven and nud undriven atoms, thesis Eqs. (7.1) and (7.18), written in the
 * operator algebra of @qsync/cumulants for `groupCumulantEquations` and
 * `groupCorrelationEquations` (groups [driven, undriven], sizes 'Nd', 'Nud'):
 * H = (ωc − ωs)a†a + Ω(a†S− + aS+), κD[a] + γ+Σ_d D[σ+_d] + Σ_all (γ− D[σ−] + (γz/2) D[σz]).
 * Parameters (symbolic) in the order of {@link undrivenAtomLaserCumulantParameters}. The
 * moments to start from are s^z_d, s^z_ud and ⟨a†a⟩.
 *
 * @example
 * const s = undrivenAtomLaserGroupSystem([2, 1]);
 * s.groups; // [[1, 2], [3]]
 * s.alg.sites.map((x) => x.name); // ['a', 'd1', 'd2', 'u1']
 */
export function undrivenAtomLaserGroupSystem([nd, nud]: readonly number[]): UndrivenAtomLaserGroupSystem {
  if (!Number.isInteger(nd) || !Number.isInteger(nud) || nd < 1 || nud < 1) {
    throw new Error(`undrivenAtomLaserGroupSystem: sizes must be two integers ≥ 1 (driven, undriven), got ${String(nd)}, ${String(nud)}`);
  }
  const sites = [
    { kind: 'boson' as const, name: 'a' },
    ...Array.from({ length: nd }, (_, i) => ({ kind: 'spin' as const, name: `d${i + 1}` })),
    ...Array.from({ length: nud }, (_, i) => ({ kind: 'spin' as const, name: `u${i + 1}` })),
  ];
  const alg = operatorAlgebra({ sites, parameters: [...undrivenAtomLaserCumulantParameters] });
  const d = Array.from({ length: nd }, (_, i) => 1 + i);
  const u = Array.from({ length: nud }, (_, i) => 1 + nd + i);
  const all = [...d, ...u];
  const a = alg.destroy(0);
  const coupling = alg.create(0).times(alg.sum(all.map((i) => alg.sigmaMinus(i))));
  return {
    alg,
    model: {
      hamiltonian: alg
        .parameter('Omega')
        .times(coupling.plus(coupling.dagger()))
        .plus(alg.parameter('detuning').times(alg.create(0).times(a))),
      dissipators: [
        { rate: 'kappa', jump: a },
        ...d.map((i) => ({ rate: 'gammaPlus', jump: alg.sigmaPlus(i) })),
        ...all.map((i) => ({ rate: 'gammaMinus', jump: alg.sigmaMinus(i) })),
        ...all.map((i) => ({ rate: alg.parameter('gammaZ').times(0.5), jump: alg.sigmaZ(i) })),
      ],
    },
    moments: [alg.sigmaZ(1), alg.sigmaZ(1 + nd), alg.create(0).times(a)],
    groups: [d, u],
  };
}
