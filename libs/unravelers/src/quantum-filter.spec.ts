import { describe, expect, it } from 'vitest';
import { sampleBlock } from '@qsync/frames';
import { coherentKet, create, destroy, fockSpace, num, power, pureState, scaled, sigmaZ, spinHalfSpace } from '@qsync/operators';
import type { DensityMatrix } from '@qsync/operators';
import type { SmeMethod } from './compile-diffusive-sme';
import { createDiffusiveTrajectories } from './create-diffusive-trajectories';
import { quantumFilter } from './quantum-filter';

describe('quantumFilter', () => {
  const space = fockSpace(10);
  const a = destroy(space);
  const vdp = {
    hamiltonian: scaled(num(space), 4),
    dissipators: [
      { rate: 4, jump: create(space) },
      { rate: 0.5, jump: power(a, 2) },
    ],
    monitored: [
      { name: 'het', rate: 0.6, jump: a, unraveling: 'heterodyne' as const },
      { name: 'hom', rate: 0.4, jump: a, unraveling: 'homodyne' as const, phase: 0.2, frequency: 4 },
    ],
  };
  const rho0 = pureState(coherentKet(space, { re: 1, im: 0.5 }));

  it('fed the simulator’s currents (same ρ0, ξ = 1, same step) recovers its conditional ⟨a⟩ to round-off', () => {
    for (const method of ['milstein', 'euler-maruyama'] as const) {
      const runs = createDiffusiveTrajectories(vdp, { rho0, dt: 2e-3, tEnd: 2, noiseSeed: 31, expect: { a }, method });
      const cols = { het: new Float64Array(2000), hom: new Float64Array(1000), a: new Float64Array(2000) };
      runs.runInto(2, cols);
      const record = sampleBlock({ t0: 0, dt: 2e-3, columns: { het: { kind: 'complex', data: cols.het }, hom: { kind: 'real', data: cols.hom } } });
      const filtered = quantumFilter(vdp, record, { rho0, expect: { a }, method });
      let worst = 0;
      for (let q = 0; q < 2000; q++) worst = Math.max(worst, Math.abs(filtered.expect.a[q] - cols.a[q]));
      // measured ~1e-13: only the round-off of (s + ΔW/dt)·dt − s·dt
      expect(worst).toBeLessThan(1e-9);
      // the trajectory wandered: ⟨a⟩ moved by O(1), so agreement is not trivial
      expect(Math.hypot(cols.a[1998] - cols.a[0], cols.a[1999] - cols.a[1])).toBeGreaterThan(0.3);
    }
  });

  it('a filter from a wrong state forgets it: fed the same currents it converges to the true conditional ⟨a⟩', () => {
    const runs = createDiffusiveTrajectories(vdp, { rho0, dt: 2e-3, tEnd: 6, noiseSeed: 32, expect: { a } });
    const m = runs.samples;
    const cols = { het: new Float64Array(2 * m), hom: new Float64Array(m), a: new Float64Array(2 * m) };
    runs.runInto(0, cols);
    const record = sampleBlock({ t0: 0, dt: 2e-3, columns: { het: { kind: 'complex', data: cols.het }, hom: { kind: 'real', data: cols.hom } } });
    const wrong = pureState(coherentKet(space, { re: -1, im: -0.5 }));
    const filtered = quantumFilter(vdp, record, { rho0: wrong, expect: { a } });
    const gap = (k: number) => Math.hypot(filtered.expect.a[2 * k] - cols.a[2 * k], filtered.expect.a[2 * k + 1] - cols.a[2 * k + 1]);
    expect(gap(0)).toBeCloseTo(2 * Math.hypot(1, 0.5), 4); // (cutoff 10 truncates |α⟩ slightly)
    expect(gap(m - 1)).toBeLessThan(0.02);
  });

  /**
   * QND homodyne of σz (rate κ, H = (ω/2)σz): given the record Y(t) = ∫I dt the linear SME
   * dρ̃ = Lρ̃dt + √κ(σzρ̃ + ρ̃σz)dY has ρ̃₁₁ = p₁e^{2√κY − 2κt}, ρ̃₀₀ = p₀e^{−2√κY − 2κt}, so the
   * conditional ⟨σz⟩ = tanh(2√κY + artanh z₀), exactly, for every record. The record comes
   * from the simulator at the fine step; the filter runs at Δ = m·dt on the record averaged
   * over Δ (exact coarse increments), so its error against the closed form is its strong error.
   */
  function qndErrors(method: SmeMethod, ms: readonly number[], paths: number): number[] {
    const s = spinHalfSpace();
    const kappa = 1;
    const z0 = 0.4;
    const start: DensityMatrix = { dims: [2], matrix: { rows: 2, cols: 2, data: Float64Array.of((1 - z0) / 2, 0, 0.3, 0.1, 0.3, -0.1, (1 + z0) / 2, 0) } };
    const model = { hamiltonian: scaled(sigmaZ(s), 0.5), monitored: [{ rate: kappa, jump: sigmaZ(s), unraveling: 'homodyne' as const }] };
    const fineDt = 1 / 1024;
    const errors = ms.map(() => 0);
    for (let p = 0; p < paths; p++) {
      const fine = createDiffusiveTrajectories(model, { rho0: start, dt: fineDt, tEnd: 1, noiseSeed: 41, expect: { z: sigmaZ(s) } });
      const I = new Float64Array(fine.samples);
      fine.runInto(p, { I0: I, z: new Float64Array(2 * fine.samples) });
      ms.forEach((m, i) => {
        const coarse = new Float64Array(fine.samples / m);
        for (let k = 0; k < coarse.length; k++) {
          let sum = 0;
          for (let q = 0; q < m; q++) sum += I[k * m + q];
          coarse[k] = sum / m;
        }
        const dt = m * fineDt;
        const record = sampleBlock({ t0: 0, dt, columns: { I0: { kind: 'real', data: coarse } } });
        const { rho } = quantumFilter(model, record, { rho0: start, method });
        let y = 0;
        for (let k = 0; k < coarse.length; k++) y += coarse[k] * dt;
        const exact = Math.tanh(2 * Math.sqrt(kappa) * y + Math.atanh(z0));
        errors[i] += Math.abs(rho[6] - rho[0] - exact) / paths;
      });
    }
    return errors;
  }

  it('has strong order 1 (Milstein) and ½ (Euler–Maruyama) against the closed-form QND filter', () => {
    const ms = [16, 8, 4, 2];
    const slope = (e: number[]) => Math.log(e[0] / e[e.length - 1]) / Math.log(ms[0] / ms[ms.length - 1]);
    const mil = qndErrors('milstein', ms, 150);
    const em = qndErrors('euler-maruyama', ms, 150);
    // measured (150 paths): Milstein 4.7e-3 … 6.2e-4, slope 0.98; Euler–Maruyama 1.9e-2 … 6.9e-3, slope 0.49
    expect(Math.abs(slope(mil) - 1)).toBeLessThan(0.2);
    expect(Math.abs(slope(em) - 0.5)).toBeLessThan(0.2);
    expect(mil[mil.length - 1]).toBeLessThan(0.5 * em[em.length - 1]);
  });

  /**
   * The same qubit under two-quadrature heterodyne detection of σz (Eq. 3.13): X_x = √(κ/2)σz
   * informs, X_y = −i√(κ/2)σz only rotates, and the linear SME gives, with Y_x,y = ∫√2(Re, Im)I dt,
   * ρ₀₁(t) = ρ₀₁(0)e^{i√(2κ)Y_y + iωt} / (p₁e^{√(2κ)Y_x} + p₀e^{−√(2κ)Y_x}) and
   * ⟨σz⟩ = tanh(√(2κ)Y_x + artanh z₀). Here the two noises commute (b_x′[b_y] = b_y′[b_x] =
   * iκ⟨σz⟩[σz, ρ]), so Milstein with its cross term has strong order 1.
   */
  function heterodyneErrors(method: SmeMethod, ms: readonly number[], paths: number): number[] {
    const s = spinHalfSpace();
    const kappa = 1;
    const omega = 1;
    const [p0, p1, cr, ci] = [0.3, 0.7, 0.3, 0.1];
    const start: DensityMatrix = { dims: [2], matrix: { rows: 2, cols: 2, data: Float64Array.of(p0, 0, cr, ci, cr, -ci, p1, 0) } };
    const model = { hamiltonian: scaled(sigmaZ(s), omega / 2), monitored: [{ rate: kappa, jump: sigmaZ(s), unraveling: 'heterodyne' as const }] };
    const fineDt = 1 / 1024;
    const errors = ms.map(() => 0);
    const fine = createDiffusiveTrajectories(model, { rho0: start, dt: fineDt, tEnd: 1, noiseSeed: 43 });
    const I = new Float64Array(2 * fine.samples);
    for (let p = 0; p < paths; p++) {
      fine.runInto(p, { I0: I });
      ms.forEach((m, i) => {
        const steps = fine.samples / m;
        const coarse = new Float64Array(2 * steps);
        for (let q = 0; q < 2 * fine.samples; q++) coarse[2 * Math.floor(q / (2 * m)) + (q & 1)] += I[q] / m;
        const dt = m * fineDt;
        const record = sampleBlock({ t0: 0, dt, columns: { I0: { kind: 'complex', data: coarse } } });
        const { rho } = quantumFilter(model, record, { rho0: start, method });
        let yx = 0;
        let yy = 0;
        for (let k = 0; k < steps; k++) {
          yx += Math.SQRT2 * coarse[2 * k] * dt;
          yy += Math.SQRT2 * coarse[2 * k + 1] * dt;
        }
        const g = Math.sqrt(2 * kappa);
        const norm = p1 * Math.exp(g * yx) + p0 * Math.exp(-g * yx);
        const phase = g * yy + omega;
        const exRe = (cr * Math.cos(phase) - ci * Math.sin(phase)) / norm;
        const exIm = (cr * Math.sin(phase) + ci * Math.cos(phase)) / norm;
        const exZ = Math.tanh(g * yx + Math.atanh(p1 - p0));
        errors[i] += (Math.abs(rho[6] - rho[0] - exZ) + Math.hypot(rho[2] - exRe, rho[3] - exIm)) / paths;
      });
    }
    return errors;
  }

  it('two-quadrature heterodyne: strong order 1 (Milstein, commuting noises) and ½ (Euler–Maruyama) against its closed form', () => {
    const ms = [16, 8, 4, 2];
    const slope = (e: number[]) => Math.log(e[0] / e[e.length - 1]) / Math.log(ms[0] / ms[ms.length - 1]);
    const mil = heterodyneErrors('milstein', ms, 100);
    const em = heterodyneErrors('euler-maruyama', ms, 100);
    // measured (100 paths): Milstein 1.9e-2 … 2.3e-3, slope 1.03; Euler–Maruyama 5.7e-2 … 2.3e-2, slope 0.43
    expect(Math.abs(slope(mil) - 1)).toBeLessThan(0.2);
    expect(Math.abs(slope(em) - 0.5)).toBeLessThan(0.2);
  });

  it('names the missing current column', () => {
    const record = sampleBlock({ t0: 0, dt: 1e-3, columns: { het: { kind: 'real', data: new Float64Array(4) } } });
    expect(() => quantumFilter(vdp, record, { rho0 })).toThrow(/needs a scalar complex column 'het'/);
    expect(() => quantumFilter(vdp, record, { rho0: pureState(coherentKet(fockSpace(3), { re: 0, im: 0 })) })).toThrow(
      /'rho0' must be a density matrix on dims \[10\]/,
    );
  });
});
