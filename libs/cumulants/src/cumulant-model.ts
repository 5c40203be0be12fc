import { polyAddScaledInto, polyText, polyTimes, type Poly } from './coefficient';
import { BOSON_BASE, SIGMA_MINUS, SIGMA_PLUS, type MonomialTable } from './monomial-table';
import { OperatorExpression, type AlgebraContext } from './operator-expression';

/**
 * One dissipative term rate·D[jump]ρ, or with `jump2` the cross dissipator of thesis Eq. (6.3),
 * rate·D[o1, o2]ρ = rate·(o1ρo2† − ½{o2†o1, ρ}), o1 = jump, o2 = jump2.
 *
 * The rate of a cross dissipator may be negative (a V+ < 0 in 6.3). The net rate of an
 * equal-operator dissipator D[J] (no `jump2`, or `jump2` equal to `jump`; summed over the
 * dissipators on the same J) must be ≥ 0: a negative one is a gain, not a Lindblad term. A numeric
 * net rate is checked when the model is prepared; a symbolic one (a parameter name or expression)
 * has no sign until the parameters have values, so `compileCumulantRhs`'s right-hand side checks
 * it whenever p changes.
 */
export interface CumulantDissipator {
  /** A number, a parameter name, or a scalar expression (e.g. `alg.parameter('V').times(1 / N)`). */
  readonly rate: number | string | OperatorExpression;
  readonly jump: OperatorExpression;
  readonly jump2?: OperatorExpression;
}

/** A master equation ρ̇ = −i[H, ρ] + Σ_k rate_k D[o1_k, o2_k]ρ (thesis 3.8, 6.3) in an operator algebra. */
export interface CumulantModel {
  /** The Hamiltonian (Hermitian for real parameter values). */
  readonly hamiltonian: OperatorExpression;
  readonly dissipators?: readonly CumulantDissipator[];
}

/** @internal The model checked and prepared for repeated derivations. */
export interface PreparedModel {
  readonly context: AlgebraContext;
  /** i·H, so that i[H, O] = iH·O − O·iH */
  readonly iH: OperatorExpression;
  readonly terms: readonly { rate: OperatorExpression; o1: OperatorExpression; o2dag: OperatorExpression; halfN: OperatorExpression }[];
  /** The symbolic net rates of the equal-operator dissipators, each to be ≥ 0 at the parameters' values. */
  readonly rateChecks: readonly RateCheck[];
}

/** @internal A net rate that must be ≥ 0 once the parameters have values: which dissipators, and the rate. */
export interface RateCheck {
  /** e.g. `model.dissipators[2] (D[σ−_1], rate gamma)` */
  readonly what: string;
  readonly rate: Poly;
}

// |net| below this fraction of Σ|rate| is a cancellation (as in coefficient.ts), not a sign
const RATE_CANCEL = 1e-14;

/**
 * The net rate of each equal-operator dissipator D[J] (summed over the dissipators on the same J)
 * must be ≥ 0 — the diagonal of the Kossakowski matrix; only cross dissipators D[o1, o2] (thesis
 * 6.3) may carry a negative V+. A numeric net rate is checked here; symbolic ones are returned.
 */
function equalOperatorRates(fn: string, dissipators: readonly CumulantDissipator[], terms: PreparedModel['terms']): RateCheck[] {
  const byJump = new Map<string, { indices: number[]; jump: OperatorExpression; rate: Poly }>();
  terms.forEach((t, k) => {
    const jump2 = dissipators[k].jump2;
    if (jump2 !== undefined && t.o1.minus(jump2).terms.size > 0) return;
    const key = JSON.stringify([...t.o1.terms].sort((a, b) => a[0] - b[0]).map(([id, c]) => [id, [...c].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([m, v]) => [m, v.re, v.im])]));
    let entry = byJump.get(key);
    if (entry === undefined) byJump.set(key, (entry = { indices: [], jump: t.o1, rate: new Map() }));
    entry.indices.push(k);
    polyAddScaledInto(entry.rate, t.rate.terms.get(0) ?? new Map(), 1);
  });
  const checks: RateCheck[] = [];
  const names = terms.length > 0 ? terms[0].o1.context.parameters : [];
  for (const { indices, jump, rate } of byJump.values()) {
    const which = indices.length === 1 ? `model.dissipators[${indices[0]}]` : `model.dissipators[${indices.join(', ')}] (all on one jump)`;
    const symbolic = [...rate.keys()].some((m) => m !== '');
    if (symbolic) {
      checks.push({ what: `${which} (D[${jump.toString()}], net rate ${polyText(rate, names)})`, rate });
      continue;
    }
    const v = rate.get('') ?? { re: 0, im: 0, sre: 0 };
    if (v.re < 0 && Math.abs(v.re) > RATE_CANCEL * (v.sre ?? Math.abs(v.re))) {
      throw new Error(
        `${fn}: ${which}: the ${indices.length === 1 ? 'rate' : 'net rate'} of D[${jump.toString()}] must be ≥ 0, got ${v.re}: ` +
          'a negative rate on an equal-operator dissipator is a gain, not a Lindblad term (only a cross dissipator D[o1, o2], jump2 ≠ jump, may have one: thesis 6.3)',
      );
    }
  }
  return checks;
}

/** @internal */
export function prepareModel(fn: string, model: CumulantModel): PreparedModel {
  if (model === null || typeof model !== 'object' || !(model.hamiltonian instanceof OperatorExpression)) {
    throw new Error(`${fn}: argument 'model' must be { hamiltonian: OperatorExpression, dissipators? }`);
  }
  const context = model.hamiltonian.context;
  const h = model.hamiltonian;
  const defect = h.minus(h.dagger());
  if (defect.terms.size > 0) throw new Error(`${fn}: model.hamiltonian must be Hermitian; H − H† = ${defect.toString()}`);
  const dissipators = model.dissipators ?? [];
  if (!Array.isArray(dissipators)) throw new Error(`${fn}: model.dissipators must be an array of { rate, jump, jump2? }`);
  const scalarOne = h.minus(h).plus(1);
  const terms = dissipators.map((d, k) => {
    const check = (e: unknown, what: string): OperatorExpression => {
      if (!(e instanceof OperatorExpression) || e.context !== context) {
        throw new Error(`${fn}: model.dissipators[${k}].${what} must be an expression of the Hamiltonian's operatorAlgebra`);
      }
      return e;
    };
    let rate: OperatorExpression;
    if (typeof d.rate === 'number') {
      if (!Number.isFinite(d.rate)) throw new Error(`${fn}: model.dissipators[${k}].rate must be finite, got ${d.rate}`);
      rate = scalarOne.times(d.rate);
    } else if (typeof d.rate === 'string') {
      const i = context.parameters.indexOf(d.rate);
      if (i < 0) throw new Error(`${fn}: model.dissipators[${k}].rate '${d.rate}' is not a parameter [${context.parameters.join(', ')}]`);
      rate = new OperatorExpression(context, new Map<number, Poly>([[0, new Map([[String(i), { re: 1, im: 0 }]])]]));
    } else {
      rate = check(d.rate, 'rate');
      if (!rate.isScalar()) throw new Error(`${fn}: model.dissipators[${k}].rate must be a scalar, got ${rate.toString()}`);
      // a rate is real (parameters are real): an imaginary part would make the generator non-Lindblad
      for (const c of rate.terms.get(0)?.values() ?? []) {
        if (c.im !== 0) throw new Error(`${fn}: model.dissipators[${k}].rate must be real, got the complex ${rate.toString()}`);
      }
    }
    const o1 = check(d.jump, 'jump');
    const o2dag = (d.jump2 === undefined ? o1 : check(d.jump2, 'jump2')).dagger();
    return { rate, o1, o2dag, halfN: o2dag.times(o1).times(0.5) };
  });
  return { context, iH: h.times({ re: 0, im: 1 }), terms, rateChecks: equalOperatorRates(fn, dissipators, terms) };
}

type Terms = ReadonlyMap<number, Poly>;

// acc += scale · A·B (operator product, normal ordered), without intermediate expressions.
function addProductInto(acc: Map<number, Poly>, table: PreparedModel['context']['table'], a: Terms, b: Terms, scale: Poly): void {
  for (const [ia, ca] of a) {
    const cas = polyTimes(ca, scale);
    for (const [ib, cb] of b) {
      const prod = table.product(ia, ib);
      if (prod.ids.length === 0) continue;
      const c = polyTimes(cas, cb);
      for (let k = 0; k < prod.ids.length; k++) {
        let t = acc.get(prod.ids[k]);
        if (t === undefined) acc.set(prod.ids[k], (t = new Map()));
        polyAddScaledInto(t, c, prod.coeffs[k]);
      }
    }
  }
}

/** @internal L†O = i[H, O] + Σ_k rate_k (o2†O o1 − ½(O o2†o1 + o2†o1 O)), thesis Eq. (3.9) with (6.3). */
export function adjointGenerator(m: PreparedModel, o: OperatorExpression): OperatorExpression {
  const table = m.context.table;
  const acc = new Map<number, Poly>();
  const one: Poly = new Map([['', { re: 1, im: 0 }]]);
  const minusOne: Poly = new Map([['', { re: -1, im: 0 }]]);
  addProductInto(acc, table, m.iH.terms, o.terms, one);
  addProductInto(acc, table, o.terms, m.iH.terms, minusOne);
  for (const t of m.terms) {
    const rate = t.rate.terms.get(0);
    if (rate === undefined) continue;
    const minusRate = polyTimes(rate, minusOne);
    const left = new Map<number, Poly>();
    addProductInto(left, table, t.o2dag.terms, o.terms, one);
    addProductInto(acc, table, left, t.o1.terms, rate);
    addProductInto(acc, table, o.terms, t.halfN.terms, minusRate);
    addProductInto(acc, table, t.halfN.terms, o.terms, minusRate);
  }
  return new OperatorExpression(m.context, acc);
}

/**
 * @internal With the U(1) filter the model must be U(1)-symmetric (thesis text after 4.57): every
 * term of H neutral, each jump (and jump2) of one definite phase charge, jump and jump2 alike —
 * then e^{iθQ} commutes with the generator and moments of nonzero charge vanish in a
 * phase-averaged state. A term that breaks it is named (a drive Ωσx would otherwise be dropped
 * silently with the charged moments it feeds).
 */
export function checkU1Symmetry(fn: string, model: CumulantModel, chargeOf: (id: number) => number, declared = false): void {
  const h = model.hamiltonian;
  const termText = (e: OperatorExpression, id: number) => new OperatorExpression(e.context, new Map([[id, e.terms.get(id) as Poly]])).toString();
  const rule = declared ? '(under config.charges)' : '(σ+ and a† count +1, σ− and a −1)';
  for (const id of h.terms.keys()) {
    const q = chargeOf(id);
    if (q !== 0) {
      throw new Error(`${fn}: config.u1 is set but model.hamiltonian breaks the U(1) symmetry: its term ${termText(h, id)} has phase charge ${q} ${rule}; remove u1 or the term`);
    }
  }
  const chargeOfJump = (e: OperatorExpression, what: string): number => {
    let first = -1;
    for (const id of e.terms.keys()) {
      if (first < 0) first = id;
      else if (chargeOf(id) !== chargeOf(first)) {
        throw new Error(
          `${fn}: config.u1 is set but ${what} breaks the U(1) symmetry: it mixes the phase charges ${chargeOf(first)} (${termText(e, first)}) and ${chargeOf(id)} (${termText(e, id)}) ${rule}`,
        );
      }
    }
    return first < 0 ? 0 : chargeOf(first);
  };
  (model.dissipators ?? []).forEach((d, k) => {
    const q1 = chargeOfJump(d.jump, `model.dissipators[${k}].jump`);
    if (d.jump2 === undefined) return;
    const q2 = chargeOfJump(d.jump2, `model.dissipators[${k}].jump2`);
    if (q1 !== q2) {
      throw new Error(`${fn}: config.u1 is set but the cross dissipator model.dissipators[${k}] breaks the U(1) symmetry: jump has phase charge ${q1}, jump2 ${q2} ${rule}`);
    }
  });
}

/** A charge assignment: the phase charge of each site's σ+ or a† (σ−, a carry minus it), by site name. */
export type ChargeAssignment = Readonly<Record<string, number>> | ((siteName: string) => number);

/**
 * @internal The phase charge of a monomial: Σ over its sites of the site's charge times +1 per
 * σ+ or a†, −1 per σ− or a. Without an assignment every site has charge 1 (the table's own).
 */
export function chargeFunction(fn: string, table: MonomialTable, charges: ChargeAssignment | undefined): (id: number) => number {
  if (charges === undefined) return (id) => table.charges[id];
  const names = table.sites.map((s) => s.name);
  let weightOf: (name: string) => unknown;
  if (typeof charges === 'function') weightOf = charges;
  else if (charges !== null && typeof charges === 'object') {
    for (const key of Object.keys(charges)) {
      if (!names.includes(key)) throw new Error(`${fn}: config.charges names the site '${key}', which is not a site of the algebra [${names.join(', ')}]`);
    }
    weightOf = (name) => (Object.prototype.hasOwnProperty.call(charges, name) ? charges[name] : 1);
  } else throw new Error(`${fn}: config.charges must be { siteName: charge } or a function (siteName) => charge`);
  const weights = names.map((name) => {
    const w = weightOf(name);
    if (typeof w !== 'number' || !Number.isInteger(w)) throw new Error(`${fn}: config.charges: the charge of site '${name}' must be an integer, got ${String(w)}`);
    return w;
  });
  const memo = new Map<number, number>();
  return (id) => {
    let q = memo.get(id);
    if (q === undefined) {
      q = 0;
      const sites = table.siteLists[id];
      const codes = table.codeLists[id];
      for (let j = 0; j < sites.length; j++) {
        const c = codes[j];
        const local = table.sites[sites[j]].kind === 'spin' ? (c === SIGMA_PLUS ? 1 : c === SIGMA_MINUS ? -1 : 0) : Math.floor(c / BOSON_BASE) - (c % BOSON_BASE);
        q += weights[sites[j]] * local;
      }
      memo.set(id, q);
    }
    return q;
  };
}
