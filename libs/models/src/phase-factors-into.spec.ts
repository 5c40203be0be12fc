import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { createRng } from '@qsync/linalg';
import { phaseFactorsInto } from './phase-factors-into';

describe('phaseFactorsInto', () => {
  it('matches Math.cos/Math.sin to 1e-15 over many turns, both signs, table edges and far phases', () => {
    const rng = createRng(1);
    const n = 20000;
    const phases = new Float64Array(n);
    for (let k = 0; k < n; k++) phases[k] = 2000 * (rng.uniform() - 0.5);
    const h = (2 * Math.PI) / 256;
    // on and half-way between the table's nodes (where |d| is largest), near ±π/2, and beyond 1e7
    const special = [0, -0, h, h / 2, -h / 2, 255.5 * h, Math.PI / 2, -Math.PI, 1e-300, 9.99e6, -9.99e6, 1e7 + 0.5, -3e9, 1e300];
    phases.set(special);
    const c = new Float64Array(n);
    const s = new Float64Array(n);
    const sums = new Float64Array(2);
    phaseFactorsInto(c, s, phases, 0, n, sums);
    // Math.cos/sin are within 1 ulp of the truth; the table path adds the tables' rounding and
    // two roundings of the combination: a few ulp of 1 (2.2e-16 each)
    for (let k = 0; k < n; k++) {
      const x = phases[k];
      // at |φ| ~ 1e7 the reduction itself is exact, but ulp(φ) = 2e-9 means a relative input
      // error that Math.sin shares: compare at the same input, tolerance still absolute 1e-15
      expectClose([c[k], s[k]], [Math.cos(x), Math.sin(x)], { atol: 1e-15 });
    }
    let sc = 0;
    let ss = 0;
    for (let k = 0; k < n; k++) {
      sc += c[k];
      ss += s[k];
    }
    expect([sums[0], sums[1]]).toEqual([sc, ss]);
  });

  it('reads a block at an offset and writes only count entries', () => {
    const phases = new Float64Array([9, 9, 0, Math.PI / 2, 9]);
    const c = new Float64Array(3).fill(-7);
    const s = new Float64Array(3).fill(-7);
    const sums = new Float64Array(2);
    phaseFactorsInto(c, s, phases, 2, 2, sums);
    expectClose(Array.from(c), [1, 0, -7], { atol: 1e-15 }); // cos(fl(π/2)) = 6e-17, a few ulp of 1
    expectClose(Array.from(s), [0, 1, -7], { atol: 1e-15 });
    expectClose(Array.from(sums), [1, 1], { atol: 1e-15 });
  });

  it('passes NaN and ±∞ through as NaN (so a stepper sees the blow-up)', () => {
    const c = new Float64Array(3);
    const s = new Float64Array(3);
    const sums = new Float64Array(2);
    phaseFactorsInto(c, s, new Float64Array([Number.NaN, Infinity, -Infinity]), 0, 3, sums);
    expect([...c, ...s].every(Number.isNaN)).toBe(true);
    expect(Number.isNaN(sums[0])).toBe(true);
  });
});
