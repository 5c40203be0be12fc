import {
  create,
  destroy,
  embed,
  fockSpace,
  identity,
  plus,
  power,
  scaled,
  sigmaMinus,
  sigmaPlus,
  sigmaZ,
  spinHalfSpace,
  tensorSpace,
  times,
  type Operator,
  type Space,
} from '@qsync/operators';
import { polyValue } from './coefficient';
import { BOSON_BASE, SIGMA_MINUS, SIGMA_PLUS } from './monomial-table';
import { OperatorExpression } from './operator-expression';

/**
 * The matrix of an expression on a truncated Hilbert space, as an @qsync/operators Operator:
 * spin sites are spinHalfSpace() (dimension 2), boson site i is fockSpace(cutoffs) with
 * `dims[i]` levels, parameters take the values `p`. Near the Fock cutoff the truncated a, a†
 * no longer obey [a, a†] = 1, so the matrix is exact only on states far from it.
 *
 * @param expression - an expression of an operatorAlgebra
 * @param dims - the dimension of each site (2 for a spin)
 * @param p - parameter values, in the algebra's order (needed only when a coefficient holds a parameter)
 * @example
 * const alg = operatorAlgebra({ sites: [{ kind: 'spin', name: '1' }, { kind: 'boson', name: 'a' }] });
 * const o = toOperator(alg.sigmaPlus(0).times(alg.destroy(1)), [2, 3]);
 * o.dims; // [2, 3]
 * csrToDense(o.matrix).data[2 * (3 * 6 + 1)]; // 1 — ⟨1,0|σ+a|0,1⟩
 */
export function toOperator(expression: OperatorExpression, dims: readonly number[], p: ArrayLike<number> = []): Operator {
  const fn = 'toOperator';
  if (!(expression instanceof OperatorExpression)) throw new Error(`${fn}: argument 'expression' must be an OperatorExpression`);
  const { table, parameters } = expression.context;
  const sites = table.sites;
  if (!Array.isArray(dims) || dims.length !== sites.length) {
    throw new Error(`${fn}: argument 'dims' must hold one dimension per site (${sites.length}), got [${String(dims)}]`);
  }
  for (const c of expression.terms.values()) {
    for (const key of c.keys()) {
      if (key !== '' && p.length < parameters.length) {
        throw new Error(`${fn}: argument 'p' must hold the ${parameters.length} parameter values [${parameters.join(', ')}], got ${p.length}`);
      }
    }
  }
  const spaces: Space[] = sites.map((s, i) => {
    if (s.kind === 'spin') {
      if (dims[i] !== 2) throw new Error(`${fn}: dims[${i}] must be 2 (site '${s.name}' is a spin), got ${dims[i]}`);
      return spinHalfSpace();
    }
    if (!Number.isInteger(dims[i]) || dims[i] < 1) throw new Error(`${fn}: dims[${i}] must be an integer ≥ 1, got ${dims[i]}`);
    return fockSpace(dims[i]);
  });
  const space = tensorSpace(...spaces);
  let out = scaled(identity(space), 0);
  for (const [id, c] of expression.terms) {
    let m = identity(space);
    const siteList = table.siteLists[id];
    const codes = table.codeLists[id];
    for (let j = 0; j < siteList.length; j++) {
      const i = siteList[j];
      const code = codes[j];
      let local: Operator;
      if (sites[i].kind === 'spin') {
        local = code === SIGMA_PLUS ? sigmaPlus(spaces[i]) : code === SIGMA_MINUS ? sigmaMinus(spaces[i]) : sigmaZ(spaces[i]);
      } else {
        const nc = Math.floor(code / BOSON_BASE);
        const na = code % BOSON_BASE;
        local = times(power(create(spaces[i]), nc), power(destroy(spaces[i]), na));
      }
      m = times(m, embed(local, space, i));
    }
    out = plus(out, scaled(m, polyValue(c, p)));
  }
  return out;
}
