import { describe, expect, it } from 'vitest';
import { connectedComponents } from './connected-components';
import { csrPattern } from './test-support/solver-fixtures';

describe('connectedComponents', () => {
  it('runs the doc example', () => {
    const r = connectedComponents({
      rows: 4,
      cols: 4,
      rowPtr: Int32Array.of(0, 1, 1, 1, 2),
      colIdx: Int32Array.of(2, 1),
      data: new Float64Array(4),
    });
    expect(r.count).toBe(2);
    expect(Array.from(r.labels)).toEqual([0, 1, 0, 1]);
  });

  it('treats one-directional entries as undirected edges and keeps isolated vertices apart', () => {
    // 0 → 1, 2 → 1 (both only above/below the diagonal once), 3 isolated, 4 ↔ 5, 5 → 5
    const a = csrPattern(6, [
      [0, 1],
      [2, 1],
      [4, 5],
      [5, 4],
      [5, 5],
    ]);
    const r = connectedComponents(a);
    expect(r.count).toBe(3);
    expect(Array.from(r.labels)).toEqual([0, 0, 0, 1, 2, 2]);
  });

  it('finds the interleaved blocks of a block-diagonal matrix after a permutation', () => {
    // three chains on vertices ≡ 0, 1, 2 (mod 3), like coherence sectors of a Liouvillian
    const n = 30;
    const edges: [number, number][] = [];
    for (let i = 0; i + 3 < n; i++) edges.push(i % 2 === 0 ? [i, i + 3] : [i + 3, i]);
    const r = connectedComponents(csrPattern(n, edges));
    expect(r.count).toBe(3);
    for (let i = 0; i < n; i++) expect(r.labels[i]).toBe(i % 3);
  });

  it('rejects malformed matrices, naming the argument', () => {
    expect(() =>
      connectedComponents({
        rows: 2,
        cols: 3,
        rowPtr: Int32Array.of(0, 0, 0),
        colIdx: new Int32Array(0),
        data: new Float64Array(0),
      }),
    ).toThrow(/connectedComponents: argument 'a' must be a square CsrMatrix/);
    expect(() =>
      connectedComponents({
        rows: 2,
        cols: 2,
        rowPtr: Int32Array.of(0, 1, 2),
        colIdx: Int32Array.of(0, 5),
        data: new Float64Array(4),
      }),
    ).toThrow(/argument 'a' row 1 must have strictly increasing column indices in \[0, 2\)/);
    const base = {
      rows: 2,
      cols: 2,
      rowPtr: Int32Array.of(0, 1, 2),
      colIdx: Int32Array.of(0, 1),
      data: new Float64Array(4),
    };
    expect(() => connectedComponents({ ...base, colIdx: [0, 1] as unknown as Int32Array })).toThrow(
      /argument 'a' must be a CsrMatrix \(Int32Array rowPtr\/colIdx, Float64Array data\)/,
    );
    expect(() => connectedComponents({ ...base, rowPtr: Int32Array.of(1, 1, 2) })).toThrow(
      /argument 'a' must have rowPtr of length rows \+ 1 = 3 starting at 0/,
    );
    expect(() => connectedComponents({ ...base, rowPtr: Int32Array.of(0, 1, 3) })).toThrow(
      /argument 'a' has rowPtr\[rows\] = 3 but colIdx\/data hold fewer entries/,
    );
    expect(() =>
      connectedComponents({ ...base, rowPtr: Int32Array.of(0, 2, 1), colIdx: Int32Array.of(0, 1) }),
    ).toThrow(/argument 'a' has decreasing rowPtr at row 1/);
    expect(() => connectedComponents({ ...base, colIdx: Int32Array.of(0, 0), rowPtr: Int32Array.of(0, 2, 2) })).toThrow(
      /row 0 must have strictly increasing column indices/,
    );
  });
});
