import { polyAddScaledInto, polyClean, polyParameter, polyTimes, polyValue, type Poly } from './coefficient';
import type { CumulantEquations, CumulantTerm, MomentVariable } from './cumulant-equations';
import { expandMoment, type MomentExpansion } from './cumulant-expansion';
import { adjointGenerator, chargeFunction, checkU1Symmetry, prepareModel, type ChargeAssignment, type CumulantModel, type RateCheck } from './cumulant-model';
import { formatEquations } from './format-equations';
import { BOSON_BASE, SIGMA_PLUS, type MonomialTable } from './monomial-table';
import { OperatorExpression } from './operator-expression';

/** A model with explicit members in each group of identical sites, as {@link groupCumulantEquations} builds it. */
export interface GroupSystem {
  readonly model: CumulantModel;
  /** The moments to start from (one monomial each). */
  readonly moments: readonly OperatorExpression[];
  /** Site indices of each group's members; the model must be symmetric under permutations within a group. */
  readonly groups: readonly (readonly number[])[];
}

/** The equations of {@link groupCumulantEquations}: `CumulantEquations` with what `groupCorrelationEquations` and `stochasticGroupCumulantEquations` need. */
export interface GroupCumulantEquations extends CumulantEquations {
  /** @internal the group sizes of the algebra of `moments[i].operator` */
  readonly checkSizes: readonly number[];
  /** @internal the class (moment index) of a monomial of that algebra, and whether it enters conjugated */
  readonly classOf: (id: number) => { index: number; conj: boolean } | undefined;
}

/** Options of {@link groupCumulantEquations}. */
export interface GroupCumulantEquationsConfig {
  /** Truncation order k ≥ 1. */
  readonly order: number;
  /** U(1) filter, as in `cumulantEquations`. */
  readonly u1?: boolean;
  /** With `u1` (required): the charge of each site, as in `cumulantEquations` (a function of the site name suits members, e.g. `(s) => (s.startsWith('B') ? -1 : 1)`); equal on a group's members. */
  readonly charges?: ChargeAssignment;
  /** The parameter (of the algebra `build` makes) that stands for each group's size, e.g. ['N']. */
  readonly sizes: readonly string[];
}

interface ClassTerm {
  factors: { name: string; conj: boolean }[];
  coefficient: Poly;
  /** Σ of |contribution| per parameter monomial: the scale of the coefficient's rounding error */
  magnitude: Map<string, { re: number; im: number }>;
}
interface MomentClass {
  rep: number;
  name: string;
  latex: string;
  order: number;
  real: boolean;
  terms: Map<string, ClassTerm>;
}
interface Sample {
  table: MonomialTable;
  parameters: readonly string[];
  classes: Map<string, MomentClass>;
  canonical: (id: number) => { rep: number; conj: boolean };
  operatorOf: (id: number) => OperatorExpression;
  chargeOf: (id: number) => number;
  rateChecks: readonly RateCheck[];
}

function deriveSample(
  fn: string,
  build: (sizes: readonly number[]) => GroupSystem,
  sizes: number[],
  config: GroupCumulantEquationsConfig,
): Sample {
  const sys = build(sizes);
  if (sys === null || typeof sys !== 'object' || !Array.isArray(sys.groups) || sys.groups.length !== sizes.length) {
    throw new Error(`${fn}: build(sizes) must return { model, moments, groups } with ${sizes.length} group(s)`);
  }
  const context = sys.model.hamiltonian.context;
  const table = context.table;
  const groupOf = new Map<number, number>();
  sys.groups.forEach((g, gi) => {
    if (!Array.isArray(g) || g.length !== sizes[gi]) {
      throw new Error(`${fn}: build([${sizes.join(', ')}]) must return groups[${gi}] with ${sizes[gi]} site indices, got ${Array.isArray(g) ? g.length : String(g)}`);
    }
    for (const s of g) {
      if (groupOf.has(s) || !Number.isInteger(s) || s < 0 || s >= table.sites.length) throw new Error(`${fn}: groups[${gi}] holds an invalid or repeated site ${s}`);
      if (table.sites[s].kind !== table.sites[g[0]].kind) throw new Error(`${fn}: groups[${gi}] mixes site kinds`);
      groupOf.set(s, gi);
    }
  });
  // The members of a group must be alike: H and the set of dissipators invariant under a cyclic
  // shift and a transposition of each group's members (these generate all permutations).
  const permuted = (e: OperatorExpression, perm: Map<number, number>): OperatorExpression => {
    const terms = new Map<number, Poly>();
    for (const [id, c] of e.terms) {
      const pairs = table.siteLists[id].map((site, j) => [perm.get(site) ?? site, table.codeLists[id][j]] as [number, number]);
      pairs.sort((x, y) => x[0] - y[0]);
      terms.set(table.intern(pairs.map((x) => x[0]), pairs.map((x) => x[1])), c);
    }
    return new OperatorExpression(context, terms);
  };
  const same = (x: OperatorExpression, y: OperatorExpression) => x.minus(y).terms.size === 0;
  const rateOf = (r: CumulantModel['dissipators'] extends readonly (infer D)[] | undefined ? D : never) =>
    typeof r.rate === 'number' ? `n${r.rate}` : typeof r.rate === 'string' ? `p${r.rate}` : `e${r.rate.toString()}`;
  (sys.groups as readonly (readonly number[])[]).forEach((g, gi) => {
    if (g.length < 2) return;
    const perms = [new Map(g.map((s, r) => [s, g[(r + 1) % g.length]])), new Map([[g[0], g[1]], [g[1], g[0]]])];
    for (const perm of perms) {
      const h = sys.model.hamiltonian;
      const ds = sys.model.dissipators ?? [];
      const invariant =
        same(permuted(h, perm), h) &&
        ds.every((d) => {
          const j = permuted(d.jump, perm);
          const j2 = d.jump2 === undefined ? undefined : permuted(d.jump2, perm);
          return ds.some((e) => rateOf(e) === rateOf(d) && same(e.jump, j) && (j2 === undefined ? e.jump2 === undefined : e.jump2 !== undefined && same(e.jump2, j2)));
        });
      if (!invariant) throw new Error(`${fn}: the model is not symmetric under permutations of the members of groups[${gi}]`);
    }
  });
  const canonicalForm = (id: number): number => {
    const sites = table.siteLists[id];
    const codes = table.codeLists[id];
    const perGroup = sys.groups.map(() => [] as number[]);
    const out: [number, number][] = [];
    sites.forEach((s, j) => {
      const g = groupOf.get(s);
      if (g === undefined) out.push([s, codes[j]]);
      else perGroup[g].push(codes[j]);
    });
    perGroup.forEach((c, g) => c.sort((a, b) => a - b).forEach((code, r) => out.push([sys.groups[g][r], code])));
    out.sort((a, b) => a[0] - b[0]);
    return table.intern(out.map((x) => x[0]), out.map((x) => x[1]));
  };
  const canonicalMemo = new Map<number, { rep: number; conj: boolean }>();
  const canonical = (id: number): { rep: number; conj: boolean } => {
    let found = canonicalMemo.get(id);
    if (found === undefined) {
      const c = canonicalForm(id);
      const ca = canonicalForm(table.adjoint(id));
      found = table.keys[ca] < table.keys[c] ? { rep: ca, conj: true } : { rep: c, conj: false };
      canonicalMemo.set(id, found);
    }
    return found;
  };
  const operatorOf = (id: number) => new OperatorExpression(context, new Map([[id, new Map([['', { re: 1, im: 0 }]])]]));

  // Derive the class representatives only: the Heisenberg equation of each representative on the
  // explicit members, truncated (4.57/6.33), every factor mapped to its class; completion over
  // classes. The explicit system (every member's moments) is never built.
  const prepared = prepareModel(fn, sys.model);
  const k = config.order;
  const u1 = config.u1 ?? false;
  const chargeOf = chargeFunction(fn, table, config.charges);
  // members are alike only if they carry one charge: the σ+ (a†) charge of every member of a group equal
  sys.groups.forEach((g, gi) => {
    const raised = (s: number) => chargeOf(table.intern([s], [table.sites[s].kind === 'spin' ? SIGMA_PLUS : BOSON_BASE]));
    const q0 = raised(g[0]);
    for (const s of g) {
      if (raised(s) !== q0) {
        throw new Error(`${fn}: config.charges gives the members of groups[${gi}] different charges ('${table.sites[g[0]].name}': ${q0}, '${table.sites[s].name}': ${raised(s)}); a group's members must carry one charge`);
      }
    }
  });
  if (u1) checkU1Symmetry(fn, sys.model, chargeOf, config.charges !== undefined);
  const start = sys.moments.map((m, i) => {
    if (!(m instanceof OperatorExpression) || m.context !== context || m.terms.size !== 1 || m.terms.has(0)) {
      throw new Error(`${fn}: moments[${i}] must be one non-identity monomial of the model's algebra`);
    }
    const id = m.terms.keys().next().value as number;
    if (table.orders[id] > k) throw new Error(`${fn}: moments[${i}] (${table.name(id)}) has more than order ${k} operators`);
    if (u1 && chargeOf(id) !== 0) throw new Error(`${fn}: moments[${i}] (${table.name(id)}) has phase charge ${chargeOf(id)}; with u1 every moment must be neutral`);
    return canonical(id).rep;
  });
  const cache = new Map<number, MomentExpansion>();
  const classes = new Map<string, MomentClass>();
  const queue = [...new Set(start)];
  const seen = new Set(queue);
  const realClass = new Map<number, boolean>();
  const nameOf = new Map<number, string>();
  const isReal = (rep: number): boolean => {
    let r = realClass.get(rep);
    if (r === undefined) realClass.set(rep, (r = canonicalForm(table.adjoint(rep)) === rep));
    return r;
  };
  // The truncated expansion of a monomial at the level of classes: every permutation of a group's
  // members gives the same classes of factors, so it is computed once per canonical form.
  type ClassProduct = { key: string; factors: { name: string; conj: boolean }[]; w: number; wAbs: number };
  const classExpansionMemo = new Map<number, ClassProduct[]>();
  const classExpansion = (id: number): ClassProduct[] => {
    const cid = canonicalForm(id);
    let found = classExpansionMemo.get(cid);
    if (found !== undefined) return found;
    const byKey = new Map<string, ClassProduct>();
    const ex = expandMoment(table, cid, k, cache);
    for (let s = 0; s < ex.products.length; s++) {
      const product = ex.products[s];
      if (u1 && product.some((f) => chargeOf(f) !== 0)) continue;
      const factors = product.map((f) => {
        const cf = canonical(f);
        if (!seen.has(cf.rep)) {
          seen.add(cf.rep);
          queue.push(cf.rep);
        }
        let name = nameOf.get(cf.rep);
        if (name === undefined) nameOf.set(cf.rep, (name = table.name(cf.rep)));
        return { name, conj: isReal(cf.rep) ? false : cf.conj };
      });
      factors.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : Number(x.conj) - Number(y.conj)));
      const key = factors.map((f) => f.name + (f.conj ? '*' : '')).join('|');
      const old = byKey.get(key);
      if (old === undefined) byKey.set(key, { key, factors, w: ex.coeffs[s], wAbs: Math.abs(ex.coeffs[s]) });
      else {
        old.w += ex.coeffs[s];
        old.wAbs += Math.abs(ex.coeffs[s]);
      }
    }
    found = [...byKey.values()];
    classExpansionMemo.set(cid, found);
    return found;
  };
  for (let q = 0; q < queue.length; q++) {
    const rep = queue[q];
    const rhs = adjointGenerator(prepared, operatorOf(rep));
    const terms = new Map<string, ClassTerm>();
    for (const [id, c] of rhs.terms) {
      // a charged monomial has a charged factor in every product of its expansion
      if (u1 && chargeOf(id) !== 0) continue;
      for (const { key, factors, w, wAbs } of classExpansion(id)) {
        let term = terms.get(key);
        if (term === undefined) terms.set(key, (term = { factors, coefficient: new Map(), magnitude: new Map() }));
        for (const [pk, v] of c) {
          const old = term.coefficient.get(pk);
          if (old === undefined) term.coefficient.set(pk, { re: v.re * w, im: v.im * w });
          else {
            old.re += v.re * w;
            old.im += v.im * w;
          }
          // the size of what was summed: the scale of this coefficient's rounding
          const mag = term.magnitude.get(pk);
          // |v|, not the addends of v: L†O of a member sums terms of every other member that cancel
          // exactly, and counting them would widen the snapping tolerance n-fold
          const vr = Math.abs(v.re) * wAbs;
          const vi = Math.abs(v.im) * wAbs;
          if (mag === undefined) term.magnitude.set(pk, { re: vr, im: vi });
          else {
            mag.re += vr;
            mag.im += vi;
          }
        }
      }
    }
    classes.set(table.name(rep), { rep, name: table.name(rep), latex: table.name(rep, true), order: table.orders[rep], real: isReal(rep), terms });
  }
  // the product cache is per derivation: a finished sample keeps its table only for names and ids
  table.clearProducts();
  return { table, parameters: context.parameters, classes, canonical, operatorOf, chargeOf, rateChecks: prepared.rateChecks };
}

/** Snapping tolerance of a fitted coefficient, relative to Σ|W|·(what was summed): a few tens of ε. */
const SNAP = 32 * Number.EPSILON;

// Solves the Vandermonde system of nodes x (3 of them) for polynomial coefficients, in place along one axis.
function vandermonde3(x: readonly number[], f: readonly number[]): number[] {
  const [x0, x1, x2] = x;
  const [f0, f1, f2] = f;
  // Newton divided differences, then expand to monomial coefficients
  const d1 = (f1 - f0) / (x1 - x0);
  const d2 = ((f2 - f1) / (x2 - x1) - d1) / (x2 - x0);
  return [f0 - d1 * x0 + d2 * x0 * x1, d1 - d2 * (x0 + x1), d2];
}

/**
 * Cumulant equations for groups of identical sites of symbolic size (thesis 4.52–4.58, App. 6.D):
 * every member of a group is alike, so a moment depends only on how many members carry which
 * operator ("all spins equal", ⟨σ+_iσ−_j⟩ = ⟨σ+σ−⟩ for i ≠ j). The equations are derived with
 * explicit members for three sizes per group (n0 = k + 2 … k + 4), each moment mapped to its class
 * (the members relabelled in operator order) and every coefficient, a polynomial of degree ≤ 2 in
 * the sizes (sums over one or two other members: factors such as N − 1, N − 2), interpolated and
 * written with the size parameters; derivations at n0 + 3 for every group and at n0 + 4 for each
 * group in turn check that the interpolation is exact. With `charges`, a group's members must
 * carry one charge. The result has the shape of `cumulantEquations`' (compile it with
 * `compileCumulantRhs`); its moments are the classes, named by their representative on the
 * first members.
 *
 * @param build - `(sizes) => { model, moments, groups }`: the model with sizes[g] explicit members in group g
 * @param config - `{ order, u1 = false, charges?, sizes: [size parameter of each group] }` (`charges` only with `u1`, one charge per group)
 * @example
 * // N spins with collective decay (V/N)·D[S−] and gain γ+: order 2 closes on 3 classes
 * const build = ([n]) => {
 *   const alg = operatorAlgebra({ sites: Array.from({ length: n }, (_, i) => ({ kind: 'spin', name: String(i + 1) })), parameters: ['VN', 'gp', 'N'] });
 *   const sMinus = alg.sum(Array.from({ length: n }, (_, i) => alg.sigmaMinus(i)));
 *   const gain = Array.from({ length: n }, (_, i) => ({ rate: 'gp', jump: alg.sigmaPlus(i) }));
 *   return { model: { hamiltonian: alg.scalar(0), dissipators: [{ rate: 'VN', jump: sMinus }, ...gain] }, moments: [alg.sigmaZ(0)], groups: [Array.from({ length: n }, (_, i) => i)] };
 * };
 * const eqs = groupCumulantEquations(build, { order: 2, u1: true, sizes: ['N'] });
 * eqs.moments.map((m) => m.name); // ['σz_1', 'σ+_1σ−_2', 'σz_1σz_2']
 * eqs.toText().split('\n')[0]; // 'd⟨σz_1⟩/dt = (-VN + gp) + (-VN - gp)·⟨σz_1⟩ + (2·VN - 2·VN·N)·⟨σ+_1σ−_2⟩' — 2V(1 − N)/N = −2V(N − 1)/N
 */
export function groupCumulantEquations(
  build: (sizes: readonly number[]) => GroupSystem,
  config: GroupCumulantEquationsConfig,
): GroupCumulantEquations {
  const fn = 'groupCumulantEquations';
  if (typeof build !== 'function') throw new Error(`${fn}: argument 'build' must be a function (sizes) => { model, moments, groups }`);
  if (config === null || typeof config !== 'object') throw new Error(`${fn}: argument 'config' must be { order, u1?, charges?, sizes }`);
  if (!Array.isArray(config.sizes) || config.sizes.length === 0) throw new Error(`${fn}: config.sizes must name the size parameter of each group, e.g. ['N']`);
  const k = config.order;
  if (!Number.isInteger(k) || k < 1) throw new Error(`${fn}: config.order must be an integer ≥ 1, got ${String(k)}`);
  if (config.charges !== undefined && !(config.u1 ?? false)) throw new Error(`${fn}: config.charges requires config.u1: the charges only steer the U(1) filter`);
  const G = config.sizes.length;
  const n0 = k + 2;
  const nodes = [n0, n0 + 1, n0 + 2];
  // the sample grid {n0, n0+1, n0+2}^G (last group fastest)
  const grid: number[][] = [[]];
  for (let g = 0; g < G; g++) grid.splice(0, grid.length, ...grid.flatMap((p) => nodes.map((n) => [...p, n])));
  // check points beyond the grid: the diagonal n0 + 3 (whose algebra carries the result) and, per
  // group, that group at n0 + 4 — an error that vanishes on the diagonal (e.g. N_A³ − N_B³) or at
  // one extra size (a factor (N − n0)…(N − n0 − 3)) still shows at one of them
  const checkPoints = [Array<number>(G).fill(n0 + 3), ...Array.from({ length: G }, (_, g) => Array.from({ length: G }, (_, h) => (h === g ? n0 + 4 : n0 + 3)))];
  const samples = grid.map((sizes) => deriveSample(fn, build, sizes, config));
  const checks = checkPoints.map((sizes) => deriveSample(fn, build, sizes, config));
  const check = checks[0];
  const parameters = check.parameters;
  const sizeIndex = config.sizes.map((s) => {
    const i = parameters.indexOf(s);
    if (i < 0) throw new Error(`${fn}: config.sizes: '${s}' is not a parameter of the algebra [${parameters.join(', ')}]`);
    return i;
  });
  const names = [...check.classes.keys()].sort();
  for (const s of [...samples, ...checks]) {
    if ([...s.classes.keys()].sort().join('\n') !== names.join('\n')) {
      throw new Error(`${fn}: the moment classes differ between group sizes; is the model symmetric within each group?`);
    }
  }

  // The inverse Vandermonde matrix of the nodes (coefficients of 1, n, n² from the values at the
  // nodes), applied along every group's axis of a grid tensor; |W| carries the rounding scale.
  const W = [0, 1, 2].map((i) => vandermonde3(nodes, [0, 1, 2].map((j) => (i === j ? 1 : 0))));
  const absW = W.map((col) => col.map(Math.abs));
  const alongAxes = (values: number[], cols: number[][]): number[] => {
    let out = values;
    for (let g = G - 1; g >= 0; g--) {
      const stride = 3 ** (G - 1 - g);
      const next = out.slice();
      for (let base = 0; base < out.length; base++) {
        if (Math.floor(base / stride) % 3 !== 0) continue;
        for (let a = 0; a < 3; a++) {
          let acc = 0;
          for (let i = 0; i < 3; i++) acc += cols[i][a] * out[base + i * stride];
          next[base + a * stride] = acc;
        }
      }
      out = next;
    }
    return out;
  };
  const exponents = grid.map((_, idx) => {
    const e = Array<number>(G).fill(0);
    let rest = idx;
    for (let g = G - 1; g >= 0; g--) {
      e[g] = rest % 3;
      rest = Math.floor(rest / 3);
    }
    return e;
  });

  // Interpolate each (class, term, parameter monomial) coefficient over the grid; snap each fitted
  // coefficient within its own rounding scale; check at every check point.
  const termOf = (s: Sample, name: string, key: string) => (s.classes.get(name) as MomentClass).terms.get(key);
  const fitted = new Map<string, Map<string, ClassTerm>>();
  for (const name of names) {
    const termKeys = new Set<string>();
    for (const s of [...samples, ...checks]) for (const key of (s.classes.get(name) as MomentClass).terms.keys()) termKeys.add(key);
    const terms = new Map<string, ClassTerm>();
    for (const key of termKeys) {
      const paramKeys = new Set<string>();
      let factors: ClassTerm['factors'] = [];
      for (const s of [...samples, ...checks]) {
        const t = termOf(s, name, key);
        if (t !== undefined) {
          factors = t.factors;
          for (const pk of t.coefficient.keys()) paramKeys.add(pk);
        }
      }
      const coefficient: Poly = new Map();
      for (const pk of paramKeys) {
        for (const part of ['re', 'im'] as const) {
          const valueAt = (s: Sample) => termOf(s, name, key)?.coefficient.get(pk)?.[part] ?? 0;
          const scaleAt = (s: Sample) => termOf(s, name, key)?.magnitude.get(pk)?.[part] ?? Math.abs(valueAt(s));
          const fit = alongAxes(samples.map(valueAt), W);
          // the rounding of c_a is a few ε of Σ_i |W_ai|·(what was summed into value i): snap (or
          // drop) only within 32ε of it, so a numeric rate 1e-11 off a rational is kept
          const tol = alongAxes(samples.map(scaleAt), absW).map((x) => SNAP * x);
          for (let a = 0; a < fit.length; a++) {
            let c = fit[a];
            // the coefficients are rationals with small denominators: clean the interpolation's rounding
            const r = Math.round(c * 720) / 720;
            if (Math.abs(c - r) <= tol[a]) c = r;
            if (Math.abs(c) <= tol[a]) c = 0;
            fit[a] = c;
            if (c === 0) continue;
            let mono: Poly = new Map([[pk, { re: part === 're' ? c : 0, im: part === 'im' ? c : 0 }]]);
            for (let g = 0; g < G; g++) for (let e = 0; e < exponents[a][g]; e++) mono = polyTimes(mono, polyParameter(sizeIndex[g]));
            polyAddScaledInto(coefficient, mono, 1);
          }
          // the check: the fitted polynomial at each check point against the derivation there,
          // within 1e-10 of the size of its terms
          checks.forEach((s, j) => {
            let got = 0;
            let size = scaleAt(s);
            for (let a = 0; a < fit.length; a++) {
              let m = fit[a];
              for (let g = 0; g < G; g++) m *= checkPoints[j][g] ** exponents[a][g];
              got += m;
              size += Math.abs(m);
            }
            if (Math.abs(got - valueAt(s)) > 1e-10 * size) {
              throw new Error(
                `${fn}: a coefficient of d⟨${name}⟩/dt is not a polynomial of degree ≤ 2 in each group size (term ${key || '1'}: ${valueAt(s)} at sizes [${checkPoints[j].join(', ')}], the fit gives ${got})`,
              );
            }
          });
        }
      }
      if (polyClean(coefficient).size > 0) terms.set(key, { factors, coefficient, magnitude: new Map() });
    }
    fitted.set(name, terms);
  }

  // Assemble: classes sorted by order, then name; slots; terms on class indices.
  const table = check.table;
  const classList = names.map((n) => check.classes.get(n) as MomentClass).sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : 1));
  const indexOf = new Map(classList.map((c, i) => [c.name, i]));
  let offset = 0;
  const moments: MomentVariable[] = classList.map((c) => {
    const v = { name: c.name, latex: c.latex, order: c.order, real: c.real, offset, operator: check.operatorOf(c.rep) };
    offset += c.real ? 1 : 2;
    return v;
  });
  const equations: CumulantTerm[][] = classList.map((c) =>
    [...(fitted.get(c.name) as Map<string, ClassTerm>).values()]
      .map((t) => ({ coefficient: t.coefficient, factors: t.factors.map((f) => indexOf.get(f.name) as number), conjugate: t.factors.map((f) => f.conj) }))
      .sort((a, b) => a.factors.length - b.factors.length || a.factors.join(',').localeCompare(b.factors.join(','))),
  );
  const closures: { real: boolean; terms: { coeff: number; factors: number[]; conjugate: boolean[] }[] }[] = [];
  const closureOf = new Map<string, number>();
  const closureForm = {
    closures,
    equations: equations.map((terms) =>
      terms.map((t) => {
        if (t.factors.length === 0) return { coefficient: t.coefficient, kind: 'one' as const, index: 0, conjugate: false };
        if (t.factors.length === 1) return { coefficient: t.coefficient, kind: 'moment' as const, index: t.factors[0], conjugate: t.conjugate[0] };
        const key = t.factors.map((f, j) => `${f}${t.conjugate[j] ? '*' : ''}`).join(',');
        let h = closureOf.get(key);
        if (h === undefined) {
          h = closures.length;
          closureOf.set(key, h);
          closures.push({ real: t.factors.every((f) => moments[f].real), terms: [{ coeff: 1, factors: [...t.factors], conjugate: [...t.conjugate] }] });
        }
        return { coefficient: t.coefficient, kind: 'closure' as const, index: h, conjugate: false };
      }),
    ),
  };
  const factorName = (v: number, conj: boolean, latex: boolean): string => {
    const rep = classList[v].rep;
    const id = conj ? table.adjoint(rep) : rep;
    return latex ? `\\langle ${table.name(id, true)} \\rangle` : `⟨${table.name(id)}⟩`;
  };
  const cache = new Map<number, MomentExpansion>();
  const u1 = config.u1 ?? false;
  const momentValue = (y: ArrayLike<number>, id: number): { re: number; im: number } => {
    if (id === 0) return { re: 1, im: 0 };
    if (u1 && check.chargeOf(id) !== 0) return { re: 0, im: 0 };
    const c = check.canonical(id);
    const v = indexOf.get(table.name(c.rep));
    if (v === undefined) throw new Error(`value: the moment ⟨${table.name(id)}⟩ is not a variable of these equations`);
    const m = moments[v];
    const im = m.real ? 0 : y[m.offset + 1];
    return { re: y[m.offset], im: c.conj ? -im : im };
  };
  return {
    order: k,
    parameters,
    moments,
    equations,
    size: offset,
    closureForm,
    ...(config.charges === undefined ? {} : { charges: config.charges }),
    // (from the sample at checkSizes: its members' rates, e.g. one per site, are deduplicated when compiled)
    rateChecks: check.rateChecks,
    checkSizes: checkPoints[0],
    classOf: (id) => {
      const c = check.canonical(id);
      const v = indexOf.get(table.name(c.rep));
      return v === undefined ? undefined : { index: v, conj: c.conj && !moments[v].real };
    },
    value: (y, o, p = []) => {
      if (!(o instanceof OperatorExpression) || o.context.table !== table) {
        throw new Error("value: argument 'o' must be an expression of the algebra of the equations' moments (eqs.moments[i].operator)");
      }
      let re = 0;
      let im = 0;
      for (const [id, c] of o.terms) {
        const cv = polyValue(c, p);
        const ex = expandMoment(table, id, k, cache);
        for (let s = 0; s < ex.products.length; s++) {
          let pr = ex.coeffs[s];
          let pi = 0;
          for (const f of ex.products[s]) {
            const z = momentValue(y, f);
            const t = pr * z.re - pi * z.im;
            pi = pr * z.im + pi * z.re;
            pr = t;
          }
          re += cv.re * pr - cv.im * pi;
          im += cv.re * pi + cv.im * pr;
        }
      }
      return { re, im };
    },
    toText: () => formatEquations(moments, equations, parameters, factorName, false),
    toLatex: () => formatEquations(moments, equations, parameters, factorName, true),
  };
}
