import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { erfc, erfcx } from './complementary-error-function';

/** (2/√π)∫_a^b e^{−t²} dt by composite Simpson on 20 000 intervals (error ~(b − a)h⁴·max|f⁗|/180 < 1e-16 here). */
function gaussianMass(a: number, b: number): number {
  const n = 20_000;
  const h = (b - a) / n;
  const f = (t: number) => Math.exp(-t * t);
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return ((2 / Math.sqrt(Math.PI)) * s * h) / 3;
}

describe('erfc, erfcx', () => {
  it('erfc(a) − erfc(b) is the integral of (2/√π)e^{−t²} from a to b, on both branches and across x = 2', () => {
    expect(erfc(0)).toBe(1);
    for (const [a, b] of [
      [0, 0.5],
      [0.5, 1.9],
      [1.5, 2.5],
      [2, 4],
      [-1, 1],
      [-3, -0.2],
    ]) {
      expectClose(erfc(a) - erfc(b), gaussianMass(a, b), { rtol: 1e-13, atol: 1e-16 });
    }
    // the tail beyond 4 from the integral up to 9 (e^{−81} below every double's resolution of it)
    expectClose(erfc(4), gaussianMass(4, 9), { rtol: 1e-12 });
  });

  it('erfcx follows its asymptotic series 1/(x√π)·Σ (−1)ⁿ(2n − 1)!!/(2x²)ⁿ far out, where erfc underflows', () => {
    // five terms; the first omitted one, 945/(2x²)⁵, bounds the error: 3e-6 relative at x = 5, 4e-14 at
    // x = 30, 1e-17 at x = 70.7
    for (const [x, rtol] of [
      [5, 4e-6],
      [30, 1e-13],
      [70.71, 2e-15],
      [1e6, 2e-15],
    ]) {
      const u = 1 / (2 * x * x);
      expectClose(erfcx(x), (1 / (x * Math.sqrt(Math.PI))) * (1 - u + 3 * u ** 2 - 15 * u ** 3 + 105 * u ** 4), { rtol });
    }
    expect(erfc(30)).toBe(0);
    // erfcx = e^{x²} erfc on the series branch and across the switch
    for (const x of [0, 0.7, 1.99, 2, 2.01, 3]) expectClose(erfcx(x), Math.exp(x * x) * erfc(x), { rtol: 2e-14 });
  });

  it('refuses NaN and erfcx of a negative argument', () => {
    expect(() => erfc(Number.NaN)).toThrow(/NaN/);
    expect(() => erfcx(-1)).toThrow(/x ≥ 0/);
  });
});
