import { createRng, denseZeros } from '@qsync/linalg';
import type { DensityMatrix } from '@qsync/operators';

/**
 * A random full-rank density matrix ρ = GG†/Tr(GG†) (G with Gaussian entries) on a tensor
 * space of `dims`, whose boson factors are confined to their lowest `support[i]` levels (so
 * that operators truncated at dims[i] act on it as the untruncated ones do).
 */
export function randomDensityMatrix(dims: readonly number[], seed: number, support: readonly number[] = dims): DensityMatrix {
  const rng = createRng(seed);
  const n = dims.reduce((a, b) => a * b, 1);
  const allowed: number[] = [];
  for (let k = 0; k < n; k++) {
    let rest = k;
    let ok = true;
    for (let f = dims.length - 1; f >= 0; f--) {
      if (rest % dims[f] >= support[f]) ok = false;
      rest = Math.floor(rest / dims[f]);
    }
    if (ok) allowed.push(k);
  }
  const m = allowed.length;
  const g = new Float64Array(2 * m * m);
  for (let k = 0; k < g.length; k++) g[k] = rng.gaussian();
  const rho = denseZeros(n, n);
  let trace = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let re = 0;
      let im = 0;
      for (let k = 0; k < m; k++) {
        const ar = g[2 * (i * m + k)];
        const ai = g[2 * (i * m + k) + 1];
        const br = g[2 * (j * m + k)];
        const bi = -g[2 * (j * m + k) + 1];
        re += ar * br - ai * bi;
        im += ar * bi + ai * br;
      }
      const q = 2 * (allowed[i] * n + allowed[j]);
      rho.data[q] = re;
      rho.data[q + 1] = im;
      if (i === j) trace += re;
    }
  }
  for (let k = 0; k < rho.data.length; k++) rho.data[k] /= trace;
  return { dims: [...dims], matrix: rho };
}
