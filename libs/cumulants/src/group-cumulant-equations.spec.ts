import { describe, expect as vexpect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { createRng } from '@qsync/linalg';
import { compileCumulantRhs } from './compile-cumulant-rhs';
import { cumulantEquations, type CumulantEquations } from './cumulant-equations';
import { groupCumulantEquations, type GroupSystem } from './group-cumulant-equations';
import { operatorAlgebra } from './operator-algebra';
import { nonreciprocalSpecies, spinEnsemble, undrivenLaser } from './test-support/thesis-models';

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

// The class equations at sizes off the interpolation grid against the explicit system's
// equation of the same moment, at a random permutation-symmetric point (every explicit moment
// takes its class's value): one number per class and real slot, 1e-10 of the largest term.
function againstExplicit(build: (sizes: readonly number[]) => GroupSystem, sizes: number[], order: number, p: Float64Array, seed: number) {
  const eqs = groupCumulantEquations(build, { order, u1: true, sizes: build === nonreciprocalSpecies ? ['NA', 'NB'] : ['Nd', 'Nud'] });
  const sys = build(sizes);
  const explicit = cumulantEquations(sys.model, { moments: sys.moments, order, u1: true });
  const table = sys.model.hamiltonian.context.table;
  const rng = createRng(seed);
  const yg = new Float64Array(eqs.size);
  for (const m of eqs.moments) {
    yg[m.offset] = rng.uniform() - 0.5;
    if (!m.real) yg[m.offset + 1] = rng.uniform() - 0.5;
  }
  // the class of an explicit moment: relabel each group's members in operator order (a mode keeps its name)
  const className = (id: number) => {
    const perGroup = sys.groups.map(() => [] as number[]);
    const rest: string[] = [];
    table.siteLists[id].forEach((site, j) => {
      const g = sys.groups.findIndex((members) => members.includes(site));
      if (g < 0) rest.push(table.name(table.intern([site], [table.codeLists[id][j]])));
      else perGroup[g].push(table.codeLists[id][j]);
    });
    const prefix = sys.groups.map((members) => table.sites[members[0]].name.replace(/[0-9]+$/, ''));
    const sym = (c: number) => (c === 1 ? '+' : c === 2 ? '−' : 'z');
    return [...rest, ...perGroup.flatMap((codes, g) => codes.sort().map((c, r) => `σ${sym(c)}_${prefix[g]}${r + 1}`))].join('');
  };
  const valueOf = (id: number) => {
    const direct = eqs.moments.find((x) => x.name === className(id));
    if (direct !== undefined) return { re: yg[direct.offset], im: direct.real ? 0 : yg[direct.offset + 1] };
    const adj = eqs.moments.find((x) => x.name === className(table.adjoint(id)));
    if (adj === undefined) throw new Error(`no class for ${table.name(id)}`);
    return { re: yg[adj.offset], im: adj.real ? 0 : -yg[adj.offset + 1] };
  };
  const ye = new Float64Array(explicit.size);
  for (const m of explicit.moments) {
    const v = valueOf(m.operator.terms.keys().next().value as number);
    ye[m.offset] = v.re;
    if (!m.real) ye[m.offset + 1] = v.im;
  }
  const outG = new Float64Array(eqs.size);
  const outE = new Float64Array(explicit.size);
  compileCumulantRhs(eqs)(outG, yg, 0, p);
  compileCumulantRhs(explicit)(outE, ye, 0, p);
  const got: number[] = [];
  const want: number[] = [];
  for (const m of eqs.moments) {
    const e = explicit.moments.find((x) => x.name === m.name);
    if (e === undefined) throw new Error(`the explicit system lacks ${m.name}`);
    got.push(outG[m.offset], m.real ? 0 : outG[m.offset + 1]);
    want.push(outE[e.offset], m.real ? 0 : outE[e.offset + 1]);
  }
  return { eqs, got, want, scale: Math.max(1, ...want.map(Math.abs)) };
}

describe('groupCumulantEquations derives class representatives only (orders 3 and 4 with two groups)', () => {
  it('(6.1) at order 2: the algebra holds the monomials of the classes\' equations, not of the explicit system', () => {
    const eqs = groupCumulantEquations(nonreciprocalSpecies, { order: 2, u1: true, sizes: ['NA', 'NB'] });
    const table = eqs.moments[0].operator.context.table as unknown as { keys: string[]; products: Map<number, unknown> };
    // the 8 classes' Heisenberg equations at 7 + 7 members intern 1703 monomials; deriving the
    // explicit system first (every member's moments and closures) interned 23 885
    vexpect(table.keys.length).toBeLessThan(3000);
    // the product cache is emptied after each derivation
    vexpect(table.products.size).toBe(0);
  });

  it('(6.1) at order 3, NA = 3, NB = 4 (below the grid 5…7): every class equation equals the explicit one (1e-10)', () => {
    const p = Float64Array.of(0.3, 0.45, -0.35, 0.6, 0.8, 3, 4);
    const { eqs, got, want, scale } = againstExplicit(nonreciprocalSpecies, [3, 4], 3, p, 63);
    vexpect(eqs.moments.length).toBe(18);
    expectClose(got, want, { atol: 1e-10 * scale });
  });

  it('(7.1) at order 3, Nd = 4, Nud = 3: every class equation equals the explicit one (1e-10)', () => {
    const p = Float64Array.of(0.7, 1.3, 0.9, 0.2, 0.15, 4, 3);
    const { got, want, scale } = againstExplicit(undrivenLaser, [4, 3], 3, p, 73);
    expectClose(got, want, { atol: 1e-10 * scale });
  });
});

describe('groupCumulantEquations: the interpolation in the sizes', () => {
  it('a coefficient cubic and antisymmetric in the sizes (zero error on the diagonal) is refused at an off-diagonal check point', () => {
    // a cavity loss whose rate the build makes 2 + (NA³ − NB³)/100: not a sum over members (≥ 0.31
    // on the grid and the check points; 1 + … was −0.52 at sizes (4, 6), a gain, now refused first)
    const build = ([na, nb]: readonly number[]): GroupSystem => {
      const alg = operatorAlgebra({
        sites: [{ kind: 'boson', name: 'a' }, ...Array.from({ length: na + nb }, (_, i) => ({ kind: 'spin' as const, name: i < na ? `A${i + 1}` : `B${i - na + 1}` }))],
        parameters: ['g', 'NA', 'NB'],
      });
      const A = Array.from({ length: na }, (_, i) => 1 + i);
      const B = Array.from({ length: nb }, (_, i) => 1 + na + i);
      const jc = alg.create(0).times(alg.sum([...A, ...B].map((i) => alg.sigmaMinus(i))));
      return {
        model: { hamiltonian: alg.parameter('g').times(jc.plus(jc.dagger())), dissipators: [{ rate: 2 + (na ** 3 - nb ** 3) / 100, jump: alg.destroy(0) }] },
        moments: [alg.create(0).times(alg.destroy(0))],
        groups: [A, B],
      };
    };
    vexpect(() => groupCumulantEquations(build, { order: 2, u1: true, sizes: ['NA', 'NB'] })).toThrow(
      /a coefficient of d⟨[^⟩]+⟩\/dt is not a polynomial of degree ≤ 2 in each group size \(term .* at sizes \[(8, 7|7, 8)\]/,
    );
  });

  it('a rate that vanishes at the three nodes and the diagonal check size is refused at the second check size', () => {
    // order 2: nodes 4, 5, 6, check sizes 7 and 8; the rate 1 + (n − 4)(n − 5)(n − 6)(n − 7) is 1 at all but 8
    const build = ([n]: readonly number[]) => spinEnsemble([n], { gp: 1 + (n - 4) * (n - 5) * (n - 6) * (n - 7) });
    vexpect(() => groupCumulantEquations(build, { order: 2, u1: true, sizes: ['N'] })).toThrow(/is not a polynomial of degree ≤ 2 in each group size .* at sizes \[8\]/);
  });

  it('numeric rates near a rational are not snapped: γ± = 0.3 ± 1e-11 (and 1e-12) give the explicit N = 5 equations to 1e-12 relative', () => {
    // the fit snaps a coefficient to a rational only within a few tens of ε of what was summed;
    // at 1e-12 of it −(γ+ + γ−) = −0.60000000001 became −0.6 (1.7e-11 relative)
    for (const rates of [{ gp: 0.3 + 1e-11, gm: 0.3 }, { gp: 0.3, gm: 0.3 - 1e-11 }, { gp: 0.3 + 1e-12, gm: 0.3 }]) {
      const eqs = groupCumulantEquations(([n]) => spinEnsemble([n], rates), { order: 2, u1: true, sizes: ['N'] });
      vexpect(eqs.moments.map((m) => m.name)).toEqual(['σz_1', 'σ+_1σ−_2', 'σz_1σz_2']);
      const sys = spinEnsemble([5], rates);
      const explicit = cumulantEquations(sys.model, { moments: sys.moments, order: 2, u1: true });
      const [sz, c, q] = [0.4, 0.07, 0.3];
      const y = new Float64Array(explicit.size);
      for (const m of explicit.moments) y[m.offset] = m.order === 1 ? sz : m.name.startsWith('σz') ? q : c;
      // V/N = 0 leaves the rates alone in d⟨σz⟩/dt = γ+ − γ− − (γ+ + γ−)⟨σz⟩
      for (const VN of [0.8, 0]) {
        const p = Float64Array.of(VN, 0, 0, 5);
        const out = new Float64Array(explicit.size);
        compileCumulantRhs(explicit)(out, y, 0, p);
        const got = new Float64Array(eqs.size);
        compileCumulantRhs(eqs)(got, Float64Array.of(sz, c, q), 0, p);
        const at = (name: string) => out[(explicit.moments.find((m) => m.name === name) as { offset: number }).offset];
        expectClose([...got], [at('σz_1'), at('σ+_1σ−_2'), at('σz_1σz_2')], { rtol: 1e-12, atol: 0 });
      }
    }
  });

  it('tiny and near-rational numeric rates survive: each coefficient is snapped within its own rounding scale', () => {
    // V/N = 2e-10 (V = 2e-4 at N = 10⁶), γ+ = 1/3 + 4e-10: a tolerance of 1e-9 on a scale of ≥ 1 dropped the first and snapped the second to 1/3
    const [VN, gp, gm] = [2e-10, 1 / 3 + 4e-10, 0.1];
    const eqs = groupCumulantEquations(([n]) => spinEnsemble([n], { VN, gp, gm }), { order: 2, u1: true, sizes: ['N'] });
    const rhs = compileCumulantRhs(eqs);
    const out = new Float64Array(3);
    for (const N of [2, 50, 1e6]) {
      const [sz, c, q] = [0.4, 0.07, 0.3];
      rhs(out, Float64Array.of(sz, c, q), 0, Float64Array.of(0, 0, 0, N));
      const V = VN * N;
      const big = gp + gm + V / N;
      const want = [
        gp - gm - V / N - big * sz - 2 * V * ((N - 1) / N) * c,
        -big * c + (V / (2 * N)) * (q + sz) + V * ((N - 2) / N) * sz * c,
        2 * (gp - gm - V / N) * sz - 2 * big * q + (V / N) * (4 * c - 4 * (N - 2) * sz * c),
      ];
      // the largest term is O(1): 1e-14 absolute, far below the 1e-10 … 1e-5 that dropping or snapping costs
      expectClose(out, want, { atol: 1e-14 });
    }
  });
});
