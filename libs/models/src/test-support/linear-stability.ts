// Linear stability by an independent route (test-only): the Jacobian of a right-hand side by
// central differences — exact up to rounding for the quadratic mean-field equations of Ch. 7 —
// its eigenvalues by the QR iteration of @qsync/linalg, and the parameter value where the
// largest real part crosses zero by bisection.

import { eigenvaluesReal } from '@qsync/linalg';

type Rhs = (out: Float64Array, y: Float64Array, t: number) => void;

/**
 * The eigenvalue (re, im) of largest real part of ∂f/∂y at y, restricted to the variables
 * `keep` (default all): about s+ = 0 the coherences decouple from the populations, whose neutral
 * directions (s^z_ud with γ− = 0) would otherwise mask the coherences' growth.
 */
export function leadingEigenvalue(rhs: Rhs, y: ArrayLike<number>, keep?: readonly number[]): { re: number; im: number } {
  const idx = keep ?? Array.from({ length: y.length }, (_, i) => i);
  const n = idx.length;
  const fp = new Float64Array(y.length);
  const fm = new Float64Array(y.length);
  const jac: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const h = 1e-4 * Math.max(1, Math.abs(y[idx[j]]));
    const yp = Float64Array.from(y);
    const ym = Float64Array.from(y);
    yp[idx[j]] += h;
    ym[idx[j]] -= h;
    rhs(fp, yp, 0);
    rhs(fm, ym, 0);
    for (let i = 0; i < n; i++) jac[i][j] = (fp[idx[i]] - fm[idx[i]]) / (2 * h);
  }
  const ev = eigenvaluesReal(jac);
  let best = { re: -Infinity, im: 0 };
  for (let k = 0; k < n; k++) if (ev[2 * k] > best.re || (ev[2 * k] === best.re && Math.abs(ev[2 * k + 1]) > Math.abs(best.im))) best = { re: ev[2 * k], im: ev[2 * k + 1] };
  return best;
}

/** The x in [lo, hi] where growth(x) changes sign (growth(lo) < 0 < growth(hi) required), by bisection to ~1e-14. */
export function criticalPoint(growth: (x: number) => number, lo: number, hi: number): number {
  if (!(growth(lo) < 0 && growth(hi) > 0)) throw new Error(`criticalPoint: no sign change on [${lo}, ${hi}]: ${growth(lo)}, ${growth(hi)}`);
  for (let it = 0; it < 200 && hi - lo > 1e-14 * Math.max(1, Math.abs(lo)); it++) {
    const mid = (lo + hi) / 2;
    if (growth(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
