import { describe, expect, it } from 'vitest';
import { bandwidth } from './bandwidth';
import { reverseCuthillMcKee } from './reverse-cuthill-mckee';
import { csrPattern, randomPermutation, seededUniform } from './test-support/solver-fixtures';
import type { CsrMatrix } from './types';

/** Pattern of P·A·Pᵀ where new vertex k is old vertex perm[k]. */
function relabel(n: number, edges: [number, number][], perm: Int32Array): CsrMatrix {
  const inv = new Int32Array(n);
  perm.forEach((old, k) => (inv[old] = k));
  return csrPattern(
    n,
    edges.map(([i, j]) => [inv[i], inv[j]]),
  );
}

/** Classical bandwidth max(lower, upper) (the test patterns are one-directional). */
function band(a: CsrMatrix, p?: Int32Array): number {
  const b = bandwidth(a, p);
  return Math.max(b.lower, b.upper);
}

function isPermutationOf(p: Int32Array, values: number[]): boolean {
  return JSON.stringify(Array.from(p).sort((x, y) => x - y)) === JSON.stringify([...values].sort((x, y) => x - y));
}

describe('reverseCuthillMcKee', () => {
  it('runs the doc example', () => {
    const p = reverseCuthillMcKee({
      rows: 3,
      cols: 3,
      rowPtr: Int32Array.of(0, 1, 1, 2),
      colIdx: Int32Array.of(2, 1),
      data: new Float64Array(4),
    });
    expect(Array.from(p)).toEqual([1, 2, 0]);
  });

  it('recovers bandwidth 1 for a scrambled path, starting at an end (pseudo-peripheral)', () => {
    const n = 40;
    const edges: [number, number][] = [];
    for (let i = 0; i + 1 < n; i++) edges.push([i, i + 1]);
    const scramble = randomPermutation(n, seededUniform(9));
    const a = relabel(n, edges, scramble);
    const p = reverseCuthillMcKee(a);
    expect(isPermutationOf(p, [...Array(n).keys()])).toBe(true);
    expect(band(a, p)).toBe(1);
    // the two ends of the path (degree 1) come first and last
    const inv = new Int32Array(n);
    scramble.forEach((old, k) => (inv[old] = k));
    expect([p[0], p[n - 1]].sort()).toEqual([inv[0], inv[n - 1]].sort());
  });

  it('narrows a scrambled 2D grid to a band about the grid width', () => {
    const w = 12;
    const n = w * w;
    const edges: [number, number][] = [];
    for (let r = 0; r < w; r++) {
      for (let c = 0; c < w; c++) {
        const v = r * w + c;
        if (c + 1 < w) edges.push([v, v + 1], [v + 1, v]);
        if (r + 1 < w) edges.push([v, v + w], [v + w, v]);
      }
    }
    const a = relabel(n, edges, randomPermutation(n, seededUniform(10)));
    const before = bandwidth(a);
    const p = reverseCuthillMcKee(a);
    expect(isPermutationOf(p, [...Array(n).keys()])).toBe(true);
    const after = bandwidth(a, p);
    // level sets from a corner are anti-diagonals of ≤ w vertices: band ≤ 2w − 1
    expect(Math.max(after.lower, after.upper)).toBeLessThanOrEqual(2 * w - 1);
    expect(Math.max(before.lower, before.upper)).toBeGreaterThan(5 * w);
  });

  it('keeps each connected component contiguous', () => {
    // two interleaved paths: even vertices and odd vertices
    const n = 20;
    const edges: [number, number][] = [];
    for (let i = 0; i + 2 < n; i++) edges.push([i, i + 2]);
    const p = reverseCuthillMcKee(csrPattern(n, edges));
    const parity = Array.from(p, (v) => v % 2);
    const changes = parity.filter((x, k) => k > 0 && x !== parity[k - 1]).length;
    expect(changes).toBe(1);
    expect(band(csrPattern(n, edges), p)).toBe(1);
  });

  it('orders only the given subset, ignoring edges that leave it', () => {
    // path 0–1–2–3–4–5; subset {5, 1, 3, 2} induces 1–2–3 plus isolated 5
    const edges: [number, number][] = [0, 1, 2, 3, 4].map((i) => [i, i + 1]);
    const a = csrPattern(6, edges);
    const subset = Int32Array.of(5, 1, 3, 2);
    const p = reverseCuthillMcKee(a, subset);
    expect(isPermutationOf(p, [5, 1, 3, 2])).toBe(true);
    expect(band(a, p)).toBe(1);
    // 1, 2, 3 appear in path order (contiguous, either direction), 5 at one end
    const pos = (v: number) => Array.from(p).indexOf(v);
    expect(Math.abs(pos(1) - pos(3))).toBe(2);
    expect([0, 3]).toContain(pos(5));
  });

  it('rejects a bad subset, naming it', () => {
    const a = csrPattern(3, [[0, 1]]);
    expect(() => reverseCuthillMcKee(a, Int32Array.of(0, 3))).toThrow(
      /reverseCuthillMcKee: argument 'subset' must hold distinct indices in \[0, 3\), got 3/,
    );
    expect(() =>
      reverseCuthillMcKee({ ...a, rowPtr: Int32Array.of(0, 1, 1) }),
    ).toThrow(/argument 'a' must have rowPtr of length rows \+ 1 = 4/);
  });
});
