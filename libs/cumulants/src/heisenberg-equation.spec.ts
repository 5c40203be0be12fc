import { describe, expect as vexpect, it } from 'vitest';
import { denseZeros } from '@qsync/linalg';
import {
  applyLindbladianInto,
  create,
  destroy,
  embed,
  expect,
  fockSpace,
  lindbladian,
  num,
  plus,
  power,
  scaled,
  sigmaMinus,
  sigmaPlus,
  sigmaX,
  sigmaY,
  sigmaZ,
  spinHalfSpace,
  tensorSpace,
  times,
  type DensityMatrix,
  type Dissipator,
  type Operator,
} from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { heisenbergEquation } from './heisenberg-equation';
import { operatorAlgebra } from './operator-algebra';
import type { OperatorExpression } from './operator-expression';
import { toOperator } from './to-operator';
import { randomDensityMatrix } from './test-support/random-density-matrix';

// Check (a): ⟨L†O⟩ from the symbolic Heisenberg equation, evaluated on a random density matrix,
// against Tr[O·Lρ] with L built by @qsync/operators' lindbladian from matrices made there (not
// from the symbolic expressions). No truncation is involved: this tests the operator algebra
// (normal order, one-site reductions, σx/σy rewriting) and the adjoint generator (3.9, 6.3).
// Tolerance: the values are O(10); the two sides add ~100 products of O(1) numbers, so 1e-12
// absolute is ~100 ulps of the largest terms.

function lindbladTrace(l: ReturnType<typeof lindbladian>, rho: DensityMatrix, o: Operator): { re: number; im: number } {
  const n = rho.matrix.rows;
  const lr = applyLindbladianInto(denseZeros(n, n), l, rho.matrix);
  return expect(o, { dims: rho.dims, matrix: lr });
}

function allMonomials(factors: OperatorExpression[][], alg: { scalar(re: number): OperatorExpression }): OperatorExpression[] {
  // every product of one factor per site (identity included), except the identity itself
  let out: OperatorExpression[] = [alg.scalar(1)];
  for (const choices of factors) out = out.flatMap((m) => [m, ...choices.map((c) => m.times(c))]);
  return out.slice(1);
}

describe('heisenbergEquation: ⟨L†O⟩ = Tr[O Lρ] on random density matrices (untruncated)', () => {
  it('three spins: σx/σy fields, Ising and exchange couplings, loss, gain, dephasing, a collective jump and a cross dissipator', () => {
    const p = [0.7, -1.3, 0.4, 0.9, 0.35, 0.6, 0.25, -0.45, 0.8];
    const alg = operatorAlgebra({
      sites: [0, 1, 2].map((i) => ({ kind: 'spin' as const, name: String(i + 1) })),
      parameters: ['hx', 'J', 'g', 'Delta', 'gm', 'gp', 'gz', 'Vx', 'V'],
    });
    const par = (n: string) => alg.parameter(n);
    const hamiltonian = par('hx').times(alg.sigmaX(0))
      .plus(par('J').times(alg.sigmaZ(0)).times(alg.sigmaZ(1)))
      .plus(par('g').times(alg.sigmaPlus(1).times(alg.sigmaMinus(2)).plus(alg.sigmaPlus(2).times(alg.sigmaMinus(1)))))
      .plus(par('Delta').times(alg.sigmaY(2)));
    const sMinus = alg.sum([0, 1, 2].map((i) => alg.sigmaMinus(i)));
    const model = {
      hamiltonian,
      dissipators: [
        { rate: 'gm', jump: alg.sigmaMinus(0) },
        { rate: 'gp', jump: alg.sigmaPlus(1) },
        { rate: par('gz').times(0.5), jump: alg.sigmaZ(2) },
        { rate: 'V', jump: sMinus },
        { rate: 'Vx', jump: alg.sigmaMinus(0), jump2: alg.sigmaMinus(1).plus(alg.sigmaZ(2)) },
      ],
    };
    // the same model, built from @qsync/operators' matrices
    const space = tensorSpace(spinHalfSpace(), spinHalfSpace(), spinHalfSpace());
    const s = spinHalfSpace();
    const at = (op: Operator, i: number) => embed(op, space, i);
    const h = [
      scaled(at(sigmaX(s), 0), p[0]),
      scaled(times(at(sigmaZ(s), 0), at(sigmaZ(s), 1)), p[1]),
      scaled(plus(times(at(sigmaPlus(s), 1), at(sigmaMinus(s), 2)), times(at(sigmaPlus(s), 2), at(sigmaMinus(s), 1))), p[2]),
      scaled(at(sigmaY(s), 2), p[3]),
    ].reduce(plus);
    const sm = [0, 1, 2].map((i) => at(sigmaMinus(s), i)).reduce(plus);
    const dissipators: Dissipator[] = [
      { rate: p[4], jump: at(sigmaMinus(s), 0) },
      { rate: p[5], jump: at(sigmaPlus(s), 1) },
      { rate: p[6] / 2, jump: at(sigmaZ(s), 2) },
      { rate: p[8], jump: sm },
      { rate: p[7], jump: at(sigmaMinus(s), 0), jump2: plus(at(sigmaMinus(s), 1), at(sigmaZ(s), 2)) },
    ];
    const l = lindbladian(h, dissipators);
    const rho = randomDensityMatrix([2, 2, 2], 12);
    const site = (i: number) => [alg.sigmaPlus(i), alg.sigmaMinus(i), alg.sigmaZ(i)];
    const moments = allMonomials([site(0), site(1), site(2)], alg);
    vexpect(moments.length).toBe(63);
    let worst = 0;
    for (const o of moments) {
      const got = expect(toOperator(heisenbergEquation(model, o), [2, 2, 2], p), rho);
      const want = lindbladTrace(l, rho, toOperator(o, [2, 2, 2]));
      expectClose([got.re, got.im], [want.re, want.im], { atol: 1e-12 });
      worst = Math.max(worst, Math.abs(got.re - want.re), Math.abs(got.im - want.im));
    }
    vexpect(worst).toBeLessThan(1e-12);
  });

  it('a mode and a spin: detuning, drive, Kerr, Jaynes–Cummings coupling, loss, gain, two-photon loss, spin decay', () => {
    const p = [0.8, 0.3, -0.25, 0.6, 0.5, 0.2, 0.7, 0.9];
    const alg = operatorAlgebra({
      sites: [{ kind: 'boson', name: 'a' }, { kind: 'spin', name: '1' }],
      parameters: ['w', 'eta', 'K', 'g', 'kappa', 'kp', 'k2', 'gamma'],
    });
    const par = (n: string) => alg.parameter(n);
    const a = alg.destroy(0);
    const ad = alg.create(0);
    const hamiltonian = par('w').times(ad.times(a))
      .plus(par('eta').times(a.plus(ad)))
      .plus(par('K').times(ad.times(ad).times(a).times(a)))
      .plus(par('g').times(ad.times(alg.sigmaMinus(1)).plus(a.times(alg.sigmaPlus(1)))));
    const model = {
      hamiltonian,
      dissipators: [
        { rate: 'kappa', jump: a },
        { rate: 'kp', jump: ad },
        { rate: 'k2', jump: a.times(a) },
        { rate: 'gamma', jump: alg.sigmaMinus(1) },
      ],
    };
    const cutoff = 14;
    const f = fockSpace(cutoff);
    const s = spinHalfSpace();
    const space = tensorSpace(f, s);
    const A = embed(destroy(f), space, 0);
    const Ad = embed(create(f), space, 0);
    const h = [
      scaled(embed(num(f), space, 0), p[0]),
      scaled(plus(A, Ad), p[1]),
      scaled(times(times(Ad, Ad), times(A, A)), p[2]),
      scaled(plus(times(Ad, embed(sigmaMinus(s), space, 1)), times(A, embed(sigmaPlus(s), space, 1))), p[3]),
    ].reduce(plus);
    const l = lindbladian(h, [
      { rate: p[4], jump: A },
      { rate: p[5], jump: Ad },
      { rate: p[6], jump: embed(power(destroy(f), 2), space, 0) },
      { rate: p[7], jump: embed(sigmaMinus(s), space, 1) },
    ]);
    // ρ on Fock levels 0…3: every operator below raises the photon number by at most 8 < 14 − 3
    const rho = randomDensityMatrix([cutoff, 2], 5, [4, 2]);
    const modeFactors = [a, ad, ad.times(a), a.times(a), ad.times(ad).times(a), ad.times(ad).times(a).times(a)];
    const moments = allMonomials([modeFactors, [alg.sigmaPlus(1), alg.sigmaMinus(1), alg.sigmaZ(1)]], alg);
    let worst = 0;
    for (const o of moments) {
      const got = expect(toOperator(heisenbergEquation(model, o), [cutoff, 2], p), rho);
      const want = lindbladTrace(l, rho, toOperator(o, [cutoff, 2]));
      expectClose([got.re, got.im], [want.re, want.im], { atol: 1e-12 });
      worst = Math.max(worst, Math.abs(got.re - want.re), Math.abs(got.im - want.im));
    }
    vexpect(moments.length).toBe(27);
    vexpect(worst).toBeLessThan(1e-12);
  });

  it('refuses a non-Hermitian Hamiltonian and an operator of another algebra, naming them', () => {
    const alg = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }] });
    const other = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }] });
    vexpect(() => heisenbergEquation({ hamiltonian: alg.destroy(0) }, alg.destroy(0))).toThrow(/model.hamiltonian must be Hermitian/);
    vexpect(() => heisenbergEquation({ hamiltonian: alg.scalar(0) }, other.destroy(0))).toThrow(/argument 'o' must be an expression/);
    vexpect(() => heisenbergEquation({ hamiltonian: alg.scalar(0), dissipators: [{ rate: 'x', jump: alg.destroy(0) }] }, alg.destroy(0))).toThrow(/rate 'x' is not a parameter/);
  });
});
