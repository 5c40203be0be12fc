import { describe, expect, it } from 'vitest';
import type { DensityMatrix } from '@qsync/operators';
import type { DensityInput } from './density-input';

describe('DensityInput', () => {
  it('accepts a DensityMatrix of @qsync/operators (checked by tsc)', () => {
    // Compile-time check both ways: the two types are structurally interchangeable.
    const fromOperators: DensityMatrix = {
      dims: [1],
      matrix: { rows: 1, cols: 1, data: Float64Array.of(1, 0) },
    };
    const asInput: DensityInput = fromOperators;
    const back: DensityMatrix = asInput;
    expect(back.matrix.rows).toBe(1);
  });
});
