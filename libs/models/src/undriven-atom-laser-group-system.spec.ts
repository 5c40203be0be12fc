import { describe, expect, it } from 'vitest';
import { undrivenAtomLaserCumulantParameters, undrivenAtomLaserGroupSystem } from './undriven-atom-laser-group-system';

// Its equations are checked against the printed App. 7.A and the exact model in undriven-atom-laser-cumulants.spec.ts.
describe('undrivenAtomLaserGroupSystem', () => {
  it('lays out the mode, the driven and the undriven atoms; 1 + N_d + 2N_ud·… dissipators', () => {
    const s = undrivenAtomLaserGroupSystem([3, 2]);
    expect(s.groups).toEqual([[1, 2, 3], [4, 5]]);
    expect(s.alg.sites.map((x) => x.name)).toEqual(['a', 'd1', 'd2', 'd3', 'u1', 'u2']);
    // κD[a], γ+ on 3 driven, γ− and γz/2 on all 5
    expect(s.model.dissipators?.length).toBe(1 + 3 + 5 + 5);
    expect([...s.alg.parameters]).toEqual([...undrivenAtomLaserCumulantParameters]);
  });

  it('refuses bad sizes', () => {
    expect(() => undrivenAtomLaserGroupSystem([0, 2])).toThrow(/sizes must be two integers ≥ 1/);
    expect(() => undrivenAtomLaserGroupSystem([2.5, 2])).toThrow(/sizes must be two integers ≥ 1/);
  });
});
