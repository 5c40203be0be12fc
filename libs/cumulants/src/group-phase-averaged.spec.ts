import { describe, expect as vexpect, it } from 'vitest';
import { denseZeros } from '@qsync/linalg';
import { applyLindbladianInto, coherentKet, expect, fockSpace, lindbladian, pureState, spinCoherentKet, spinHalfSpace, tensorState, type DensityMatrix } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { polyValue } from './coefficient';
import { compileCumulantRhs } from './compile-cumulant-rhs';
import type { CumulantModel } from './cumulant-model';
import { groupCumulantEquations, type GroupSystem } from './group-cumulant-equations';
import { OperatorExpression } from './operator-expression';
import { toOperator } from './to-operator';
import { nonreciprocalSpecies, spinEnsemble, undrivenLaser } from './test-support/thesis-models';

// The check of phase-averaged.spec.ts on the equations with symbolic group sizes at order 4 —
// the form the nonreciprocal chapter uses: on a coherent mode ⊗ spins in one direction, averaged
// over one common phase, the order-4 class equations evaluated at the small sizes equal
// Tr[O Lρ] of the exact Liouvillian for every class that exists at those sizes (1e-10). A class
// with more members than a group has (⟨σ+_d1σ−_d2σ+_d3σ−_d4⟩ at N_d = 3) is given the value 0: it
// enters only with a factor that vanishes there (N − 3, …), which the check confirms.

function commonPhaseAverage(rho: DensityMatrix): DensityMatrix {
  const dims = rho.dims;
  const n = rho.matrix.rows;
  const charge = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let rest = k;
    for (let f = dims.length - 1; f >= 0; f--) {
      charge[k] += rest % dims[f];
      rest = Math.floor(rest / dims[f]);
    }
  }
  const out = denseZeros(n, n);
  for (let j = 0; j < 2 * n * n; j += 2) {
    const r = Math.floor(j / (2 * n));
    const c = (j / 2) % n;
    if (charge[r] === charge[c]) {
      out.data[j] = rho.matrix.data[j];
      out.data[j + 1] = rho.matrix.data[j + 1];
    }
  }
  return { dims, matrix: out };
}

function check(build: (sizes: readonly number[]) => GroupSystem, sizeNames: string[], sizes: number[], p: number[], rho: DensityMatrix) {
  const eqs = groupCumulantEquations(build, { order: 4, u1: true, sizes: sizeNames });
  const small = build(sizes);
  const model: CumulantModel = small.model;
  const ctx = model.hamiltonian.context;
  const big = eqs.moments[0].operator.context.table;
  // a class representative in the small algebra (by site names), or undefined when it has too many members
  const inSmall = (o: OperatorExpression): OperatorExpression | undefined => {
    const id = o.terms.keys().next().value as number;
    const sites: number[] = [];
    for (const s of big.siteLists[id]) {
      const i = ctx.table.sites.findIndex((x) => x.name === big.sites[s].name);
      if (i < 0) return undefined;
      sites.push(i);
    }
    return new OperatorExpression(ctx, new Map([[ctx.table.intern(sites, big.codeLists[id]), new Map([['', { re: 1, im: 0 }]])]]));
  };
  const rate = (r: NonNullable<CumulantModel['dissipators']>[number]['rate']) =>
    typeof r === 'number' ? r : typeof r === 'string' ? p[ctx.parameters.indexOf(r)] : polyValue(r.terms.get(0) as Parameters<typeof polyValue>[0], p).re;
  const l = lindbladian(
    toOperator(model.hamiltonian, rho.dims, p),
    (model.dissipators ?? []).map((d) => ({ rate: rate(d.rate), jump: toOperator(d.jump, rho.dims), ...(d.jump2 === undefined ? {} : { jump2: toOperator(d.jump2, rho.dims) }) })),
  );
  const n = rho.matrix.rows;
  const lr = { dims: rho.dims, matrix: applyLindbladianInto(denseZeros(n, n), l, rho.matrix) };
  const y = new Float64Array(eqs.size);
  const exists = eqs.moments.map((m) => {
    const o = inSmall(m.operator);
    if (o === undefined) return undefined;
    const v = expect(toOperator(o, rho.dims), rho);
    y[m.offset] = v.re;
    if (!m.real) y[m.offset + 1] = v.im;
    return o;
  });
  const out = new Float64Array(eqs.size);
  compileCumulantRhs(eqs)(out, y, 0, Float64Array.from(p));
  const got: number[] = [];
  const want: number[] = [];
  eqs.moments.forEach((m, i) => {
    const o = exists[i];
    if (o === undefined) return;
    const v = expect(toOperator(o, rho.dims), lr);
    got.push(out[m.offset], m.real ? 0 : out[m.offset + 1]);
    want.push(v.re, m.real ? 0 : v.im);
  });
  return { eqs, got, want, compared: exists.filter((o) => o !== undefined).length };
}

const spin = () => pureState(spinCoherentKet(spinHalfSpace(), 1.1, 0.4));

describe('groupCumulantEquations at order 4 on a product state averaged over one common phase', () => {
  it('(4.52), N = 5: every class equation equals Tr[O Lρ] (1e-10)', () => {
    const rho = commonPhaseAverage(tensorState(...Array.from({ length: 5 }, spin)));
    const { eqs, got, want, compared } = check(spinEnsemble, ['N'], [5], [0.45, 0.8, 0.3, 5], rho);
    vexpect(compared).toBe(eqs.moments.length);
    vexpect(eqs.moments.some((m) => m.order === 4)).toBe(true);
    expectClose(got, want, { atol: 1e-10 });
  });

  it('(6.1), N_A = 3, N_B = 2 (the nonreciprocal chapter\'s order-4 system): every class that exists (1e-10)', () => {
    const rho = commonPhaseAverage(tensorState(...Array.from({ length: 5 }, spin)));
    const { eqs, got, want, compared } = check(nonreciprocalSpecies, ['NA', 'NB'], [3, 2], [0.35, 0.5, -0.3, 0.4, 0.7, 3, 2], rho);
    vexpect(eqs.moments.length).toBe(38);
    vexpect(compared).toBeGreaterThan(eqs.moments.length / 2);
    expectClose(got, want, { atol: 1e-10 });
  });

  it('(7.1), N_d = 3, N_ud = 2, Fock cutoff 12: every class that exists at these sizes (1e-10)', () => {
    const rho = commonPhaseAverage(tensorState(pureState(coherentKet(fockSpace(12), { re: 0.35, im: 0.2 })), ...Array.from({ length: 5 }, spin)));
    const { eqs, got, want, compared } = check(undrivenLaser, ['Nd', 'Nud'], [3, 2], [0.6, 1.3, 0.9, 0.2, 0.15, 3, 2], rho);
    vexpect(compared).toBeGreaterThan(eqs.moments.length / 2);
    expectClose(got, want, { atol: 1e-10 });
  });
});
