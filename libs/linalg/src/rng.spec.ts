import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { createRng } from './rng';

/**
 * Output of ../scripts/rng_reference.py, an independent Python implementation of
 * SplitMix64-seeded xoshiro128** (unbounded integers, no 32-bit tricks); the script itself
 * checks SplitMix64 against the published vector for seed 1234567.
 */
const REFERENCE = {
  uint32: {
    '0': [3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774],
    '1': [1695105466, 1423115009, 634581793, 1068227753, 716759206, 4186505319],
    '42': [1776835114, 4165204688, 17111135, 2317295270, 2792088233, 2554630222],
    '-1': [477689756, 2493998634, 555695776, 607808419, 61340979, 301466976],
    '9007199254740991': [1233166643, 1287031142, 661813442, 2960669951, 2601079046, 1036114921],
  } as Record<string, number[]>,
  uniformSeed42: [0.4137016681565887, 0.003983993377814743, 0.6500837027638867, 0.6846020186141416],
  gaussianSeed7: [
    -0.7011020868196209, 1.7109587992718676, -0.09197490590262557, 1.5418790217108957, -0.38628684414915937,
    0.2619558993194087,
  ],
  split42stream3: [4293631201, 3717416038, 1739212731, 4200919634],
  split42stream3stream0: [3281211399, 2110959459, 3398710636, 3408754455],
};

function draw(n: number, next: () => number): number[] {
  const out: number[] = [];
  for (let k = 0; k < n; k++) out.push(next());
  return out;
}

describe('createRng: agreement with the independent reference', () => {
  it('reproduces the raw 32-bit outputs for several seeds, including negative and 2^53 − 1', () => {
    for (const [seed, expected] of Object.entries(REFERENCE.uint32)) {
      const rng = createRng(Number(seed));
      expect(draw(expected.length, () => rng.uint32())).toEqual(expected);
    }
  });
  it('reproduces uniform doubles bit for bit', () => {
    const rng = createRng(42);
    expect(draw(4, () => rng.uniform())).toEqual(REFERENCE.uniformSeed42);
  });
  it('reproduces gaussian deviates', () => {
    const rng = createRng(7);
    // sqrt is correctly rounded everywhere, but Math.log (V8) and libm's log may differ by 1 ulp;
    // that propagates to a few ulps of the deviate, so rtol = 1e-14 (≈ 45 ε)
    expectClose(draw(6, () => rng.gaussian()), REFERENCE.gaussianSeed7, { rtol: 1e-14 });
  });
  it('reproduces split streams, also split twice', () => {
    const a = createRng(42).split(3);
    expect(draw(4, () => a.uint32())).toEqual(REFERENCE.split42stream3);
    const b = createRng(42).split(3).split(0);
    expect(draw(4, () => b.uint32())).toEqual(REFERENCE.split42stream3stream0);
  });
});

describe('createRng: determinism and independence', () => {
  it('gives identical sequences for the same seed', () => {
    const a = createRng(2024);
    const b = createRng(2024);
    expect(draw(500, () => a.gaussian())).toEqual(draw(500, () => b.gaussian()));
    expect(draw(500, () => a.uniform())).toEqual(draw(500, () => b.uniform()));
  });
  it('gives different sequences for different seeds, including seeds differing only above bit 32', () => {
    const seeds = [0, 1, 2, -1, 2 ** 32, 2 ** 32 + 1];
    const heads = seeds.map((s) => {
      const r = createRng(s);
      return draw(4, () => r.uint32()).join(',');
    });
    expect(new Set(heads).size).toBe(seeds.length);
  });
  it('uniform() lies in [0, 1) on the 2^-53 grid and uses the low bits', () => {
    const rng = createRng(3);
    let odd = 0;
    for (let k = 0; k < 1000; k++) {
      const u = rng.uniform();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      const scaled = u * 2 ** 53;
      expect(Number.isInteger(scaled)).toBe(true);
      if (scaled % 2 === 1) odd++;
    }
    // the lowest bit is set about half the time (binomial, σ ≈ 16): a 32-bit-only uniform would give 0
    expect(odd).toBeGreaterThan(400);
    expect(odd).toBeLessThan(600);
  });
  it('split(k) depends only on the seed and k: not on numbers drawn from the parent', () => {
    const fresh = createRng(99).split(5);
    const used = createRng(99);
    draw(37, () => used.gaussian());
    const later = used.split(5);
    expect(draw(10, () => later.uint32())).toEqual(draw(10, () => fresh.uint32()));
  });
  it('split streams differ from each other and from the parent, and are uncorrelated', () => {
    const parent = createRng(123);
    const heads = [parent, parent.split(0), parent.split(1), parent.split(2), createRng(124).split(0)].map((r) =>
      draw(4, () => r.uint32()).join(','),
    );
    expect(new Set(heads).size).toBe(heads.length);
    const n = 10_000;
    const x = createRng(123).split(0);
    const y = createRng(123).split(1);
    let sxy = 0;
    for (let k = 0; k < n; k++) sxy += x.gaussian() * y.gaussian();
    // sample correlation of independent N(0,1) pairs has σ = 1/√n = 0.01; allow 5σ
    expect(Math.abs(sxy / n)).toBeLessThan(5 / Math.sqrt(n));
  });
});

describe('createRng: distributions (1e5 samples, bounds at 5σ of each estimator)', () => {
  const n = 100_000;
  it('uniform: mean 1/2 and variance 1/12', () => {
    const rng = createRng(8);
    const u = new Float64Array(n);
    rng.fillUniformInto(u);
    let s1 = 0;
    let s2 = 0;
    for (const v of u) {
      s1 += v;
      s2 += (v - 0.5) ** 2;
    }
    // σ(mean) = √(1/12/n) = 9.1e-4; σ(mean of (u−½)²) = √(1/80 − 1/144)/√n = 2.4e-4
    expect(Math.abs(s1 / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(s2 / n - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 80 - 1 / 144) / Math.sqrt(n));
  });
  it('gaussian: E x = 0, E x² = 1, E x⁴ = 3, P(|x| < 1) = 0.6827', () => {
    const rng = createRng(9);
    const g = new Float64Array(n);
    rng.fillGaussianInto(g);
    let m1 = 0;
    let m2 = 0;
    let m4 = 0;
    let inside = 0;
    for (const v of g) {
      m1 += v;
      m2 += v * v;
      m4 += v ** 4;
      if (Math.abs(v) < 1) inside++;
    }
    const root = Math.sqrt(n);
    // Var x = 1, Var x² = E x⁴ − 1 = 2, Var x⁴ = E x⁸ − 9 = 105 − 9 = 96
    expect(Math.abs(m1 / n)).toBeLessThan(5 / root);
    expect(Math.abs(m2 / n - 1)).toBeLessThan((5 * Math.sqrt(2)) / root);
    expect(Math.abs(m4 / n - 3)).toBeLessThan((5 * Math.sqrt(96)) / root);
    const p = 0.6826894921370859; // erf(1/√2)
    expect(Math.abs(inside / n - p)).toBeLessThan((5 * Math.sqrt(p * (1 - p))) / root);
  });
});

describe('createRng: fill methods', () => {
  it('fillGaussianInto gives the numbers of successive gaussian() calls, cached spare included', () => {
    const a = createRng(17);
    const b = createRng(17);
    a.gaussian(); // leaves a spare cached
    b.gaussian();
    const out = new Float64Array(10).fill(-1);
    a.fillGaussianInto(out, 2, 7);
    expect(Array.from(out.subarray(2, 9))).toEqual(draw(7, () => b.gaussian()));
    expect([out[0], out[1], out[9]]).toEqual([-1, -1, -1]);
    expect(a.gaussian()).toBe(b.gaussian());
  });
  it('fillUniformInto defaults to the rest of the array from offset', () => {
    const a = createRng(18);
    const b = createRng(18);
    const out = new Float64Array(5);
    a.fillUniformInto(out, 3);
    expect(Array.from(out)).toEqual([0, 0, 0, ...draw(2, () => b.uniform())]);
  });
  it('rejects offsets and counts outside the array', () => {
    const rng = createRng(1);
    const out = new Float64Array(4);
    expect(() => rng.fillGaussianInto(out, 5)).toThrow(/fillGaussianInto: argument 'offset' must be an integer in 0…4, got 5/);
    expect(() => rng.fillGaussianInto(out, 1, 4)).toThrow(/argument 'count' must be an integer in 0…3, got 4/);
    expect(() => rng.fillUniformInto(out, 0.5)).toThrow(/fillUniformInto: argument 'offset'/);
    expect(() => rng.fillUniformInto([0, 0] as never)).toThrow(/fillUniformInto: argument 'out' must be a Float64Array/);
  });
});

describe('createRng: guards', () => {
  it('rejects seeds that are not finite integers', () => {
    for (const bad of [NaN, Infinity, 1.5, '3' as never]) {
      expect(() => createRng(bad)).toThrow(/createRng: argument 'seed' must be a finite integer/);
    }
  });
  it('rejects stream numbers that are not non-negative safe integers', () => {
    const rng = createRng(1);
    expect(() => rng.split(-1)).toThrow(/split: argument 'stream' must be a non-negative safe integer, got -1/);
    expect(() => rng.split(0.5)).toThrow(/got 0.5/);
    expect(() => rng.split(2 ** 53)).toThrow(/split: argument 'stream'/);
  });
});

describe('createRng: ziggurat normals', () => {
  const n = 200_000;
  const sample = new Float64Array(n);
  createRng(10).fillNormalZigguratInto(sample);

  /** Φ(x) by composite Simpson on the density from −9 (an independent reference; error < 1e-12). */
  function normalCdf(x: number): number {
    const lo = -9;
    const m = 4000;
    const h = (x - lo) / m;
    let s = 0;
    for (let k = 0; k <= m; k++) {
      const w = k === 0 || k === m ? 1 : k % 2 === 1 ? 4 : 2;
      const t = lo + k * h;
      s += w * Math.exp(-0.5 * t * t);
    }
    return (s * h) / 3 / Math.sqrt(2 * Math.PI);
  }

  it('has the moments of N(0, 1): E x = 0, E x² = 1, E x⁴ = 3 (bounds at 5σ of each estimator)', () => {
    let m1 = 0;
    let m2 = 0;
    let m4 = 0;
    for (const v of sample) {
      m1 += v;
      m2 += v * v;
      m4 += v ** 4;
    }
    const root = Math.sqrt(n);
    expect(Math.abs(m1 / n)).toBeLessThan(5 / root);
    expect(Math.abs(m2 / n - 1)).toBeLessThan((5 * Math.sqrt(2)) / root);
    expect(Math.abs(m4 / n - 3)).toBeLessThan((5 * Math.sqrt(96)) / root);
  });

  it('follows Φ everywhere: Kolmogorov–Smirnov distance on a fine grid below the 1 % critical value 1.63/√n', () => {
    const sorted = Float64Array.from(sample).sort();
    let worst = 0;
    for (let x = -4.5; x <= 4.5; x += 0.05) {
      // count of samples ≤ x by binary search
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] <= x) lo = mid + 1;
        else hi = mid;
      }
      worst = Math.max(worst, Math.abs(lo / n - normalCdf(x)));
    }
    expect(worst).toBeLessThan(1.63 / Math.sqrt(n));
  });

  it('draws the tail beyond the base layer edge R = 3.4426 at the right rate (5σ of a binomial count)', () => {
    const R = 3.442619855899;
    const p = 2 * (1 - normalCdf(R));
    let count = 0;
    for (const v of sample) if (Math.abs(v) > R) count++;
    expect(Math.abs(count - n * p)).toBeLessThan(5 * Math.sqrt(n * p * (1 - p)));
    expect(count).toBeGreaterThan(0);
  });

  it('is reproducible from the seed, differs from the polar method, and checks its range', () => {
    const a = new Float64Array(5);
    const b = new Float64Array(5);
    createRng(3).fillNormalZigguratInto(a);
    createRng(3).fillNormalZigguratInto(b);
    expect(Array.from(a)).toEqual(Array.from(b));
    const polar = new Float64Array(5);
    createRng(3).fillGaussianInto(polar);
    expect(Array.from(a)).not.toEqual(Array.from(polar));
    const part = new Float64Array(4);
    createRng(3).fillNormalZigguratInto(part, 1, 2);
    expect(part[0]).toBe(0);
    expect(part[3]).toBe(0);
    expect(part[1]).toBe(a[0]);
    expect(() => createRng(3).fillNormalZigguratInto(part, 3, 2)).toThrow(/fillNormalZigguratInto: argument 'count'/);
  });

  it('scales as it stores: bit for bit the deviates times the scale', () => {
    // 20 000 deviates reach the wedge and tail paths (≈ 1 % and 0.06 % of draws) as well
    const plain = new Float64Array(20_000);
    const scaled = new Float64Array(20_000);
    createRng(8).fillNormalZigguratInto(plain);
    createRng(8).fillNormalZigguratInto(scaled, 0, undefined, 0.1);
    expect(Array.from(scaled)).toEqual(Array.from(plain, (v) => v * 0.1));
    expect(() => createRng(8).fillNormalZigguratInto(scaled, 0, 2, Number.NaN)).toThrow(
      "fillNormalZigguratInto: argument 'scale' must be a finite number, got NaN",
    );
  });

  it('draws the same sequence whether filled at once or in pieces, and continues with uint32 as one generator', () => {
    const whole = new Float64Array(30_000);
    const a = createRng(4);
    a.fillNormalZigguratInto(whole);
    const pieces = new Float64Array(30_000);
    const b = createRng(4);
    b.fillNormalZigguratInto(pieces, 0, 12_345);
    b.fillNormalZigguratInto(pieces, 12_345);
    expect(Array.from(pieces)).toEqual(Array.from(whole));
    expect(b.uint32()).toBe(a.uint32());
  });
});
