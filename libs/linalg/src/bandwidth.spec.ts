import { describe, expect, it } from 'vitest';
import { bandwidth } from './bandwidth';
import { csrPattern } from './test-support/solver-fixtures';

describe('bandwidth', () => {
  const a = {
    rows: 3,
    cols: 3,
    rowPtr: Int32Array.of(0, 2, 2, 3),
    colIdx: Int32Array.of(0, 2, 1),
    data: new Float64Array(6),
  };

  it('runs the doc example', () => {
    expect(bandwidth(a)).toEqual({ lower: 1, upper: 2 });
  });

  it('measures the permuted matrix B[k, l] = A[perm[k], perm[l]]', () => {
    // perm = [2, 0, 1]: entries (0,0)→(1,1), (0,2)→(1,0), (2,1)→(0,2)
    expect(bandwidth(a, Int32Array.of(2, 0, 1))).toEqual({ lower: 1, upper: 2 });
    // perm = [0, 2, 1]: (0,2)→(0,1), (2,1)→(1,2): upper 1, lower 0
    expect(bandwidth(a, Int32Array.of(0, 2, 1))).toEqual({ lower: 0, upper: 1 });
  });

  it('measures a principal submatrix when perm lists a subset', () => {
    // tridiagonal-like chain 0–1–2–3 plus a far entry (0, 3)
    const b = csrPattern(4, [
      [0, 1],
      [1, 2],
      [2, 3],
      [0, 3],
    ]);
    expect(bandwidth(b)).toEqual({ lower: 0, upper: 3 });
    expect(bandwidth(b, Int32Array.of(1, 2, 3))).toEqual({ lower: 0, upper: 1 });
    expect(bandwidth(b, Int32Array.of(3, 0))).toEqual({ lower: 1, upper: 0 });
  });

  it('rejects a bad perm, naming it', () => {
    expect(() => bandwidth(a, Int32Array.of(0, 0))).toThrow(
      /bandwidth: argument 'perm' must hold distinct indices in \[0, 3\), got 0 at position 1/,
    );
    expect(() => bandwidth(a, Int32Array.of(0, 1, 2, 0))).toThrow(/argument 'perm' must have length ≤ 3/);
    expect(() => bandwidth(a, [0, 1, 2] as unknown as Int32Array)).toThrow(
      /argument 'perm' must be an Int32Array/,
    );
  });
});
