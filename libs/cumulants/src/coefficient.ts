// Coefficients of operator expressions: polynomials in the model's real parameters with complex
// numeric factors. A parameter monomial is keyed by its sorted parameter indices joined with '.'
// ('' is the constant 1, '0.0.2' is p0²·p2); the polynomial maps keys to complex factors.

/**
 * A polynomial in real parameters with complex coefficients (internal; mutable while built). A
 * factor may carry `sre`/`sim`: Σ|addend| of what was summed into its real/imaginary part (absent:
 * the part's own magnitude), the scale of its rounding error.
 */
export type Poly = Map<string, { re: number; im: number; sre?: number; sim?: number }>;

/**
 * A part is dropped as a cancellation when |sum| ≤ CANCEL·Σ|addend| (e.g. ½ − ½, or 0.1·3 − 0.3 at
 * 1e-16 of its addends) — never for being small: a coefficient 1e-15 that nothing cancelled stays.
 */
const CANCEL = 1e-14;

/** |re| (|im|) bounded by what was summed: the rounding scale of a factor's parts. */
const scaleRe = (v: { re: number; sre?: number }) => v.sre ?? Math.abs(v.re);
const scaleIm = (v: { im: number; sim?: number }) => v.sim ?? Math.abs(v.im);

export function polyConstant(re: number, im = 0): Poly {
  const p: Poly = new Map();
  if (re !== 0 || im !== 0) p.set('', { re, im });
  return p;
}

export function polyParameter(index: number): Poly {
  return new Map([[String(index), { re: 1, im: 0 }]]);
}

function mulKeys(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return [...a.split('.'), ...b.split('.')].map(Number).sort((x, y) => x - y).join('.');
}

/** acc += c·(re + i·im)·p, in place. */
export function polyAddScaledInto(acc: Poly, p: Poly, re: number, im = 0): void {
  const are = Math.abs(re);
  const aim = Math.abs(im);
  for (const [k, v] of p) {
    const r = v.re * re - v.im * im;
    const i = v.re * im + v.im * re;
    const sr = scaleRe(v);
    const si = scaleIm(v);
    const old = acc.get(k);
    if (old === undefined) acc.set(k, { re: r, im: i, sre: sr * are + si * aim, sim: sr * aim + si * are });
    else {
      old.sre = scaleRe(old) + sr * are + si * aim;
      old.sim = scaleIm(old) + sr * aim + si * are;
      old.re += r;
      old.im += i;
    }
  }
}

export function polyTimes(a: Poly, b: Poly): Poly {
  const out: Poly = new Map();
  for (const [ka, va] of a) {
    for (const [kb, vb] of b) {
      const k = mulKeys(ka, kb);
      const r = va.re * vb.re - va.im * vb.im;
      const i = va.re * vb.im + va.im * vb.re;
      const ar = scaleRe(va);
      const ai = scaleIm(va);
      const br = scaleRe(vb);
      const bi = scaleIm(vb);
      const sr = ar * br + ai * bi;
      const si = ar * bi + ai * br;
      const old = out.get(k);
      if (old === undefined) out.set(k, { re: r, im: i, sre: sr, sim: si });
      else {
        old.sre = scaleRe(old) + sr;
        old.sim = scaleIm(old) + si;
        old.re += r;
        old.im += i;
      }
    }
  }
  return out;
}

/** The complex conjugate (parameters are real). */
export function polyConj(a: Poly): Poly {
  const out: Poly = new Map();
  for (const [k, v] of a) out.set(k, { re: v.re, im: -v.im, sre: scaleRe(v), sim: scaleIm(v) });
  return out;
}

/** Drops parts that cancelled (|sum| ≤ 1e-14·Σ|addend|); returns the same map. */
export function polyClean(a: Poly): Poly {
  for (const [k, v] of a) {
    if (Math.abs(v.re) <= CANCEL * scaleRe(v)) v.re = 0;
    if (Math.abs(v.im) <= CANCEL * scaleIm(v)) v.im = 0;
    if (v.re === 0 && v.im === 0) a.delete(k);
  }
  return a;
}

export function polyIsZero(a: Poly): boolean {
  for (const v of a.values()) if (v.re !== 0 || v.im !== 0) return false;
  return true;
}

/** The value at parameter values p. */
export function polyValue(a: Poly, p: ArrayLike<number>): { re: number; im: number } {
  let re = 0;
  let im = 0;
  for (const [k, v] of a) {
    let m = 1;
    if (k !== '') for (const s of k.split('.')) m *= p[Number(s)];
    re += v.re * m;
    im += v.im * m;
  }
  return { re, im };
}

function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(12)));
}

function monomialText(key: string, names: readonly string[], latex: boolean): string {
  if (key === '') return '';
  const counts = new Map<number, number>();
  for (const s of key.split('.')) counts.set(Number(s), (counts.get(Number(s)) ?? 0) + 1);
  return [...counts]
    .map(([i, e]) => (e === 1 ? names[i] : latex ? `${names[i]}^{${e}}` : `${names[i]}^${e}`))
    .join(latex ? ' ' : '·');
}

/** The polynomial as text ('(0.5·J − 2i·h)') or LaTeX; names are the parameters' names (LaTeX-ready for latex). */
export function polyText(a: Poly, names: readonly string[], latex = false): string {
  const parts: string[] = [];
  const keys = [...a.keys()].sort();
  const imag = latex ? 'i' : 'i';
  for (const k of keys) {
    const v = a.get(k) as { re: number; im: number };
    const m = monomialText(k, names, latex);
    let num: string;
    if (v.im === 0) num = formatNumber(v.re);
    else if (v.re === 0) num = `${v.im === 1 ? '' : v.im === -1 ? '-' : formatNumber(v.im)}${imag}`;
    else num = `(${formatNumber(v.re)}${v.im < 0 ? '-' : '+'}${formatNumber(Math.abs(v.im))}${imag})`;
    if (m === '') parts.push(num);
    else if (num === '1') parts.push(m);
    else if (num === '-1') parts.push(`-${m}`);
    else parts.push(`${num}${latex ? ' ' : '·'}${m}`);
  }
  if (parts.length === 0) return '0';
  return parts.join(' + ').replace(/\+ -/g, '- ');
}
