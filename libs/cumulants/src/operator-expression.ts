import { polyAddScaledInto, polyClean, polyConj, polyText, polyTimes, type Poly } from './coefficient';
import type { MonomialTable } from './monomial-table';

/** The algebra an expression belongs to: its interned monomials and its parameter names. */
export interface AlgebraContext {
  readonly table: MonomialTable;
  readonly parameters: readonly string[];
}

/** A number, or a complex number {re, im}, or an expression of the same algebra. */
export type ExpressionLike = number | { readonly re: number; readonly im: number } | OperatorExpression;

/**
 * A sum Σ_m c_m·m of normal-ordered operator monomials m with coefficients c_m that are
 * polynomials in the algebra's real parameters (complex numeric factors). Immutable: every
 * operation returns a new expression. Made by {@link operatorAlgebra}.
 *
 * @example
 * const alg = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }], parameters: ['chi'] });
 * const n = alg.create(0).times(alg.destroy(0));
 * n.times(n).toString(); // 'a†a + a†^2a^2'
 * alg.destroy(0).commutator(alg.create(0)).toString(); // '1'
 * alg.parameter('chi').times(n).toLatex(); // 'chi a^{\\dagger} a'
 */
export class OperatorExpression {
  /** @internal monomial id → coefficient */
  readonly terms: ReadonlyMap<number, Poly>;

  /** @internal */
  constructor(readonly context: AlgebraContext, terms: Map<number, Poly>) {
    for (const [id, c] of terms) if (polyClean(c).size === 0) terms.delete(id);
    this.terms = terms;
  }

  private lift(x: ExpressionLike, what: string): OperatorExpression {
    if (x instanceof OperatorExpression) {
      if (x.context !== this.context) throw new Error(`OperatorExpression.${what}: the operand belongs to another operatorAlgebra`);
      return x;
    }
    const re = typeof x === 'number' ? x : x?.re;
    const im = typeof x === 'number' ? 0 : x?.im;
    if (!Number.isFinite(re) || !Number.isFinite(im)) {
      throw new Error(`OperatorExpression.${what}: the operand must be a finite number, {re, im} or an expression, got ${String(x)}`);
    }
    return new OperatorExpression(this.context, new Map([[0, new Map([['', { re, im }]])]]));
  }

  /** this + x. */
  plus(x: ExpressionLike): OperatorExpression {
    const y = this.lift(x, 'plus');
    const out = new Map<number, Poly>();
    for (const e of [this, y]) {
      for (const [id, c] of e.terms) {
        const acc = out.get(id) ?? new Map();
        polyAddScaledInto(acc, c, 1);
        out.set(id, acc);
      }
    }
    return new OperatorExpression(this.context, out);
  }

  /** this − x. */
  minus(x: ExpressionLike): OperatorExpression {
    return this.plus(this.lift(x, 'minus').times(-1));
  }

  /** The operator product this·x, normal ordered per site. */
  times(x: ExpressionLike): OperatorExpression {
    const y = this.lift(x, 'times');
    const table = this.context.table;
    const out = new Map<number, Poly>();
    for (const [a, ca] of this.terms) {
      for (const [b, cb] of y.terms) {
        const c = polyTimes(ca, cb);
        const prod = table.product(a, b);
        for (let k = 0; k < prod.ids.length; k++) {
          const id = prod.ids[k];
          let acc = out.get(id);
          if (acc === undefined) out.set(id, (acc = new Map()));
          polyAddScaledInto(acc, c, prod.coeffs[k]);
        }
      }
    }
    return new OperatorExpression(this.context, out);
  }

  /** The adjoint (parameters are real, so coefficients are conjugated). */
  dagger(): OperatorExpression {
    const out = new Map<number, Poly>();
    for (const [id, c] of this.terms) out.set(this.context.table.adjoint(id), polyConj(c));
    return new OperatorExpression(this.context, out);
  }

  /** The commutator [this, x]. */
  commutator(x: ExpressionLike): OperatorExpression {
    const y = this.lift(x, 'commutator');
    return this.times(y).minus(y.times(this));
  }

  /** Whether the expression is a multiple of the identity (a rate or a coefficient). */
  isScalar(): boolean {
    for (const id of this.terms.keys()) if (id !== 0) return false;
    return true;
  }

  /** The expression as text, e.g. `-1·J σz_1σz_2 + …`; terms ordered by monomial order, then name. */
  toString(): string {
    return this.format(false);
  }

  /** The expression in LaTeX. */
  toLatex(): string {
    return this.format(true);
  }

  private format(latex: boolean): string {
    const table = this.context.table;
    const ids = [...this.terms.keys()].sort((a, b) => table.orders[a] - table.orders[b] || (table.keys[a] < table.keys[b] ? -1 : 1));
    if (ids.length === 0) return '0';
    return ids
      .map((id) => {
        const c = polyText(this.terms.get(id) as Poly, this.context.parameters, latex);
        const wrapped = (this.terms.get(id) as Poly).size > 1 ? `(${c})` : c;
        if (id === 0) return wrapped;
        const name = table.name(id, latex);
        return wrapped === '1' ? name : wrapped === '-1' ? `-${name}` : `${wrapped}${latex ? ' ' : '·'}${name}`;
      })
      .join(' + ')
      .replace(/\+ -/g, '- ');
  }
}
