import { describe, expect, it } from 'vitest';
import { denseAdd, denseAdjoint, denseMatmul, denseScale } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { commutator, conjugate, dagger, minus, plus, power, scaled, times } from './algebra';
import { destroy } from './fock-operators';
import { identity } from './identity';
import { fockSpace, spinHalfSpace } from './space';
import { createRng, dense, randomOperator } from './test-support/random-operators';

describe('operator algebra', () => {
  const rng = createRng(11);
  const dims = [2, 3];
  const a = randomOperator(rng, dims);
  const b = randomOperator(rng, dims);
  const da = dense(a);
  const db = dense(b);
  // sums of 6 products of O(1) numbers: ~10 ulps
  const tol = { atol: 1e-14 };

  it('plus, minus, times, scaled agree with dense arithmetic', () => {
    expectClose(dense(plus(a, b)).data, denseAdd(da, db).data, tol);
    expectClose(dense(minus(a, b)).data, denseAdd(da, db, { re: 1, im: 0 }, { re: -1, im: 0 }).data, tol);
    expectClose(dense(times(a, b)).data, denseMatmul(da, db).data, tol);
    expectClose(dense(scaled(a, { re: 0.5, im: -2 })).data, denseScale(da, { re: 0.5, im: -2 }).data, tol);
    expect(plus(a, b).dims).toEqual(dims);
  });

  it('dagger is the conjugate transpose, conjugate the entry-wise conjugate', () => {
    expectClose(dense(dagger(a)).data, denseAdjoint(da).data, { rtol: 0 });
    expectClose(dense(conjugate(a)).data, da.data.map((x, k) => (k % 2 ? -x : x)), { rtol: 0 });
  });

  it('commutator = ab − ba; power by repeated products, power 0 = 1', () => {
    const ab = denseMatmul(da, db);
    const ba = denseMatmul(db, da);
    expectClose(dense(commutator(a, b)).data, denseAdd(ab, ba, { re: 1, im: 0 }, { re: -1, im: 0 }).data, tol);
    const a3 = denseMatmul(denseMatmul(da, da), da);
    expectClose(dense(power(a, 3)).data, a3.data, { atol: 1e-12 }); // entries ~10: a few ulps of 10²
    expectClose(dense(power(a, 0)).data, dense(identity({ dims, size: 6, kind: 'tensor', factors: [] })).data, { rtol: 0 });
    expectClose(dense(power(a, 1)).data, da.data, { rtol: 0 });
    // a^5 on a Fock space: a^5|5⟩ = √5! |0⟩
    const f = fockSpace(6);
    expectClose(dense(power(destroy(f), 5)).data[2 * 5], Math.sqrt(120), { rtol: 1e-15 });
  });

  it('reject mismatched dims, bad exponents and non-finite factors', () => {
    const q = destroy(fockSpace(2));
    const s = identity(spinHalfSpace()); // same size 2 but same dims [2] — allowed
    expect(plus(q, s).dims).toEqual([2]);
    expect(() => plus(a, q)).toThrow("plus: 'a' has dims [2, 3] but 'b' has dims [2]; they must be equal");
    expect(() => minus(a, q)).toThrow("minus: 'a' has dims [2, 3]");
    expect(() => times(a, q)).toThrow("times: 'a' has dims [2, 3]");
    expect(() => commutator(a, q)).toThrow("commutator: 'a' has dims [2, 3]");
    expect(() => power(a, -1)).toThrow("power: argument 'k' must be an integer ≥ 0, got -1");
    expect(() => power(a, 1.5)).toThrow("power: argument 'k' must be an integer ≥ 0, got 1.5");
    expect(() => scaled(a, Number.NaN)).toThrow("scaled: argument 'c' must be a finite number or Complex {re, im}, got {re: NaN, im: 0}");
    expect(() => dagger({ dims: [3], matrix: q.matrix })).toThrow("dagger: argument 'a' has dims [3] (size 3) but a 2×2 matrix");
  });
});
