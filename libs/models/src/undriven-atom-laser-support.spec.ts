import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { coherenceFrequency, undrivenAtomLaserCavity, undrivenAtomLaserInitialSpins, undrivenAtomLaserRates } from './undriven-atom-laser-support';

describe('undriven-atom-laser-support', () => {
  it('coherenceFrequency: s+ = p_d s+_d + p_ud s+_ud turning as e^{iωt} gives +ω, whatever its modulus and phase; 0 where s+ = 0', () => {
    const pd = 0.7;
    for (const [omega, phase, rd, ru] of [[0.3, 0.2, 0.1, 0.05], [-1.7, 2.5, 0.02, 0.3]]) {
      // both kinds turn together: y = r e^{iφ}, dy = iω y
      const y = [rd * Math.cos(phase), rd * Math.sin(phase), ru * Math.cos(phase + 1), ru * Math.sin(phase + 1), -0.5, -0.9];
      const dy = [-omega * y[1], omega * y[0], -omega * y[3], omega * y[2], 0.1, 0.2];
      expectClose(coherenceFrequency(y, dy, pd), omega, { rtol: 1e-14 });
    }
    // a growing, non-turning s+ has frequency 0; so has s+ = 0
    expect(Math.abs(coherenceFrequency([0.1, 0.2, 0.3, 0.6, 0, 0], [0.01, 0.02, 0.03, 0.06, 0, 0], pd))).toBeLessThan(1e-15);
    expect(coherenceFrequency([0, 0, 0, 0, -1, -1], [1, 1, 1, 1, 0, 0], pd)).toBe(0);
  });

  it('the shared parameter tables: rates default to 0 except γ+, κ > 0 strictly, the initial angles on [0, π] with pure (r = 1) states by default', () => {
    expect(undrivenAtomLaserRates.gammaPlus.default).toBeUndefined();
    expect([undrivenAtomLaserRates.gammaMinus.default, undrivenAtomLaserRates.gammaZ.default]).toEqual([0, 0]);
    expect(undrivenAtomLaserCavity.kappa.exclusiveMin).toBe(true);
    expect([undrivenAtomLaserInitialSpins.thetaDrivenInitial.min, undrivenAtomLaserInitialSpins.thetaDrivenInitial.max]).toEqual([0, Math.PI]);
    expect(undrivenAtomLaserInitialSpins.blochRadiusInitial.default).toBe(1);
  });
});
