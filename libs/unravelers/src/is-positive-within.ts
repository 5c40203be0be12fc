/**
 * Cholesky test of ρ + tol·I (complex Hermitian, n×n row-major interleaved) in the work array
 * (2n² numbers): true when it is positive definite, i.e. the smallest eigenvalue of ρ exceeds
 * −tol. O(n³/6) multiply-adds, no allocation. Internal to this library.
 */
export function isPositiveWithin(rho: Float64Array, n: number, tol: number, work: Float64Array): boolean {
  // lower triangle L with ρ + tol·I = L L†, column by column
  for (let j = 0; j < n; j++) {
    let d = rho[2 * (j * n + j)] + tol;
    for (let k = 0; k < j; k++) {
      const lr = work[2 * (j * n + k)];
      const li = work[2 * (j * n + k) + 1];
      d -= lr * lr + li * li;
    }
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    work[2 * (j * n + j)] = ljj;
    work[2 * (j * n + j) + 1] = 0;
    for (let i = j + 1; i < n; i++) {
      // L_ij = (ρ_ij − Σ_k L_ik conj(L_jk)) / L_jj
      let sr = rho[2 * (i * n + j)];
      let si = rho[2 * (i * n + j) + 1];
      for (let k = 0; k < j; k++) {
        const ar = work[2 * (i * n + k)];
        const ai = work[2 * (i * n + k) + 1];
        const br = work[2 * (j * n + k)];
        const bi = work[2 * (j * n + k) + 1];
        sr -= ar * br + ai * bi;
        si -= ai * br - ar * bi;
      }
      work[2 * (i * n + j)] = sr / ljj;
      work[2 * (i * n + j) + 1] = si / ljj;
    }
  }
  return true;
}
