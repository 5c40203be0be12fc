import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { hotellingT2, jackknife, linspace, maxAbsDifference, meanSquaredT, meanWithError, weightedSlope } from './figure-support';

describe('figure support', () => {
  it('linspace includes both ends', () => {
    expectClose(linspace(-1, 1, 5), [-1, -0.5, 0, 0.5, 1], { atol: 1e-15 });
    expect(Array.from(linspace(2, 3, 1))).toEqual([2]);
  });

  it('weightedSlope is exact on a line and ignores zero weights', () => {
    expectClose(weightedSlope([0, 1, 2, 3], [1, 3, 5, 100], [1, 2, 3, 0]), 2, { rtol: 1e-14 });
    // weights pull the fit: (0, 0), (1, 1), (2, 0) with the middle point heavy → slope 0 (symmetric)
    expectClose(weightedSlope([0, 1, 2], [0, 1, 0], [1, 10, 1]), 0, { atol: 1e-15 });
  });

  it('maxAbsDifference', () => {
    expect(maxAbsDifference([1, 2, 3], [1, 2.5, 2])).toBe(1);
  });

  it('meanWithError: the mean and √(s²/n)', () => {
    const m = meanWithError([1, 2, 3, 6]);
    expectClose(m.mean, 3, { rtol: 1e-15 });
    // s² = (4 + 1 + 0 + 9)/3 = 14/3
    expectClose(m.standardError, Math.sqrt(14 / 3 / 4), { rtol: 1e-15 });
    expect(() => meanWithError([1])).toThrow(/at least 2/);
  });

  it('jackknife of a mean over groups is the standard error of the group means, exactly', () => {
    // for an estimator linear in the data the jackknife reproduces √(s²/G) of the G group means
    const groups = [0.3, 1.1, -0.4, 2.0, 0.7];
    const all = (left: number | null) => {
      let s = 0;
      let n = 0;
      for (const [g, v] of groups.entries()) {
        if (g === left) continue;
        s += v;
        n++;
      }
      return s / n;
    };
    const j = jackknife(groups.length, all);
    const direct = meanWithError(groups);
    expectClose(j.value, direct.mean, { rtol: 1e-15 });
    expectClose(j.standardError, direct.standardError, { rtol: 1e-14 });
    expect(() => jackknife(1, all)).toThrow(/'groups'/);
  });

  it('meanSquaredT: mean t² against ν/(ν − 2), with Var t² = 2ν²(ν − 1)/((ν − 2)²(ν − 4))', () => {
    const r = meanSquaredT([1, -2, 0.5, 0], 10);
    expectClose(r.value, (1 + 4 + 0.25) / 4, { rtol: 1e-15 });
    expectClose(r.expected, 1.25, { rtol: 1e-15 });
    // E t⁴ = 3ν²/((ν − 2)(ν − 4)) = 300/48 = 6.25; Var = 6.25 − 1.25² = 4.6875
    expectClose(r.standardError, Math.sqrt(4.6875 / 4), { rtol: 1e-14 });
    expect(() => meanSquaredT([1], 4)).toThrow(/ν > 4/);
  });

  it('hotellingT2: for one component it is the squared t statistic; it undoes a linear mixing of the components', () => {
    const x = [0.3, 1.1, -0.4, 2.0, 0.7, 0.9, -0.2, 1.4];
    const one = hotellingT2(
      x.map((v) => Float64Array.of(v)),
      Float64Array.of(0.2),
    );
    const m = meanWithError(x);
    expectClose(one.value, ((m.mean - 0.2) / m.standardError) ** 2, { rtol: 1e-12 });
    // n = 8, p = 1: (n − 1)/(n − p − 2) = 7/5
    expectClose(one.expected, 7 / 5, { rtol: 1e-14 });
    // T² is invariant under an invertible linear map of the components (a correlated pair here)
    const y = [0.5, -0.1, 0.8, 0.2, -0.6, 0.4, 1.0, 0.1];
    const expected = Float64Array.of(0.1, 0.3);
    const plain = hotellingT2(
      x.map((v, k) => Float64Array.of(v, y[k])),
      expected,
    );
    const mix = (a: number, b: number) => Float64Array.of(a + 2 * b, a - b);
    const mixed = hotellingT2(
      x.map((v, k) => mix(v, y[k])),
      mix(expected[0], expected[1]),
    );
    expectClose(mixed.value, plain.value, { rtol: 1e-10 });
    expect(() => hotellingT2([Float64Array.of(1, 2)], Float64Array.of(0, 0))).toThrow(/more than p \+ 4/);
  });
});
