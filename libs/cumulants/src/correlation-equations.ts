import { denseZeros, type DenseMatrix } from '@qsync/linalg';
import { polyValue } from './coefficient';
import type { CumulantEquations } from './cumulant-equations';
import { adjointGenerator, chargeFunction, prepareModel, type CumulantModel } from './cumulant-model';
import { OperatorExpression } from './operator-expression';

/** The linear regression equations dc/dτ = M c of two-time correlations; see {@link correlationEquations}. */
export interface CorrelationEquations {
  /** The operators X_i of c_i(τ) = ⟨X_i(t + τ)B(t)⟩; X_0 = A. */
  readonly operators: readonly OperatorExpression[];
  /** Their names, e.g. ['a†', 'σ+_d1', …]. */
  readonly names: readonly string[];
  /** M (complex, interleaved, row-major), m × m. */
  readonly matrix: DenseMatrix;
  /** c(0) = ⟨X_i B⟩ at time t (complex, interleaved), through the truncation of the equations. */
  readonly initial: Float64Array;
}

/**
 * The quantum-regression equations of the two-time correlations c_i(τ) = ⟨X_i(t + τ)B(t)⟩ with
 * the factorization of thesis Eqs. (6.19) and (7.13): d/dτ⟨X(τ)B⟩ = ⟨(L†X)(τ)B⟩, and every
 * monomial Y of L†X is written Y = x·R with x one operator (on its own site) of the phase charge
 * of A — under the charges the equations were derived with (`config.charges`) — and R the rest, ⟨Y(τ)B⟩ ≈ ⟨R⟩⟨x(τ)B⟩ — R at its value in `y` (the truncated moments at
 * time t, held fixed over τ: e.g. ⟨σz a†(τ) a⟩ ≈ s_z⟨a†(τ)a⟩). Starting from X_0 = A the set
 * is completed with every such x, so M is the thesis's (6.20)/(7.14) for those models. With y a
 * steady state it gives (7.15), with y(t) the quasi-static (7.16); see `regressionSpectrum`.
 * A monomial that has no such factor (or several), or a constant term, is refused by name.
 *
 * @param model - the master equation the moment equations were derived from
 * @param equations - its cumulant equations (their truncation evaluates ⟨R⟩ and c(0))
 * @param config - `{ a, b, y, p }`: A (a monomial of one operator, e.g. a† or σ+), B, the moments y at t, the parameters p
 * @example
 * // a thermal mode, H = Δa†a, loss κ−, gain κ+: ⟨a†(τ)a⟩ = n̄e^{(iΔ − (κ− − κ+)/2)τ}, M = iΔ − (κ− − κ+)/2
 * const alg = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }], parameters: ['Delta', 'km', 'kp'] });
 * const model = { hamiltonian: alg.parameter('Delta').times(alg.create(0).times(alg.destroy(0))), dissipators: [{ rate: 'km', jump: alg.destroy(0) }, { rate: 'kp', jump: alg.create(0) }] };
 * const eqs = cumulantEquations(model, { moments: [alg.create(0).times(alg.destroy(0))], order: 2, u1: true });
 * const c = correlationEquations(model, eqs, { a: alg.create(0), b: alg.destroy(0), y: Float64Array.of(0.5), p: Float64Array.of(2, 1.5, 0.5) });
 * c.names; // ['a†']
 * Array.from(c.matrix.data); // [-0.5, 2]
 * Array.from(c.initial); // [0.5, 0]
 */
export function correlationEquations(
  model: CumulantModel,
  equations: CumulantEquations,
  config: { readonly a: OperatorExpression; readonly b: OperatorExpression; readonly y: ArrayLike<number>; readonly p?: ArrayLike<number> },
): CorrelationEquations {
  const fn = 'correlationEquations';
  const prepared = prepareModel(fn, model);
  const context = prepared.context;
  const table = context.table;
  if (equations === null || typeof equations !== 'object' || typeof equations.value !== 'function') {
    throw new Error(`${fn}: argument 'equations' must come from cumulantEquations`);
  }
  if (equations.moments.length > 0 && equations.moments[0].operator.context !== context) {
    throw new Error(`${fn}: argument 'equations' must be derived in the model's operatorAlgebra`);
  }
  if (config === null || typeof config !== 'object') throw new Error(`${fn}: argument 'config' must be { a, b, y, p }`);
  const { a, b, y } = config;
  const p = config.p ?? [];
  if (!(a instanceof OperatorExpression) || a.context !== context || a.terms.size !== 1 || table.orders[a.terms.keys().next().value as number] !== 1) {
    throw new Error(`${fn}: config.a must be one operator of the model's operatorAlgebra, e.g. alg.create(0) or alg.sigmaPlus(1)`);
  }
  if (!(b instanceof OperatorExpression) || b.context !== context) throw new Error(`${fn}: config.b must be an expression of the model's operatorAlgebra`);
  if (y === null || typeof y !== 'object' || typeof y.length !== 'number' || y.length < equations.size) {
    throw new Error(`${fn}: config.y must hold the ${equations.size} moment values`);
  }
  for (let i = 0; i < equations.size; i++) if (!Number.isFinite(y[i])) throw new Error(`${fn}: config.y[${i}] must be finite, got ${y[i]}`);
  const aId = a.terms.keys().next().value as number;
  // A's partners x carry A's phase charge under the equations' own assignment (config.charges, if declared)
  const chargeOf = chargeFunction(fn, table, equations.charges);
  const charge = chargeOf(aId);

  const ids: number[] = [aId];
  const index = new Map<number, number>([[aId, 0]]);
  const rows: Map<number, { re: number; im: number }>[] = [];
  for (let q = 0; q < ids.length; q++) {
    const x = new OperatorExpression(context, new Map([[ids[q], new Map([['', { re: 1, im: 0 }]])]]));
    const row = new Map<number, { re: number; im: number }>();
    for (const [id, c] of adjointGenerator(prepared, x).terms) {
      const cv = polyValue(c, p);
      if (!Number.isFinite(cv.re) || !Number.isFinite(cv.im)) throw new Error(`${fn}: config.p must hold the values of [${context.parameters.join(', ')}]`);
      if (cv.re === 0 && cv.im === 0) continue;
      if (id === 0) throw new Error(`${fn}: L†(${table.name(ids[q])}) has a constant term; the regression of fluctuations around a nonzero mean is not supported`);
      const atoms = table.atoms(id);
      const n = atoms.length / 2;
      const candidates: number[] = [];
      for (let j = 0; j < n; j++) {
        const single = table.fromAtoms(atoms, [j]);
        const shared = atoms.some((s, k) => k % 2 === 0 && k / 2 !== j && s === atoms[2 * j]);
        if (chargeOf(single) === charge && !shared) candidates.push(j);
      }
      if (candidates.length !== 1) {
        throw new Error(
          `${fn}: the term ${table.name(id)} of L†(${table.name(ids[q])}) has ${candidates.length} operators of A's phase charge on sites of their own; the factorization ⟨x R(τ)B⟩ ≈ ⟨R⟩⟨x(τ)B⟩ needs exactly one`,
        );
      }
      const j = candidates[0];
      const member = table.fromAtoms(atoms, [j]);
      const rest = table.fromAtoms(atoms, atoms.map((_, k) => k).filter((k) => k < n && k !== j));
      const r = rest === 0 ? { re: 1, im: 0 } : equations.value(y, new OperatorExpression(context, new Map([[rest, new Map([['', { re: 1, im: 0 }]])]])), p);
      if (!index.has(member)) {
        index.set(member, ids.length);
        ids.push(member);
      }
      const old = row.get(member) ?? { re: 0, im: 0 };
      row.set(member, { re: old.re + cv.re * r.re - cv.im * r.im, im: old.im + cv.re * r.im + cv.im * r.re });
    }
    rows.push(row);
  }
  const m = ids.length;
  const matrix = denseZeros(m, m);
  rows.forEach((row, i) => {
    for (const [id, v] of row) {
      const j = index.get(id) as number;
      matrix.data[2 * (i * m + j)] = v.re;
      matrix.data[2 * (i * m + j) + 1] = v.im;
    }
  });
  const operators = ids.map((id) => new OperatorExpression(context, new Map([[id, new Map([['', { re: 1, im: 0 }]])]])));
  const initial = new Float64Array(2 * m);
  operators.forEach((x, i) => {
    const v = equations.value(y, x.times(b), p);
    initial[2 * i] = v.re;
    initial[2 * i + 1] = v.im;
  });
  return { operators, names: ids.map((id) => table.name(id)), matrix, initial };
}
