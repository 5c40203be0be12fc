import { describe, expect as vexpect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { createRng } from '@qsync/linalg';
import { compileCumulantRhs } from './compile-cumulant-rhs';
import { cumulantEquations, type CumulantEquations } from './cumulant-equations';
import { groupCumulantEquations, type GroupSystem } from './group-cumulant-equations';
import { operatorAlgebra } from './operator-algebra';

// The spin ensemble (4.52) with N spins of symbolic size: rate V/N of D[S−] is the parameter VN.
function ensemble([n]: readonly number[]): GroupSystem {
  const alg = operatorAlgebra({
    sites: Array.from({ length: n }, (_, i) => ({ kind: 'spin' as const, name: String(i + 1) })),
    parameters: ['VN', 'gp', 'gm', 'N'],
  });
  const sMinus = alg.sum(Array.from({ length: n }, (_, i) => alg.sigmaMinus(i)));
  const local = Array.from({ length: n }, (_, i) => [
    { rate: 'gp', jump: alg.sigmaPlus(i) },
    { rate: 'gm', jump: alg.sigmaMinus(i) },
  ]).flat();
  return {
    model: { hamiltonian: alg.scalar(0), dissipators: [{ rate: 'VN', jump: sMinus }, ...local] },
    moments: [alg.sigmaZ(0)],
    groups: [Array.from({ length: n }, (_, i) => i)],
  };
}

describe('groupCumulantEquations: (4.58) derived from (4.52) with symbolic N', () => {
  const eqs = groupCumulantEquations(ensemble, { order: 2, u1: true, sizes: ['N'] });

  it('has the moments of (4.58): s_z, ⟨σ+σ−⟩ and ⟨σzσz⟩ of two different spins, all real', () => {
    vexpect(eqs.moments.map((m) => [m.name, m.real])).toEqual([['σz_1', true], ['σ+_1σ−_2', true], ['σz_1σz_2', true]]);
    vexpect(eqs.size).toBe(3);
  });

  it('right-hand sides equal the printed (4.58) at random points (1e-12 relative), N from 2 to 10⁵', () => {
    const rhs = compileCumulantRhs(eqs);
    const rng = createRng(458);
    const out = new Float64Array(3);
    for (const N of [2, 3, 10, 137, 1e5]) {
      for (let trial = 0; trial < 4; trial++) {
        const [V, gp, gm] = [5 * rng.uniform(), 2 * rng.uniform(), rng.uniform()];
        const [sz, c, q] = [2 * rng.uniform() - 1, 0.25 * rng.uniform(), 2 * rng.uniform() - 1];
        rhs(out, Float64Array.of(sz, c, q), 0, Float64Array.of(V / N, gp, gm, N));
        const big = gp + gm + V / N;
        const want = [
          gp - gm - V / N - big * sz - 2 * V * ((N - 1) / N) * c,
          -big * c + (V / (2 * N)) * (q + sz) + V * ((N - 2) / N) * sz * c,
          2 * (gp - gm - V / N) * sz - 2 * big * q + (V / N) * (4 * c - 4 * (N - 2) * sz * c),
        ];
        // terms up to V·N·(V/N) ~ 10 cancel to O(1): 1e-12 of the largest term
        expectClose(out, want, { atol: 1e-12 * (1 + 10 * V), rtol: 1e-12 });
      }
    }
  });

  it('prints the factors N − 1 and N − 2 as polynomials', () => {
    const text = eqs.toText().split('\n');
    vexpect(text[0]).toBe('d⟨σz_1⟩/dt = (-VN + gp - gm) + (-VN - gp - gm)·⟨σz_1⟩ + (2·VN - 2·VN·N)·⟨σ+_1σ−_2⟩');
    vexpect(text[1]).toContain('(-2·VN + VN·N)·⟨σ+_1σ−_2⟩⟨σz_1⟩');
  });
});

// Two groups of sizes NA, NB with different local rates, a collective jump over both and a
// coherent exchange between them, a detuning of A and a drive of B; order 1 (mean field, whose
// closures ⟨σ+_A1⟩⟨σ−_A2⟩ carry the factors N − 1) without U(1) filter: complex classes, conjugations,
// the two-size interpolation.
function twoGroups([na, nb]: readonly number[]): GroupSystem {
  const sites = [
    ...Array.from({ length: na }, (_, i) => ({ kind: 'spin' as const, name: `A${i + 1}` })),
    ...Array.from({ length: nb }, (_, i) => ({ kind: 'spin' as const, name: `B${i + 1}` })),
  ];
  const alg = operatorAlgebra({ sites, parameters: ['VN', 'g', 'w', 'gp', 'gm', 'NA', 'NB'] });
  const A = Array.from({ length: na }, (_, i) => i);
  const B = Array.from({ length: nb }, (_, i) => na + i);
  const sum = (idx: number[], f: (i: number) => ReturnType<typeof alg.sigmaZ>) => alg.sum(idx.map(f));
  const sA = sum(A, (i) => alg.sigmaMinus(i));
  const sB = sum(B, (i) => alg.sigmaMinus(i));
  const hop = sA.dagger().times(sB);
  const hamiltonian = alg.parameter('g').times(hop.plus(hop.dagger()))
    .plus(alg.parameter('w').times(sum(A, (i) => alg.sigmaZ(i))))
    .plus(alg.parameter('w').times(sum(B, (i) => alg.sigmaX(i))));
  return {
    model: {
      hamiltonian,
      dissipators: [
        { rate: 'VN', jump: sA.plus(sB) },
        ...A.map((i) => ({ rate: 'gp', jump: alg.sigmaPlus(i) })),
        ...B.map((i) => ({ rate: 'gm', jump: alg.sigmaMinus(i) })),
      ],
    },
    moments: [alg.sigmaZ(0), alg.sigmaZ(na)],
    groups: [A, B],
  };
}

// The value of an explicit moment at a permutation-symmetric point: the value of its class, whose
// name relabels each group's members in operator order (σ+ < σ− < σz on A1, A2, …), or the
// conjugate of its adjoint's class.
function symmetricValue(groupEqs: CumulantEquations, y: Float64Array, explicitTable: { siteLists: (readonly number[])[]; codeLists: (readonly number[])[]; adjoint(id: number): number }, id: number, na: number) {
  const name = (m: number) => {
    const codes = { A: [] as number[], B: [] as number[] };
    explicitTable.siteLists[m].forEach((s, j) => (s < na ? codes.A : codes.B).push(explicitTable.codeLists[m][j]));
    const sym = (c: number) => (c === 1 ? '+' : c === 2 ? '−' : 'z');
    return [...codes.A.sort().map((c, r) => `σ${sym(c)}_A${r + 1}`), ...codes.B.sort().map((c, r) => `σ${sym(c)}_B${r + 1}`)].join('');
  };
  const direct = groupEqs.moments.find((x) => x.name === name(id));
  if (direct !== undefined) return { re: y[direct.offset], im: direct.real ? 0 : y[direct.offset + 1] };
  const adj = groupEqs.moments.find((x) => x.name === name(explicitTable.adjoint(id)));
  if (adj === undefined) throw new Error(`no class for ${name(id)}`);
  return { re: y[adj.offset], im: adj.real ? 0 : -y[adj.offset + 1] };
}

describe('groupCumulantEquations: two groups of different sizes against the explicit derivation', () => {
  it('at NA = 5, NB = 8 (NB outside the sizes it interpolates from), each class equation equals the explicit one at a symmetric point (1e-10)', () => {
    const eqs = groupCumulantEquations(twoGroups, { order: 1, sizes: ['NA', 'NB'] });
    const [na, nb] = [5, 8];
    const sys = twoGroups([na, nb]);
    const explicit = cumulantEquations(sys.model, { moments: sys.moments, order: 1 });
    const table = sys.model.hamiltonian.context.table;
    const rng = createRng(2);
    const yg = new Float64Array(eqs.size);
    for (const m of eqs.moments) {
      yg[m.offset] = rng.uniform() - 0.5;
      if (!m.real) yg[m.offset + 1] = rng.uniform() - 0.5;
    }
    const ye = new Float64Array(explicit.size);
    for (const m of explicit.moments) {
      const v = symmetricValue(eqs, yg, table, m.operator.terms.keys().next().value as number, na);
      ye[m.offset] = v.re;
      if (!m.real) ye[m.offset + 1] = v.im;
      else vexpect(Math.abs(v.im)).toBe(0);
    }
    const p = Float64Array.of(0.3, 0.7, 0.4, 0.9, 0.5, na, nb);
    const outG = new Float64Array(eqs.size);
    const outE = new Float64Array(explicit.size);
    compileCumulantRhs(eqs)(outG, yg, 0, p);
    compileCumulantRhs(explicit)(outE, ye, 0, p);
    vexpect(eqs.moments.map((m) => m.name)).toEqual(['σ+_A1', 'σ+_B1', 'σz_A1', 'σz_B1']);
    for (const m of eqs.moments) {
      const e = explicit.moments.find((x) => x.name === m.name);
      if (e === undefined) throw new Error(`the explicit system lacks ${m.name}`);
      expectClose([outG[m.offset], m.real ? 0 : outG[m.offset + 1]], [outE[e.offset], m.real ? 0 : outE[e.offset + 1]], { atol: 1e-10 });
    }
  });
});
