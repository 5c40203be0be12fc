import { describe, expect, it } from 'vitest';
import { csrToDense } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { conjugateLindbladian } from './conjugate-lindbladian';
import { liouvillianMatrix } from './liouvillian-matrix';
import { createRng, dense, randomLindbladian } from './test-support/random-operators';

describe('conjugateLindbladian (thesis Eq. 6.15)', () => {
  const rng = createRng(17);
  const l = randomLindbladian(rng, [2, 2]);
  const c = conjugateLindbladian(l);

  it('maps H → −H* and J → J*, keeping rates and cross pairs', () => {
    const h = dense(l.hamiltonian).data;
    expectClose(dense(c.hamiltonian).data, h.map((x, k) => (k % 2 ? x : -x)), { rtol: 0 });
    expect(c.dissipators.map((d) => d.rate)).toEqual(l.dissipators.map((d) => d.rate));
    expect(c.dissipators.map((d) => d.jump2 !== undefined)).toEqual([false, false, true, true]);
  });

  it('has liouvillianMatrix(L*) equal to the entry-wise conjugate of liouvillianMatrix(L)', () => {
    const m = csrToDense(liouvillianMatrix(l)).data;
    const mc = csrToDense(liouvillianMatrix(c)).data;
    // the same products with conjugated inputs round identically up to summation order
    expectClose(mc, m.map((x, k) => (k % 2 ? -x : x)), { atol: 1e-13 });
  });
});
