import { describe, expect, it } from 'vitest';
import { meanFieldDriftInto } from './mean-field-drift-into';

describe('meanFieldDriftInto (Eq. 2.31)', () => {
  it('equals ω_i + (V/N) Σ_j sin(φ_j − φ_i) summed pair by pair', () => {
    const phases = [0.3, 2.1, -1.4, 4];
    const omega = Float64Array.of(0.1, -0.2, 0.05, 0.3);
    const N = phases.length;
    const V = 1.7;
    const cos = Float64Array.from(phases, Math.cos);
    const sin = Float64Array.from(phases, Math.sin);
    const zRe = cos.reduce((a, b) => a + b) / N;
    const zIm = sin.reduce((a, b) => a + b) / N;
    const out = new Float64Array(N);
    meanFieldDriftInto(out, omega, cos, sin, 0, N, 0, V * zIm, V * zRe);
    for (let i = 0; i < N; i++) {
      let pair = 0;
      for (let j = 0; j < N; j++) pair += Math.sin(phases[j] - phases[i]);
      expect(out[i]).toBeCloseTo(omega[i] + (V / N) * pair, 14);
    }
  });

  it('writes only from … to − 1, shifted by off in out and ω', () => {
    const out = new Float64Array(5);
    const omega = Float64Array.of(9, 9, 1, 2, 9);
    meanFieldDriftInto(out, omega, Float64Array.of(0, 1, 1), Float64Array.of(0, 0, 1), 1, 3, 1, 2, 3);
    expect(Array.from(out)).toEqual([0, 0, 3, 1, 0]);
  });
});
