import { polyParameter, type Poly } from './coefficient';
import { MonomialTable, BOSON_BASE, SIGMA_MINUS, SIGMA_PLUS, SIGMA_Z, type SiteSpec } from './monomial-table';
import { OperatorExpression, type AlgebraContext } from './operator-expression';

/** Options of {@link operatorAlgebra}. */
export interface OperatorAlgebraConfig {
  /** The sites, in order (their index is their position). */
  readonly sites: readonly SiteSpec[];
  /** Names of the real parameters the coefficients may contain, in the order of the `p` array of a compiled right-hand side. */
  readonly parameters?: readonly string[];
}

/** Operators of one algebra; a site is named by its index or its name. */
export interface OperatorAlgebra extends AlgebraContext {
  readonly sites: readonly SiteSpec[];
  /** a of a boson site. */
  destroy(site: number | string): OperatorExpression;
  /** a† of a boson site. */
  create(site: number | string): OperatorExpression;
  /** σ+ = |1⟩⟨0| of a spin site (thesis 4.24). */
  sigmaPlus(site: number | string): OperatorExpression;
  /** σ− = |0⟩⟨1| of a spin site. */
  sigmaMinus(site: number | string): OperatorExpression;
  /** σz = |1⟩⟨1| − |0⟩⟨0| of a spin site. */
  sigmaZ(site: number | string): OperatorExpression;
  /** σx = σ+ + σ− of a spin site, rewritten in σ±. */
  sigmaX(site: number | string): OperatorExpression;
  /** σy = i(σ− − σ+) of a spin site (the convention of @qsync/operators), rewritten in σ±. */
  sigmaY(site: number | string): OperatorExpression;
  /** A real parameter (one of `parameters`) as a scalar expression. */
  parameter(name: string): OperatorExpression;
  /** A complex number as a scalar expression. */
  scalar(re: number, im?: number): OperatorExpression;
  /** Σ of expressions (0 for none). */
  sum(terms: readonly OperatorExpression[]): OperatorExpression;
}

/**
 * An operator algebra of bosonic modes ([a, a†] = 1) and spins-1/2 (σ±, σz; products on one
 * site reduced, e.g. σ+σ− = (1 + σz)/2, in the basis of thesis Eq. 4.24), operators on different
 * sites commuting, with coefficients that are polynomials in named real parameters. Its
 * expressions are the input of {@link heisenbergEquation} and {@link cumulantEquations}.
 *
 * @param config - `{ sites: [{ kind: 'boson' | 'spin', name }], parameters = [] }`
 * @example
 * const alg = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }, { kind: 'spin', name: '1' }], parameters: ['g'] });
 * alg.destroy('a').times(alg.create('a')).toString(); // '1 + a†a'
 * alg.sigmaPlus(1).times(alg.sigmaMinus(1)).toString(); // '0.5 + 0.5·σz_1'
 * alg.sigmaX(1).times(alg.sigmaY(1)).toString(); // 'i·σz_1'
 * alg.parameter('g').times(alg.create('a')).times(alg.sigmaMinus(1)).dagger().toString(); // 'g·aσ+_1'
 */
export function operatorAlgebra(config: OperatorAlgebraConfig): OperatorAlgebra {
  const fn = 'operatorAlgebra';
  if (config === null || typeof config !== 'object' || !Array.isArray(config.sites)) {
    throw new Error(`${fn}: argument 'config' must be { sites: [{ kind, name }], parameters? }`);
  }
  const sites = config.sites;
  const names = new Set<string>();
  sites.forEach((s, i) => {
    if (s === null || typeof s !== 'object' || (s.kind !== 'boson' && s.kind !== 'spin')) {
      throw new Error(`${fn}: sites[${i}].kind must be 'boson' or 'spin', got ${String(s?.kind)}`);
    }
    if (typeof s.name !== 'string' || s.name === '' || names.has(s.name)) {
      throw new Error(`${fn}: sites[${i}].name must be a non-empty string unique among the sites, got '${String(s.name)}'`);
    }
    names.add(s.name);
  });
  const parameters = [...(config.parameters ?? [])];
  parameters.forEach((p, i) => {
    if (typeof p !== 'string' || p === '' || parameters.indexOf(p) !== i) {
      throw new Error(`${fn}: parameters[${i}] must be a non-empty string unique among the parameters, got '${String(p)}'`);
    }
  });
  const context: AlgebraContext = { table: new MonomialTable(sites), parameters };

  const siteIndex = (op: string, site: number | string, kind: SiteSpec['kind']): number => {
    const i = typeof site === 'number' ? site : sites.findIndex((s) => s.name === site);
    if (!Number.isInteger(i) || i < 0 || i >= sites.length) {
      throw new Error(`${op}: argument 'site' must be a site index 0…${sites.length - 1} or a site name, got ${String(site)}`);
    }
    if (sites[i].kind !== kind) throw new Error(`${op}: site ${String(site)} is a ${sites[i].kind}, expected a ${kind}`);
    return i;
  };
  const single = (i: number, code: number, re = 1, im = 0): OperatorExpression =>
    new OperatorExpression(context, new Map([[context.table.intern([i], [code]), new Map([['', { re, im }]])]]));
  const scalar = (re: number, im = 0): OperatorExpression => {
    if (!Number.isFinite(re) || !Number.isFinite(im)) throw new Error(`scalar: the value must be finite, got ${re} + ${im}i`);
    return new OperatorExpression(context, new Map([[0, new Map([['', { re, im }]])]]));
  };

  return {
    ...context,
    sites,
    destroy: (s) => single(siteIndex('destroy', s, 'boson'), 1),
    create: (s) => single(siteIndex('create', s, 'boson'), BOSON_BASE),
    sigmaPlus: (s) => single(siteIndex('sigmaPlus', s, 'spin'), SIGMA_PLUS),
    sigmaMinus: (s) => single(siteIndex('sigmaMinus', s, 'spin'), SIGMA_MINUS),
    sigmaZ: (s) => single(siteIndex('sigmaZ', s, 'spin'), SIGMA_Z),
    sigmaX: (s) => {
      const i = siteIndex('sigmaX', s, 'spin');
      return single(i, SIGMA_PLUS).plus(single(i, SIGMA_MINUS));
    },
    sigmaY: (s) => {
      const i = siteIndex('sigmaY', s, 'spin');
      return single(i, SIGMA_MINUS, 0, 1).plus(single(i, SIGMA_PLUS, 0, -1));
    },
    parameter: (name) => {
      const k = parameters.indexOf(name);
      if (k < 0) throw new Error(`parameter: '${name}' is not one of the algebra's parameters [${parameters.join(', ')}]`);
      return new OperatorExpression(context, new Map<number, Poly>([[0, polyParameter(k)]]));
    },
    scalar,
    sum: (terms) => terms.reduce((acc, t) => acc.plus(t), scalar(0)),
  };
}
