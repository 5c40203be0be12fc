import { describe, expect as vexpect, it } from 'vitest';
import { denseZeros } from '@qsync/linalg';
import {
  applyLindbladianInto,
  coherentKet,
  expect,
  fockSpace,
  lindbladian,
  pureState,
  tensorState,
  type DensityMatrix,
} from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { compileCumulantRhs } from './compile-cumulant-rhs';
import { cumulantEquations } from './cumulant-equations';
import { momentsOf } from './moments-of';
import { operatorAlgebra } from './operator-algebra';
import { toOperator } from './to-operator';

// The truncation check for U(1)-symmetric models: on a phase-averaged product state (a
// coherent mode averaged over its phase ⊗ spins diagonal in σz) every U(1)-charged moment
// vanishes and the joint cumulants of order 3 and 5 that the order-2 and order-4 truncations drop
// vanish for phase-neutral products, so the U(1)-filtered right-hand sides equal Tr[O Lρ] (order 3
// too: a dropped cumulant always splits into independent sites here).
// The model: a laser with two spins, H = Δa†a + Σ_i (ω_i/2)σz_i + g Σ_i (a†σ−_i + aσ+_i), cavity
// loss κ, gain γ+ and loss γ− of each spin (the mode enters H and the jumps linearly, as in the
// thesis's lasers; a Kerr term or two-photon loss would bring in a†²a², whose fourth cumulant
// −|α|⁴ does not vanish in this state).
// Tolerance 1e-10: the phase average is a 64-point quadrature (exact for the charges |q| < 64 that
// occur), the Fock cutoff 26 leaves ~1e-25 of the coherent state.

const p = [0.4, -0.3, 0.5, 0.8, 0.7, 1.1, 0.35];

function phaseAveragedCoherent(cutoff: number, r: number): DensityMatrix {
  const n = 64;
  const f = fockSpace(cutoff);
  const acc = denseZeros(cutoff, cutoff);
  for (let k = 0; k < n; k++) {
    const phi = (2 * Math.PI * k) / n;
    const rho = pureState(coherentKet(f, { re: r * Math.cos(phi), im: r * Math.sin(phi) })).matrix;
    for (let j = 0; j < acc.data.length; j++) acc.data[j] += rho.data[j] / n;
  }
  return { dims: [cutoff], matrix: acc };
}

function diagonalSpin(up: number): DensityMatrix {
  const m = denseZeros(2, 2);
  m.data[0] = 1 - up; // |0⟩⟨0|
  m.data[6] = up; // |1⟩⟨1|
  return { dims: [2], matrix: m };
}

describe('cumulantEquations with u1: exact on phase-averaged product states at orders 2, 3 and 4', () => {
  const alg = operatorAlgebra({
    sites: [{ kind: 'boson', name: 'a' }, { kind: 'spin', name: '1' }, { kind: 'spin', name: '2' }],
    parameters: ['Delta', 'w1', 'w2', 'g', 'kappa', 'gp', 'gm'],
  });
  const par = (n: string) => alg.parameter(n);
  const a = alg.destroy(0);
  const ad = alg.create(0);
  const hamiltonian = alg.sum([
    par('Delta').times(ad.times(a)),
    par('w1').times(alg.sigmaZ(1)).times(0.5),
    par('w2').times(alg.sigmaZ(2)).times(0.5),
    par('g').times(alg.sum([1, 2].map((i) => ad.times(alg.sigmaMinus(i)).plus(a.times(alg.sigmaPlus(i)))))),
  ]);
  const dissipators = [
    { rate: 'kappa', jump: a },
    ...[1, 2].flatMap((i) => [
      { rate: 'gp', jump: alg.sigmaPlus(i) },
      { rate: 'gm', jump: alg.sigmaMinus(i) },
    ]),
  ];
  const model = { hamiltonian, dissipators };
  const cutoff = 26;
  const rho = tensorState(phaseAveragedCoherent(cutoff, 0.8), diagonalSpin(0.3), diagonalSpin(0.85));
  const dims = rho.dims;
  const l = lindbladian(
    toOperator(hamiltonian, dims, p),
    dissipators.map((d) => ({ rate: p[alg.parameters.indexOf(d.rate)], jump: toOperator(d.jump, dims) })),
  );
  const n = rho.matrix.rows;
  const lr = { dims, matrix: applyLindbladianInto(denseZeros(n, n), l, rho.matrix) };

  for (const order of [2, 3, 4]) {
    it(`order ${order}`, () => {
      const eqs = cumulantEquations(model, { moments: [ad.times(a), alg.sigmaZ(1)], order, u1: true });
      const y = momentsOf(eqs, rho);
      const out = new Float64Array(eqs.size);
      compileCumulantRhs(eqs)(out, y, 0, Float64Array.from(p));
      const got: number[] = [];
      const want: number[] = [];
      for (const m of eqs.moments) {
        const v = expect(toOperator(m.operator, dims), lr);
        got.push(out[m.offset], m.real ? 0 : out[m.offset + 1]);
        want.push(v.re, m.real ? 0 : v.im);
      }
      expectClose(got, want, { atol: 1e-10 });
      vexpect(eqs.moments.every((m) => m.operator.context.table.charges[m.operator.terms.keys().next().value as number] === 0)).toBe(true);
    });
  }

  it('with two-photon loss the order-2 truncation is not exact there: ⟨a†²a²⟩ → 2⟨a†a⟩² against |α|⁴ (the check can fail)', () => {
    const lossy = { hamiltonian, dissipators: [...dissipators, { rate: 'kappa', jump: a.times(a) }] };
    const eqs = cumulantEquations(lossy, { moments: [ad.times(a)], order: 2, u1: true });
    const y = momentsOf(eqs, rho);
    const out = new Float64Array(eqs.size);
    compileCumulantRhs(eqs)(out, y, 0, Float64Array.from(p));
    const l2 = lindbladian(l.hamiltonian, [...l.dissipators, { rate: p[4], jump: toOperator(a.times(a), dims) }]);
    const exact = expect(toOperator(ad.times(a), dims), { dims, matrix: applyLindbladianInto(denseZeros(n, n), l2, rho.matrix) }).re;
    const m = eqs.moments.find((x) => x.name === 'a†a') as { offset: number };
    // d⟨a†a⟩/dt from κ2D[a²] is −2κ2⟨a†²a²⟩: the truncation gives −2κ2·2⟨a†a⟩², the state |α|⁴
    expectClose(out[m.offset] - exact, -2 * p[4] * 0.8 ** 4, { rtol: 1e-9 });
  });
});
