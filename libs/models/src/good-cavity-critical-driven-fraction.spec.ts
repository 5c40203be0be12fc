import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { goodCavityCriticalDrivenFraction } from './good-cavity-critical-driven-fraction';

// The linear stability of (7.3) is checked against this in undriven-atom-laser-mean-field.spec.ts.
describe('goodCavityCriticalDrivenFraction (7.10)', () => {
  it('satisfies (7.10) as printed with equality', () => {
    const c = { N: 300, Omega: 0.02, kappa: 0.05, gammaPlus: 1.3, gammaMinus: 0.1, gammaZ: 0.4 };
    const pd = goodCavityCriticalDrivenFraction(c);
    const gd2 = (c.gammaMinus + c.gammaPlus) * (c.gammaMinus + c.gammaPlus + 2 * c.gammaZ);
    const gu2 = c.gammaMinus * (c.gammaMinus + 2 * c.gammaZ);
    const lhs = (pd * (c.gammaPlus - c.gammaMinus)) / gd2 - ((1 - pd) * c.gammaMinus) / gu2;
    expectClose(lhs, c.kappa / (4 * c.N * c.Omega ** 2), { rtol: 1e-13 });
  });

  it('any p_d > 0 lases for a strong enough drive; no gain, no lasing', () => {
    const weak = { N: 100, Omega: 0.1, kappa: 0.01, gammaMinus: 0.1, gammaZ: 0.1 };
    expect(goodCavityCriticalDrivenFraction({ ...weak, gammaPlus: 0.5 })).toBeGreaterThan(0.6);
    expect(goodCavityCriticalDrivenFraction({ ...weak, gammaPlus: 0.12 })).toBeGreaterThan(0.75);
    expect(goodCavityCriticalDrivenFraction({ ...weak, gammaPlus: 0 })).toBe(Infinity);
  });

  it('refuses an undefined incoherent state by name', () => {
    expect(() => goodCavityCriticalDrivenFraction({ N: 10, Omega: 1, kappa: 1, gammaPlus: 1, gammaMinus: 0 })).toThrow(/gammaMinus \+ 2·gammaZ must be > 0/);
    expect(() => goodCavityCriticalDrivenFraction({ N: 10, Omega: 0, kappa: 1, gammaPlus: 1, gammaMinus: 0.1 })).toThrow(/'Omega'/);
  });
});
