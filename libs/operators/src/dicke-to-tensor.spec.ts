import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { dickeBasisState } from './dicke-basis-state';
import { dickeSpace } from './dicke-space';
import { dickeToTensor } from './dicke-to-tensor';
import { randomDickeState } from './test-support/tensor-spins';

describe('dickeToTensor', () => {
  it('maps |j = N/2, m⟩ to the symmetric Dicke state: uniform over the C(N, k) strings with k spins up', () => {
    // N = 4, m = 0: the 6 strings with two 1s, each amplitude 1/√6, so ρ_xy = 1/6 on them (1e-14: a few roundings)
    const rho = dickeToTensor(dickeBasisState(dickeSpace(4), 2, 0)).matrix.data;
    const ones = (x: number) => x.toString(2).split('').filter((c) => c === '1').length;
    for (let x = 0; x < 16; x++) {
      for (let y = 0; y < 16; y++) {
        const want = ones(x) === 2 && ones(y) === 2 ? 1 / 6 : 0;
        expectClose(rho[2 * (x * 16 + y)], want, { atol: 1e-14 });
        expect(rho[2 * (x * 16 + y) + 1]).toBe(0);
      }
    }
  });

  it('maps |j, m⟩ with j < N/2 to the uniform mixture of its d_j copies: trace 1, purity 1/d_j, no weight outside m', () => {
    // N = 4, j = 1 has d_j = 3 copies; N = 5, j = 1/2 has d_j = 5
    for (const [n, j, m, d] of [
      [4, 1, 1, 3],
      [5, 0.5, -0.5, 5],
      [4, 0, 0, 2],
    ]) {
      const rho = dickeToTensor(dickeBasisState(dickeSpace(n), j, m)).matrix;
      const dim = rho.rows;
      let trace = 0;
      let purity = 0;
      for (let x = 0; x < dim; x++) trace += rho.data[2 * (x * dim + x)];
      for (let k = 0; k < rho.data.length; k += 2) purity += rho.data[k] ** 2 + rho.data[k + 1] ** 2;
      expectClose(trace, 1, { atol: 1e-13 });
      expectClose(purity, 1 / d, { atol: 1e-13 }); // Tr ρ² of (1/d)·projector of rank d
    }
  });

  it('is linear, Hermitian and invariant under exchanging two spins (random PI state, N = 5)', () => {
    const rho = dickeToTensor(randomDickeState(createRng(5), dickeSpace(5))).matrix.data;
    const dim = 32;
    // swap spins 0 and 1 (bits 4 and 3 of the index)
    const swap = (x: number) => (x & ~0b11000) | ((x & 0b10000) >> 1) | ((x & 0b01000) << 1);
    let defect = 0;
    for (let x = 0; x < dim; x++) {
      for (let y = 0; y < dim; y++) {
        const a = 2 * (x * dim + y);
        const b = 2 * (y * dim + x);
        const s = 2 * (swap(x) * dim + swap(y));
        defect = Math.max(defect, Math.abs(rho[a] - rho[b]), Math.abs(rho[a + 1] + rho[b + 1]), Math.abs(rho[a] - rho[s]), Math.abs(rho[a + 1] - rho[s + 1]));
      }
    }
    expect(defect).toBeLessThan(1e-14);
  });

  it('refuses more than 10 spins, naming the limit', () => {
    expect(() => dickeToTensor(dickeBasisState(dickeSpace(11), 5.5, 5.5))).toThrow(/N = 11 spins.*only for N ≤ 10/);
  });
});
