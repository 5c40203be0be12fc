import { describe, expect, it } from 'vitest';
import { denseMatmul, denseTrace } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { expect as expectValue, expectKet } from './expect';
import { pureState } from './pure-state';
import { createRng, dense, randomDensity, randomOperator } from './test-support/random-operators';

describe('expect / expectKet', () => {
  const rng = createRng(3);
  const dims = [3, 2];
  const o = randomOperator(rng, dims);
  const rho = randomDensity(rng, dims);

  it('Tr[o ρ] equals the trace of the dense product', () => {
    const ref = denseTrace(denseMatmul(dense(o), rho.matrix));
    const got = expectValue(o, rho);
    // 36 products of O(1) numbers summed in a different order: ~1e-15
    expectClose([got.re, got.im], [ref.re, ref.im], { atol: 1e-14 });
  });

  it('⟨ψ|o|ψ⟩ equals Tr[o |ψ⟩⟨ψ|]', () => {
    const data = new Float64Array(12);
    rng.fillGaussianInto(data);
    const ket = { dims, data };
    const a = expectKet(o, ket);
    const b = expectValue(o, pureState(ket));
    expectClose([a.re, a.im], [b.re, b.im], { rtol: 1e-13, atol: 1e-13 }); // sums of 36 terms of size ~5
  });

  it('rejects mismatched dims', () => {
    expect(() => expectValue(randomOperator(rng, [6]), rho)).toThrow(
      "expect: 'op' has dims [6] but 'rho' has dims [3, 2]; they must be equal",
    );
    expect(() => expectKet(o, { dims: [6], data: new Float64Array(12) })).toThrow(
      "expectKet: 'op' has dims [3, 2] but 'ket' has dims [6]; they must be equal",
    );
  });
});
