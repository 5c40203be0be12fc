import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { partialTrace } from './partial-trace';
import { fockSpace, spinOneSpace } from './space';
import { createRng, randomDensity } from './test-support/random-operators';
import { tensorState } from './tensor-state';
import { thermalState } from './thermal-state';

describe('partialTrace', () => {
  const rng = createRng(5);
  const ra = randomDensity(rng, [2]);
  const rb = randomDensity(rng, [3]);
  const rc = thermalState(fockSpace(2), 0.4);
  const rho = tensorState(ra, rb, rc); // dims [2, 3, 2]
  // sums of ≤ 6 products of numbers ≤ 1: a few ulps
  const tol = { atol: 1e-15 };

  it('recovers the factors of a product state', () => {
    expectClose(partialTrace(rho, [0]).matrix.data, ra.matrix.data, tol);
    expectClose(partialTrace(rho, [1]).matrix.data, rb.matrix.data, tol);
    expectClose(partialTrace(rho, [2]).matrix.data, rc.matrix.data, tol);
    const ac = partialTrace(rho, [2, 0]); // kept in original order, like QuTiP
    expect(ac.dims).toEqual([2, 2]);
    expectClose(ac.matrix.data, tensorState(ra, rc).matrix.data, tol);
    expectClose(partialTrace(rho, [0, 1, 2]).matrix.data, rho.matrix.data, { rtol: 0 });
  });

  it('gives the maximally mixed state for a Bell state', () => {
    // (|00⟩ + |11⟩)/√2
    const h = 0.5;
    const data = new Float64Array(32);
    for (const [i, j] of [[0, 0], [0, 3], [3, 0], [3, 3]]) data[2 * (i * 4 + j)] = h;
    const red = partialTrace({ dims: [2, 2], matrix: { rows: 4, cols: 4, data } }, [1]);
    expectClose(red.matrix.data, [0.5, 0, 0, 0, 0, 0, 0.5, 0], { rtol: 0 });
  });

  it('rejects bad, repeated or missing subsystem indices', () => {
    expect(() => partialTrace(rho, [3])).toThrow(
      "partialTrace: argument 'keep' must hold subsystem indices in 0…2 (rho has dims [2, 3, 2]), got 3",
    );
    expect(() => partialTrace(rho, [1, 1])).toThrow("partialTrace: argument 'keep' lists subsystem 1 twice");
    expect(() => partialTrace(rho, [])).toThrow("partialTrace: argument 'keep' must be a non-empty array");
    expect(() => partialTrace({ dims: [spinOneSpace().size], matrix: ra.matrix }, [0])).toThrow(
      "partialTrace: argument 'rho' has dims [3] (size 3) but a 2×2 matrix",
    );
  });
});
