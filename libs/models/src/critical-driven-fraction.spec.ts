import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { criticalDrivenFraction } from './critical-driven-fraction';

// The linear stability of (7.4) is checked against this in undriven-atom-laser-bad-cavity.spec.ts.
describe('criticalDrivenFraction (7.8), (7.11)', () => {
  it('(7.8) for γ− = γz = 0: 1/2 + γ+/(4V); at least half the atoms driven', () => {
    expect(criticalDrivenFraction({ V: 1, gammaPlus: 1 })).toBe(0.75);
    expectClose(criticalDrivenFraction({ V: 3, gammaPlus: 0.5 }), 0.5 + 0.5 / 12, { rtol: 1e-15 });
    expect(criticalDrivenFraction({ V: 1e9, gammaPlus: 1 })).toBeGreaterThan(0.5);
  });

  it('(7.11): γ− ≥ γ+ leaves no inversion (the value exceeds 1)', () => {
    expectClose(criticalDrivenFraction({ V: 1, gammaPlus: 1, gammaMinus: 1e-4, gammaZ: 1e-3 }), 0.5 * (1 + 1e-4) * (1 + (2e-4 + 4e-3 + 1) / 2), { rtol: 1e-15 });
    expect(criticalDrivenFraction({ V: 1e6, gammaPlus: 1, gammaMinus: 1 })).toBeGreaterThan(1);
  });

  it('refuses bad parameters by name', () => {
    expect(() => criticalDrivenFraction({ V: 1, gammaPlus: 0 })).toThrow(/'gammaPlus'.*> 0/);
    expect(() => criticalDrivenFraction({ V: 1, gammaPlus: 1, gammaZ: -1 })).toThrow(/'gammaZ'/);
  });
});
