import { assertDensity, assertFiniteArray } from './assert';
import { coherentOverlapsInto } from './coherent-overlaps';
import type { DensityInput } from './density-input';

/** Grid of the complex plane α = x + i·p: the x values (Re α) and the p values (Im α). */
export interface PhaseSpaceGrid {
  /** x = Re α values (dimensionless quadrature). */
  readonly re: ArrayLike<number>;
  /** p = Im α values (dimensionless quadrature). */
  readonly im: ArrayLike<number>;
}

/**
 * Husimi Q function of one mode, Q(α) = (1/π)·⟨α|ρ|α⟩ (thesis Eq. 4.4), on a grid α = x + i·p.
 *
 * The output is row-major with p slow and x fast: `out[ip·nx + ix] = Q(grid.re[ix] + i·grid.im[ip])`,
 * nx = grid.re.length (like an image whose rows are p values). Q is normalised so that
 * ∫ Q d²α = ∫∫ Q dx dp = Tr ρ. Per point the Fock amplitudes c_n = ⟨n|α⟩ are built by a stable
 * recurrence (no factorials, fine for N in the hundreds) and Q = (1/π)·Re(c†ρc) costs O(N²);
 * only the Hermitian part (ρ + ρ†)/2 contributes, so a ρ that is Hermitian only up to rounding
 * gives a real Q without complaint.
 *
 * @param rho - single-mode density matrix, dims [N] (Fock levels 0…N−1)
 * @param grid - x values (`re`) and p values (`im`), non-empty, finite
 * @returns Float64Array of length grid.im.length·grid.re.length, layout [p index][x index]
 * @example
 * const vacuum = { dims: [2], matrix: { rows: 2, cols: 2, data: Float64Array.of(1, 0, 0, 0, 0, 0, 0, 0) } };
 * husimiQ(vacuum, { re: [0, 1], im: [0] }); // Float64Array [1 / Math.PI, Math.exp(-1) / Math.PI] — Q = |⟨α|0⟩|²/π = e^{−|α|²}/π
 */
export function husimiQ(rho: DensityInput, grid: PhaseSpaceGrid): Float64Array {
  const [n] = assertDensity('husimiQ', 'rho', rho, 1);
  if (grid == null || typeof grid !== 'object') {
    throw new Error(
      `husimiQ: argument 'grid' must be an object { re, im } of x and p values, got ${String(grid)}`,
    );
  }
  assertFiniteArray('husimiQ', 'grid.re', grid.re);
  assertFiniteArray('husimiQ', 'grid.im', grid.im);
  const xs = grid.re;
  const ps = grid.im;
  const nx = xs.length;
  const out = new Float64Array(nx * ps.length);
  const c = new Float64Array(2 * n);
  const rd = rho.matrix.data;
  for (let ip = 0; ip < ps.length; ip++) {
    for (let ix = 0; ix < nx; ix++) {
      out[ip * nx + ix] = husimiQAt(rd, n, xs[ix], ps[ip], c);
    }
  }
  return out;
}

/**
 * Q(α) = (1/π)·Re ⟨α|ρ|α⟩ at one point, for an n×n interleaved ρ; `scratch` (length ≥ 2n) receives
 * ⟨k|α⟩. Internal kernel shared with the numerical phase distribution; no argument checks.
 */
export function husimiQAt(rd: Float64Array, n: number, re: number, im: number, scratch: Float64Array): number {
  coherentOverlapsInto(scratch, re, im, n);
  // ⟨α|ρ|α⟩ = Σ_j conj(c_j) (ρ c)_j; its real part is Σ_j (c_j.re·y_j.re + c_j.im·y_j.im).
  let acc = 0;
  for (let j = 0; j < n; j++) {
    let yr = 0;
    let yi = 0;
    let p = 2 * j * n;
    for (let k = 0; k < n; k++, p += 2) {
      const br = scratch[2 * k];
      const bi = scratch[2 * k + 1];
      yr += rd[p] * br - rd[p + 1] * bi;
      yi += rd[p] * bi + rd[p + 1] * br;
    }
    acc += scratch[2 * j] * yr + scratch[2 * j + 1] * yi;
  }
  return acc / Math.PI;
}
