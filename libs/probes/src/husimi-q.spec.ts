import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { husimiQ } from './husimi-q';
import type { DensityInput } from './density-input';
import { coherentKet, fockKet, linspace, pure, randomDensity, seededUniform } from './test-support/states';

describe('husimiQ', () => {
  it('runs the doc example', () => {
    const vacuum = { dims: [2], matrix: { rows: 2, cols: 2, data: Float64Array.of(1, 0, 0, 0, 0, 0, 0, 0) } };
    expectClose(husimiQ(vacuum, { re: [0, 1], im: [0] }), [0.3183098861837907, 0.1170996630486383], {
      rtol: 1e-15,
    });
  });

  it('gives e^{−|α|²}/π for the vacuum', () => {
    const xs = linspace(-3, 3, 13);
    const ps = linspace(-2, 2.5, 10);
    const q = husimiQ(pure(fockKet(0, 5), [5]), { re: xs, im: ps });
    const expected = new Float64Array(xs.length * ps.length);
    for (let ip = 0; ip < ps.length; ip++)
      for (let ix = 0; ix < xs.length; ix++)
        expected[ip * xs.length + ix] = Math.exp(-(xs[ix] ** 2 + ps[ip] ** 2)) / Math.PI;
    // One nonzero term: exp and a multiply, a few ulps.
    expectClose(q, expected, { rtol: 1e-14 });
  });

  it('gives e^{−|α−α₀|²}/π for a coherent state, row-major [p][x]', () => {
    // α₀ = 1.5 − 0.8i and a non-square grid, so a transposed layout or a flipped sign of p fails.
    // N = 40 leaves a Poisson(2.89) tail < 1e−30. Far from α₀, Q is tiny while the terms of c†ρc
    // are O(e^{−|α|²}·e^{2|α||α₀|}), so allow 1e−15 absolute besides 1e−12 relative.
    const x0 = 1.5;
    const p0 = -0.8;
    const rho = pure(coherentKet(x0, p0, 40), [40]);
    const xs = linspace(-2, 4, 7);
    const ps = linspace(-3, 1.5, 4);
    const q = husimiQ(rho, { re: xs, im: ps });
    const expected = new Float64Array(xs.length * ps.length);
    for (let ip = 0; ip < ps.length; ip++)
      for (let ix = 0; ix < xs.length; ix++)
        expected[ip * xs.length + ix] = Math.exp(-((xs[ix] - x0) ** 2 + (ps[ip] - p0) ** 2)) / Math.PI;
    expectClose(q, expected, { rtol: 1e-12, atol: 1e-15 });
  });

  it('gives e^{−|α|²}|α|^{2n}/(π n!) for the Fock state |3⟩', () => {
    const xs = linspace(-2.5, 2.5, 6);
    const ps = [-1.2, 0.3];
    const q = husimiQ(pure(fockKet(3, 6), [6]), { re: xs, im: ps });
    const expected: number[] = [];
    for (const p of ps)
      for (const x of xs) {
        const r2 = x * x + p * p;
        expected.push((Math.exp(-r2) * r2 ** 3) / (6 * Math.PI));
      }
    expectClose(q, expected, { rtol: 1e-14 });
  });

  it('works for a coherent state with ⟨n⟩ = 98 at N = 200 (no factorial overflow)', () => {
    // Peak 1/π at α₀ = 7 + 7i and e^{−1}/π one unit away. The 200-term recurrences and sums
    // accumulate ~200·ε of relative error in each amplitude; 1e−11 is a safe bound.
    const rho = pure(coherentKet(7, 7, 200), [200]);
    const q = husimiQ(rho, { re: [7, 8], im: [7] });
    expectClose(q, [1 / Math.PI, Math.exp(-1) / Math.PI], { rtol: 1e-11 });
  });

  it('integrates to Tr ρ over the plane', () => {
    // Random mixed state with N = 6, trace scaled to 0.7. Q is a polynomial times e^{−|α|²}: the
    // trapezoid rule with h = 0.25 on [−8, 8]² is spectrally accurate (aliasing error ~e^{−π²/h²}),
    // the cut-off tail is < e^{−40}; what remains is rounding in ~4000 positive terms.
    const base = randomDensity([6], seededUniform(11));
    const data = base.matrix.data.map((v) => 0.7 * v);
    const rho: DensityInput = { dims: [6], matrix: { ...base.matrix, data } };
    const h = 0.25;
    const xs = linspace(-8, 8, 65);
    const q = husimiQ(rho, { re: xs, im: xs });
    const integral = q.reduce((s, v) => s + v, 0) * h * h;
    expectClose(integral, 0.7, { rtol: 1e-13 });
  });

  it('uses only the Hermitian part of ρ', () => {
    // Adding an anti-Hermitian matrix iK (K Hermitian) must not change Q.
    const rho = randomDensity([4], seededUniform(2));
    const k = randomDensity([4], seededUniform(3)).matrix.data;
    const data = Float64Array.from(rho.matrix.data);
    for (let p = 0; p < data.length; p += 2) {
      data[p] += -k[p + 1]; // i·(a + ib) = −b + ia
      data[p + 1] += k[p];
    }
    const grid = { re: [-1, 0.2, 1.3], im: [0.4, -0.9] };
    const a = husimiQ(rho, grid);
    const b = husimiQ({ dims: [4], matrix: { ...rho.matrix, data } }, grid);
    // The added terms cancel in pairs: rounding only.
    expectClose(b, a, { rtol: 1e-13, atol: 1e-16 });
  });

  it('rejects bad input with messages naming the parameter', () => {
    const rho = pure(fockKet(0, 3), [3]);
    const grid = { re: [0], im: [0] };
    const two = { dims: [3, 1], matrix: rho.matrix };
    expect(() => husimiQ(two, grid)).toThrow(
      /husimiQ: argument 'rho' must be a single-mode density matrix \(dims of length 1\), got dims = \[3, 1\]/,
    );
    expect(() => husimiQ(null as unknown as DensityInput, grid)).toThrow(/argument 'rho' must be a density matrix/);
    expect(() => husimiQ({ dims: [0], matrix: rho.matrix }, grid)).toThrow(/'rho.dims' must hold integers ≥ 1/);
    expect(() =>
      husimiQ({ dims: [3], matrix: { rows: 3, cols: 2, data: new Float64Array(12) } }, grid),
    ).toThrow(/'rho.matrix' must be square, got 3×2/);
    expect(() => husimiQ({ dims: [4], matrix: rho.matrix }, grid)).toThrow(
      /'rho.matrix' must be 4×4 to match dims \[4\], got 3×3/,
    );
    expect(() =>
      husimiQ({ dims: [3], matrix: { rows: 3, cols: 3, data: new Float64Array(9) } }, grid),
    ).toThrow(/'rho.matrix.data' must be a Float64Array of length 2·rows·cols = 18, got length 9/);
    expect(() => husimiQ({ dims: [3], matrix: {} as never }, grid)).toThrow(/'rho.matrix' must be a DenseMatrix/);
    expect(() => husimiQ(rho, { re: [], im: [0] })).toThrow(/husimiQ: argument 'grid.re' must not be empty/);
    expect(() => husimiQ(rho, { re: [0], im: [] })).toThrow(/argument 'grid.im' must not be empty/);
    expect(() => husimiQ(rho, { re: [0, NaN], im: [0] })).toThrow(
      /'grid.re' must hold finite numbers, got NaN at index 1/,
    );
    expect(() => husimiQ(rho, { re: [0], im: undefined as never })).toThrow(/'grid.im' must be an array of numbers/);
    expect(() => husimiQ(rho, undefined as never)).toThrow(/argument 'grid' must be an object \{ re, im \}/);
  });
});
