import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { bracketedRoot } from './bracketed-root';

describe('bracketedRoot', () => {
  it('finds roots of smooth and steep functions to the bracket tolerance, in few evaluations', () => {
    let calls = 0;
    const counted = (f: (x: number) => number) => (x: number) => (calls++, f(x));
    expectClose(bracketedRoot(counted((x) => x * x - 2), 0, 2, 1e-13), Math.SQRT2, { atol: 1e-13 });
    // plain bisection would take 44 steps
    expect(calls).toBeLessThan(20);
    // x e^x = 1: the omega constant; a flat-then-steep x⁹ − 1e-9 (root 0.1), where plain regula falsi stalls
    expectClose(bracketedRoot((x) => x * Math.exp(x) - 1, 0, 3, 1e-13), 0.5671432904097838, { atol: 1e-13 });
    calls = 0;
    expectClose(bracketedRoot(counted((x) => x ** 9 - 1e-9), 0, 1, 1e-14), 0.1, { rtol: 1e-12 });
    expect(calls).toBeLessThan(80);
    // decreasing functions too
    expectClose(bracketedRoot((x) => 3 - x, 0, 10, 1e-12), 3, { atol: 1e-12 });
  });

  it('refuses a bracket without a sign change and bad arguments', () => {
    expect(() => bracketedRoot((x) => x + 1, 0, 1, 1e-9)).toThrow(/opposite signs/);
    expect(() => bracketedRoot((x) => x, 1, 0, 1e-9)).toThrow(/finite lo < hi/);
    expect(() => bracketedRoot((x) => x, -1, 1, 0)).toThrow(/'tol'/);
  });
});
