import { polyAddScaledInto, polyClean, polyValue, type Poly } from './coefficient';
import { expandMoment, type MomentExpansion } from './cumulant-expansion';
import { adjointGenerator, chargeFunction, checkU1Symmetry, prepareModel, type ChargeAssignment, type CumulantModel, type RateCheck } from './cumulant-model';
import { formatEquations } from './format-equations';
import { OperatorExpression } from './operator-expression';

/** Options of {@link cumulantEquations}. */
export interface CumulantEquationsConfig {
  /** The moments to start from (each one monomial, e.g. `alg.sigmaZ(2)`); the system is completed from them. */
  readonly moments: readonly OperatorExpression[];
  /** Truncation order k ≥ 1: joint cumulants of more than k operators are set to zero (4.57, 6.33). */
  readonly order: number;
  /**
   * U(1) filter: drop every moment of nonzero phase charge (σ+, a† count +1; σ−, a count −1), as
   * the thesis does for U(1)-symmetric models (text after 4.57): such moments vanish in a
   * phase-averaged state. The model is checked first: a Hamiltonian term of nonzero charge, a jump
   * of mixed charge or a cross dissipator whose two operators differ in charge is refused by name.
   * Default false.
   */
  readonly u1?: boolean;
  /**
   * With `u1` (required: without it `charges` is refused): the phase charge of each site's σ+ or a† (σ−, a carry minus it), by site name or as a
   * function of the name; unnamed sites have charge 1. E.g. `{ b: -1 }` for a parametric coupling
   * ab + a†b†, which conserves a†a − b†b. The model must conserve the declared charge, and the
   * moments of nonzero declared charge are dropped.
   */
  readonly charges?: ChargeAssignment;
}

/** One moment variable of the system. */
export interface MomentVariable {
  /** Text name, e.g. `σ+_1σz_2`. */
  readonly name: string;
  /** LaTeX name. */
  readonly latex: string;
  /** Number of operators in it (a†a counts 2). */
  readonly order: number;
  /** Whether it is self-adjoint: then ⟨O⟩ is real and takes one slot of y, otherwise two (re, im). */
  readonly real: boolean;
  /** Its first slot in y. */
  readonly offset: number;
  /** The moment's operator (one monomial), e.g. for `toOperator`. */
  readonly operator: OperatorExpression;
}

/** One term coefficient·Π⟨factor⟩ of a right-hand side; a factor is a moment variable or its conjugate. */
export interface CumulantTerm {
  /** @internal polynomial in the parameters */
  readonly coefficient: Poly;
  /** Index into `moments` of each factor. */
  readonly factors: readonly number[];
  /** Whether each factor enters conjugated (⟨O†⟩ = conj⟨O⟩). */
  readonly conjugate: readonly boolean[];
}

/**
 * @internal The equations before the products are multiplied out: each right-hand side is linear
 * in the moment variables and in the "closures" (moments of order > k, each written once as its
 * cumulant expansion), so a compiled right-hand side evaluates every closure once, however many
 * equations use it.
 */
export interface CumulantClosureForm {
  readonly closures: readonly { readonly real: boolean; readonly terms: readonly { coeff: number; factors: readonly number[]; conjugate: readonly boolean[] }[] }[];
  readonly equations: readonly (readonly { coefficient: Poly; kind: 'one' | 'moment' | 'closure'; index: number; conjugate: boolean }[])[];
}

/** A closed system of moment equations; see {@link cumulantEquations}. */
export interface CumulantEquations {
  readonly order: number;
  readonly parameters: readonly string[];
  /** The moment variables, sorted by order, then name; one of each conjugate pair. */
  readonly moments: readonly MomentVariable[];
  /** The right-hand side of each moment's equation. */
  readonly equations: readonly (readonly CumulantTerm[])[];
  /** Number of real slots of y: one per real moment, two per complex one. */
  readonly size: number;
  /** @internal */
  readonly closureForm: CumulantClosureForm;
  /** @internal the declared charge assignment (config.charges), which the regression functions use to pick A's partners */
  readonly charges?: ChargeAssignment;
  /** @internal symbolic net rates of equal-operator dissipators, which a compiled right-hand side checks (≥ 0) when p changes */
  readonly rateChecks?: readonly RateCheck[];
  /** ⟨o⟩ for y (and parameters p, if o's coefficients hold any): moments of order > k through the truncation, U(1)-charged ones 0 when filtered. */
  value(y: ArrayLike<number>, o: OperatorExpression, p?: ArrayLike<number>): { re: number; im: number };
  /** The equations as text, one per line: `d⟨σz_1⟩/dt = …`. */
  toText(): string;
  /** The equations as a LaTeX `align*` body, one per line. */
  toLatex(): string;
}

const rankOf = (table: { orders: number[]; keys: string[] }) => (a: number, b: number) =>
  table.orders[a] - table.orders[b] || (table.keys[a] < table.keys[b] ? -1 : table.keys[a] > table.keys[b] ? 1 : 0);

/**
 * The cumulant-expansion equations of a master equation: the Heisenberg equations
 * d⟨O⟩/dt = ⟨L†O⟩ (thesis 3.9 with 6.3) of the given moments, every moment of more than k
 * operators replaced by products of lower moments with all joint cumulants of order > k set to
 * zero (thesis 4.57, 6.33), completed with the equations of every moment that appears until the
 * system closes, and folded by ⟨O†⟩ = conj⟨O⟩ (one of each pair kept, the one with the smaller
 * site/operator key). Optionally U(1)-filtered. `compileCumulantRhs` turns it into a fast
 * right-hand side.
 *
 * @param model - `{ hamiltonian, dissipators }` of one operatorAlgebra
 * @param config - `{ moments, order, u1 = false, charges? }` (`charges` only with `u1`)
 * @example
 * // two spins with loss γ and exchange g(σ+_1σ−_2 + h.c.): order 2 closes on 3 moments (4 real slots)
 * const alg = operatorAlgebra({ sites: [{ kind: 'spin', name: '1' }, { kind: 'spin', name: '2' }], parameters: ['g', 'gamma'] });
 * const hop = alg.sigmaPlus(0).times(alg.sigmaMinus(1));
 * const model = { hamiltonian: alg.parameter('g').times(hop.plus(hop.dagger())), dissipators: [0, 1].map((i) => ({ rate: 'gamma', jump: alg.sigmaMinus(i) })) };
 * const eqs = cumulantEquations(model, { moments: [alg.sigmaZ(0)], order: 2, u1: true });
 * eqs.moments.map((m) => m.name); // ['σz_1', 'σz_2', 'σ+_1σ−_2']
 * eqs.size; // 4
 * eqs.toText().split('\n')[0]; // 'd⟨σz_1⟩/dt = -gamma - gamma·⟨σz_1⟩ - 2i·g·⟨σ+_1σ−_2⟩ + 2i·g·⟨σ−_1σ+_2⟩'
 */
export function cumulantEquations(model: CumulantModel, config: CumulantEquationsConfig): CumulantEquations {
  const fn = 'cumulantEquations';
  const prepared = prepareModel(fn, model);
  const context = prepared.context;
  const table = context.table;
  if (config === null || typeof config !== 'object' || !Array.isArray(config.moments)) {
    throw new Error(`${fn}: argument 'config' must be { moments: OperatorExpression[], order, u1?, charges? }`);
  }
  const k = config.order;
  if (!Number.isInteger(k) || k < 1) throw new Error(`${fn}: config.order must be an integer ≥ 1, got ${String(k)}`);
  const u1 = config.u1 ?? false;
  if (config.charges !== undefined && !u1) throw new Error(`${fn}: config.charges requires config.u1: the charges only steer the U(1) filter`);
  const chargeOf = chargeFunction(fn, table, config.charges);
  if (u1) checkU1Symmetry(fn, model, chargeOf, config.charges !== undefined);
  if (config.moments.length === 0) throw new Error(`${fn}: config.moments must hold at least one moment`);
  const start = config.moments.map((m, i) => {
    if (!(m instanceof OperatorExpression) || m.context !== context || m.terms.size !== 1 || m.terms.has(0)) {
      throw new Error(`${fn}: config.moments[${i}] must be one non-identity monomial of the model's operatorAlgebra, e.g. alg.sigmaZ(0)`);
    }
    const id = m.terms.keys().next().value as number;
    if (table.orders[id] > k) throw new Error(`${fn}: config.moments[${i}] (${table.name(id)}) has more than order ${k} operators`);
    if (u1 && chargeOf(id) !== 0) throw new Error(`${fn}: config.moments[${i}] (${table.name(id)}) has phase charge ${chargeOf(id)}; with u1 every moment must be neutral`);
    return id;
  });

  const repOf = (id: number): number => {
    const adj = table.adjoint(id);
    return table.keys[adj] < table.keys[id] ? adj : id;
  };
  const cache = new Map<number, MomentExpansion>();
  const found = new Map<number, number>(); // rep id → discovery index
  const reps: number[] = [];
  const raw: Map<string, { factors: number[]; coefficient: Poly }>[] = [];
  const linear: Map<string, { id: number; conjugate: boolean; coefficient: Poly }>[] = [];
  const closureOf = new Map<number, number>(); // rep id of a moment of order > k → closure index
  const closureIds: number[] = [];
  const add = (id: number): void => {
    const r = repOf(id);
    if (!found.has(r)) {
      found.set(r, reps.length);
      reps.push(r);
    }
  };
  for (const id of start) add(id);
  for (let q = 0; q < reps.length; q++) {
    const m = reps[q];
    const rhs = adjointGenerator(prepared, new OperatorExpression(context, new Map([[m, new Map([['', { re: 1, im: 0 }]])]])));
    const acc = new Map<string, { factors: number[]; coefficient: Poly }>();
    const lin = new Map<string, { id: number; conjugate: boolean; coefficient: Poly }>();
    for (const [id, c] of rhs.terms) {
      if (!(u1 && chargeOf(id) !== 0)) {
        const r = table.orders[id] > k ? repOf(id) : id === 0 ? 0 : repOf(id);
        if (table.orders[id] > k && !closureOf.has(r)) {
          closureOf.set(r, closureIds.length);
          closureIds.push(r);
        }
        const key = `${r}:${r !== id}`;
        let term = lin.get(key);
        if (term === undefined) lin.set(key, (term = { id: r, conjugate: r !== id, coefficient: new Map() }));
        polyAddScaledInto(term.coefficient, c, 1);
      }
      const ex = expandMoment(table, id, k, cache);
      for (let s = 0; s < ex.products.length; s++) {
        const factors = ex.products[s];
        if (u1 && factors.some((f) => chargeOf(f) !== 0)) continue;
        for (const f of factors) add(f);
        const key = factors.join(',');
        let term = acc.get(key);
        if (term === undefined) acc.set(key, (term = { factors: factors as number[], coefficient: new Map() }));
        polyAddScaledInto(term.coefficient, c, ex.coeffs[s]);
      }
    }
    raw.push(acc);
    linear.push(lin);
  }

  // Sort the variables, assign slots, and write each term on them.
  const order = reps.map((_, i) => i).sort((a, b) => rankOf(table)(reps[a], reps[b]));
  const position = new Int32Array(reps.length);
  order.forEach((q, i) => (position[q] = i));
  let offset = 0;
  const moments: MomentVariable[] = order.map((q) => {
    const id = reps[q];
    const real = table.adjoint(id) === id;
    const operator = new OperatorExpression(context, new Map([[id, new Map([['', { re: 1, im: 0 }]])]]));
    const v = { name: table.name(id), latex: table.name(id, true), order: table.orders[id], real, offset, operator };
    offset += real ? 1 : 2;
    return v;
  });
  const equations: CumulantTerm[][] = order.map((q) => {
    const terms: CumulantTerm[] = [];
    for (const t of raw[q].values()) {
      if (polyClean(t.coefficient).size === 0) continue;
      const factors = t.factors.map((f) => position[found.get(repOf(f)) as number]);
      const conjugate = t.factors.map((f) => repOf(f) !== f);
      const idx = factors.map((_, j) => j).sort((a, b) => factors[a] - factors[b] || Number(conjugate[a]) - Number(conjugate[b]));
      terms.push({ coefficient: t.coefficient, factors: idx.map((j) => factors[j]), conjugate: idx.map((j) => conjugate[j]) });
    }
    // constant first, then by number of factors and the factors' positions
    const rank = (t: CumulantTerm) => t.factors.map((f, j) => 2 * f + Number(t.conjugate[j]));
    return terms.sort((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      if (ra.length !== rb.length) return ra.length - rb.length;
      for (let j = 0; j < ra.length; j++) if (ra[j] !== rb[j]) return ra[j] - rb[j];
      return 0;
    });
  });
  const repIds = order.map((q) => reps[q]);
  const varOf = new Map<number, number>(repIds.map((id, i) => [id, i]));
  const closureForm: CumulantClosureForm = {
    closures: closureIds.map((id) => {
      const ex = expandMoment(table, id, k, cache);
      const terms = [];
      for (let j = 0; j < ex.products.length; j++) {
        const f = ex.products[j];
        if (u1 && f.some((x) => chargeOf(x) !== 0)) continue;
        terms.push({ coeff: ex.coeffs[j], factors: f.map((x) => varOf.get(repOf(x)) as number), conjugate: f.map((x) => repOf(x) !== x) });
      }
      return { real: table.adjoint(id) === id, terms };
    }),
    equations: order.map((q) =>
      [...linear[q].values()]
        .filter((t) => polyClean(t.coefficient).size > 0)
        .map((t) =>
          t.id === 0
            ? { coefficient: t.coefficient, kind: 'one' as const, index: 0, conjugate: false }
            : table.orders[t.id] > k
              ? { coefficient: t.coefficient, kind: 'closure' as const, index: closureOf.get(t.id) as number, conjugate: t.conjugate }
              : { coefficient: t.coefficient, kind: 'moment' as const, index: varOf.get(t.id) as number, conjugate: t.conjugate },
        ),
    ),
  };

  const factorName = (v: number, conj: boolean, latex: boolean): string => {
    const id = conj ? table.adjoint(repIds[v]) : repIds[v];
    return latex ? `\\langle ${table.name(id, true)} \\rangle` : `⟨${table.name(id)}⟩`;
  };
  const format = (latex: boolean): string => formatEquations(moments, equations, context.parameters, factorName, latex);

  const momentValue = (y: ArrayLike<number>, id: number): { re: number; im: number } => {
    if (id === 0) return { re: 1, im: 0 };
    if (u1 && chargeOf(id) !== 0) return { re: 0, im: 0 };
    const r = repOf(id);
    const v = varOf.get(r);
    if (v === undefined) throw new Error(`value: the moment ⟨${table.name(id)}⟩ is not a variable of these equations`);
    const m = moments[v];
    const re = y[m.offset];
    const im = m.real ? 0 : y[m.offset + 1];
    return { re, im: r === id ? im : -im };
  };
  const value = (y: ArrayLike<number>, o: OperatorExpression, p: ArrayLike<number> = []): { re: number; im: number } => {
    if (!(o instanceof OperatorExpression) || o.context !== context) throw new Error("value: argument 'o' must be an expression of the equations' operatorAlgebra");
    if (y.length < offset) throw new Error(`value: argument 'y' must hold ${offset} values, got ${y.length}`);
    let re = 0;
    let im = 0;
    for (const [id, c] of o.terms) {
      const cv = polyValue(c, p);
      if (!Number.isFinite(cv.re) || !Number.isFinite(cv.im)) throw new Error(`value: argument 'p' must hold the values of [${context.parameters.join(', ')}]`);
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
  };

  return {
    order: k,
    parameters: context.parameters,
    moments,
    equations,
    size: offset,
    closureForm,
    ...(config.charges === undefined ? {} : { charges: config.charges }),
    rateChecks: prepared.rateChecks,
    value,
    toText: () => format(false),
    toLatex: () => format(true),
  };
}
