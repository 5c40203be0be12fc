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
import { randomDensityMatrix } from './test-support/random-density-matrix';

// Check (b): on a product state whose mode is coherent, every joint cumulant of two or more
// atoms vanishes (different sites: independence; a and a† of one coherent mode: normal-ordered
// moments factorize, ⟨a†^m a^n⟩ = ᾱ^m α^n). So the truncated, completed, folded and compiled
// right-hand side at ANY order k must equal Tr[O Lρ] of the exact Liouvillian for every moment
// variable O. A wrong expansion coefficient, a lost conjugation or a misplaced slot breaks it.
// Tolerance 1e-10: the Fock cutoff 24 leaves a coherent tail ~1e-24; the sums have ~1e3
// terms of O(1).

const p = [0.7, -0.4, 0.9, 0.3, 0.5, -0.25, 0.6, 0.35, 0.2, 0.15, 0.45, 0.3];
function model() {
  const alg = operatorAlgebra({
    sites: [{ kind: 'boson', name: 'a' }, { kind: 'spin', name: '1' }, { kind: 'spin', name: '2' }],
    parameters: ['w', 'Delta', 'g', 'eta', 'J', 'K', 'kappa', 'gm', 'gp', 'gz', 'k2', 'Vx'],
  });
  const par = (n: string) => alg.parameter(n);
  const a = alg.destroy(0);
  const ad = alg.create(0);
  const jc = [1, 2].map((i) => ad.times(alg.sigmaMinus(i)).plus(a.times(alg.sigmaPlus(i))));
  const hamiltonian = alg.sum([
    par('w').times(ad.times(a)),
    par('Delta').times(alg.sigmaZ(1).minus(alg.sigmaZ(2))).times(0.5),
    par('g').times(jc[0].plus(jc[1])),
    par('eta').times(a.plus(ad)),
    par('J').times(alg.sigmaX(1)).times(alg.sigmaY(2)).plus(par('J').times(alg.sigmaY(2)).times(alg.sigmaX(1))).times(0.5),
    par('K').times(ad.times(ad).times(a).times(a)),
  ]);
  const dissipators = [
    { rate: 'kappa', jump: a },
    { rate: 'gm', jump: alg.sigmaMinus(1) },
    { rate: 'gp', jump: alg.sigmaPlus(2) },
    { rate: 'gz', jump: alg.sigmaZ(1) },
    { rate: 'k2', jump: a.times(a) },
    { rate: 'Vx', jump: alg.sigmaMinus(1), jump2: alg.sigmaMinus(2) },
    { rate: 'Vx', jump: alg.sigmaMinus(2), jump2: alg.sigmaMinus(1) },
  ];
  return { alg, model: { hamiltonian, dissipators } };
}

function exactRates(m: ReturnType<typeof model>, rho: DensityMatrix, moments: readonly { operator: Parameters<typeof toOperator>[0] }[]) {
  const dims = rho.dims;
  const l = lindbladian(
    toOperator(m.model.hamiltonian, dims, p),
    m.model.dissipators.map((d) => ({
      rate: p[m.alg.parameters.indexOf(d.rate)],
      jump: toOperator(d.jump, dims),
      ...(d.jump2 !== undefined ? { jump2: toOperator(d.jump2, dims) } : {}),
    })),
  );
  const n = rho.matrix.rows;
  const lr = { dims, matrix: applyLindbladianInto(denseZeros(n, n), l, rho.matrix) };
  return moments.map((o) => expect(toOperator(o.operator, dims), lr));
}

describe('cumulantEquations: truncated right-hand sides equal Tr[O Lρ] where the cumulants vanish', () => {
  const m = model();
  const cutoff = 24;
  const rho = tensorState(
    pureState(coherentKet(fockSpace(cutoff), { re: 0.55, im: -0.3 })),
    randomDensityMatrix([2], 3),
    randomDensityMatrix([2], 4),
  );
  for (const order of [1, 2, 3, 4]) {
    it(`order ${order}: coherent mode ⊗ two random spins, every moment of the closed system`, () => {
      const eqs = cumulantEquations(m.model, { moments: [m.alg.destroy(0), m.alg.sigmaZ(1)], order });
      const y = momentsOf(eqs, rho);
      const out = new Float64Array(eqs.size);
      compileCumulantRhs(eqs)(out, y, 0, Float64Array.from(p));
      const want = exactRates(m, rho, eqs.moments);
      const got = new Float64Array(eqs.size);
      const ref = new Float64Array(eqs.size);
      eqs.moments.forEach((v, i) => {
        got[v.offset] = out[v.offset];
        ref[v.offset] = want[i].re;
        if (!v.real) {
          got[v.offset + 1] = out[v.offset + 1];
          ref[v.offset + 1] = want[i].im;
        } else vexpect(Math.abs(want[i].im)).toBeLessThan(1e-12);
      });
      expectClose(got, ref, { atol: 1e-10 });
      // the system is closed at this order: every moment of order ≤ k appears at most once up to conjugation
      vexpect(Math.max(...eqs.moments.map((v) => v.order))).toBe(order);
    });
  }

  it('value(): a moment beyond the order is its cumulant expansion, exact on this state', () => {
    const eqs = cumulantEquations(m.model, { moments: [m.alg.destroy(0), m.alg.sigmaZ(1)], order: 2 });
    const y = momentsOf(eqs, rho);
    const o = m.alg.create(0).times(m.alg.destroy(0)).times(m.alg.sigmaPlus(1)).times(m.alg.sigmaZ(2));
    const got = eqs.value(y, o);
    const want = expect(toOperator(o, rho.dims), rho);
    expectClose([got.re, got.im], [want.re, want.im], { atol: 1e-12 });
  });

  it('is not exact where cumulants do not vanish: a random entangled state differs at order 2 (the check can fail)', () => {
    const eqs = cumulantEquations(m.model, { moments: [m.alg.destroy(0), m.alg.sigmaZ(1)], order: 2 });
    const r = randomDensityMatrix([cutoff, 2, 2], 9, [4, 2, 2]);
    const y = momentsOf(eqs, r);
    const out = new Float64Array(eqs.size);
    compileCumulantRhs(eqs)(out, y, 0, Float64Array.from(p));
    const want = exactRates(m, r, eqs.moments);
    const worst = Math.max(...eqs.moments.map((v, i) => Math.abs(out[v.offset] - want[i].re)));
    vexpect(worst).toBeGreaterThan(1e-3);
  });
});

describe('cumulantEquations: the spin ensemble (4.52) at order 2 with the U(1) filter gives the printed (4.58)', () => {
  // N explicit spins; at a permutation-symmetric point (s_z, ⟨σ+_iσ−_j⟩ = c real, ⟨σz_iσz_j⟩ = q) the
  // derived right-hand sides of ⟨σz_1⟩, ⟨σ+_1σ−_2⟩, ⟨σz_1σz_2⟩ must equal Eq. (4.58) as printed.
  for (const n of [3, 4, 5]) {
    it(`N = ${n}`, () => {
      const alg = operatorAlgebra({
        sites: Array.from({ length: n }, (_, i) => ({ kind: 'spin' as const, name: String(i + 1) })),
        parameters: ['VN', 'gp', 'gm'],
      });
      const sMinus = alg.sum(Array.from({ length: n }, (_, i) => alg.sigmaMinus(i)));
      const dissipators = [
        { rate: 'VN', jump: sMinus },
        ...Array.from({ length: n }, (_, i) => [
          { rate: 'gp', jump: alg.sigmaPlus(i) },
          { rate: 'gm', jump: alg.sigmaMinus(i) },
        ]).flat(),
      ];
      const eqs = cumulantEquations({ hamiltonian: alg.scalar(0), dissipators }, { moments: [alg.sigmaZ(0)], order: 2, u1: true });
      // s_z of n sites, ⟨σ+_iσ−_j⟩ (i < j; the σ−_iσ+_j partners are folded), ⟨σz_iσz_j⟩
      vexpect(eqs.moments.length).toBe(n + n * (n - 1));
      const rhs = compileCumulantRhs(eqs);
      for (const [V, gp, gm, sz, c, q] of [
        [2.2, 1, 0.1, 0.3, 0.12, 0.2],
        [5, 0.4, 0.7, -0.6, 0.05, 0.45],
      ]) {
        const y = new Float64Array(eqs.size);
        for (const v of eqs.moments) y[v.offset] = v.order === 1 ? sz : v.name.includes('σz') ? q : c;
        const out = new Float64Array(eqs.size);
        rhs(out, y, 0, Float64Array.of(V / n, gp, gm));
        const at = (o: ReturnType<typeof alg.sigmaZ>) => eqs.moments.find((v) => v.name === o.toString()) as { offset: number };
        const big = gp + gm + V / n;
        const want = [
          gp - gm - V / n - big * sz - (2 * V * (n - 1)) / n * c,
          -big * c + (V / (2 * n)) * (q + sz) + ((V * (n - 2)) / n) * sz * c,
          2 * (gp - gm - V / n) * sz - 2 * big * q + (V / n) * (4 * c - 4 * (n - 2) * sz * c),
        ];
        const got = [
          out[at(alg.sigmaZ(0)).offset],
          out[at(alg.sigmaPlus(0).times(alg.sigmaMinus(1))).offset],
          out[at(alg.sigmaZ(0).times(alg.sigmaZ(1))).offset],
        ];
        expectClose(got, want, { atol: 1e-12 });
        vexpect(out[at(alg.sigmaPlus(0).times(alg.sigmaMinus(1))).offset + 1]).toBeCloseTo(0, 12);
      }
    });
  }
});

describe('cumulantEquations: input errors name the parameter', () => {
  const alg = operatorAlgebra({ sites: [{ kind: 'spin', name: '1' }] });
  const model = { hamiltonian: alg.sigmaZ(0) };
  it.each([
    [{ moments: [alg.sigmaZ(0)], order: 0 }, /config.order must be an integer ≥ 1, got 0/],
    [{ moments: [], order: 1 }, /config.moments must hold at least one moment/],
    [{ moments: [alg.sigmaZ(0).plus(alg.sigmaPlus(0))], order: 1 }, /config.moments\[0\] must be one non-identity monomial/],
    [{ moments: [alg.sigmaPlus(0)], order: 1, u1: true }, /phase charge 1/],
  ])('%#', (config, message) => {
    vexpect(() => cumulantEquations(model, config)).toThrow(message);
  });
});
