import { describe, expect, it } from 'vitest';
import { parameterGrid } from './parameter-grid';

describe('parameterGrid', () => {
  it('is the Cartesian product, first axis slowest', () => {
    const grid = parameterGrid({ a: [1, 2], b: ['x', 'y', 'z'], c: [true, false] });
    expect(grid).toHaveLength(12);
    expect(grid[0]).toEqual({ a: 1, b: 'x', c: true });
    expect(grid[1]).toEqual({ a: 1, b: 'x', c: false });
    expect(grid[2]).toEqual({ a: 1, b: 'y', c: true });
    expect(grid[11]).toEqual({ a: 2, b: 'z', c: false });
    // every combination exactly once
    expect(new Set(grid.map((p) => `${p.a}${p.b}${p.c}`)).size).toBe(12);
  });

  it('spaces a range evenly and ends it at `to` exactly', () => {
    const xs = parameterGrid({ x: { from: 0, to: 0.3, count: 4 } }).map((p) => p.x);
    // 0.1·3 would be 0.30000000000000004: the last point is `to` itself
    expect(xs).toEqual([0, 0.1, 0.2, 0.3]);
    expect(parameterGrid({ x: { from: 2, to: -2, count: 3 } }).map((p) => p.x)).toEqual([2, 0, -2]);
    expect(parameterGrid({ x: { from: 5, to: 5, count: 1 } })).toEqual([{ x: 5 }]);
  });

  it('refuses bad axes by name', () => {
    expect(() => parameterGrid({})).toThrow(/names no parameter/);
    expect(() => parameterGrid({ g: [] })).toThrow(/axis 'g' is an empty list/);
    expect(() => parameterGrid({ g: [1, NaN] })).toThrow(/value 1 of axis 'g' must be a finite number/);
    expect(() => parameterGrid({ g: { from: 0, to: 1, count: 0 } })).toThrow(/axis 'g' needs 'count' an integer ≥ 1, got 0/);
    expect(() => parameterGrid({ g: { from: 0, to: 1, count: 2.5 } })).toThrow(/axis 'g' needs 'count'/);
    expect(() => parameterGrid({ g: { from: 0, to: Infinity, count: 2 } })).toThrow(/axis 'g' needs finite 'from' and 'to'/);
    expect(() => parameterGrid({ g: { from: 0, to: 1, count: 1 } })).toThrow(/axis 'g' has count 1 but from 0 ≠ to 1/);
    expect(() => parameterGrid({ g: 3 as never })).toThrow(/axis 'g' must be \{ from, to, count \} or a list/);
  });
});
