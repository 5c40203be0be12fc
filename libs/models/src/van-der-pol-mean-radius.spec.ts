import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { vanDerPolMeanRadius } from './van-der-pol-mean-radius';

describe('vanDerPolMeanRadius', () => {
  it('is the mean of a 2-D Gaussian for an Ornstein–Uhlenbeck amplitude: x, p ~ N(0, σ²/(2γ)), γ = −κ1/2', () => {
    // κ1 = −2: dx = −x dt + σ dW, Var x = σ²/2; E[r] = √(Var x)·√(π/2); Simpson is ~1e-12 here
    expectClose(vanDerPolMeanRadius({ kappa1: -2, kappa2: 0, sigma: 1 }), Math.sqrt(0.5) * Math.sqrt(Math.PI / 2), { rtol: 1e-10 });
    expectClose(vanDerPolMeanRadius({ kappa1: -2, kappa2: 0, sigma: 2 }), Math.sqrt(2) * Math.sqrt(Math.PI / 2), { rtol: 1e-10 });
  });

  it('tends to r0 = √(κ1/2κ2) (Eq. 2.4) for weak noise and is 0.7032 at the point of Fig. 2.3', () => {
    // E[r]/r0 − 1 ≈ −σ²/2 at κ1 = κ2 = 1 (−5e-5 at σ² = 1e-4; the quadrature is exact to ~1e-12)
    expectClose(vanDerPolMeanRadius({ kappa1: 1, kappa2: 1, sigma: 1e-2 }), Math.sqrt(0.5), { rtol: 1e-4 });
    expectClose(vanDerPolMeanRadius({ kappa1: 4, kappa2: 2, sigma: 1e-2 }), 1, { rtol: 1e-4 });
    expectClose(vanDerPolMeanRadius({ kappa1: 1, kappa2: 1, sigma: Math.sqrt(0.1) }), 0.70321186, { rtol: 1e-7 });
    // first order in σ² (expand ln(r e^{2Φ/σ²}) about r0 to third order): E[r]/r0 − 1 = −κ2σ²/(2κ1²);
    // at κ1 = 4, κ2 = 2, σ² = 1e-4 the next order is ~σ²·κ2/κ1² ≈ 1e-5 of it
    const shift = (s2: number) => (vanDerPolMeanRadius({ kappa1: 4, kappa2: 2, sigma: Math.sqrt(s2) }) - 1) / s2;
    expectClose(shift(1e-4), -2 / (2 * 16), { rtol: 1e-3 });
  });

  it('refuses bad arguments by name', () => {
    expect(() => vanDerPolMeanRadius({ kappa1: 1, kappa2: 1, sigma: -1 })).toThrow(/'sigma'/);
    expect(() => vanDerPolMeanRadius({ kappa1: 1, kappa2: 1, sigma: 1, omega: 2 } as never)).toThrow(/unknown parameter 'omega'/);
  });
});
