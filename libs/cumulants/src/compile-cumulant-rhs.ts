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
 * JavaScript source is generated and compiled with `new Function`, in functions of a few hundred
 * terms each so that V8 optimizes them.
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
  equations.equations.forEach((terms, i) => {
    const m = moments[i];
    const lines: string[] = ['sr=0;si=0;'];
    for (const term of terms) {
      const key = JSON.stringify([...term.coefficient]);
      let c = coeffs.get(key);
      if (c === undefined) {
        c = { name: `c${coeffs.size}`, re: polySource(term.coefficient, 're'), im: polySource(term.coefficient, 'im') };
        coeffs.set(key, c);
      }
      // x = Π factors, tracking at generation time whether its imaginary part is zero
      let imagZero = true;
      let first = true;
      const code: string[] = [];
      term.factors.forEach((v, j) => {
        const f = moments[v];
        const re = `y[${f.offset}]`;
        const im = f.real ? null : `${term.conjugate[j] ? '-' : ''}y[${f.offset + 1}]`;
        if (first) {
          code.push(`xr=${re};`);
          if (im !== null) code.push(`xi=${im};`);
          imagZero = im === null;
          first = false;
        } else if (im === null) {
          code.push(imagZero ? `xr*=${re};` : `xr*=${re};xi*=${re};`);
        } else if (imagZero) {
          code.push(`xi=xr*${im};xr*=${re};`);
          imagZero = false;
        } else {
          code.push(`tr=xr*${re}-xi*(${im});xi=xr*(${im})+xi*${re};xr=tr;`);
        }
      });
      const cr = c.re !== null ? `${c.name}r` : null;
      const ci = c.im !== null ? `${c.name}i` : null;
      if (first) {
        // a constant term
        if (cr !== null) code.push(`sr+=${cr};`);
        if (ci !== null && !m.real) code.push(`si+=${ci};`);
      } else {
        const reParts: string[] = [];
        const imParts: string[] = [];
        if (cr !== null) {
          reParts.push(`${cr}*xr`);
          if (!imagZero) imParts.push(`${cr}*xi`);
        }
        if (ci !== null) {
          if (!imagZero) reParts.push(`-${ci}*xi`);
          imParts.push(`${ci}*xr`);
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
  const parts = bodies.map((b) => new Function('out', 'y', 'p', b) as (out: Float64Array, y: Float64Array, p: Float64Array) => void);
  const size = equations.size;
  const nParameters = equations.parameters.length;
  return (out, y, _t, p) => {
    if (p.length < nParameters || y.length < size || out.length < size) {
      throw new Error(
        `cumulant right-hand side: needs y and out of length ${size} and p of length ${nParameters} [${equations.parameters.join(', ')}], ` +
          `got ${y.length}, ${out.length}, ${p.length}`,
      );
    }
    for (let k = 0; k < parts.length; k++) parts[k](out, y, p);
  };
}
