import { describe, expect, it } from 'vitest';
import { columnView } from './column-view';
import { sampleBlock } from './sample-block';

describe('columnView', () => {
  it('runs the doc example: [sample, row, col] over the column data', () => {
    const block = sampleBlock({
      t0: 0,
      dt: 1,
      columns: { q: { kind: 'real', shape: [2, 2], data: Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8) } },
    });
    const q = columnView(block, 'q');
    expect([q.shape, q.get(1, 0, 1)]).toEqual([[2, 2, 2], 6]);
  });

  it('indexes a complex matrix column [sample, i, j, part] as the row-major interleaved layout says', () => {
    // ρ at 3 samples, 2×2, entry (k, i, j) = (100k + 10i + j) + i·(−(100k + 10i + j))
    const data = new Float64Array(3 * 4 * 2);
    for (let k = 0; k < 3; k++) {
      for (let i = 0; i < 2; i++) {
        for (let j = 0; j < 2; j++) {
          const at = 2 * (4 * k + 2 * i + j);
          data[at] = 100 * k + 10 * i + j;
          data[at + 1] = -(100 * k + 10 * i + j);
        }
      }
    }
    const block = sampleBlock({ t0: 0, dt: 1, columns: { rho: { kind: 'complex', shape: [2, 2], data } } });
    const v = columnView(block, 'rho');
    expect(v.shape).toEqual([3, 2, 2, 2]);
    expect([v.get(2, 1, 0, 0), v.get(2, 1, 0, 1), v.get(0, 0, 1, 0)]).toEqual([210, -210, 1]);
    expect(v.data).toBe(data); // a view, not a copy
  });

  it('names an unknown column and lists the known ones', () => {
    const block = sampleBlock({ t0: 3, dt: 1, columns: { x: { kind: 'real', data: new Float64Array(1) } } });
    expect(() => columnView(block, 'y')).toThrow("columnView: unknown column 'y' in the block at t0 = 3; known columns: 'x'");
  });
});
