import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { gaussLegendre } from './gauss-legendre';

describe('gaussLegendre', () => {
  it('runs the doc example', () => {
    const { nodes, weights } = gaussLegendre(1, 0, 2);
    expect(Array.from(nodes)).toEqual([1]);
    expect(Array.from(weights)).toEqual([2]);
  });

  it('is exact for every monomial of degree ≤ 2n − 1 on [a, b]', () => {
    for (const n of [2, 5, 12, 31]) {
      const a = -0.5;
      const b = 2;
      const { nodes, weights } = gaussLegendre(n, a, b);
      for (let d = 0; d <= 2 * n - 1; d++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += weights[i] * nodes[i] ** d;
        const exact = (b ** (d + 1) - a ** (d + 1)) / (d + 1);
        // Sum of n positive terms of size ≤ exact: ~n·ε relative, with margin.
        expectClose(s, exact, { rtol: 1e-13 });
      }
    }
  });

  it('returns increasing nodes inside (a, b) with positive weights summing to b − a', () => {
    const { nodes, weights } = gaussLegendre(40, 0, 8);
    for (let i = 0; i < 40; i++) {
      expect(nodes[i]).toBeGreaterThan(i === 0 ? 0 : nodes[i - 1]);
      expect(weights[i]).toBeGreaterThan(0);
    }
    expect(nodes[39]).toBeLessThan(8);
    expectClose(
      weights.reduce((x, y) => x + y, 0),
      8,
      { rtol: 1e-14 },
    );
  });

  it('integrates r e^{−r²} on [0, 8] to ½ (the radial integrals of the probes)', () => {
    // Entire integrand: geometric convergence; the tail beyond 8 is e^{−64}/2 ≈ 1e−28.
    const { nodes, weights } = gaussLegendre(32, 0, 8);
    let s = 0;
    for (let i = 0; i < 32; i++) s += weights[i] * nodes[i] * Math.exp(-(nodes[i] ** 2));
    expectClose(s, 0.5, { rtol: 1e-14 });
  });
});
