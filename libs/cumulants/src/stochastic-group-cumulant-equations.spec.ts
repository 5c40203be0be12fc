import { describe, expect as vexpect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { compileCumulantDiffusion } from './compile-cumulant-diffusion';
import { compileCumulantRhs } from './compile-cumulant-rhs';
import type { GroupCumulantEquations, GroupSystem } from './group-cumulant-equations';
import { operatorAlgebra } from './operator-algebra';
import type { OperatorExpression } from './operator-expression';
import { stochasticCumulantEquations } from './stochastic-cumulant-equations';
import { stochasticGroupCumulantEquations } from './stochastic-group-cumulant-equations';

// The measurement terms for groups of identical spins against the explicit derivation: a cavity
// and n spins (H = Ω(a†S− + aS+) + (Δ/2)Σσz, κD[a] monitored, spin gain and loss). At a point
// where all members are equal (explicit moments set from the class values), the explicit
// stochasticCumulantEquations with n = 3 members (outside the sizes 4…7 the classes are derived
// from) must give, for every explicit moment, the drift and the diffusion of its class (1e-12).

function cavity([n]: readonly number[]): GroupSystem {
  const alg = operatorAlgebra({
    sites: [{ kind: 'boson', name: 'a' }, ...Array.from({ length: n }, (_, i) => ({ kind: 'spin' as const, name: String(i + 1) }))],
    parameters: ['Omega', 'Delta', 'kappa', 'gp', 'gm', 'xi', 'N'],
  });
  const spins = Array.from({ length: n }, (_, i) => 1 + i);
  const sMinus = alg.sum(spins.map((i) => alg.sigmaMinus(i)));
  const coupling = alg.create(0).times(sMinus);
  return {
    model: {
      hamiltonian: alg.parameter('Omega').times(coupling.plus(coupling.dagger())).plus(alg.parameter('Delta').times(alg.sum(spins.map((i) => alg.sigmaZ(i)))).times(0.5)),
      dissipators: [
        { rate: 'kappa', jump: alg.destroy(0) },
        ...spins.map((i) => ({ rate: 'gp', jump: alg.sigmaPlus(i) })),
        ...spins.map((i) => ({ rate: 'gm', jump: alg.sigmaMinus(i) })),
      ],
    },
    moments: [alg.destroy(0), alg.sigmaZ(1)],
    groups: [spins],
  };
}

describe('stochasticGroupCumulantEquations: classes of identical spins equal the explicit derivation at symmetric points', () => {
  for (const measurement of [{ dissipator: 0, efficiency: 'xi', phase: 0.4 }, { dissipator: 0, efficiency: 'xi', kind: 'heterodyne' as const }]) {
    it(`order 2, ${measurement.kind ?? 'homodyne'}: n = 3 explicit spins against the classes at N = 3`, () => {
      const group = stochasticGroupCumulantEquations(cavity, { order: 2, sizes: ['N'], measurements: [measurement] }) as ReturnType<typeof stochasticGroupCumulantEquations> & GroupCumulantEquations;
      const sys = cavity([3]);
      const explicit = stochasticCumulantEquations(sys.model, { moments: sys.moments, order: 2, measurements: [measurement] });
      const rng = createRng(5);
      const yc = Float64Array.from({ length: group.size }, () => rng.uniform() - 0.5);
      const p = Float64Array.of(0.7, 0.3, 1.2, 0.5, 0.2, 0.8, 3);
      const table = group.moments[0].operator.context.table;
      const source = sys.model.hamiltonian.context.table;
      // an explicit monomial in the group algebra (same site indices for the mode and members 1…3)
      const idInGroup = (o: OperatorExpression) => {
        const atoms = source.atoms(o.terms.keys().next().value as number);
        return table.fromAtoms(atoms, Array.from({ length: atoms.length / 2 }, (_, j) => j));
      };
      const ye = new Float64Array(explicit.size);
      for (const m of explicit.moments) {
        const c = group.classOf(idInGroup(m.operator));
        if (c === undefined) throw new Error(`no class for ${m.name}`);
        const v = group.moments[c.index];
        ye[m.offset] = yc[v.offset];
        if (!m.real) ye[m.offset + 1] = v.real ? 0 : (c.conj ? -1 : 1) * yc[v.offset + 1];
      }
      const compare = (fe: (o: Float64Array, y: Float64Array, t: number, p: Float64Array) => void, fg: typeof fe) => {
        const oe = new Float64Array(explicit.size);
        const og = new Float64Array(group.size);
        fe(oe, ye, 0, p);
        fg(og, yc, 0, p);
        const want = new Float64Array(explicit.size);
        for (const m of explicit.moments) {
          const c = group.classOf(idInGroup(m.operator)) as { index: number; conj: boolean };
          const v = group.moments[c.index];
          want[m.offset] = og[v.offset];
          if (!m.real) want[m.offset + 1] = v.real ? 0 : (c.conj ? -1 : 1) * og[v.offset + 1];
        }
        expectClose(oe, want, { atol: 1e-12 });
        return Math.max(...oe.map(Math.abs));
      };
      vexpect(compare(compileCumulantRhs(explicit), compileCumulantRhs(group))).toBeGreaterThan(0.1);
      const de = compileCumulantDiffusion(explicit);
      const dg = compileCumulantDiffusion(group);
      vexpect(dg.length).toBe(de.length);
      de.forEach((d, n) => vexpect(compare(d, dg[n])).toBeGreaterThan(0.01));
    });
  }

  // App. 6.E: the cavity of (6.23) with two species of N spins (coupling (Ω/2)(a†S− + aS+),
  // detuning δ, coherent V− exchange, gain), κD[a] monitored by heterodyne, order 2: 26 classes
  // (the thesis says 27), and d⟨a⟩ as derived from (6.34) (the printed (6.35) has +iNΩ/2⟨σ+⟩).
  it('(6.23) with two groups of symbolic size N: 26 classes, d⟨a⟩ = −κ/2⟨a⟩ − iNΩ/2(⟨σ−_A⟩ + ⟨σ−_B⟩) and its noise', () => {
    const species = ([na, nb]: readonly number[]): GroupSystem => {
      const sites = [
        { kind: 'boson' as const, name: 'a' },
        ...Array.from({ length: na }, (_, i) => ({ kind: 'spin' as const, name: `A${i + 1}` })),
        ...Array.from({ length: nb }, (_, i) => ({ kind: 'spin' as const, name: `B${i + 1}` })),
      ];
      const alg = operatorAlgebra({ sites, parameters: ['Omega', 'kappa', 'delta', 'VmN', 'gp', 'N'] });
      const A = Array.from({ length: na }, (_, i) => 1 + i);
      const B = Array.from({ length: nb }, (_, i) => 1 + na + i);
      const S = (idx: number[]) => alg.sum(idx.map((i) => alg.sigmaMinus(i)));
      const Z = (idx: number[]) => alg.sum(idx.map((i) => alg.sigmaZ(i)));
      const all = S([...A, ...B]);
      const inter = S(A).dagger().times(S(B)).times({ re: 0, im: 0.5 }).times(alg.parameter('VmN'));
      const hamiltonian = alg.parameter('Omega').times(alg.create(0).times(all).plus(alg.destroy(0).times(all.dagger()))).times(0.5)
        .plus(alg.parameter('delta').times(Z(A).minus(Z(B))).times(0.25)).plus(inter).plus(inter.dagger());
      return {
        model: { hamiltonian, dissipators: [{ rate: 'kappa', jump: alg.destroy(0) }, ...[...A, ...B].map((i) => ({ rate: 'gp', jump: alg.sigmaPlus(i) }))] },
        moments: [alg.destroy(0), alg.sigmaZ(1), alg.sigmaZ(1 + na)],
        groups: [A, B],
      };
    };
    const eqs = stochasticGroupCumulantEquations(species, { order: 2, sizes: ['N', 'N'], measurements: [{ dissipator: 0, kind: 'heterodyne' }] });
    vexpect(eqs.moments.length).toBe(26);
    vexpect(eqs.toText().split('\n')[0]).toBe('d⟨a⟩/dt = -0.5·kappa·⟨a⟩ - 0.5i·Omega·N·⟨σ−_A1⟩ - 0.5i·Omega·N·⟨σ−_B1⟩');
    vexpect(eqs.noiseText().split('\n')[0]).toBe('dW_0x: d⟨a⟩ ∋ √(0.5·kappa·1)·(⟨a†a⟩ + ⟨a^2⟩ - ⟨a⟩⟨a⟩ - ⟨a†⟩⟨a⟩)');
  });

  it('refuses a monitored jump on a group member', () => {
    const gain = (sizes: readonly number[]) => cavity(sizes);
    vexpect(() => stochasticGroupCumulantEquations(gain, { order: 2, sizes: ['N'], measurements: [{ dissipator: 1 }] })).toThrow(/monitors a jump on a group member/);
  });

  it('refuses u1, naming the monitored jump and its phase charge', () => {
    vexpect(() => stochasticGroupCumulantEquations(cavity, { order: 2, sizes: ['N'], u1: true, measurements: [{ dissipator: 0 }] } as never)).toThrow(
      /stochasticGroupCumulantEquations: config.u1 must not be set: config.measurements\[0\] monitors a \(model.dissipators\[0\]\) of phase charge -1 — /,
    );
  });
});
