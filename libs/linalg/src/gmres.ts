import { assertComplexVector, assertFinite } from './solver-asserts';

/** Options of {@link gmres}. */
export interface GmresOptions {
  /** Target relative residual ‖b − A·x‖₂/‖b‖₂ (default 1e-10). */
  tol?: number;
  /** Krylov dimension m before a restart, GMRES(m) (default min(n, 30)). */
  restart?: number;
  /** Cap on Arnoldi steps (matrix–vector products inside cycles) over all cycles (default 1000). */
  maxIterations?: number;
  /** Right preconditioner: writes M⁻¹·x into out, M ≈ A (e.g. {@link ilu0}). */
  precondition?: (out: Float64Array, x: Float64Array) => void;
  /** Initial guess (length 2n; default zero). Not modified. */
  x0?: Float64Array;
}

/** Result of {@link gmres}. */
export interface GmresResult {
  /** Approximate solution (new array, length 2n). */
  x: Float64Array;
  /** Arnoldi steps taken (one apply and one precondition each). */
  iterations: number;
  /** True relative residual ‖b − A·x‖₂/‖b‖₂ of the returned x (0 when b = 0). */
  residualNorm: number;
  /** residualNorm ≤ tol. */
  converged: boolean;
}

function norm2(v: Float64Array): number {
  let scale = 0;
  let ssq = 1;
  for (let k = 0; k < v.length; k++) {
    const x = Math.abs(v[k]);
    if (x === 0) continue;
    if (scale < x) {
      ssq = 1 + ssq * (scale / x) * (scale / x);
      scale = x;
    } else {
      ssq += (x / scale) * (x / scale);
    }
  }
  return scale * Math.sqrt(ssq);
}

/**
 * Restarted GMRES(m) for a complex linear system A·x = b with optional right
 * preconditioning (A·M⁻¹·u = b, x = M⁻¹·u): Arnoldi with modified Gram–Schmidt, the
 * Hessenberg least-squares problem kept triangular by complex Givens rotations, restart after
 * m steps. Convergence is judged on the true residual ‖b − A·x‖/‖b‖, recomputed at the end of
 * every cycle (one extra apply per cycle); the rotated estimate only ends a cycle early.
 * Breakdown (an invariant Krylov space) ends the cycle; a column whose rotated diagonal is
 * below 1e-14 of ‖A·M⁻¹·v_j‖ (singular least-squares problem, e.g. singular A) is dropped
 * instead of dividing by it; non-convergence is reported with `converged: false` and a finite
 * residual. Allocates (m + 1)·n complex numbers of workspace per call.
 *
 * @param apply writes A·x into out (out is a distinct workspace array; x must not be modified)
 * @param b right-hand side, n interleaved complex numbers (length 2n)
 * @param options tol (1e-10), restart (min(n, 30)), maxIterations (1000), precondition, x0
 * @returns `{ x, iterations, residualNorm, converged }`
 * @example
 * // A = diag(2, 4i): converges in 2 steps to x = [1, −i/2]
 * const d = Float64Array.of(2, 0, 0, 4);
 * const apply = (out: Float64Array, x: Float64Array) => {
 *   for (let k = 0; k < 2; k++) {
 *     out[2 * k] = d[2 * k] * x[2 * k] - d[2 * k + 1] * x[2 * k + 1];
 *     out[2 * k + 1] = d[2 * k] * x[2 * k + 1] + d[2 * k + 1] * x[2 * k];
 *   }
 * };
 * gmres(apply, Float64Array.of(2, 0, 2, 0)); // { x: Float64Array [1, 0, 0, -0.5], iterations: 2, converged: true, … }
 */
export function gmres(
  apply: (out: Float64Array, x: Float64Array) => void,
  b: Float64Array,
  options: GmresOptions = {},
): GmresResult {
  if (typeof apply !== 'function') {
    throw new Error(`gmres: argument 'apply' must be a function (out, x) => void`);
  }
  if (!(b instanceof Float64Array) || b.length < 2 || b.length % 2 !== 0) {
    throw new Error(
      `gmres: argument 'b' must be a Float64Array of even length ≥ 2 (interleaved complex), got length ${
        b instanceof Float64Array ? b.length : 'none'
      }`,
    );
  }
  assertFinite('gmres', 'b', b);
  const n = b.length / 2;
  const tol = options.tol ?? 1e-10;
  if (!(tol > 0) || !Number.isFinite(tol)) {
    throw new Error(`gmres: option 'tol' must be a finite number > 0, got ${tol}`);
  }
  const m = options.restart ?? Math.min(n, 30);
  if (!Number.isInteger(m) || m < 1) {
    throw new Error(`gmres: option 'restart' must be an integer ≥ 1, got ${m}`);
  }
  const maxIterations = options.maxIterations ?? 1000;
  if (!Number.isInteger(maxIterations) || maxIterations < 0) {
    throw new Error(`gmres: option 'maxIterations' must be an integer ≥ 0, got ${maxIterations}`);
  }
  const precondition = options.precondition;
  if (precondition !== undefined && typeof precondition !== 'function') {
    throw new Error(`gmres: option 'precondition' must be a function (out, x) => void`);
  }
  const x = new Float64Array(2 * n);
  if (options.x0 !== undefined) {
    assertComplexVector('gmres', 'x0', options.x0, n);
    assertFinite('gmres', 'x0', options.x0);
    x.set(options.x0);
  }
  const bnorm = norm2(b);
  if (bnorm === 0) {
    x.fill(0);
    return { x, iterations: 0, residualNorm: 0, converged: true };
  }

  const w2 = 2 * n;
  const v = new Float64Array((m + 1) * w2); // Krylov basis, one vector per block
  const h = new Float64Array(2 * (m + 1) * m); // column j at 2·(j·(m+1) + i)
  const cs = new Float64Array(m);
  const sn = new Float64Array(2 * m);
  const g = new Float64Array(2 * (m + 1));
  const y = new Float64Array(2 * m);
  const w = new Float64Array(w2);
  const z = new Float64Array(w2);
  const r = new Float64Array(w2);

  const residual = (): number => {
    apply(r, x);
    for (let k = 0; k < w2; k++) r[k] = b[k] - r[k];
    const rn = norm2(r);
    if (!Number.isFinite(rn)) {
      throw new Error(`gmres: argument 'apply' returned a non-finite value`);
    }
    return rn;
  };

  let iterations = 0;
  let rnorm = residual();
  while (rnorm / bnorm > tol && iterations < maxIterations) {
    // v_0 = r / ‖r‖, g = ‖r‖ e_1
    for (let k = 0; k < w2; k++) v[k] = r[k] / rnorm;
    g.fill(0);
    g[0] = rnorm;
    let cols = 0; // columns of H in the least-squares problem
    for (let j = 0; j < m && iterations < maxIterations; j++) {
      const vj = v.subarray(j * w2, (j + 1) * w2);
      let src = vj;
      if (precondition !== undefined) {
        precondition(z, vj);
        src = z;
      }
      apply(w, src);
      iterations++;
      const wn0 = norm2(w);
      if (!Number.isFinite(wn0)) {
        throw new Error(
          `gmres: argument '${precondition !== undefined && !Number.isFinite(norm2(z)) ? 'precondition' : 'apply'}' ` +
            `returned a non-finite value at iteration ${iterations}`,
        );
      }
      // modified Gram–Schmidt
      const hc = 2 * j * (m + 1);
      for (let i = 0; i <= j; i++) {
        const vi = i * w2;
        let dr = 0;
        let di = 0;
        for (let k = 0; k < w2; k += 2) {
          const ar = v[vi + k];
          const ai = v[vi + k + 1];
          dr += ar * w[k] + ai * w[k + 1];
          di += ar * w[k + 1] - ai * w[k];
        }
        for (let k = 0; k < w2; k += 2) {
          const ar = v[vi + k];
          const ai = v[vi + k + 1];
          w[k] -= dr * ar - di * ai;
          w[k + 1] -= dr * ai + di * ar;
        }
        h[hc + 2 * i] = dr;
        h[hc + 2 * i + 1] = di;
      }
      const hnext = norm2(w);
      // previous rotations on column j
      for (let i = 0; i < j; i++) {
        const c = cs[i];
        const sr = sn[2 * i];
        const si = sn[2 * i + 1];
        const ar = h[hc + 2 * i];
        const ai = h[hc + 2 * i + 1];
        const br = h[hc + 2 * i + 2];
        const bi = h[hc + 2 * i + 3];
        h[hc + 2 * i] = c * ar + sr * br - si * bi;
        h[hc + 2 * i + 1] = c * ai + sr * bi + si * br;
        h[hc + 2 * i + 2] = c * br - (sr * ar + si * ai);
        h[hc + 2 * i + 3] = c * bi - (sr * ai - si * ar);
      }
      // new rotation zeroing h_{j+1,j} = hnext (real ≥ 0)
      const ar = h[hc + 2 * j];
      const ai = h[hc + 2 * j + 1];
      const na = Math.hypot(ar, ai);
      const rr = Math.hypot(na, hnext);
      // A·M⁻¹·v_j (numerically) inside the span of the previous images: the least-squares
      // problem is singular in this column; drop it and end the cycle
      if (rr <= 1e-14 * wn0 || rr === 0) break;
      let c: number;
      let sr: number;
      let si: number;
      if (na === 0) {
        c = 0;
        sr = 1;
        si = 0;
      } else {
        c = na / rr;
        sr = ((ar / na) * hnext) / rr;
        si = ((ai / na) * hnext) / rr;
      }
      cs[j] = c;
      sn[2 * j] = sr;
      sn[2 * j + 1] = si;
      h[hc + 2 * j] = na === 0 ? rr : (ar / na) * rr;
      h[hc + 2 * j + 1] = na === 0 ? 0 : (ai / na) * rr;
      h[hc + 2 * j + 2] = 0;
      h[hc + 2 * j + 3] = 0;
      // g_{j+1} = −s̄·g_j, g_j = c·g_j
      const gr = g[2 * j];
      const gi = g[2 * j + 1];
      g[2 * j + 2] = -(sr * gr + si * gi);
      g[2 * j + 3] = -(sr * gi - si * gr);
      g[2 * j] = c * gr;
      g[2 * j + 1] = c * gi;
      cols = j + 1;
      const breakdown = hnext <= 1e-14 * wn0;
      if (!breakdown) {
        const vn = (j + 1) * w2;
        for (let k = 0; k < w2; k++) v[vn + k] = w[k] / hnext;
      }
      if (breakdown || Math.hypot(g[2 * j + 2], g[2 * j + 3]) <= tol * bnorm) break;
    }
    if (cols === 0) {
      // no usable direction in this cycle (A·M⁻¹ maps v_0 to zero): x cannot improve
      rnorm = residual();
      continue;
    }
    // back substitution R y = g
    for (let i = cols - 1; i >= 0; i--) {
      let sr = g[2 * i];
      let si = g[2 * i + 1];
      for (let k = i + 1; k < cols; k++) {
        const hr = h[2 * k * (m + 1) + 2 * i];
        const hi = h[2 * k * (m + 1) + 2 * i + 1];
        sr -= hr * y[2 * k] - hi * y[2 * k + 1];
        si -= hr * y[2 * k + 1] + hi * y[2 * k];
      }
      const dr = h[2 * i * (m + 1) + 2 * i];
      const di = h[2 * i * (m + 1) + 2 * i + 1];
      const d2 = dr * dr + di * di;
      y[2 * i] = (sr * dr + si * di) / d2;
      y[2 * i + 1] = (si * dr - sr * di) / d2;
    }
    // x += M⁻¹ V y
    w.fill(0);
    for (let i = 0; i < cols; i++) {
      const yr = y[2 * i];
      const yi = y[2 * i + 1];
      const vi = i * w2;
      for (let k = 0; k < w2; k += 2) {
        w[k] += yr * v[vi + k] - yi * v[vi + k + 1];
        w[k + 1] += yr * v[vi + k + 1] + yi * v[vi + k];
      }
    }
    if (precondition !== undefined) {
      precondition(z, w);
      for (let k = 0; k < w2; k++) x[k] += z[k];
    } else {
      for (let k = 0; k < w2; k++) x[k] += w[k];
    }
    rnorm = residual();
  }
  return { x, iterations, residualNorm: rnorm / bnorm, converged: rnorm / bnorm <= tol };
}
