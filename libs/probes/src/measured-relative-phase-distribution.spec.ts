import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import type { DensityInput } from './density-input';
import { measuredRelativePhaseDistribution } from './measured-relative-phase-distribution';
import { relativePhaseDistribution } from './relative-phase-distribution';
import { relativePhaseDistributionNumerical } from './relative-phase-distribution-numerical';
import { coherentKet, kronKet, periodicAngles, pure, randomDensity, seededUniform } from './test-support/states';

const TWO_PI = 2 * Math.PI;

/** ⟨a†b⟩ = Σ ρ_{n,m}⟨m|a†b|n⟩, a†b|nα, nβ⟩ = √((nα + 1)nβ)|nα + 1, nβ − 1⟩, by plain loops over the basis. */
function adagbOf(rho: DensityInput): { re: number; im: number } {
  const [na, nb] = rho.dims;
  const dim = na * nb;
  let re = 0;
  let im = 0;
  for (let n = 0; n < dim; n++) {
    const ia = Math.floor(n / nb);
    const ib = n % nb;
    if (ia + 1 >= na || ib === 0) continue;
    const m = (ia + 1) * nb + ib - 1;
    re += Math.sqrt((ia + 1) * ib) * rho.matrix.data[2 * (n * dim + m)];
    im += Math.sqrt((ia + 1) * ib) * rho.matrix.data[2 * (n * dim + m) + 1];
  }
  return { re, im };
}

/** C = (4/π)∫P e^{iφ}dφ by the periodic trapezoid rule, the first harmonic of P = 1/2π + ¼Re(Ce^{−iφ}) + …. */
function firstHarmonic(p: Float64Array, phis: Float64Array): { re: number; im: number } {
  let re = 0;
  let im = 0;
  for (let j = 0; j < phis.length; j++) {
    re += p[j] * Math.cos(phis[j]);
    im += p[j] * Math.sin(phis[j]);
  }
  const w = (4 / Math.PI) * (TWO_PI / phis.length);
  return { re: w * re, im: w * im };
}

describe('measuredRelativePhaseDistribution', () => {
  const phis = periodicAngles(48, -Math.PI);

  it('runs the doc example', () => {
    const d = new Float64Array(32);
    for (const p of [1, 2]) for (const q of [1, 2]) d[2 * (p * 4 + q)] = p === q ? 0.5 : -0.5;
    expectClose(measuredRelativePhaseDistribution({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } }, [Math.PI], { efficiency: 0.2 }), [1 / TWO_PI + 0.025], { rtol: 1e-14 });
  });

  it('is Q(φ_AB) of Eq. 4.11 at η = 1 and flat at η = 0, normalised to Tr ρ in between', () => {
    // dims [4, 3] (unequal cutoffs catch index slips); η = 1 is the identity channel: rounding only
    const rho = randomDensity([4, 3], seededUniform(11));
    expectClose(measuredRelativePhaseDistribution(rho, phis, { efficiency: 1 }), relativePhaseDistribution(rho, phis), { atol: 1e-15 });
    expectClose(measuredRelativePhaseDistribution(rho, phis, { efficiency: 0 }), new Float64Array(phis.length).fill(1 / TWO_PI), { atol: 1e-15 });
    // ∫P dφ = Tr ρ = 1: the trapezoid rule is exact for this degree-2 polynomial on 48 angles
    const p = measuredRelativePhaseDistribution(rho, phis, { efficiency: 0.3 });
    expect(Math.abs(p.reduce((s, v) => s + v, 0) * (TWO_PI / phis.length) - 1)).toBeLessThan(1e-14);
  });

  it('maps |α⟩|β⟩ to Q(φ_AB) of |√η α⟩|√η β⟩ (loss keeps coherent states coherent)', () => {
    // N = 20 levels for |α| ≤ 1.1: the truncated Poisson tails are < 1e-16; a wrong Kraus weight
    // (e.g. η^{n−k} for η^{(n−k)/2}) moves P by > 1e-2 here
    const eta = 0.36;
    const s = Math.sqrt(eta);
    const [ar, ai, br, bi] = [1.1 * Math.cos(0.3), 1.1 * Math.sin(0.3), 0.8 * Math.cos(-0.9), 0.8 * Math.sin(-0.9)];
    const rho = pure(kronKet(coherentKet(ar, ai, 20), coherentKet(br, bi, 20)), [20, 20]);
    const attenuated = pure(kronKet(coherentKet(s * ar, s * ai, 20), coherentKet(s * br, s * bi, 20)), [20, 20]);
    expectClose(measuredRelativePhaseDistribution(rho, phis, { efficiency: eta }), relativePhaseDistribution(attenuated, phis), { atol: 1e-13 });
  });

  it('is the first-harmonic law 1/2π + ¼Re(η⟨a†b⟩e^{−iφ}) to first order in η', () => {
    // P = (1/2π)[1 + (π/2)Re(C e^{−iφ})] with C = η⟨a†b⟩ + O(η²): the radial factor (√π/2)² = π/4
    // of the two modes over the flat 1/2π. At η = 1e-4 the relative O(η) rest is ~1e-4; the
    // radial factor 1 instead of π/4 would be off by 27 %
    const rho = randomDensity([5, 4], seededUniform(3));
    const c = adagbOf(rho);
    expect(Math.hypot(c.re, c.im)).toBeGreaterThan(0.05);
    const eta = 1e-4;
    const h = firstHarmonic(measuredRelativePhaseDistribution(rho, phis, { efficiency: eta }), phis);
    expectClose([h.re / eta, h.im / eta], [c.re, c.im], { atol: 1e-3 * Math.hypot(c.re, c.im) });
    // and its peak is at arg⟨a†b⟩ (the locking phase of Q(φ_AB)): the sign of φ is the thesis's
    expect(Math.abs(Math.atan2(h.im, h.re) - Math.atan2(c.im, c.re))).toBeLessThan(1e-3);
  });

  it('replaces η⟨a†b⟩ by the block coherence C_AB: at η = 0 it is the first-harmonic law itself', () => {
    const rho = randomDensity([3, 3], seededUniform(5));
    const C = { re: 0.12, im: -0.05 };
    const expected = Array.from(phis, (f) => 1 / TWO_PI + 0.25 * (C.re * Math.cos(f) + C.im * Math.sin(f)));
    expectClose(measuredRelativePhaseDistribution(rho, phis, { efficiency: 0, blockCoherence: C }), expected, { atol: 1e-15 });
    // at η > 0 only the first harmonic moves, by ¼Re[(C − η⟨a†b⟩)e^{−iφ}]
    const eta = 0.4;
    const c = adagbOf(rho);
    const frozen = measuredRelativePhaseDistribution(rho, phis, { efficiency: eta });
    const moved = measuredRelativePhaseDistribution(rho, phis, { efficiency: eta, blockCoherence: C });
    expectClose(
      Array.from(moved, (v, j) => v - frozen[j]),
      Array.from(phis, (f) => 0.25 * ((C.re - eta * c.re) * Math.cos(f) + (C.im - eta * c.im) * Math.sin(f))),
      { atol: 1e-15 },
    );
  });

  it('a Gaussian pair: the first circular moment is (π/4)μ·₂F₁(½, ½; 2; |μ|²) of the attenuated moments, to all orders in μ', () => {
    // thermal mode d (⟨d†d⟩ = n) split by a beam splitter, d† = c a† + t b†, t = s e^{iχ}: a Gaussian
    // pair with ⟨a†a⟩ = nc², ⟨b†b⟩ = n s², ⟨a†b⟩ = n c t. Its heterodyne outcomes after loss η are
    // circular complex Gaussians with E|β_A|² = 1 + ηnc², E|β_B|² = 1 + ηns², E[β̄_Aβ_B] = ηnct, whose
    // phase difference has E[e^{iφ}] = (π/4)μ ₂F₁(½, ½; 2; |μ|²), μ the correlation coefficient: an
    // independent closed form of the frozen-state law (it is 1 at |μ| = 1, (π/4)μ for small μ)
    const [n, c, chi, kmax] = [1.5, Math.sqrt(0.7), 0.9, 44];
    const s = Math.sqrt(1 - c * c);
    const t = { re: s * Math.cos(chi), im: s * Math.sin(chi) };
    const dimA = kmax + 1;
    const dim = dimA * dimA;
    const data = new Float64Array(2 * dim * dim);
    // ρ = Σ_k p_k|ψ_k⟩⟨ψ_k|, ψ_k = Σ_j √C(k, j) c^j t^{k−j}|j, k − j⟩, p_k = n^k/(1 + n)^{k+1} (dropped tail 0.6^45 ≈ 1e-10)
    for (let k = 0; k <= kmax; k++) {
      const pk = n ** k / (1 + n) ** (k + 1);
      const amp: { idx: number; re: number; im: number }[] = [];
      let binom = 1;
      for (let j = 0; j <= k; j++) {
        const mag = Math.sqrt(binom) * c ** j * s ** (k - j);
        amp.push({ idx: j * dimA + (k - j), re: mag * Math.cos(chi * (k - j)), im: mag * Math.sin(chi * (k - j)) });
        binom = (binom * (k - j)) / (j + 1);
      }
      for (const x of amp) {
        for (const y of amp) {
          data[2 * (x.idx * dim + y.idx)] += pk * (x.re * y.re + x.im * y.im);
          data[2 * (x.idx * dim + y.idx) + 1] += pk * (x.im * y.re - x.re * y.im);
        }
      }
    }
    const rho: DensityInput = { dims: [dimA, dimA], matrix: { rows: dim, cols: dim, data } };
    const angles = periodicAngles(128, -Math.PI);
    for (const eta of [0.1, 0.5, 1]) {
      const z = firstHarmonic(measuredRelativePhaseDistribution(rho, angles, { efficiency: eta }), angles);
      const norm = Math.sqrt((1 + eta * n * c * c) * (1 + eta * n * s * s));
      const mu = { re: (eta * n * c * t.re) / norm, im: (eta * n * c * t.im) / norm };
      const m2 = mu.re * mu.re + mu.im * mu.im;
      // ₂F₁(½, ½; 2; x) = Σ ((½)_k)²/((2)_k k!) x^k
      let term = 1;
      let f21 = 1;
      for (let k = 0; k < 200; k++) {
        term *= ((k + 0.5) ** 2 / ((k + 2) * (k + 1))) * m2;
        f21 += term;
      }
      // firstHarmonic returns (4/π)·E[e^{iφ}] = μ·₂F₁ (|μ| = 0.4 at η = 1: ₂F₁ − 1 = 2 %, so the
      // higher orders are tested); Kraus weights η^{1.1(n−k)/2} for η^{(n−k)/2} fail it (checked)
      expectClose([z.re, z.im], [mu.re * f21, mu.im * f21], { atol: 1e-9 });
    }
  });

  it('two spins, state frozen over Δ: 1/2π + ¼Re(η⟨σ+_Aσ−_B⟩e^{−iφ}), as the quadrature of the Husimi function of the watched modes', () => {
    // a random two-spin state as two Fock-{0, 1} modes (σ− = a); the modes c = √η σ− + √(1 − η) v
    // hold ρ_c built here from the beam splitter's qubit Kraus maps E₀ = diag(1, √η), E₁ = √(1 − η)|0⟩⟨1|
    const rho = randomDensity([2, 2], seededUniform(8));
    const eta = 0.45;
    const d = rho.matrix.data;
    const c = { re: d[2 * (1 * 4 + 2)], im: d[2 * (1 * 4 + 2) + 1] }; // ⟨σ+_Aσ−_B⟩ = ⟨0,1|ρ|1,0⟩
    const closed = Array.from(phis, (f) => 1 / TWO_PI + 0.25 * eta * (c.re * Math.cos(f) + c.im * Math.sin(f)));
    const p = measuredRelativePhaseDistribution(rho, phis, { efficiency: eta });
    expectClose(p, closed, { atol: 1e-15 });
    const e = [
      [
        [1, 0],
        [0, Math.sqrt(eta)],
      ],
      [
        [0, Math.sqrt(1 - eta)],
        [0, 0],
      ],
    ];
    const out = new Float64Array(32);
    for (const ka of [0, 1]) {
      for (const kb of [0, 1]) {
        for (let i = 0; i < 4; i++) {
          for (let j = 0; j < 4; j++) {
            for (let k = 0; k < 4; k++) {
              for (let l = 0; l < 4; l++) {
                // (E_ka ⊗ E_kb)_{ik} ρ_kl (E_ka ⊗ E_kb)_{jl}, all real Kraus entries
                const w = e[ka][i >> 1][k >> 1] * e[kb][i & 1][k & 1] * e[ka][j >> 1][l >> 1] * e[kb][j & 1][l & 1];
                out[2 * (i * 4 + j)] += w * d[2 * (k * 4 + l)];
                out[2 * (i * 4 + j) + 1] += w * d[2 * (k * 4 + l) + 1];
              }
            }
          }
        }
      }
    }
    // quadrature of Eqs. 4.9–4.10 on ρ_c (Gauss–Legendre radii, trapezoid in the common phase)
    const numerical = relativePhaseDistributionNumerical({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: out } }, phis, { rMax: 8, nr: 32, nphi: 3 });
    expectClose(p, numerical, { atol: 1e-12 });
  });

  it('names the bad argument', () => {
    const rho = randomDensity([2, 2], seededUniform(1));
    expect(() => measuredRelativePhaseDistribution(rho, phis, { efficiency: 1.5 })).toThrow(/'efficiency'.*\[0, 1\]/);
    expect(() => measuredRelativePhaseDistribution(rho, phis, { efficiency: Number.NaN })).toThrow(/'efficiency'/);
    expect(() => measuredRelativePhaseDistribution(rho, phis, { efficiency: 0.1, blockCoherence: { re: Number.NaN, im: 0 } })).toThrow(/'blockCoherence'/);
    expect(() => measuredRelativePhaseDistribution(rho, phis, undefined as never)).toThrow(/'config'/);
    expect(() => measuredRelativePhaseDistribution(rho, [], { efficiency: 0.1 })).toThrow(/'phis'/);
    expect(() => measuredRelativePhaseDistribution({ dims: [4], matrix: rho.matrix }, phis, { efficiency: 0.1 })).toThrow(/'rho'/);
  });
});
