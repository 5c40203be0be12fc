import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { kuramotoOrder } from './kuramoto-order';
import { besselI, vonMisesSample } from './test-support/samplers';

const PI = Math.PI;

describe('kuramotoOrder', () => {
  it('runs the doc example', () => {
    const z = kuramotoOrder([0, PI / 2]);
    // cos(π/2) ≈ 6e−17 and a halving: a few ulps
    expectClose([z.re, z.im, z.abs, z.arg], [0.5, 0.5, Math.SQRT1_2, PI / 4], { rtol: 1e-15 });
  });

  it('gives |z| = 1 and ψ = φ for equal phases', () => {
    for (const phi of [-3, -0.4, 0, 1.1, 2.5]) {
      const z = kuramotoOrder(new Float64Array(7).fill(phi + 2 * PI));
      // 7 equal terms summed and divided by 7; the shift by 2π costs ~1e−15 in ψ
      expectClose([z.abs, z.arg], [1, phi], { rtol: 1e-14, atol: 1e-14 });
    }
  });

  it('vanishes for N phases spread evenly over the circle', () => {
    for (const n of [2, 3, 5, 16]) {
      const phases = Float64Array.from({ length: n }, (_, j) => 0.3 + (2 * PI * j) / n);
      // N unit vectors cancel up to the roundings of cos/sin, ≲ N·1e−16
      expectClose(kuramotoOrder(phases).abs, 0, { atol: 1e-15 });
    }
  });

  it('gives e^{i(a+b)/2}·cos((a − b)/2) for two phases', () => {
    for (const [a, b] of [[0.2, 1.3], [-2.9, 2.8], [1, -0.5]]) {
      const z = kuramotoOrder([a, b]);
      const c = Math.cos((a - b) / 2);
      // independent trigonometric identity; a few ulps
      expectClose([z.re, z.im], [c * Math.cos((a + b) / 2), c * Math.sin((a + b) / 2)], { atol: 1e-15 });
    }
  });

  it('rotates with a global phase shift: z(φ + c) = e^{ic}·z(φ) (U(1) symmetry)', () => {
    const rng = createRng(11);
    const phases = Float64Array.from({ length: 50 }, () => 2 * PI * rng.uniform());
    const z = kuramotoOrder(phases);
    const c = 0.77;
    const w = kuramotoOrder(phases.map((p) => p + c));
    // 50 terms, each rounded differently after the shift: ~50 ulps
    expectClose(
      [w.re, w.im],
      [z.re * Math.cos(c) - z.im * Math.sin(c), z.re * Math.sin(c) + z.im * Math.cos(c)],
      { atol: 1e-14 },
    );
    expectClose(w.abs, z.abs, { rtol: 1e-13 });
  });

  it('tends to e^{iμ}·I₁(κ)/I₀(κ) for von Mises distributed phases', () => {
    const n = 40_000;
    const mu = 2.4;
    const kappa = 2;
    const z = kuramotoOrder(vonMisesSample(createRng(5), n, mu, kappa));
    const r = besselI(1, kappa) / besselI(0, kappa);
    // Var cos(φ − μ) = (1 + I₂/I₀)/2 − (I₁/I₀)² ≈ 0.164 at κ = 2, I₂ = I₀ − (2/κ)I₁: σ(|z|) ≈ 0.405/√n
    // = 0.002; allow 5σ. ψ has σ ≈ σ(Im)/|z| < 0.005; allow 0.02.
    expectClose(z.abs, r, { atol: 0.01 });
    expectClose(z.arg, mu, { atol: 0.02 });
  });

  it('reads the slice [offset, offset + count)', () => {
    const phases = [5, 0.1, 0.2, 0.9, 7];
    const z = kuramotoOrder(phases, { offset: 1, count: 3 });
    expect(z).toEqual(kuramotoOrder([0.1, 0.2, 0.9]));
    expect(kuramotoOrder(phases, { offset: 3 })).toEqual(kuramotoOrder([0.9, 7]));
  });

  it('rejects bad input, naming the parameter', () => {
    expect(() => kuramotoOrder(null as unknown as number[])).toThrow(
      "kuramotoOrder: argument 'phases' must be an array of numbers, got null",
    );
    expect(() => kuramotoOrder([])).toThrow("kuramotoOrder: argument 'phases' must not be empty");
    expect(() => kuramotoOrder([1, 2], { offset: 2 })).toThrow(/option 'offset' must be an integer in \[0, 1\]/);
    expect(() => kuramotoOrder([1, 2], { offset: 0.5 })).toThrow(/option 'offset'.*got 0.5/);
    expect(() => kuramotoOrder([1, 2], { count: 0 })).toThrow(/option 'count' must be an integer in \[1, 2\].*got 0/);
    expect(() => kuramotoOrder([1, 2], { offset: 1, count: 2 })).toThrow(/option 'count' must be an integer in \[1, 1\]/);
    expect(() => kuramotoOrder([1, 2], 3 as unknown as object)).toThrow(
      "kuramotoOrder: argument 'config' must be an object, got 3",
    );
    expect(() => kuramotoOrder([0, 1, NaN, 2], { count: 3 })).toThrow(
      "kuramotoOrder: argument 'phases' must hold finite numbers, got NaN at index 2",
    );
    expect(() => kuramotoOrder([0, Infinity])).toThrow(/'phases'.*got Infinity at index 1/);
  });
});
