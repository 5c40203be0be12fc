import { polyValue } from './coefficient';
import type { CumulantEquations } from './cumulant-equations';
import type { RateCheck } from './cumulant-model';

/** A compiled right-hand side: writes d y/dt at (y, t) with parameter values p into out; allocates nothing. */
export type CumulantRhs = (out: Float64Array, y: Float64Array, t: number, p: Float64Array) => void;

// Factor references index a work array u = [y (size slots), closures (2 each), 0]: a factor is
// (re index, im index, im sign) with sign 0 and the zero slot for a real moment, −1 for a
// conjugated one, so that products need no branches.
class FactorList {
  re: number[] = [];
  im: number[] = [];
  sign: number[] = [];
  push(re: number, im: number, sign: number): void {
    this.re.push(re);
    this.im.push(im);
    this.sign.push(sign);
  }
}

/**
 * Compiles cumulant equations into an allocation-free right-hand side on real and imaginary parts,
 * `(out, y, t, p) => void`: for each moment variable m, out[m.offset] (and out[m.offset + 1] for a
 * complex one) receive Re (Im) of d⟨m⟩/dt. The parameters are read from `p` (in the order of
 * `equations.parameters`) at every call, so they can change without re-deriving or recompiling.
 *
 * The equations are flattened into typed arrays and evaluated by two loops: first every moment
 * of order > k that the equations use (a "closure") once, from its cumulant expansion (products
 * of moments with rational coefficients), then the equations, which are linear in the moments
 * and the closures with coefficients that are polynomials in p (evaluated once per call). The
 * work arrays belong to the returned function: do not call it re-entrantly.
 *
 * Whenever p differs from the values of the previous call (an O(number of parameters) comparison
 * per call, no allocation), p is checked: every parameter must be finite (a NaN would turn the
 * whole output into NaN), and the net rate of each equal-operator dissipator D[J] whose rate is
 * symbolic must be ≥ 0 at p (a negative one is a gain, not a Lindblad term; see
 * `CumulantDissipator`). Either error names the parameter or the dissipator.
 *
 * @param equations - from `cumulantEquations`
 * @example
 * // one decaying spin, H = 0: d⟨σz⟩/dt = −γ(1 + ⟨σz⟩)
 * const alg = operatorAlgebra({ sites: [{ kind: 'spin', name: '1' }], parameters: ['gamma'] });
 * const eqs = cumulantEquations({ hamiltonian: alg.scalar(0), dissipators: [{ rate: 'gamma', jump: alg.sigmaMinus(0) }] }, { moments: [alg.sigmaZ(0)], order: 1 });
 * const rhs = compileCumulantRhs(eqs);
 * const out = new Float64Array(1);
 * rhs(out, Float64Array.of(1), 0, Float64Array.of(0.5));
 * out[0]; // -1
 * rhs(out, Float64Array.of(1), 0, Float64Array.of(Number.NaN)); // throws "parameter 'gamma' = p[0] must be finite"
 * rhs(out, Float64Array.of(1), 0, Float64Array.of(-0.5)); // throws "must be ≥ 0 at p"
 */
export function compileCumulantRhs(equations: CumulantEquations): CumulantRhs {
  const fn = 'compileCumulantRhs';
  if (equations === null || typeof equations !== 'object' || !Array.isArray(equations.equations as unknown) || !Array.isArray(equations.moments as unknown)) {
    throw new Error(`${fn}: argument 'equations' must come from cumulantEquations`);
  }
  const { moments, size } = equations;
  const { closures, equations: linear } = equations.closureForm;
  const base = size; // closure h at u[base + 2h], u[base + 2h + 1]
  const zero = size + 2 * closures.length;
  const u = new Float64Array(zero + 1);
  const variable = (list: FactorList, v: number, conj: boolean) => {
    const m = moments[v];
    if (m.real) list.push(m.offset, zero, 0);
    else list.push(m.offset, m.offset + 1, conj ? -1 : 1);
  };

  // closures: per closure a range of terms, per term a real coefficient and a range of factors
  const closureTermStart: number[] = [0];
  const termCoeff: number[] = [];
  const termFactorStart: number[] = [0];
  const closureFactors = new FactorList();
  for (const c of closures) {
    for (const t of c.terms) {
      termCoeff.push(t.coeff);
      t.factors.forEach((v, j) => variable(closureFactors, v, t.conjugate[j]));
      termFactorStart.push(closureFactors.re.length);
    }
    closureTermStart.push(termCoeff.length);
  }

  // coefficient polynomials: distinct ones evaluated once per call into cRe, cIm
  const polyIndex = new Map<string, number>();
  const polyTermStart: number[] = [0];
  const polyRe: number[] = [];
  const polyIm: number[] = [];
  const polyParamStart: number[] = [0];
  const polyParams: number[] = [];
  // equations: per equation a range of terms, per term a coefficient index and one factor
  const eqTermStart: number[] = [0];
  const eqCoeff: number[] = [];
  const eqFactors = new FactorList();
  for (const terms of linear) {
    for (const t of terms) {
      const key = JSON.stringify([...t.coefficient]);
      let k = polyIndex.get(key);
      if (k === undefined) {
        k = polyIndex.size;
        polyIndex.set(key, k);
        for (const [monomial, v] of t.coefficient) {
          polyRe.push(v.re);
          polyIm.push(v.im);
          if (monomial !== '') for (const s of monomial.split('.')) polyParams.push(Number(s));
          polyParamStart.push(polyParams.length);
        }
        polyTermStart.push(polyRe.length);
      }
      eqCoeff.push(k);
      if (t.kind === 'one') eqFactors.push(zero, zero, 0); // the constant: x = 1 below
      else if (t.kind === 'moment') variable(eqFactors, t.index, t.conjugate);
      else if (closures[t.index].real) eqFactors.push(base + 2 * t.index, zero, 0);
      else eqFactors.push(base + 2 * t.index, base + 2 * t.index + 1, t.conjugate ? -1 : 1);
    }
    eqTermStart.push(eqCoeff.length);
  }
  const isConstant = Uint8Array.from(linear.flatMap((terms) => terms.map((t) => (t.kind === 'one' ? 1 : 0))));

  const I32 = (a: number[]) => Int32Array.from(a);
  const F64 = (a: number[]) => Float64Array.from(a);
  const cts = I32(closureTermStart), tc = F64(termCoeff), tfs = I32(termFactorStart);
  const cfr = I32(closureFactors.re), cfi = I32(closureFactors.im), cfs = F64(closureFactors.sign);
  const pts = I32(polyTermStart), pre = F64(polyRe), pim = F64(polyIm), pps = I32(polyParamStart), pp = I32(polyParams);
  const ets = I32(eqTermStart), ec = I32(eqCoeff), efr = I32(eqFactors.re), efi = I32(eqFactors.im), efs = F64(eqFactors.sign);
  const nClosures = closures.length;
  const nPolys = polyIndex.size;
  const cRe = new Float64Array(nPolys);
  const cIm = new Float64Array(nPolys);
  const outRe = Int32Array.from(moments.map((m) => m.offset));
  const outIm = Int32Array.from(moments.map((m) => (m.real ? -1 : m.offset + 1)));
  const nParameters = equations.parameters.length;
  const names = equations.parameters;
  // the symbolic net rates to keep ≥ 0 (a group's members share one: checked once, named by the first)
  const distinct = new Map<string, RateCheck>();
  for (const c of equations.rateChecks ?? []) {
    const key = JSON.stringify([...c.rate]);
    if (!distinct.has(key)) distinct.set(key, c);
  }
  const rateChecks = [...distinct.values()];
  // p of the last call that passed the checks (NaN: none yet, and NaN ≠ NaN keeps a NaN p checked)
  const checkedP = new Float64Array(nParameters).fill(Number.NaN);
  const checkParameters = (p: Float64Array): void => {
    for (let q = 0; q < nParameters; q++) {
      if (!Number.isFinite(p[q])) throw new Error(`cumulant right-hand side: parameter '${names[q]}' = p[${q}] must be finite, got ${p[q]}`);
    }
    for (const c of rateChecks) {
      const v = polyValue(c.rate, p).re;
      if (v < 0) {
        const values = names.map((name, q) => `${name} = ${p[q]}`).join(', ');
        throw new Error(`cumulant right-hand side: the net rate of ${c.what} must be ≥ 0 at p, got ${v} (${values}): on an equal-operator dissipator a negative rate is a gain, not a Lindblad term`);
      }
    }
    for (let q = 0; q < nParameters; q++) checkedP[q] = p[q];
  };

  return (out, y, _t, p) => {
    if (p.length < nParameters || y.length < size || out.length < size) {
      throw new Error(
        `cumulant right-hand side: needs y and out of length ${size} and p of length ${nParameters} [${equations.parameters.join(', ')}], ` +
          `got ${y.length}, ${out.length}, ${p.length}`,
      );
    }
    for (let q = 0; q < nParameters; q++) {
      if (p[q] !== checkedP[q]) {
        checkParameters(p);
        break;
      }
    }
    for (let k = 0; k < size; k++) u[k] = y[k];
    u[zero] = 0;
    // closures: Σ coeff · Π (re + i·sign·im)
    for (let h = 0; h < nClosures; h++) {
      let sr = 0;
      let si = 0;
      for (let j = cts[h]; j < cts[h + 1]; j++) {
        let xr = tc[j];
        let xi = 0;
        for (let f = tfs[j]; f < tfs[j + 1]; f++) {
          const br = u[cfr[f]];
          const bi = cfs[f] * u[cfi[f]];
          const tr = xr * br - xi * bi;
          xi = xr * bi + xi * br;
          xr = tr;
        }
        sr += xr;
        si += xi;
      }
      u[base + 2 * h] = sr;
      u[base + 2 * h + 1] = si;
    }
    // coefficient values at p
    for (let c = 0; c < nPolys; c++) {
      let re = 0;
      let im = 0;
      for (let j = pts[c]; j < pts[c + 1]; j++) {
        let m = 1;
        for (let q = pps[j]; q < pps[j + 1]; q++) m *= p[pp[q]];
        re += pre[j] * m;
        im += pim[j] * m;
      }
      cRe[c] = re;
      cIm[c] = im;
    }
    // equations: Σ c · x, x a moment, a closure or 1
    for (let e = 0; e < outRe.length; e++) {
      let sr = 0;
      let si = 0;
      for (let j = ets[e]; j < ets[e + 1]; j++) {
        const cr = cRe[ec[j]];
        const ci = cIm[ec[j]];
        const xr = isConstant[j] === 1 ? 1 : u[efr[j]];
        const xi = efs[j] * u[efi[j]];
        sr += cr * xr - ci * xi;
        si += cr * xi + ci * xr;
      }
      out[outRe[e]] = sr;
      if (outIm[e] >= 0) out[outIm[e]] = si;
    }
  };
}
