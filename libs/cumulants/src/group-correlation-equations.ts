import { denseZeros } from '@qsync/linalg';
import { polyValue } from './coefficient';
import type { CorrelationEquations } from './correlation-equations';
import { adjointGenerator, chargeFunction, prepareModel } from './cumulant-model';
import type { GroupCumulantEquations, GroupSystem } from './group-cumulant-equations';
import { OperatorExpression } from './operator-expression';

type C = { re: number; im: number };

// The explicit models a set of equations was sampled at, their prepared generators and L†x of each
// x met: symbolic, so reused by every later call with other y and p (a spectrum over time or a
// parameter scan calls this many times). Keyed by the equations, then the sizes; a different
// build function for the same equations replaces the entry.
interface SampleCacheEntry {
  readonly build: unknown;
  readonly system: GroupSystem;
  readonly prepared: ReturnType<typeof prepareModel>;
  readonly generator: Map<number, OperatorExpression>;
}
const sampleCache = new WeakMap<object, Map<string, SampleCacheEntry>>();

/**
 * `correlationEquations` for groups of identical sites of symbolic size: c(τ) holds ⟨X(t + τ)B(t)⟩
 * for A and one operator per group (σ+ of a representative member; A's phase charge is counted
 * with the equations' declared `charges`), with the factorization of
 * (6.19)/(7.13), ⟨x R(τ)B⟩ ≈ ⟨R⟩⟨x(τ)B⟩, and ⟨R⟩ from the class moments y. Sums over members
 * make the entries of M and c(0) linear in the sizes (iN_dΩ of 7.14): they are evaluated for
 * explicit models at sizes k + 5 and k + 6 of each group, extrapolated linearly to the sizes in
 * `p`, and checked at k + 7 (a model whose entries are not linear in the sizes is refused).
 * The explicit models and their L†x are kept with `equations` and reused by later calls (other
 * y and p: ~1 ms instead of ~16 ms for (7.1)).
 *
 * @param build - the build of `groupCumulantEquations` (it may return more fields, e.g. its algebra)
 * @param equations - from `groupCumulantEquations` (or `stochasticGroupCumulantEquations`) with this build
 * @param config - `{ a, b, sizes, y, p }`: A and B from a built system, e.g. `(s) => s.alg.create(0)`; the size parameters; the moments and parameters
 * @example
 * // N spins with gain γ+ and collective decay (V/N)D[S−] (4.52), c = ⟨σ+(τ)σ−_1⟩:
 * // M = −(γ+ + V/N)/2 + (N − 1)(V/N)s_z/2 (⟨σz_1σ+_j(τ)σ−_1⟩ ≈ s_z⟨σ+_j(τ)σ−_1⟩)
 * const build = ([n]: readonly number[]) => {
 *   const alg = operatorAlgebra({ sites: Array.from({ length: n }, (_, i) => ({ kind: 'spin' as const, name: String(i + 1) })), parameters: ['VN', 'gp', 'N'] });
 *   const sMinus = alg.sum(Array.from({ length: n }, (_, i) => alg.sigmaMinus(i)));
 *   return { alg, model: { hamiltonian: alg.scalar(0), dissipators: [{ rate: 'VN', jump: sMinus }, ...Array.from({ length: n }, (_, i) => ({ rate: 'gp', jump: alg.sigmaPlus(i) }))] }, moments: [alg.sigmaZ(0)], groups: [Array.from({ length: n }, (_, i) => i)] };
 * };
 * const eqs = groupCumulantEquations(build, { order: 2, u1: true, sizes: ['N'] });
 * const c = groupCorrelationEquations(build, eqs, { a: (s) => s.alg.sigmaPlus(0), b: (s) => s.alg.sigmaMinus(0), sizes: ['N'], y: [0.5, 0.1, 0.3], p: [0.01, 1, 100] });
 * c.names; // ['σ+_1']
 * c.matrix.data[0]; // ≈ -0.2575 — −(1 + 0.01)/2 + 99·0.01·0.5/2 at N = 100, s_z = 0.5
 */
export function groupCorrelationEquations<S extends GroupSystem>(
  build: (sizes: readonly number[]) => S,
  equations: GroupCumulantEquations,
  config: {
    readonly a: (system: S) => OperatorExpression;
    readonly b: (system: S) => OperatorExpression;
    readonly sizes: readonly string[];
    readonly y: ArrayLike<number>;
    readonly p: ArrayLike<number>;
  },
): CorrelationEquations {
  const fn = 'groupCorrelationEquations';
  if (typeof build !== 'function') throw new Error(`${fn}: argument 'build' must be the function given to groupCumulantEquations`);
  if (equations === null || typeof equations !== 'object' || typeof equations.classOf !== 'function') {
    throw new Error(`${fn}: argument 'equations' must come from groupCumulantEquations`);
  }
  if (config === null || typeof config !== 'object' || typeof config.a !== 'function' || typeof config.b !== 'function') {
    throw new Error(`${fn}: config.a and config.b must be functions (system) => OperatorExpression`);
  }
  const { y, p } = config;
  if (y === null || typeof y !== 'object' || !(y.length >= equations.size)) throw new Error(`${fn}: config.y must hold the ${equations.size} moment values`);
  const target = equations.moments[0].operator.context;
  const siteNames = target.table.sites.map((s) => s.name);
  const G = equations.checkSizes.length;
  if (!Array.isArray(config.sizes) || config.sizes.length !== G) throw new Error(`${fn}: config.sizes must name the ${G} size parameter(s), as for groupCumulantEquations`);
  const sizeValues = config.sizes.map((n) => {
    const i = equations.parameters.indexOf(n);
    if (i < 0 || !Number.isFinite(p[i])) throw new Error(`${fn}: config.sizes: '${n}' must be a parameter with a value in config.p`);
    return p[i];
  });
  const n0 = equations.checkSizes[0];

  // one explicit derivation: rows of M keyed by class of x, and c(0), as numbers at p
  let cached = sampleCache.get(equations);
  if (cached === undefined) sampleCache.set(equations, (cached = new Map()));
  const perSizes = cached;
  const sample = (sizes: readonly number[]) => {
    const sizeKey = sizes.join(',');
    let entry = perSizes.get(sizeKey);
    if (entry === undefined || entry.build !== build) {
      const built = build(sizes);
      entry = { build, system: built, prepared: prepareModel(fn, built.model), generator: new Map() };
      perSizes.set(sizeKey, entry);
    }
    const system = entry.system as S;
    const prepared = entry.prepared;
    const generator = entry.generator;
    const table = prepared.context.table;
    const groupOf = new Map<number, number>();
    system.groups.forEach((members, g) => members.forEach((s) => groupOf.set(s, g)));
    // a monomial of this algebra in the equations' algebra, by site names
    const transfer = (id: number): OperatorExpression => {
      const atoms = table.atoms(id);
      const pairs: [number, number][] = [];
      for (let j = 0; j < atoms.length; j += 2) {
        const s = siteNames.indexOf(table.sites[atoms[j]].name);
        if (s < 0) throw new Error(`${fn}: site ${table.sites[atoms[j]].name} of build(${sizes.join(', ')}) is not in the equations' algebra`);
        pairs.push([s, atoms[j + 1]]);
      }
      pairs.sort((u, v) => u[0] - v[0]);
      const flat = pairs.flat();
      return new OperatorExpression(target, new Map([[target.table.fromAtoms(flat, pairs.map((_, j) => j)), new Map([['', { re: 1, im: 0 }]])]]));
    };
    const a = config.a(system);
    if (!(a instanceof OperatorExpression) || a.terms.size !== 1 || table.orders[a.terms.keys().next().value as number] !== 1) {
      throw new Error(`${fn}: config.a must give one operator of the built system's algebra, e.g. alg.create(0)`);
    }
    const aId = a.terms.keys().next().value as number;
    // A's partners carry A's phase charge under the equations' own assignment (config.charges, if declared)
    const chargeOf = chargeFunction(fn, table, equations.charges);
    const charge = chargeOf(aId);
    // class of a one-operator monomial: its site (outside groups) or its group, and its code
    const classKey = (id: number) => {
      const atoms = table.atoms(id);
      const g = groupOf.get(atoms[0]);
      return g === undefined ? `${table.sites[atoms[0]].name}:${atoms[1]}` : `g${g}:${atoms[1]}`;
    };
    const ids = [aId];
    const keyIndex = new Map<string, number>([[classKey(aId), 0]]);
    const rows: Map<string, C>[] = [];
    for (let q = 0; q < ids.length; q++) {
      let lx = generator.get(ids[q]);
      if (lx === undefined) generator.set(ids[q], (lx = adjointGenerator(prepared, new OperatorExpression(prepared.context, new Map([[ids[q], new Map([['', { re: 1, im: 0 }]])]])))));
      const row = new Map<string, C>();
      for (const [id, c] of lx.terms) {
        const cv = polyValue(c, p);
        if (cv.re === 0 && cv.im === 0) continue;
        if (id === 0) throw new Error(`${fn}: L†(${table.name(ids[q])}) has a constant term; the regression of fluctuations around a nonzero mean is not supported`);
        const atoms = table.atoms(id);
        const n = atoms.length / 2;
        const candidates: number[] = [];
        for (let j = 0; j < n; j++) {
          const shared = atoms.some((s, k) => k % 2 === 0 && k / 2 !== j && s === atoms[2 * j]);
          if (chargeOf(table.fromAtoms(atoms, [j])) === charge && !shared) candidates.push(j);
        }
        if (candidates.length !== 1) throw new Error(`${fn}: the term ${table.name(id)} of L†(${table.name(ids[q])}) has ${candidates.length} operators of A's phase charge on sites of their own; the factorization needs exactly one`);
        const j = candidates[0];
        const member = table.fromAtoms(atoms, [j]);
        const rest = table.fromAtoms(atoms, Array.from({ length: n }, (_, k) => k).filter((k) => k !== j));
        const r = rest === 0 ? { re: 1, im: 0 } : equations.value(y, transfer(rest), p);
        const key = classKey(member);
        if (!keyIndex.has(key)) {
          keyIndex.set(key, ids.length);
          ids.push(member);
        }
        const old = row.get(key) ?? { re: 0, im: 0 };
        row.set(key, { re: old.re + cv.re * r.re - cv.im * r.im, im: old.im + cv.re * r.im + cv.im * r.re });
      }
      rows.push(row);
    }
    const b = config.b(system);
    const initial = ids.map((id) => {
      let re = 0;
      let im = 0;
      for (const [bid, c] of new OperatorExpression(prepared.context, new Map([[id, new Map([['', { re: 1, im: 0 }]])]])).times(b).terms) {
        const cv = polyValue(c, p);
        const v = bid === 0 ? { re: 1, im: 0 } : equations.value(y, transfer(bid), p);
        re += cv.re * v.re - cv.im * v.im;
        im += cv.re * v.im + cv.im * v.re;
      }
      return { re, im };
    });
    return { keys: [...keyIndex.keys()], rows, initial, operators: ids.map(transfer) };
  };

  const base = sample(Array(G).fill(n0) as number[]);
  const steps = Array.from({ length: G }, (_, g) => sample(Array.from({ length: G }, (_, h) => n0 + (h === g ? 1 : 0))));
  const far = sample(Array(G).fill(n0 + 2) as number[]);
  const m = base.keys.length;
  for (const s of [...steps, far]) {
    if (s.keys.length !== m || s.keys.some((k, i) => k !== base.keys[i])) throw new Error(`${fn}: the correlation operators differ between sizes`);
  }
  // entry(n) = e0 + Σ_g (e_g − e0)(n_g − n0), checked at n0 + 2
  const extrapolate = (get: (s: typeof base) => C, at: readonly number[]): C => {
    const e0 = get(base);
    let re = e0.re;
    let im = e0.im;
    steps.forEach((s, g) => {
      const e = get(s);
      re += (e.re - e0.re) * (at[g] - n0);
      im += (e.im - e0.im) * (at[g] - n0);
    });
    return { re, im };
  };
  const entry = (i: number, key: string) => (s: typeof base) => s.rows[i].get(key) ?? { re: 0, im: 0 };
  const checks: ((s: typeof base) => C)[] = [];
  const matrix = denseZeros(m, m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const get = entry(i, base.keys[j]);
      checks.push(get);
      const v = extrapolate(get, sizeValues);
      matrix.data[2 * (i * m + j)] = v.re;
      matrix.data[2 * (i * m + j) + 1] = v.im;
    }
  }
  const initial = new Float64Array(2 * m);
  for (let i = 0; i < m; i++) {
    const get = (s: typeof base) => s.initial[i];
    checks.push(get);
    const v = extrapolate(get, sizeValues);
    initial[2 * i] = v.re;
    initial[2 * i + 1] = v.im;
  }
  for (const get of checks) {
    const want = extrapolate(get, Array(G).fill(n0 + 2) as number[]);
    const got = get(far);
    const scale = 1 + Math.abs(want.re) + Math.abs(want.im);
    if (Math.abs(got.re - want.re) + Math.abs(got.im - want.im) > 1e-9 * scale) {
      throw new Error(`${fn}: an entry of M or c(0) is not linear in the group sizes; this model is not supported`);
    }
  }
  const names = base.operators.map((o) => target.table.name(o.terms.keys().next().value as number));
  return { operators: base.operators, names, matrix, initial };
}
