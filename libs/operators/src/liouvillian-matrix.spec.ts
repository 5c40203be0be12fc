import { describe, expect, it } from 'vitest';
import { csrAdd, csrMatvecInto, csrToDense, csrZeros, denseAdjoint, denseHermitianDefect } from '@qsync/linalg';
import type { CsrMatrix } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { minus, plus, scaled } from './algebra';
import { lindbladian } from './lindbladian';
import type { Dissipator } from './lindbladian';
import { liouvillianMatrix } from './liouvillian-matrix';
import { spinHalfSpace } from './space';
import { createRng, randomDense, randomDensity, randomLindbladian, randomOperator } from './test-support/random-operators';
import { sigmaMinus } from './spin-half-operators';

const dims = [2, 3];
const n = 6;

function apply(m: CsrMatrix, x: Float64Array): Float64Array {
  return csrMatvecInto(new Float64Array(x.length), m, x);
}

describe('liouvillianMatrix', () => {
  const rng = createRng(8);
  const l = randomLindbladian(rng, dims);
  const m = liouvillianMatrix(l);

  it('is n²×n² and maps vec(ρ)[i·n + j] = ρ_ij: amplitude damping moves ρ_11 into ρ_00', () => {
    expect([m.rows, m.cols]).toEqual([36, 36]);
    const s = spinHalfSpace();
    const d = csrToDense(liouvillianMatrix(lindbladian(scaled(sigmaMinus(s), 0), [{ rate: 0.7, jump: sigmaMinus(s) }])));
    // row (0,0) = 0, column (1,1) = 3: ρ̇_00 = γρ_11; row (1,1), column (1,1): −γ. Exact.
    expect(d.data[2 * (0 * 4 + 3)]).toBe(0.7);
    expect(d.data[2 * (3 * 4 + 3)]).toBe(-0.7);
    // row (0,1) = 1, column (0,1) = 1: coherence decays at γ/2
    expect(d.data[2 * (1 * 4 + 1)]).toBe(-0.35);
  });

  it('preserves the trace: Σ_i M[(i,i), c] = 0 for every column c, so Tr[L(ρ)] = 0 for any ρ', () => {
    const d = csrToDense(m).data;
    const sums: number[] = [];
    for (let c = 0; c < n * n; c++) {
      let re = 0;
      let im = 0;
      for (let i = 0; i < n; i++) {
        re += d[2 * ((i * n + i) * n * n + c)];
        im += d[2 * ((i * n + i) * n * n + c) + 1];
      }
      sums.push(re, im);
    }
    // entries ~10 (products of N(0,1) matrices); cancellation of 6 such terms: 1e-13 absolute
    expectClose(sums, new Float64Array(sums.length), { atol: 1e-13 });
    // and directly: Tr[L(ρ)] = 0 for a random (not even Hermitian) ρ
    const out = apply(m, randomDense(rng, n).data);
    let re = 0;
    let im = 0;
    for (let i = 0; i < n; i++) {
      re += out[2 * (i * n + i)];
      im += out[2 * (i * n + i) + 1];
    }
    expectClose([re, im], [0, 0], { atol: 1e-12 }); // diagonal entries ~30: cancellation to ~1e-14
  });

  it('preserves Hermiticity: L(ρ) is Hermitian for Hermitian ρ (cross dissipators in pairs)', () => {
    const rho = randomDensity(rng, dims).matrix;
    const out = { rows: n, cols: n, data: apply(m, rho.data) };
    // entries ~10; defect from roundings only
    expect(denseHermitianDefect(out)).toBeLessThan(1e-13);
    expect(denseHermitianDefect(denseAdjoint(out))).toBeLessThan(1e-13);
  });

  it('satisfies D[o1 ± o2] = D[o1] + D[o2] ± (D[o1,o2] + D[o2,o1]) (thesis, after Eq. 6.4)', () => {
    const o1 = randomOperator(rng, dims);
    const o2 = randomOperator(rng, dims);
    const zero = { dims, matrix: csrZeros(n, n) };
    for (const sign of [1, -1]) {
      const lhs = liouvillianMatrix(lindbladian(zero, [{ rate: 1, jump: sign > 0 ? plus(o1, o2) : minus(o1, o2) }]));
      const parts: Dissipator[] = [
        { rate: 1, jump: o1 },
        { rate: 1, jump: o2 },
        { rate: sign, jump: o1, jump2: o2 },
        { rate: sign, jump: o2, jump2: o1 },
      ];
      const rhs = liouvillianMatrix(lindbladian(zero, parts));
      const diff = csrToDense(csrAdd(lhs, rhs, { re: 1, im: 0 }, { re: -1, im: 0 }));
      // entries ~10, products of two random matrices: 1e-13 absolute
      expectClose(diff.data, new Float64Array(diff.data.length), { atol: 1e-13 });
    }
  });
});
