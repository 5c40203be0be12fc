import type { Poly } from './coefficient';
import type { CumulantEquations } from './cumulant-equations';

/** A compiled right-hand side: writes d y/dt at (y, t) with parameter values p into out; allocates nothing. */
export type CumulantRhs = (out: Float64Array, y: Float64Array, t: number, p: Float64Array) => void;

/** Options of {@link compileCumulantRhs}. */
export interface CompileCumulantRhsConfig {
  /** Terms per generated function (default 200): small functions stay within what V8 optimizes. */
  readonly termsPerFunction?: number;
}

const num = (x: number): string => (Object.is(x, -0) ? '0' : x.toString());

// A polynomial's real or imaginary part as JavaScript source (null when it is zero).
function polySource(c: Poly, part: 're' | 'im'): string | null {
  const terms: string[] = [];
  for (const [key, v] of c) {
    const f = v[part];
    if (f === 0) continue;
    const params = key === '' ? [] : key.split('.').map((s) => `p[${s}]`);
    if (params.length === 0) terms.push(num(f));
    else if (f === 1) terms.push(params.join('*'));
    else if (f === -1) terms.push(`-${params.join('*')}`);
    else terms.push(`${num(f)}*${params.join('*')}`);
  }
  return terms.length === 0 ? null : terms.join('+').replace(/\+-/g, '-');
}

/**
 * Compiles cumulant equations into an allocation-free right-hand side on real and imaginary parts,
 * `(out, y, t, p) => void`: for each moment variable m, out[m.offset] (and out[m.offset + 1] for a
 * complex one) receive Re (Im) of d⟨m⟩/dt. The parameters are read from `p` (in the order of
 * `equations.parameters`) at every call, so they can change without re-deriving or recompiling.
 * Each moment of order > k that the equations use (a closure) is evaluated once per call from its
 * cumulant expansion into a scratch array, and the equations are linear in the moments and the
 * closures. JavaScript source is generated and compiled with `new Function`, in functions of a few
 * hundred terms each so that V8 optimizes them. The scratch array belongs to the returned function:
 * do not call it re-entrantly.
 *
 * @param equations - from `cumulantEquations`
 * @param config - `{ termsPerFunction = 200 }`
 * @example
 * // one decaying spin, H = 0: d⟨σz⟩/dt = −γ(1 + ⟨σz⟩)
 * const alg = operatorAlgebra({ sites: [{ kind: 'spin', name: '1' }], parameters: ['gamma'] });
 * const eqs = cumulantEquations({ hamiltonian: alg.scalar(0), dissipators: [{ rate: 'gamma', jump: alg.sigmaMinus(0) }] }, { moments: [alg.sigmaZ(0)], order: 1 });
 * const rhs = compileCumulantRhs(eqs);
 * const out = new Float64Array(1);
 * rhs(out, Float64Array.of(1), 0, Float64Array.of(0.5));
 * out[0]; // -1
 */
export function compileCumulantRhs(equations: CumulantEquations, config: CompileCumulantRhsConfig = {}): CumulantRhs {
  const fn = 'compileCumulantRhs';
  if (equations === null || typeof equations !== 'object' || !Array.isArray(equations.equations as unknown) || !Array.isArray(equations.moments as unknown)) {
    throw new Error(`${fn}: argument 'equations' must come from cumulantEquations`);
  }
  const perFunction = config.termsPerFunction ?? 200;
  if (!Number.isInteger(perFunction) || perFunction < 1) {
    throw new Error(`${fn}: config.termsPerFunction must be an integer ≥ 1, got ${String(perFunction)}`);
  }
  const { moments } = equations;
  const { closures, equations: linear } = equations.closureForm;
  const bodies: string[] = [];
  let body: string[] = [];
  let coeffs = new Map<string, { name: string; re: string | null; im: string | null }>();
  let termCount = 0;
  const flush = () => {
    if (body.length === 0) return;
    const decl = [...coeffs.values()].flatMap((c) => [
      ...(c.re !== null ? [`const ${c.name}r=${c.re};`] : []),
      ...(c.im !== null ? [`const ${c.name}i=${c.im};`] : []),
    ]);
    bodies.push(`let xr=0,xi=0,tr=0,sr=0,si=0;\n${decl.join('\n')}\n${body.join('\n')}`);
    body = [];
    coeffs = new Map();
    termCount = 0;
  };
  const variable = (v: number, conj: boolean) => {
    const f = moments[v];
    return { re: `y[${f.offset}]`, im: f.real ? null : `${conj ? '-' : ''}y[${f.offset + 1}]` };
  };
  // x = Π factors, tracking at generation time whether its imaginary part is zero
  const product = (factors: { re: string; im: string | null }[], code: string[]): boolean => {
    let imagZero = true;
    factors.forEach(({ re, im }, j) => {
      if (j === 0) {
        code.push(`xr=${re};`);
        if (im !== null) code.push(`xi=${im};`);
        imagZero = im === null;
      } else if (im === null) {
        code.push(imagZero ? `xr*=${re};` : `xr*=${re};xi*=${re};`);
      } else if (imagZero) {
        code.push(`xi=xr*(${im});xr*=${re};`);
        imagZero = false;
      } else {
        code.push(`tr=xr*${re}-xi*(${im});xi=xr*(${im})+xi*${re};xr=tr;`);
      }
    });
    return imagZero;
  };

  // 1. each closure (a moment of order > k) once, as its cumulant expansion, into the scratch w
  closures.forEach((c, h) => {
    const lines: string[] = ['sr=0;si=0;'];
    for (const t of c.terms) {
      const code: string[] = [];
      if (t.factors.length === 0) code.push(`sr+=${num(t.coeff)};`);
      else {
        const imagZero = product(t.factors.map((v, j) => variable(v, t.conjugate[j])), code);
        code.push(`sr+=${num(t.coeff)}*xr;`);
        if (!imagZero && !c.real) code.push(`si+=${num(t.coeff)}*xi;`);
      }
      lines.push(code.join(''));
      termCount++;
    }
    lines.push(`w[${2 * h}]=sr;`);
    if (!c.real) lines.push(`w[${2 * h + 1}]=si;`);
    body.push(lines.join('\n'));
    if (termCount >= perFunction) flush();
  });
  flush();

  // 2. the equations, linear in the moments and the closures
  linear.forEach((terms, i) => {
    const m = moments[i];
    const lines: string[] = ['sr=0;si=0;'];
    for (const term of terms) {
      const key = JSON.stringify([...term.coefficient]);
      let c = coeffs.get(key);
      if (c === undefined) {
        c = { name: `c${coeffs.size}`, re: polySource(term.coefficient, 're'), im: polySource(term.coefficient, 'im') };
        coeffs.set(key, c);
      }
      const code: string[] = [];
      const cr = c.re !== null ? `${c.name}r` : null;
      const ci = c.im !== null ? `${c.name}i` : null;
      if (term.kind === 'one') {
        if (cr !== null) code.push(`sr+=${cr};`);
        if (ci !== null && !m.real) code.push(`si+=${ci};`);
      } else {
        let re: string;
        let im: string | null;
        if (term.kind === 'moment') ({ re, im } = variable(term.index, term.conjugate));
        else {
          re = `w[${2 * term.index}]`;
          im = closures[term.index].real ? null : `${term.conjugate ? '-' : ''}w[${2 * term.index + 1}]`;
        }
        const reParts: string[] = [];
        const imParts: string[] = [];
        if (cr !== null) {
          reParts.push(`${cr}*${re}`);
          if (im !== null) imParts.push(`${cr}*(${im})`);
        }
        if (ci !== null) {
          if (im !== null) reParts.push(`-${ci}*(${im})`);
          imParts.push(`${ci}*${re}`);
        }
        if (reParts.length > 0) code.push(`sr+=${reParts.join('')};`);
        if (imParts.length > 0 && !m.real) code.push(`si+=${imParts.join('+')};`);
      }
      lines.push(code.join(''));
      termCount++;
    }
    lines.push(`out[${m.offset}]=sr;`);
    if (!m.real) lines.push(`out[${m.offset + 1}]=si;`);
    body.push(lines.join('\n'));
    if (termCount >= perFunction) flush();
  });
  flush();
  const w = new Float64Array(Math.max(1, 2 * closures.length));
  type Part = (out: Float64Array, y: Float64Array, p: Float64Array, w: Float64Array) => void;
  const parts = bodies.map((b) => new Function('out', 'y', 'p', 'w', b) as Part);
  const size = equations.size;
  const nParameters = equations.parameters.length;
  return (out, y, _t, p) => {
    if (p.length < nParameters || y.length < size || out.length < size) {
      throw new Error(
        `cumulant right-hand side: needs y and out of length ${size} and p of length ${nParameters} [${equations.parameters.join(', ')}], ` +
          `got ${y.length}, ${out.length}, ${p.length}`,
      );
    }
    for (let k = 0; k < parts.length; k++) parts[k](out, y, p, w);
  };
}
