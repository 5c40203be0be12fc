import { describe, expect, it } from 'vitest';
import { channelValue } from '@qsync/frames';
import { expectClose } from '@qsync/testing';
import { arrayOf, collect, grid, meanVar } from './test-support/classical';
import { noisyVanDerPol } from './noisy-van-der-pol';
import { noisyVanDerPolPolar } from './noisy-van-der-pol-polar';

/** Continuous phases of every realization over a run, unwrapped frame to frame (|Δφ| < π between frames). */
function unwrappedPhases(frames: { channels: Record<string, unknown> }[], read: (k: number) => Float64Array): Float64Array[] {
  const out: Float64Array[] = [Float64Array.from(read(0))];
  for (let k = 1; k < frames.length; k++) {
    const prev = out[k - 1];
    const wrapped = read(k);
    const next = new Float64Array(wrapped.length);
    for (let j = 0; j < wrapped.length; j++) {
      const d = wrapped[j] - prev[j];
      next[j] = prev[j] + d - 2 * Math.PI * Math.round(d / (2 * Math.PI));
    }
    out.push(next);
  }
  return out;
}

/**
 * E[f(u)], u = r², under the stationary density P(u) ∝ exp((κ1u − κ2u²)/(2σ²)) of Eq. (2.8) on
 * u ≥ uMin (Simpson; P is Gaussian in u about κ1/2κ2 with sd σ/√κ2).
 */
function stationaryMean(kappa1: number, kappa2: number, sigma: number, f: (u: number) => number, uMin = 0): number {
  const uMax = kappa1 / kappa2 + (20 * sigma) / Math.sqrt(kappa2);
  const m = 20000;
  const h = (uMax - uMin) / m;
  const peak = (kappa1 * kappa1) / (8 * kappa2 * sigma * sigma);
  let z = 0;
  let zf = 0;
  for (let i = 0; i <= m; i++) {
    const u = uMin + i * h;
    const w = (i === 0 || i === m ? 1 : i % 2 === 1 ? 4 : 2) * Math.exp((kappa1 * u - kappa2 * u * u) / (2 * sigma * sigma) - peak);
    z += w;
    zf += w * f(u);
  }
  return zf / z;
}

/** Figs. 2.2 and 2.3: κ1 = κ2 = ω/2 = 10σ². */
const FIG_2_2 = { omega: 2, kappa1: 1, kappa2: 1, sigma: Math.sqrt(0.1) };

describe('noisyVanDerPol (Eq. 2.8) and its polar form (Eqs. 2.10–2.11)', () => {
  it.each([
    { omega: 2, kappa1: 1, kappa2: 1 }, // Fig. 2.1(b): κ1 = κ2 = ω/2
    { omega: -3, kappa1: 0.5, kappa2: 2 },
  ])('without noise reaches r0 = √(κ1/2κ2) from inside and outside and turns at ω: %o', async (q) => {
    const r0 = Math.sqrt(q.kappa1 / (2 * q.kappa2));
    const model = noisyVanDerPol({ ...q, sigma: 0, realizations: 2 });
    // realization 0 starts at α = 0.1 r0 (inside), realization 1 at α = 3i r0 (outside)
    const y0 = new Float64Array([0.1 * r0, 0, 0, 3 * r0]);
    const dt = 2.5e-4;
    const frames = await collect(model, grid(60, 0.1), { y0, dt });
    // Noise-free SRA1 is Ralston's RK2. On the cycle its stage H = α(1 − ¾iωdt) lies outside r0,
    // so the step loses (3/8)κ2r0²ω²dt³ of radius against the restoring κ1dt·δr: the discrete
    // cycle sits (3/16)ω²dt² ≤ 1.1e-7 (relative) inside r0 (at dt = 2e-3 this is the 3e-6 and
    // 7e-6 one measures). The transient (rate ≥ κ1/2) has died out to < 1e-8 by t = 60.
    expectClose(arrayOf(frames[frames.length - 1], 'r'), [r0, r0], { rtol: 1e-6 });
    // Phase velocity over t ∈ [40, 60]: RK2 turns by ω dt (1 + O(ω²dt²)), a relative error < 1e-6.
    const phi = unwrappedPhases(frames, (k) => arrayOf(frames[k], 'phi'));
    const k40 = 400;
    const last = frames.length - 1;
    const rate = [0, 1].map((j) => (phi[last][j] - phi[k40][j]) / (frames[last].t - frames[k40].t));
    expectClose(rate, [q.omega, q.omega], { rtol: 1e-6 });
  });

  it('channels agree with the state: r = |α|, φ = −arg α in (−π, π], mean = average α', async () => {
    const model = noisyVanDerPol({ ...FIG_2_2, realizations: 3, x0: -1, p0: -1e-12 });
    const [f0, f1] = await collect(model, [0, 0.3], { noiseSeed: 4 });
    expect(arrayOf(f0, 'phi')[0]).toBeCloseTo(Math.PI, 10); // α just below the negative axis: φ = π − 1e-12
    const alpha = arrayOf(f1, 'alpha');
    const r = arrayOf(f1, 'r');
    const phi = arrayOf(f1, 'phi');
    const mean = channelValue(f1, 'mean', 'complex');
    for (let j = 0; j < 3; j++) {
      expectClose(r[j], Math.hypot(alpha[2 * j], alpha[2 * j + 1]), { rtol: 1e-15 });
      expectClose(Math.cos(phi[j]) * r[j], alpha[2 * j], { rtol: 1e-14, atol: 1e-15 });
      expectClose(-Math.sin(phi[j]) * r[j], alpha[2 * j + 1], { rtol: 1e-14, atol: 1e-15 });
    }
    expectClose([mean.re, mean.im], [(alpha[0] + alpha[2] + alpha[4]) / 3, (alpha[1] + alpha[3] + alpha[5]) / 3], { rtol: 1e-14 });
  });

  it('Cartesian and polar forms reach the same stationary E[r²] as the Fokker–Planck solution', async () => {
    // κ1 = 2, κ2 = 1 (r0 = 1), σ = 0.3: the Itô term σ²/(2r) of Eq. (2.10) shifts E[r²] by about
    // +σ²/(2κ2) = +0.045; leaving it out would fail. (Much larger σ lets realizations of the
    // polar form come near r = 0, where an Euler step blows up: see its doc.)
    const q = { omega: 1, kappa1: 2, kappa2: 1, sigma: 0.3, realizations: 2000 };
    const expected = stationaryMean(q.kappa1, q.kappa2, q.sigma, (u) => u); // ≈ 1.0005 (truncation at u = 0)
    const times = [0, ...grid(4, 0.5).map((t) => 4 + t)];
    const pooled = async (model: ReturnType<typeof noisyVanDerPol>): Promise<number> => {
      const frames = await collect(model, times, { dt: 0.01, noiseSeed: 3 });
      let s = 0;
      let count = 0;
      for (const f of frames.slice(1)) {
        for (const r of arrayOf(f, 'r')) {
          s += r * r;
          count++;
        }
      }
      return s / count;
    };
    // 2000 × 9 samples of u = r² (sd σ/√κ2 = 0.3), frames 0.5 apart with correlation time
    // ≈ 1/κ1 = 0.5: ≳ 8000 effective samples, standard error ≤ 0.0035. The step bias at dt = 0.01
    // is ≤ 0.002 (measured with 10⁴ realizations at dt = 0.01, 0.005, 0.002). atol 0.015 is 4
    // standard errors plus the bias, a third of the shift a missing Itô term would make.
    expectClose(await pooled(noisyVanDerPol(q)), expected, { atol: 0.015 });
    expectClose(await pooled(noisyVanDerPolPolar(q)), expected, { atol: 0.015 });
  });

  it('phase diffusion on the cycle: Var φ(t) ≈ 2Dt (Eq. 2.13) in both forms, E[α] ≈ r0 e^{−iωt − Dt} (Eq. 2.16)', async () => {
    // κ1 = 8, κ2 = 4 (r0 = 1), σ = 0.3: σ² = 0.09 ≪ κ1r0² = 8, D = σ²/(2r0²) = 0.045.
    const q = { omega: 1, kappa1: 8, kappa2: 4, sigma: 0.3, realizations: 2000 };
    const n = q.realizations;
    const D = (q.sigma * q.sigma) / (2 * 1);
    // With dφ = (σ/r) dW (Eq. 2.11) the phase diffuses exactly at D_eff = (σ²/2) E[1/r²] once r is
    // stationary (within ~1/κ1 of the start on the cycle). E[1/r²] diverges only logarithmically
    // at r → 0, where the stationary weight is e^{−κ1²/(8κ2σ²)} = e^{−22}: cut at u = 0.01.
    const Deff = ((q.sigma * q.sigma) / 2) * stationaryMean(q.kappa1, q.kappa2, q.sigma, (u) => 1 / u, 0.01);
    // Eq. (2.13) is the weak-noise limit of D_eff: amplitude fluctuations add ≈ σ²/(κ2r0⁴) = 2.3%.
    expectClose(Deff, D, { rtol: 0.03 });
    const times = grid(20, 0.25); // ωΔt = 0.25 ≪ π: the wrapped phase unwraps frame to frame
    const cart = await collect(noisyVanDerPol(q), times, { dt: 0.01, noiseSeed: 11 });
    const polar = await collect(noisyVanDerPolPolar(q), times, { dt: 0.01, noiseSeed: 12 });
    const cartPhi = unwrappedPhases(cart, (k) => arrayOf(cart[k], 'phi'));
    const polarPhi = times.map((_, k) => arrayOf(polar[k], 'phiUnwrapped'));
    const last = times.length - 1;
    for (const phi of [cartPhi, polarPhi]) {
      // Var φ(20) of 2000 Gaussian samples: relative standard error √(2/2000) = 3.2%; rtol 0.13
      // is 4 of them.
      expectClose(meanVar(phi[last]).variance, 2 * Deff * times[last], { rtol: 0.13 });
      // D from the increments over 4 windows of length 5 (8000 nearly independent samples,
      // relative standard error 1.6%): rtol 0.07 is 4 of them plus the step bias (< 0.5%).
      let sum = 0;
      for (let w = 0; w < 4; w++) {
        const a = phi[20 * w];
        const b = phi[20 * (w + 1)];
        sum += meanVar(b.map((x, j) => x - a[j])).variance;
      }
      expectClose(sum / 4 / (2 * 5), Deff, { rtol: 0.07 });
      // on average the phase turns at ω (standard error √(2D·20/2000) = 0.03): atol 4 of them
      expectClose(meanVar(phi[last]).mean, q.omega * times[last], { atol: 0.12 });
    }
    const meanR = stationaryMean(q.kappa1, q.kappa2, q.sigma, Math.sqrt); // E[r] ≈ 0.997
    for (const k of [20, 40, 80]) {
      const t = times[k];
      const m = channelValue(cart[k], 'mean', 'complex');
      // Each quadrature of the mean has standard error ≤ √(0.5/n); relative to |E[α]| that is se
      // in log|E[α]| and in arg E[α]: atol 4 se.
      const se = Math.sqrt(0.5 / n) / Math.exp(-Deff * t);
      expectClose(Math.log(Math.hypot(m.re, m.im)), Math.log(meanR) - Deff * t, { atol: 4 * se });
      const lag = Math.atan2(m.im, m.re) + q.omega * t; // arg E[α] = −ωt (mod 2π)
      expectClose(Math.atan2(Math.sin(lag), Math.cos(lag)), 0, { atol: 4 * se });
    }
  });

  it('same seed, same frames; another seed, other frames', async () => {
    const model = noisyVanDerPol({ ...FIG_2_2, realizations: 5 });
    const a = await collect(model, [0, 1, 2], { noiseSeed: 7 });
    const b = await collect(model, [0, 1, 2], { noiseSeed: 7 });
    const c = await collect(model, [0, 1, 2], { noiseSeed: 8 });
    expect(arrayOf(b[2], 'alpha')).toEqual(arrayOf(a[2], 'alpha'));
    expect(arrayOf(c[2], 'alpha')).not.toEqual(arrayOf(a[2], 'alpha'));
    const polar = noisyVanDerPolPolar({ ...FIG_2_2, realizations: 5 });
    const pa = await collect(polar, [0, 1], { noiseSeed: 7 });
    const pb = await collect(polar, [0, 1], { noiseSeed: 7 });
    expect(arrayOf(pb[1], 'alpha')).toEqual(arrayOf(pa[1], 'alpha'));
  });

  it('uses SRA by default, and the polar form Euler–Maruyama (Milstein refused: the noise is not commutative)', async () => {
    expect(noisyVanDerPol(FIG_2_2).defaultMethod).toBe('sra');
    expect(noisyVanDerPol(FIG_2_2).equation).toBe('2.8');
    const polar = noisyVanDerPolPolar(FIG_2_2);
    expect(polar.defaultMethod).toBe('euler-maruyama');
    expect(() => polar.simulate([0, 1], { method: 'milstein' })).toThrow(/milstein.*diffusionDerivative/);
    expect(() => polar.simulate([0, 1], { method: 'sra' })).toThrow(/'sra' needs additive noise/);
  });

  it('defaults follow the library rule: ω = σ = 0, κ1 and κ2 required; step 0.05 (SRA) or 0.02 (EM) of the fastest rate', () => {
    const plain = noisyVanDerPol({ kappa1: 1, kappa2: 1 });
    expect(plain.parameters).toMatchObject({ omega: 0, sigma: 0, x0: 1, p0: 0, realizations: 1 });
    // rates |ω| = 2, κ1 = 1, 2κ2r² = 2 (r² = max(r0², |α0|²) = 1), σ²/r0² = 0.2: the fastest is 2
    expect(noisyVanDerPol(FIG_2_2).defaultDt).toBe(0.05 / 2);
    expect(noisyVanDerPolPolar(FIG_2_2).defaultDt).toBe(0.02 / 2);
    expect(() => noisyVanDerPol({ kappa2: 1 } as never)).toThrow("noisyVanDerPol: parameter 'kappa1' (linear gain κ1) is required");
  });

  it.each([
    [{ omgea: 1 }, /unknown parameter 'omgea'/],
    [{ kappa1: 0 }, /'kappa1'.*must be > 0, got 0/],
    [{ kappa2: -1 }, /'kappa2'.*must be > 0, got -1/],
    [{ sigma: -0.1 }, /'sigma'.*must be ≥ 0, got -0.1/],
    [{ realizations: 2.5 }, /'realizations' must be an integer, got 2.5/],
    [{ realizations: 0 }, /'realizations'.*must be ≥ 1, got 0/],
    [{ x0: Number.NaN }, /'x0' must be a finite number, got NaN/],
  ])('refuses %o by name', (config, message) => {
    expect(() => noisyVanDerPol({ ...FIG_2_2, ...config } as never)).toThrow(message);
    expect(() => noisyVanDerPolPolar({ ...FIG_2_2, ...config } as never)).toThrow(message);
  });

  it('polar form refuses to start at the origin', () => {
    expect(() => noisyVanDerPolPolar({ ...FIG_2_2, x0: 0, p0: 0 })).toThrow(/'x0' and 'p0' must not both be 0/);
  });
});
