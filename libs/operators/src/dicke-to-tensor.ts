import { assertDickeState } from './dicke-assert';
import { dickeDegeneracy } from './dicke-degeneracy';
import type { DickeState } from './dicke-state';
import type { DensityMatrix } from './state';

/** Largest N that {@link dickeToTensor} accepts: the result has 4^N complex entries. */
const MAX_SPINS = 10;

/**
 * The full 2^N × 2^N density matrix of N spins-1/2 (dims [2, …, 2], spin 1 the most significant
 * factor, each spin in the basis |0⟩, |1⟩ of `spinHalfSpace`) that a permutation-invariant state
 * stands for: ρ = Σ_j (1/d_j) Σ_{m,m′} ρ_j(m, m′) Σ_α |j, m, α⟩⟨j, m′, α|. The projector on the
 * copies, Σ_α |j, m, α⟩⟨j, m′, α| = (S+)^{m+j} P_{j,−j} (S−)^{m′+j}/(c_m c_{m′}), is built from the
 * lowest-weight projector P_{j,−j} (S² = j(j+1) on the states with Sz = −j, by Lagrange
 * interpolation over the other j′) and the ladder norms c_m: no basis of the copies is chosen, so
 * the result does not depend on one. For tests and small N only (N ≤ 10).
 *
 * @param state - a permutation-invariant state of N ≤ 10 spins
 * @example
 * // one excitation shared symmetrically by two spins: (|01⟩ + |10⟩)/√2
 * dickeToTensor(dickeBasisState(dickeSpace(2), 1, 0)).matrix; // denseFromArrays([[0, 0, 0, 0], [0, 0.5, 0.5, 0], [0, 0.5, 0.5, 0], [0, 0, 0, 0]])
 */
export function dickeToTensor(state: DickeState): DensityMatrix {
  const fn = 'dickeToTensor';
  assertDickeState(fn, 'state', state);
  const { space, data } = state;
  const n = space.n;
  if (n > MAX_SPINS) {
    throw new Error(`${fn}: the state has N = ${n} spins; the full matrix (4^N entries) is built only for N ≤ ${MAX_SPINS}`);
  }
  const dim = 1 << n;
  const popcount = (x: number) => {
    let c = 0;
    for (let y = x; y !== 0; y &= y - 1) c++;
    return c;
  };
  const up = new Int32Array(dim);
  for (let x = 0; x < dim; x++) up[x] = popcount(x);
  const rho = new Float64Array(2 * dim * dim);

  for (let b = 0; b < space.blocks; b++) {
    const j = space.j[b];
    const d = 2 * j + 1;
    const o = space.vecOffset[b];
    const nUp = n / 2 - j; // Sz = −j
    const sector: number[] = [];
    for (let x = 0; x < dim; x++) if (up[x] === nUp) sector.push(x);
    const c = sector.length;
    const pos = new Int32Array(dim).fill(-1);
    sector.forEach((x, k) => (pos[x] = k));
    // S² = S−S+ + Sz² + Sz on the sector (real): (S−S+)_{xy} = Σ_{i,k} ⟨x|σ−_i σ+_k|y⟩
    const s2 = new Float64Array(c * c);
    for (let col = 0; col < c; col++) {
      const y = sector[col];
      for (let k = 0; k < n; k++) {
        const bk = 1 << k;
        if (y & bk) continue;
        const z = y | bk;
        for (let i = 0; i < n; i++) {
          const bi = 1 << i;
          if (!(z & bi)) continue;
          s2[pos[z & ~bi] * c + col] += 1;
        }
      }
      s2[col * c + col] += j * j - j;
    }
    // P_{j,−j} = Π_{j′ > j} (S² − j′(j′+1))/(j(j+1) − j′(j′+1)) on the sector
    let p = new Float64Array(c * c);
    for (let k = 0; k < c; k++) p[k * c + k] = 1;
    for (let jp = j + 1; jp <= n / 2; jp++) {
      const shift = jp * (jp + 1);
      const scale = 1 / (j * (j + 1) - shift);
      const next = new Float64Array(c * c);
      for (let r = 0; r < c; r++) {
        for (let k = 0; k < c; k++) {
          const a = (s2[r * c + k] - (r === k ? shift : 0)) * scale;
          if (a === 0) continue;
          for (let q = 0; q < c; q++) next[r * c + q] += a * p[k * c + q];
        }
      }
      p = next;
    }
    // R_a = (S+)^a P / c_a as dim × c real matrices, a = 0 … 2j
    const R: Float64Array[] = [];
    let cur = new Float64Array(dim * c);
    for (let r = 0; r < c; r++) cur.set(p.subarray(r * c, r * c + c), sector[r] * c);
    R.push(cur);
    for (let a = 1; a < d; a++) {
      const m = -j + a - 1;
      const norm = 1 / Math.sqrt(j * (j + 1) - m * (m + 1));
      const next = new Float64Array(dim * c);
      for (let x = 0; x < dim; x++) {
        if (up[x] !== nUp + a - 1) continue;
        for (let i = 0; i < n; i++) {
          const bi = 1 << i;
          if (x & bi) continue;
          const z = (x | bi) * c;
          for (let q = 0; q < c; q++) next[z + q] += norm * cur[x * c + q];
        }
      }
      R.push(next);
      cur = next;
    }
    const weight = 1 / dickeDegeneracy(n, j);
    // ρ += (1/d_j) Σ_a R_a W_aᵀ with W_a = Σ_b ρ_j(a, b) R_b (complex)
    const w = new Float64Array(2 * dim * c);
    for (let a = 0; a < d; a++) {
      w.fill(0);
      for (let bb = 0; bb < d; bb++) {
        const vr = data[2 * (o + a * d + bb)];
        const vi = data[2 * (o + a * d + bb) + 1];
        if (vr === 0 && vi === 0) continue;
        const rb = R[bb];
        for (let y = 0; y < dim; y++) {
          if (up[y] !== nUp + bb) continue;
          for (let q = 0; q < c; q++) {
            const v = rb[y * c + q];
            w[2 * (y * c + q)] += vr * v;
            w[2 * (y * c + q) + 1] += vi * v;
          }
        }
      }
      const ra = R[a];
      for (let x = 0; x < dim; x++) {
        if (up[x] !== nUp + a) continue;
        for (let y = 0; y < dim; y++) {
          let sr = 0;
          let si = 0;
          for (let q = 0; q < c; q++) {
            const v = ra[x * c + q];
            sr += v * w[2 * (y * c + q)];
            si += v * w[2 * (y * c + q) + 1];
          }
          rho[2 * (x * dim + y)] += weight * sr;
          rho[2 * (x * dim + y) + 1] += weight * si;
        }
      }
    }
  }
  return { dims: new Array<number>(n).fill(2), matrix: { rows: dim, cols: dim, data: rho } };
}
