import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { vanDerPolMeanDecayRate } from './van-der-pol-mean-decay-rate';

describe('vanDerPolMeanDecayRate', () => {
  it('is the exact rate of an Ornstein–Uhlenbeck amplitude (κ1 < 0, κ2 = 0): E[α] = α0 e^{κ1 t/2}', () => {
    // eigenfunction u = r, eigenvalue κ1/2; finite volumes are O(h²) with h ≈ 1e-3 → ~1e-7 relative
    expectClose(vanDerPolMeanDecayRate({ kappa1: -2, kappa2: 0, sigma: 1 }), 1, { rtol: 1e-6 });
    expectClose(vanDerPolMeanDecayRate({ kappa1: -0.5, kappa2: 0, sigma: 0.3 }), 0.25, { rtol: 1e-6 });
  });

  it('tends to the phase diffusion D = σ²/(2r0²) (Eq. 2.13) for weak noise, with a correction ∝ σ²', () => {
    const ratio = (s2: number) => vanDerPolMeanDecayRate({ kappa1: 1, kappa2: 1, sigma: Math.sqrt(s2) }) / (s2 / (2 * 0.5));
    // the phase noise is σ/r (Eq. 2.11); with r = r0 + ρ, ρ an Ornstein–Uhlenbeck process of rate κ1
    // (Var ρ = σ²/2κ1, E[ρ] = −σ²/(4κ1r0)), E[1/r²] ≈ (1 + 2σ²/(κ1r0²))/r0²: the rate is
    // D·(1 + 4σ²) at κ1 = κ2 = 1, up to O(σ⁴) (2 % of the correction at σ² = 1e-3)
    expectClose(ratio(1e-4), 1, { rtol: 1e-3 });
    expectClose((ratio(1e-4) - 1) / 1e-4, 4, { rtol: 0.01 });
    expectClose((ratio(1e-3) - 1) / 1e-3, 4, { rtol: 0.02 });
  });

  it('gives 0.14276 at κ1 = κ2 = 10σ² (Figs. 2.2–2.3), 43 % above D = 0.1, converged in the grid', () => {
    const rate = vanDerPolMeanDecayRate({ kappa1: 1, kappa2: 1, sigma: Math.sqrt(0.1) });
    // halving the grid changes the value by 1e-9 (O(h²))
    expectClose(rate, vanDerPolMeanDecayRate({ kappa1: 1, kappa2: 1, sigma: Math.sqrt(0.1), points: 2000 }), { rtol: 1e-7 });
    expectClose(rate, 0.142759467, { rtol: 1e-7 });
  });

  it('refuses bad arguments by name', () => {
    expect(() => vanDerPolMeanDecayRate({ kappa1: NaN, kappa2: 1, sigma: 1 })).toThrow(/'kappa1'/);
    expect(() => vanDerPolMeanDecayRate({ kappa1: 1, kappa2: -1, sigma: 1 })).toThrow(/'kappa2'/);
    expect(() => vanDerPolMeanDecayRate({ kappa1: 1, kappa2: 0, sigma: 1 })).toThrow(/'kappa1'.*kappa2 = 0/);
    expect(() => vanDerPolMeanDecayRate({ kappa1: 1, kappa2: 1, sigma: 0 })).toThrow(/'sigma'/);
    expect(() => vanDerPolMeanDecayRate({ kappa1: 1, kappa2: 1, sigma: 1, points: 10 })).toThrow(/'points'/);
  });
});
