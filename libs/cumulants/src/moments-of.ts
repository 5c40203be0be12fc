import {
  create,
  destroy,
  expect,
  fockSpace,
  power,
  sigmaMinus,
  sigmaPlus,
  sigmaZ,
  spinHalfSpace,
  times,
  type DensityMatrix,
  type Operator,
} from '@qsync/operators';
import type { CumulantEquations } from './cumulant-equations';
import { BOSON_BASE, SIGMA_MINUS, SIGMA_PLUS } from './monomial-table';
import { toOperator } from './to-operator';

function assertEquations(equations: CumulantEquations): void {
  if (equations === null || typeof equations !== 'object' || !Array.isArray(equations.moments as unknown)) {
    throw new Error("momentsOf: argument 'equations' must come from cumulantEquations");
  }
}

// ⟨m⟩ in the product state ρ_1 ⊗ … ⊗ ρ_n: the product of one-site expectation values.
function productMoments(equations: CumulantEquations, states: readonly DensityMatrix[]): Float64Array {
  const table = equations.moments.length > 0 ? equations.moments[0].operator.context.table : null;
  const sites = table?.sites ?? [];
  if (states.length !== sites.length) {
    throw new Error(`momentsOf: argument 'rho' must hold one density matrix per site (${sites.length}), got ${states.length}`);
  }
  const local = new Map<string, Operator>();
  const localOperator = (site: number, code: number): Operator => {
    const key = `${site}:${code}`;
    let op = local.get(key);
    if (op === undefined) {
      const dim = states[site].dims.length === 1 ? states[site].dims[0] : -1;
      if (sites[site].kind === 'spin') {
        if (dim !== 2) throw new Error(`momentsOf: rho[${site}] must be a spin-1/2 density matrix (dims [2]), got dims [${states[site].dims.join(', ')}]`);
        const s = spinHalfSpace();
        op = code === SIGMA_PLUS ? sigmaPlus(s) : code === SIGMA_MINUS ? sigmaMinus(s) : sigmaZ(s);
      } else {
        if (dim < 1) throw new Error(`momentsOf: rho[${site}] must be a one-mode density matrix, got dims [${states[site].dims.join(', ')}]`);
        const f = fockSpace(dim);
        op = times(power(create(f), Math.floor(code / BOSON_BASE)), power(destroy(f), code % BOSON_BASE));
      }
      local.set(key, op);
    }
    return op;
  };
  const values = new Map<string, { re: number; im: number }>();
  const y = new Float64Array(equations.size);
  for (const m of equations.moments) {
    const id = m.operator.terms.keys().next().value as number;
    const siteList = (table as NonNullable<typeof table>).siteLists[id];
    const codes = (table as NonNullable<typeof table>).codeLists[id];
    let re = 1;
    let im = 0;
    for (let j = 0; j < siteList.length; j++) {
      const key = `${siteList[j]}:${codes[j]}`;
      let v = values.get(key);
      if (v === undefined) values.set(key, (v = expect(localOperator(siteList[j], codes[j]), states[siteList[j]])));
      const t = re * v.re - im * v.im;
      im = re * v.im + im * v.re;
      re = t;
    }
    y[m.offset] = re;
    if (!m.real) y[m.offset + 1] = im;
  }
  return y;
}

/**
 * The moment variables of a system of cumulant equations in a state, as the y of its right-hand
 * side: y[m.offset] = Re Tr[m ρ] (and y[m.offset + 1] = Im for complex moments). The initial
 * condition of a cumulant run, or the state at which to compare its right-hand side with the
 * master equation's. `rho` is either one density matrix of all sites (dims: 2 per spin, a Fock
 * cutoff per boson) or, for a product state ρ_1 ⊗ … ⊗ ρ_n, the list of one-site density
 * matrices — then nothing of size 2^n is built, each moment is a product of one-site values.
 *
 * @param equations - from `cumulantEquations`
 * @param rho - a density matrix of all sites, or one density matrix per site
 * @example
 * // a spin in |1⟩ (up): ⟨σz⟩ = 1
 * const alg = operatorAlgebra({ sites: [{ kind: 'spin', name: '1' }] });
 * const eqs = cumulantEquations({ hamiltonian: alg.sigmaX(0), dissipators: [{ rate: 1, jump: alg.sigmaMinus(0) }] }, { moments: [alg.sigmaZ(0)], order: 1 });
 * const up = pureState(fockKet(spinHalfSpace(), 1));
 * momentsOf(eqs, up); // Float64Array [0, 0, 1] — Re⟨σ+⟩, Im⟨σ+⟩, ⟨σz⟩
 * momentsOf(eqs, [up]); // Float64Array [0, 0, 1]
 */
export function momentsOf(equations: CumulantEquations, rho: DensityMatrix | readonly DensityMatrix[]): Float64Array {
  assertEquations(equations);
  if (Array.isArray(rho)) return productMoments(equations, rho as readonly DensityMatrix[]);
  const state = rho as DensityMatrix;
  if (state === null || typeof state !== 'object' || !Array.isArray(state.dims)) {
    throw new Error("momentsOf: argument 'rho' must be a DensityMatrix or an array of one per site");
  }
  const y = new Float64Array(equations.size);
  for (const m of equations.moments) {
    const v = expect(toOperator(m.operator, state.dims), state);
    y[m.offset] = v.re;
    if (!m.real) y[m.offset + 1] = v.im;
  }
  return y;
}
