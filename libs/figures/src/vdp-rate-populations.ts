import { solveDense } from '@qsync/linalg';

/**
 * Stationary populations of one quantum vdP oscillator (Eq. 4.1) from its classical rate
 * equations, for checks that do not go through a Liouvillian: the steady state is diagonal by
 * U(1) symmetry, and its populations obey n → n+1 at κ1(n+1) (not from the top level: a†|N−1⟩ = 0
 * in the truncated space), n → n−1 at κn, n → n−2 at κ2 n(n−1). The balance of |0⟩ is replaced by
 * Σp = 1 and the N × N system solved by `solveDense`. Internal to figures.
 *
 * @param cutoff Fock cutoff N
 * @param kappa1 gain κ1
 * @param kappa2 two-photon loss κ2
 * @param kappa one-photon loss κ
 * @returns p_n, n = 0 … N − 1
 */
export function vdpRatePopulations(cutoff: number, kappa1: number, kappa2: number, kappa: number): Float64Array {
  const n = cutoff;
  // W[row m, column k] (interleaved complex): dp_m/dt = Σ_k W[m, k] p_k
  const w = new Float64Array(2 * n * n);
  const add = (to: number, from: number, rate: number): void => {
    w[2 * (to * n + from)] += rate;
    w[2 * (from * n + from)] -= rate;
  };
  for (let m = 0; m < n; m++) {
    if (m + 1 < n) add(m + 1, m, kappa1 * (m + 1));
    if (m >= 1) add(m - 1, m, kappa * m);
    if (m >= 2) add(m - 2, m, kappa2 * m * (m - 1));
  }
  for (let k = 0; k < n; k++) {
    w[2 * k] = 1;
    w[2 * k + 1] = 0;
  }
  const b = new Float64Array(2 * n);
  b[0] = 1;
  const x = solveDense({ rows: n, cols: n, data: w }, b);
  return Float64Array.from({ length: n }, (_, k) => x[2 * k]);
}
