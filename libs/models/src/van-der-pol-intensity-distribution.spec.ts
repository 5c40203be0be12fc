import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { vanDerPolIntensityDistribution } from './van-der-pol-intensity-distribution';
import { vanDerPolMeanRadius } from './van-der-pol-mean-radius';

/**
 * E[r] = ∫₀^∞ P(r > x) dx = ∫₀^∞ P(|α|² > x²) dx by composite Simpson on 200 000 intervals out to
 * 1.5× the radius below which all but 1e-13 of the mass lies (the integrand is smooth: error ~1e-15).
 */
function meanRadiusFromCdf(config: Parameters<typeof vanDerPolIntensityDistribution>[0]): number {
  const d = vanDerPolIntensityDistribution(config);
  const edge = 1.5 * Math.sqrt(d.quantile(1 - 1e-13));
  const n = 200_000;
  const h = edge / n;
  let s = 0;
  for (let i = 0; i <= n; i++) s += (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * (1 - d.cdf((i * h) ** 2));
  return (s * h) / 3;
}

describe('vanDerPolIntensityDistribution', () => {
  it('gives the exact stationary E[r] (vanDerPolMeanRadius, a quadrature of r e^{2Φ/σ²}) above, below and far from threshold', () => {
    // two independent quadratures of the same Fokker–Planck density: both exact to ~1e-12
    for (const config of [
      { kappa1: 1, kappa2: 1, sigma: Math.sqrt(0.1) },
      { kappa1: 4, kappa2: 0.1, sigma: 0.5 },
      { kappa1: -1, kappa2: 1, sigma: 1 },
      { kappa1: -50, kappa2: 1, sigma: 1 },
      { kappa1: -2, kappa2: 0, sigma: 1 },
    ]) {
      expectClose(meanRadiusFromCdf(config), vanDerPolMeanRadius(config), { rtol: 1e-10 });
    }
  });

  it('is the exponential of an Ornstein–Uhlenbeck amplitude for κ2 = 0, and tends to it as κ2 → 0', () => {
    // κ1 = −2, σ = 1: dx = −x dt + dW_x, Var x = ½, so |α|² = x² + p² is exponential with mean 1
    const ou = vanDerPolIntensityDistribution({ kappa1: -2, kappa2: 0, sigma: 1 });
    for (const u of [0.1, 1, 5]) {
      expectClose(ou.cdf(u), -Math.expm1(-u), { rtol: 1e-15 });
      expectClose(ou.density(u), Math.exp(-u), { rtol: 1e-15 });
    }
    // κ2 = 1e-4: a Gaussian centred 70 widths below the cut-off (erfcx far out); its survival function
    // e^{−u − κ2u²/2}·(1 + O(κ2)) differs from e^{−u} by the factor e^{−κ2u²/2}(1 + O(κ2u))
    const near = vanDerPolIntensityDistribution({ kappa1: -2, kappa2: 1e-4, sigma: 1 });
    for (const u of [0.1, 1, 5]) expectClose(1 - near.cdf(u), Math.exp(-u), { rtol: 2e-4 * u * u + 1e-4 });
  });

  it('is a Gaussian of mean r0² = κ1/2κ2 and variance σ²/κ2 far above threshold (Eqs. 2.4, 2.9)', () => {
    // κ1 = 4, κ2 = 1, σ = 0.1: the cut-off lies 200 standard deviations below the mean
    const d = vanDerPolIntensityDistribution({ kappa1: 4, kappa2: 1, sigma: 0.1 });
    expectClose(d.quantile(0.5), 2, { rtol: 1e-14 });
    // the one-standard-deviation quantile of the normal distribution, Φ(1) = 0.841344746068543
    expectClose(d.quantile(0.841344746068543), 2.1, { rtol: 1e-13 });
    expectClose(d.density(2), 1 / Math.sqrt(2 * Math.PI * 0.01), { rtol: 1e-14 });
  });

  it('has quantile and cdf inverse to each other, and density the derivative of cdf', () => {
    const d = vanDerPolIntensityDistribution({ kappa1: 1, kappa2: 1, sigma: Math.sqrt(0.1) });
    // cdf = 1 − P(|α|² > u) holds ~1e-16 absolute (the quantile's bisection, on P(|α|² > u), is relative)
    for (const p of [1e-12, 0.05, 0.5, 0.95, 1 - 1e-12]) expectClose(d.cdf(d.quantile(p)), p, { rtol: 1e-12, atol: 1e-15 });
    // central difference, error h²·|P‴|/6 ≈ 1e-10
    const h = 1e-5;
    for (const u of [0.05, 0.5, 1.2]) expectClose((d.cdf(u + h) - d.cdf(u - h)) / (2 * h), d.density(u), { rtol: 1e-8 });
    expect([d.cdf(-1), d.density(-1), d.cdf(0), d.quantile(0)]).toEqual([0, 0, 0, 0]);
  });

  it('refuses bad parameters by name', () => {
    expect(() => vanDerPolIntensityDistribution({ kappa1: 1, kappa2: 0, sigma: 1 })).toThrow(/'kappa1' must be < 0 when kappa2 = 0/);
    expect(() => vanDerPolIntensityDistribution({ kappa1: 1, kappa2: -1, sigma: 1 })).toThrow(/'kappa2'/);
    expect(() => vanDerPolIntensityDistribution({ kappa1: 1, kappa2: 1, sigma: 0 })).toThrow(/'sigma'/);
    expect(() => vanDerPolIntensityDistribution({ kappa1: Number.NaN, kappa2: 1, sigma: 1 })).toThrow(/'kappa1'.*NaN/);
    const d = vanDerPolIntensityDistribution({ kappa1: 1, kappa2: 1, sigma: 1 });
    expect(() => d.quantile(1)).toThrow(/quantile needs a probability p in \[0, 1\), got 1/);
    expect(() => d.quantile(Number.NaN)).toThrow(/got NaN/);
  });
});
