/**
 * Hand-built density matrices for the probes specs (test support, not part of the public entry).
 * Written independently of the code under test (no shared helpers with src/): kron, mixtures
 * and the random states are plain loops.
 */
import type { DensityInput } from '../density-input';

/**
 * Ket of a coherent state |α⟩ truncated to N levels, e^{−|α|²/2} αⁿ/√(n!), each amplitude formed
 * directly in logarithms (ln n! as a plain sum of logs), so it works for any N and shares no code
 * path with the recurrence under test.
 */
export function coherentKet(re: number, im: number, n: number): Float64Array {
  const out = new Float64Array(2 * n);
  const mod = Math.hypot(re, im);
  if (mod === 0) {
    out[0] = 1;
    return out;
  }
  const arg = Math.atan2(im, re);
  let lnFact = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0) lnFact += Math.log(k);
    const a = Math.exp(-0.5 * mod * mod + k * Math.log(mod) - 0.5 * lnFact);
    out[2 * k] = a * Math.cos(k * arg);
    out[2 * k + 1] = a * Math.sin(k * arg);
  }
  return out;
}

/** Fock ket |k⟩ in N levels. */
export function fockKet(k: number, n: number): Float64Array {
  const out = new Float64Array(2 * n);
  out[2 * k] = 1;
  return out;
}

/** ρ = |ψ⟩⟨ψ| with the given dims (not renormalised). */
export function pure(psi: Float64Array, dims: number[]): DensityInput {
  const d = psi.length / 2;
  const data = new Float64Array(2 * d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      // ψ_i conj(ψ_j)
      data[2 * (i * d + j)] = psi[2 * i] * psi[2 * j] + psi[2 * i + 1] * psi[2 * j + 1];
      data[2 * (i * d + j) + 1] = psi[2 * i + 1] * psi[2 * j] - psi[2 * i] * psi[2 * j + 1];
    }
  }
  return { dims, matrix: { rows: d, cols: d, data } };
}

/** Kronecker product of two kets, index = i·dim(b) + j. */
export function kronKet(a: Float64Array, b: Float64Array): Float64Array {
  const na = a.length / 2;
  const nb = b.length / 2;
  const out = new Float64Array(2 * na * nb);
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      out[2 * (i * nb + j)] = a[2 * i] * b[2 * j] - a[2 * i + 1] * b[2 * j + 1];
      out[2 * (i * nb + j) + 1] = a[2 * i] * b[2 * j + 1] + a[2 * i + 1] * b[2 * j];
    }
  }
  return out;
}

/** Kronecker product ρ_A ⊗ ρ_B of two density matrices, dims [NA, NB]. */
export function kronDensity(a: DensityInput, b: DensityInput): DensityInput {
  const na = a.matrix.rows;
  const nb = b.matrix.rows;
  const d = na * nb;
  const data = new Float64Array(2 * d * d);
  const ad = a.matrix.data;
  const bd = b.matrix.data;
  for (let i = 0; i < na; i++)
    for (let j = 0; j < na; j++)
      for (let k = 0; k < nb; k++)
        for (let l = 0; l < nb; l++) {
          const pa = 2 * (i * na + j);
          const pb = 2 * (k * nb + l);
          const po = 2 * ((i * nb + k) * d + (j * nb + l));
          data[po] = ad[pa] * bd[pb] - ad[pa + 1] * bd[pb + 1];
          data[po + 1] = ad[pa] * bd[pb + 1] + ad[pa + 1] * bd[pb];
        }
  return { dims: [na, nb], matrix: { rows: d, cols: d, data } };
}

/** Σ weights[i]·ρ_i (all of the same dims). */
export function mix(weights: number[], states: DensityInput[]): DensityInput {
  const data = new Float64Array(states[0].matrix.data.length);
  states.forEach((s, i) => {
    for (let p = 0; p < data.length; p++) data[p] += weights[i] * s.matrix.data[p];
  });
  return { dims: [...states[0].dims], matrix: { ...states[0].matrix, data } };
}

/** Deterministic uniform [0, 1) numbers (mulberry32). */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random full-rank density matrix ρ = G G†/Tr(G G†), G with entries uniform in [−1, 1] + i[−1, 1]. */
export function randomDensity(dims: number[], rand: () => number): DensityInput {
  const d = dims.reduce((x, y) => x * y, 1);
  const g = new Float64Array(2 * d * d);
  for (let p = 0; p < g.length; p++) g[p] = 2 * rand() - 1;
  const data = new Float64Array(2 * d * d);
  let tr = 0;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let re = 0;
      let im = 0;
      for (let k = 0; k < d; k++) {
        // G_ik conj(G_jk)
        const ar = g[2 * (i * d + k)];
        const ai = g[2 * (i * d + k) + 1];
        const br = g[2 * (j * d + k)];
        const bi = g[2 * (j * d + k) + 1];
        re += ar * br + ai * bi;
        im += ai * br - ar * bi;
      }
      data[2 * (i * d + j)] = re;
      data[2 * (i * d + j) + 1] = im;
    }
    tr += data[2 * (i * d + i)];
  }
  for (let p = 0; p < data.length; p++) data[p] /= tr;
  return { dims, matrix: { rows: d, cols: d, data } };
}

/** Uniform grid of n points on [a, b] (both ends included). */
export function linspace(a: number, b: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = n === 1 ? a : a + ((b - a) * i) / (n - 1);
  return out;
}

/** n angles 2πk/n, k = 0…n−1 (a periodic grid, no repeated end point). */
export function periodicAngles(n: number, offset = 0): Float64Array {
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = offset + (2 * Math.PI * k) / n;
  return out;
}
