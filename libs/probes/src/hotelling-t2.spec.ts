import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { hotellingT2 } from './hotelling-t2';
import { meanWithError } from './mean-with-error';

describe('hotellingT2', () => {
  it('is the squared t statistic for one component', () => {
    const x = [0.3, 1.1, -0.4, 2.0, 0.7, 0.9, -0.2, 1.4];
    const one = hotellingT2(
      x.map((v) => Float64Array.of(v)),
      Float64Array.of(0.2),
    );
    const m = meanWithError(x);
    expectClose(one.value, ((m.mean - 0.2) / m.standardError) ** 2, { rtol: 1e-12 });
    // n = 8, p = 1: F(1, 7) has mean 7/5
    expectClose(one.expected, 7 / 5, { rtol: 1e-14 });
  });

  it('undoes a linear mixing of the components (what a sum of per-component t² cannot)', () => {
    const x = [0.3, 1.1, -0.4, 2.0, 0.7, 0.9, -0.2, 1.4];
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
  });

  it('has the mean and spread it states over repeated Gaussian samples with correlated components', () => {
    // 10 000 repetitions of n = 30 rows of p = 3 correlated normals (x, x + y, x − y + z) at their true
    // mean: (n − p)T²/(p(n − 1)) is F(3, 27), so T²/p has mean 29/25 and standard deviation σ = 1.05. The
    // mean over the repetitions has error σ/100; the sample standard deviation scatters by ~2 % (over
    // seeds 1–6 it was within 3 % of σ), so a wrong variance by a factor √2 lies far outside 10 %
    const rng = createRng(5);
    const reps = 10_000;
    const values = new Float64Array(reps);
    let stated = { expected: 0, standardError: 0 };
    for (let r = 0; r < reps; r++) {
      const rows = Array.from({ length: 30 }, () => {
        const [a, b, c] = [rng.gaussian(), rng.gaussian(), rng.gaussian()];
        return Float64Array.of(a, a + b, a - b + c);
      });
      const t2 = hotellingT2(rows, new Float64Array(3));
      values[r] = t2.value;
      stated = t2;
    }
    expectClose(stated.expected, 29 / 25, { rtol: 1e-14 });
    const m = meanWithError(values);
    expect(Math.abs(m.mean - stated.expected)).toBeLessThan(4 * m.standardError);
    expectClose(m.standardError * Math.sqrt(reps), stated.standardError, { rtol: 0.1 });
  });

  it('refuses too few rows, rows of the wrong length and a singular covariance, by name', () => {
    const row = () => Float64Array.of(1, 2);
    expect(() => hotellingT2([row()], Float64Array.of(0, 0))).toThrow(/'rows' needs more than p \+ 4 = 6 rows/);
    expect(() => hotellingT2(Array.from({ length: 8 }, (_, k) => (k === 3 ? Float64Array.of(1) : row())), Float64Array.of(0, 0))).toThrow(
      /row 3 is not one/,
    );
    expect(() => hotellingT2(Array.from({ length: 8 }, row), Float64Array.of(0, 0))).toThrow(/singular/);
    expect(() => hotellingT2(Array.from({ length: 8 }, row), [0, 0] as never)).toThrow(/'expected'/);
  });
});
