/**
 * Cholesky test of ρ + tol·I (complex Hermitian, n×n row-major interleaved; both triangles are
 * read) in the work array (2n² numbers): true when it is positive definite, i.e. the smallest
 * eigenvalue of ρ exceeds −tol. O(n³/6) complex multiply-adds, no allocation. Internal to this
 * library.
 */
export function isPositiveWithin(rho: Float64Array, n: number, tol: number, work: Float64Array): boolean {
  // lower triangle L with ρ + tol·I = L L†, column by column. The dot products
  // Σ_k L_ik conj(L_jk) run two rows i at a time on eight separate sums: row j is loaded once
  // for both, and no sum waits on its own previous addition for more than one step.
  for (let j = 0; j < n; j++) {
    const rj = 2 * j * n;
    let d0 = 0;
    let d1 = 0;
    for (let k = rj; k < rj + 2 * j; k += 2) {
      d0 += work[k] * work[k];
      d1 += work[k + 1] * work[k + 1];
    }
    const d = rho[rj + 2 * j] + tol - (d0 + d1);
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    work[rj + 2 * j] = ljj;
    work[rj + 2 * j + 1] = 0;
    let i = j + 1;
    for (; i + 1 < n; i += 2) {
      const ri = 2 * i * n;
      const rk = ri + 2 * n;
      // (x_r + i x_i)(y_r − i y_i) = (x_r y_r + x_i y_i) + i(x_i y_r − x_r y_i), rows i and i + 1
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      for (let k = 0; k < 2 * j; k += 2) {
        const yr = work[rj + k];
        const yi = work[rj + k + 1];
        const xr = work[ri + k];
        const xi = work[ri + k + 1];
        const zr = work[rk + k];
        const zi = work[rk + k + 1];
        a0 += xr * yr;
        a1 += xi * yi;
        a2 += xi * yr;
        a3 += xr * yi;
        b0 += zr * yr;
        b1 += zi * yi;
        b2 += zi * yr;
        b3 += zr * yi;
      }
      work[ri + 2 * j] = (rho[ri + 2 * j] - (a0 + a1)) / ljj;
      work[ri + 2 * j + 1] = (rho[ri + 2 * j + 1] - (a2 - a3)) / ljj;
      work[rk + 2 * j] = (rho[rk + 2 * j] - (b0 + b1)) / ljj;
      work[rk + 2 * j + 1] = (rho[rk + 2 * j + 1] - (b2 - b3)) / ljj;
    }
    if (i < n) {
      const ri = 2 * i * n;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let k = 0; k < 2 * j; k += 2) {
        const yr = work[rj + k];
        const yi = work[rj + k + 1];
        const xr = work[ri + k];
        const xi = work[ri + k + 1];
        a0 += xr * yr;
        a1 += xi * yi;
        a2 += xi * yr;
        a3 += xr * yi;
      }
      work[ri + 2 * j] = (rho[ri + 2 * j] - (a0 + a1)) / ljj;
      work[ri + 2 * j + 1] = (rho[ri + 2 * j + 1] - (a2 - a3)) / ljj;
    }
  }
  return true;
}
