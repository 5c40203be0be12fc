import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { incoherentOrderModulus } from './incoherent-order-modulus';
import { kuramotoOrder } from './kuramoto-order';
import { meanWithError } from './mean-with-error';

/** Γ(1/3) = 2.6789385347077476337 and Γ(2/3) = 1.3541179394264004169 (Abramowitz & Stegun, Table 6.1), as doubles; their product is checked below. */
const GAMMA_THIRD = 2.6789385347077475;
const GAMMA_TWO_THIRDS = 1.3541179394264005;

describe('incoherentOrderModulus', () => {
  it('is 1 for one phasor and 2/π for two: |e^{iφ1} + e^{iφ2}|/2 = |cos((φ1 − φ2)/2)|', () => {
    expect(incoherentOrderModulus(1)).toBe(1);
    // the integral is exact to ~1e-14 here (its truncation beyond T = 10⁴ is corrected to O(T⁻³))
    expectClose(incoherentOrderModulus(2), 2 / Math.PI, { rtol: 1e-12 });
  });

  it('is Borwein et al.’s closed form for three steps, W3(1)/3 with W3(1) = 3·2^{1/3}Γ(1/3)⁶/16π⁴ + 27·2^{2/3}Γ(2/3)⁶/4π⁴', () => {
    // J. M. Borwein, A. Straub, J. Wan, W. Zudilin, "Densities of short uniform random walks" (2012)
    expectClose(GAMMA_THIRD * GAMMA_TWO_THIRDS, (2 * Math.PI) / Math.sqrt(3), { rtol: 1e-15 });
    const w3 =
      ((3 * Math.cbrt(2)) / (16 * Math.PI ** 4)) * GAMMA_THIRD ** 6 + ((27 * Math.cbrt(4)) / (4 * Math.PI ** 4)) * GAMMA_TWO_THIRDS ** 6;
    expectClose(incoherentOrderModulus(3), w3 / 3, { rtol: 1e-12 });
  });

  it('tends to Rayleigh’s √(π/4N) with the correction 1 + 1/16N + O(N⁻²) for many phases', () => {
    // the O(N⁻²) coefficient is 0.0124 (measured from this function between N = 16 and 16 384), so at
    // N = 1024 the two-term form is good to 1.2e-8 relative, while the 1/16N term itself is 6e-5
    for (const N of [1024, 4096]) {
      const rayleigh = Math.sqrt(Math.PI / (4 * N));
      expectClose(incoherentOrderModulus(N), rayleigh * (1 + 1 / (16 * N)), { rtol: 0.02 / N ** 2 });
    }
  });

  it('is what kuramotoOrder reads on random uniform phases, on average', () => {
    // 20 000 draws of N = 5 uniform phases: the mean |z| has a standard error of 0.0015; bound at 4
    const rng = createRng(3);
    const phases = new Float64Array(5);
    const abs = new Float64Array(20_000);
    for (let r = 0; r < abs.length; r++) {
      for (let j = 0; j < 5; j++) phases[j] = 2 * Math.PI * rng.uniform();
      abs[r] = kuramotoOrder(phases).abs;
    }
    const m = meanWithError(abs);
    expect(Math.abs(m.mean - incoherentOrderModulus(5))).toBeLessThan(4 * m.standardError);
  });

  it('refuses a bad N by name', () => {
    expect(() => incoherentOrderModulus(0)).toThrow(/'N' must be an integer ≥ 1, got 0/);
    expect(() => incoherentOrderModulus(2.5)).toThrow(/'N'/);
    expect(() => incoherentOrderModulus(Number.NaN)).toThrow(/got NaN/);
  });
});
