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
// the form the nonreciprocal chapter uses: on a coherent mode ⊗ spins, each group in its own
// direction, averaged over one common phase, the order-4 class equations evaluated at small sizes
// equal Tr[O Lρ] of the exact Liouvillian for every class (1e-10). (6.1) at N_A = N_B = 4 holds
// all 38 classes; (7.1) at (4, 2) and (2, 4) together hold every class. A class with more members
// than a group has (⟨σ+_d1σ−_d2σ+_d3σ−_d4⟩ at N_d = 2) is given the value 0 there: it enters only
// with a factor that vanishes at that size (N − 2, …), which the check confirms.

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

// every class equation at one set of small sizes: got (the compiled class equations on the
// state's moments) and want (Tr[O Lρ]), for the classes that exist there
function check(eqs: ReturnType<typeof groupCumulantEquations>, build: (sizes: readonly number[]) => GroupSystem, sizes: number[], p: number[], rho: DensityMatrix) {
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
  const compared = new Set<string>();
  eqs.moments.forEach((m, i) => {
    const o = exists[i];
    if (o === undefined) return;
    const v = expect(toOperator(o, rho.dims), lr);
    got.push(out[m.offset], m.real ? 0 : out[m.offset + 1]);
    want.push(v.re, m.real ? 0 : v.im);
    compared.add(m.name);
  });
  return { got, want, compared, y };
}

// Every group has its own direction (θ, φ), so the groups' moments differ and cross-group
// correlations such as ⟨σ+_A1σ−_B1⟩ = ⟨σ+_A⟩⟨σ−_B⟩ are complex: a class mapped to the wrong
// group or a factor entering with the wrong conjugation changes the right-hand side. (With one
// direction for every spin, A's moments equal B's and those correlations are real, and both
// defects passed.)
const spin = (theta: number, phi: number) => () => pureState(spinCoherentKet(spinHalfSpace(), theta, phi));

describe('groupCumulantEquations at order 4 on a product state averaged over one common phase', () => {
  it('(4.52), N = 5: every class equation equals Tr[O Lρ] (1e-10)', () => {
    const eqs = groupCumulantEquations(spinEnsemble, { order: 4, u1: true, sizes: ['N'] });
    const rho = commonPhaseAverage(tensorState(...Array.from({ length: 5 }, spin(1.1, 0.4))));
    const { got, want, compared } = check(eqs, spinEnsemble, [5], [0.45, 0.8, 0.3, 5], rho);
    vexpect(compared.size).toBe(eqs.moments.length);
    vexpect(eqs.moments.some((m) => m.order === 4)).toBe(true);
    expectClose(got, want, { atol: 1e-10 });
  });

  it('(6.1), N_A = N_B = 4, groups in different directions (the nonreciprocal chapter\'s order-4 system): all 38 classes (1e-10)', () => {
    const eqs = groupCumulantEquations(nonreciprocalSpecies, { order: 4, u1: true, sizes: ['NA', 'NB'] });
    vexpect(eqs.moments.length).toBe(38);
    const rho = commonPhaseAverage(tensorState(...Array.from({ length: 4 }, spin(1.1, 0.4)), ...Array.from({ length: 4 }, spin(2.0, 2.3))));
    const { got, want, compared, y } = check(eqs, nonreciprocalSpecies, [4, 4], [0.35, 0.5, -0.3, 0.4, 0.7, 4, 4], rho);
    vexpect(compared.size).toBe(38);
    // the state discriminates: A and B differ, and the cross correlation is far from real
    const at = (name: string) => eqs.moments.find((m) => m.name === name) as { offset: number };
    vexpect(Math.abs(y[at('σz_A1').offset] - y[at('σz_B1').offset])).toBeGreaterThan(0.3);
    vexpect(Math.abs(y[at('σ+_A1σ−_B1').offset + 1])).toBeGreaterThan(0.1);
    expectClose(got, want, { atol: 1e-10 });
  });

  it('(7.1), N_d, N_ud = 4, 2 and 2, 4, Fock cutoff 11, groups and mode in different directions: every class at one of the sizes (1e-10)', () => {
    const eqs = groupCumulantEquations(undrivenLaser, { order: 4, u1: true, sizes: ['Nd', 'Nud'] });
    const mode = () => pureState(coherentKet(fockSpace(11), { re: 0.3, im: 0.15 }));
    const compared = new Set<string>();
    for (const [nd, nud] of [
      [4, 2],
      [2, 4],
    ]) {
      const rho = commonPhaseAverage(tensorState(mode(), ...Array.from({ length: nd }, spin(1.1, 0.4)), ...Array.from({ length: nud }, spin(2.0, 2.3))));
      const r = check(eqs, undrivenLaser, [nd, nud], [0.6, 1.3, 0.9, 0.2, 0.15, nd, nud], rho);
      for (const name of r.compared) compared.add(name);
      expectClose(r.got, r.want, { atol: 1e-10 });
    }
    vexpect(compared.size).toBe(eqs.moments.length);
  });
});
