import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { ilu0, ilu0Factor } from './ilu0';
import { convectionDiffusion, csrApply } from './test-support/convection-diffusion';
import {
  EPS,
  csrFromDense,
  denseFrom,
  denseFromCsr,
  matmul,
  randomBanded,
  randomVector,
  seededUniform,
} from './test-support/solver-fixtures';

describe('ilu0', () => {
  it('runs the doc example', () => {
    const a = {
      rows: 2,
      cols: 2,
      rowPtr: Int32Array.of(0, 2, 4),
      colIdx: Int32Array.of(0, 1, 0, 1),
      data: Float64Array.of(2, 0, 1, 0, 1, 0, 2, 0),
    };
    const out = new Float64Array(4);
    ilu0(a)(out, Float64Array.of(3, 0, 3, 0));
    // exact LU of a 2×2 with dyadic pivots: a few ulps
    expectClose(out, [1, 0, 1, 0], { atol: 4 * EPS });
  });

  it('is the exact LU (no fill) for a tridiagonal matrix: M⁻¹·A·x = x', () => {
    const n = 30;
    const rand = seededUniform(4);
    const a = csrFromDense(randomBanded(n, 1, 1, rand, 3));
    const x = randomVector(n, rand);
    const ax = new Float64Array(2 * n);
    csrApply(a)(ax, x);
    const back = new Float64Array(2 * n);
    ilu0(a)(back, ax);
    // diagonally dominant, κ ≈ 3: a few ulps per entry
    expectClose(back, x, { atol: 1e-14 });
    // out may alias x
    ilu0(a)(ax, ax);
    expectClose(ax, x, { atol: 1e-14 });
  });

  it('matches A on its pattern and drops fill outside it (2D grid)', () => {
    const w = 5;
    const a = convectionDiffusion(w, 0.3, 0.2);
    const n = w * w;
    const f = ilu0Factor(a);
    const { rowPtr, colIdx } = a;
    const l = denseFrom(n, n, () => [0, 0]);
    const u = denseFrom(n, n, () => [0, 0]);
    for (let i = 0; i < n; i++) {
      l.data[2 * (i * n + i)] = 1;
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        const j = colIdx[p];
        const target = j < i ? l : u;
        target.data[2 * (i * n + j)] = f.values[2 * p];
        target.data[2 * (i * n + j) + 1] = f.values[2 * p + 1];
      }
    }
    const lu = matmul(l, u);
    const dense = denseFromCsr(a);
    let fillOutside = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const inPattern = dense.data[2 * (i * n + j)] !== 0 || dense.data[2 * (i * n + j) + 1] !== 0;
        const k = 2 * (i * n + j);
        if (inPattern) {
          // O(1) entries, a few operations each
          expectClose([lu.data[k], lu.data[k + 1]], [dense.data[k], dense.data[k + 1]], { atol: 1e-14 });
        } else {
          fillOutside = Math.max(fillOutside, Math.hypot(lu.data[k], lu.data[k + 1]));
        }
      }
    }
    // the dropped fill is real: ILU(0) ≠ LU for a grid
    expect(fillOutside).toBeGreaterThan(1e-3);
  });

  it('throws on a missing or zero diagonal, naming the row', () => {
    // row 1 stores only column 0
    const missing = csrFromDense(denseFrom(2, 2, (i, j) => [i === 0 || j === 0 ? 1 : 0, 0]));
    expect(() => ilu0(missing)).toThrow(/ilu0: argument 'a' has no stored diagonal entry in row 1/);
    // [[1, 1], [1, 1]]: u_11 = 1 − 1·1 = 0 after elimination
    const cancelled = csrFromDense(denseFrom(2, 2, () => [1, 0]));
    expect(() => ilu0(cancelled)).toThrow(/ilu0: argument 'a' gives a zero pivot in row 1/);
    // stored zero on the diagonal of row 0
    const storedZero = {
      rows: 2,
      cols: 2,
      rowPtr: Int32Array.of(0, 2, 4),
      colIdx: Int32Array.of(0, 1, 0, 1),
      data: Float64Array.of(0, 0, 1, 0, 1, 0, 1, 0),
    };
    expect(() => ilu0(storedZero)).toThrow(/zero pivot in row 0/);
  });

  it('rejects malformed input, naming it', () => {
    const a = csrFromDense(denseFrom(2, 2, (i, j) => [i === j ? 1 : 0, 0]));
    expect(() => ilu0({ ...a, data: Float64Array.of(Infinity, 0, 1, 0) })).toThrow(
      /ilu0: argument 'a' must be finite/,
    );
    const m = ilu0(a);
    expect(() => m(new Float64Array(4), new Float64Array(2))).toThrow(
      /ilu0 preconditioner: argument 'x' must have length 2·n = 4/,
    );
  });
});
