import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { meanSquaredT } from './mean-squared-t';

/**
 * E[t^k] of Student's t with ν degrees of freedom by quadrature of its density ∝ (1 + t²/ν)^{−(ν+1)/2},
 * normalised by the same quadrature. With t = √ν tan θ the density becomes cos^{ν−1}θ dθ and t^k
 * becomes ν^{k/2} tan^k θ, so E[t^k] = ν^{k/2} ∫ sin^kθ cos^{ν−1−k}θ dθ / ∫ cos^{ν−1}θ dθ over
 * (−π/2, π/2): smooth integrands for k ≤ ν − 1, composite Simpson on 20 000 intervals, exact to ~1e-15.
 */
function tMoment(nu: number, k: number): number {
  const n = 20_000;
  const h = Math.PI / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i <= n; i++) {
    const th = -Math.PI / 2 + i * h;
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    const c = Math.max(Math.cos(th), 0);
    num += w * Math.sin(th) ** k * c ** (nu - 1 - k);
    den += w * c ** (nu - 1);
  }
  return nu ** (k / 2) * (num / den);
}

describe('meanSquaredT', () => {
  it('is the mean of t²', () => {
    expectClose(meanSquaredT([1, -2, 0.5, 0], 10).value, (1 + 4 + 0.25) / 4, { rtol: 1e-15 });
  });

  it('expects E t² and Var t² of Student-t, computed here by quadrature of its density', () => {
    for (const nu of [5, 7, 10, 30]) {
      const second = tMoment(nu, 2);
      const fourth = tMoment(nu, 4);
      const r = meanSquaredT([0, 0, 0, 0, 0, 0, 0, 0, 0], nu);
      expectClose(r.expected, second, { rtol: 1e-10 });
      expectClose(r.standardError, Math.sqrt((fourth - second * second) / 9), { rtol: 1e-8 });
    }
  });

  it('refuses ν ≤ 4 (infinite variance of t²) and bad statistics by name', () => {
    expect(() => meanSquaredT([1], 4)).toThrow(/'nu'.*> 4, got 4/);
    expect(() => meanSquaredT([1], Number.NaN)).toThrow(/'nu'/);
    expect(() => meanSquaredT([], 10)).toThrow(/'t' must not be empty/);
    expect(() => meanSquaredT([Number.POSITIVE_INFINITY], 10)).toThrow(/'t' must hold finite numbers/);
  });
});
