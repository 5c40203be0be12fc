import { assertDickeLabel } from './dicke-assert';

/**
 * The degeneracy d_j of total spin j among N spins-1/2: how many copies of the spin-j multiplet
 * the 2^N states hold, d_j = (2j+1)·N!/((N/2 − j)!·(N/2 + j + 1)!) = C(N, N/2−j) − C(N, N/2−j−1).
 *
 * Computed in floating point as C(N, k)·(2j+1)/(N/2 + j + 1) with the binomial as a running
 * product of the ratios (N − k + i)/i: about k roundings (relative error ≲ 2k·ε, 1e-13 at
 * N = 1000), no factorials and no integer overflow (QuTiP's piqs used int64 factorials, which
 * overflow near N = 80). Finite up to N ≈ 1020, where d_j approaches the largest double; beyond
 * that it throws rather than returning Infinity. The PI Liouvillian never needs d_j (only ratios
 * of neighbouring degeneracies, which are rational in N and j).
 *
 * @param n - number of spins N ≥ 1
 * @param j - total spin, one of N/2, N/2 − 1, …, (0 or ½)
 * @example
 * [dickeDegeneracy(4, 2), dickeDegeneracy(4, 1), dickeDegeneracy(4, 0)]; // [1, 3, 2] — 5·1 + 3·3 + 1·2 = 16 states
 */
export function dickeDegeneracy(n: number, j: number): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    throw new Error(`dickeDegeneracy: argument 'n' must be an integer number of spins ≥ 1, got ${String(n)}`);
  }
  assertDickeLabel('dickeDegeneracy', n, j);
  const k = n / 2 - j; // C(N, k) with k ≤ N/2
  let c = 1;
  for (let i = 1; i <= k; i++) c *= (n - k + i) / i;
  const d = (c * (2 * j + 1)) / (n / 2 + j + 1);
  if (!Number.isFinite(d)) {
    throw new Error(`dickeDegeneracy: d_j for N = ${n}, j = ${j} exceeds the double range (N ≲ 1020 is representable)`);
  }
  return d;
}
