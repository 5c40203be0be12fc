import { describe, expect, it } from 'vitest';
import { csrMatvecInto, createRng } from '@qsync/linalg';
import { coupledVanDerPol } from '@qsync/models';
import { liouvillianMatrix } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { populationBlock } from './population-block';

describe('populationBlock', () => {
  const pair = coupledVanDerPol({ cutoff: 3, kappa: 1, kappa1: 3, kappa2: 1, delta: 0.5, V: 1 });
  const n = 9;
  const L = liouvillianMatrix(pair.lindbladian);

  it('holds exactly the entries with equal ket and bra excitation numbers (U(1) symmetry)', () => {
    const block = populationBlock(L, n, [pair.operators.adagb.matrix]);
    // |na nb⟩⟨ma mb| with na + nb = ma + mb: the counts of each total k = 0…4 are 1, 2, 3, 2, 1.
    expect(block.indices.length).toBe(1 + 4 + 9 + 4 + 1);
    for (const k of block.indices) {
      const i = Math.floor(k / n);
      const j = k % n;
      expect(Math.floor(i / 3) + (i % 3)).toBe(Math.floor(j / 3) + (j % 3));
    }
  });

  it('evolves on its own: L·x restricted to the block equals the block matrix times x restricted', () => {
    const block = populationBlock(L, n);
    const rng = createRng(7);
    const x = new Float64Array(2 * n * n);
    for (const k of block.indices) {
      x[2 * k] = rng.uniform() - 0.5;
      x[2 * k + 1] = rng.uniform() - 0.5;
    }
    const full = new Float64Array(2 * n * n);
    csrMatvecInto(full, L, x);
    const m = block.indices.length;
    const xb = new Float64Array(2 * m);
    block.indices.forEach((k, q) => xb.set(x.subarray(2 * k, 2 * k + 2), 2 * q));
    const yb = csrMatvecInto(new Float64Array(2 * m), block.matrix, xb);
    const expected = new Float64Array(2 * m);
    block.indices.forEach((k, q) => expected.set(full.subarray(2 * k, 2 * k + 2), 2 * q));
    // Same products summed in the same column order: equal up to rounding of O(1) sums.
    expectClose(yb, expected, { rtol: 0, atol: 1e-14 });
    // Nothing leaks out of the block.
    let outside = 0;
    const inBlock = new Set(block.indices);
    for (let k = 0; k < n * n; k++) if (!inBlock.has(k)) outside = Math.max(outside, Math.abs(full[2 * k]), Math.abs(full[2 * k + 1]));
    expect(outside).toBe(0);
  });

  it('rejects a matrix of the wrong size and a wrongly sized observable', () => {
    expect(() => populationBlock(L, 8)).toThrow(/'L' must be n²×n² for n = 8, got 81×81/);
    expect(() => populationBlock(L, n, [pair.operators.adagb.matrix, { ...pair.operators.adagb.matrix, rows: 3, cols: 3 }])).toThrow(
      /every observable must be 9×9, got 3×3/,
    );
  });
});
