import { describe, expect, it } from 'vitest';
import { dormandPrince } from '@qsync/integrators';
import { expectClose } from '@qsync/testing';
import { goodCavityCriticalDrivenFraction } from './good-cavity-critical-driven-fraction';
import { undrivenAtomLaserBadCavity } from './undriven-atom-laser-bad-cavity';
import { undrivenAtomLaserMeanField } from './undriven-atom-laser-mean-field';
import { criticalPoint, leadingEigenvalue } from './test-support/linear-stability';

const solve = (rhs: (out: Float64Array, y: Float64Array, t: number) => void, y0: Float64Array, times: number[]) =>
  dormandPrince(rhs, y0, times, { rtol: 1e-11, atol: 1e-13, maxSteps: 1e7 } as never);

describe('undrivenAtomLaserMeanField (7.3)', () => {
  it('bad cavity: (7.3) → (7.4) as x = κ/(√N Ω) grows at fixed V, the error falling as 1/x² (V/κ)', () => {
    const N = 1000;
    const V = 1;
    const spins = { pd: 0.85, gammaPlus: 1, gammaMinus: 0.01, gammaZ: 0.02, thetaDrivenInitial: Math.asin(0.6), thetaUndrivenInitial: Math.asin(0.4), undrivenPhaseInitial: 0.7 };
    const bad = undrivenAtomLaserBadCavity({ V, ...spins });
    const times = Array.from({ length: 31 }, (_, k) => k);
    const ref = solve(bad.rhs, bad.initialState(), times);
    const errors = [10, 20, 40, 80].map((x) => {
      // V = 2NΩ²/κ and κ = x√N Ω: Ω = V x/(2√N), κ = x²V/2
      const Omega = (V * x) / (2 * Math.sqrt(N));
      const kappa = (x * x * V) / 2;
      const mf = undrivenAtomLaserMeanField({ N, Omega, kappa, ...spins });
      expectClose(mf.badCavityCoupling, V, { rtol: 1e-14 });
      const y0 = mf.initialState();
      // the cavity starts where it follows the atoms, α = −2iNΩ s−/κ
      const sr = spins.pd * y0[0] + (1 - spins.pd) * y0[2];
      const si = spins.pd * y0[1] + (1 - spins.pd) * y0[3];
      y0[6] = (-2 * N * Omega * si) / kappa;
      y0[7] = (-2 * N * Omega * sr) / kappa;
      const sol = solve(mf.rhs, y0, times);
      let e = 0;
      for (let k = 0; k < times.length; k++) for (let i = 0; i < 6; i++) e = Math.max(e, Math.abs(sol.y[k][i] - ref.y[k][i]));
      return e;
    });
    // second order in 1/x: each doubling of x divides the error by ≈ 4
    for (let k = 1; k < errors.length; k++) {
      const slope = Math.log2(errors[k - 1] / errors[k]);
      expect(slope).toBeGreaterThan(1.9);
      expect(slope).toBeLessThan(2.1);
    }
    expect(errors[0]).toBeGreaterThan(1e-3); // the check can see the difference at x = 10
    expect(errors[3]).toBeLessThan(1e-3);
  });

  it('good cavity: the incoherent state of (7.3) loses stability at (7.10) to 1e-8, through a real eigenvalue (no shift)', () => {
    // κ ≪ γ− + 2γz (the undriven atoms' linewidth); Ω set so that κ/(4NΩ²) = k puts p_d,c inside (0, 1)
    const point = (N: number, kappa: number, k: number, gammaPlus: number, gammaMinus: number, gammaZ: number) => ({
      N, kappa, Omega: Math.sqrt(kappa / (4 * N * k)), gammaPlus, gammaMinus, gammaZ,
    });
    for (const c of [point(100, 0.01, 0.1, 2, 0.01, 0.5), point(1e4, 0.02, 0.19, 1, 0.2, 0.5), point(500, 0.01, 0.1, 3, 0.5, 0)]) {
      const szd = (c.gammaPlus - c.gammaMinus) / (c.gammaPlus + c.gammaMinus);
      const growth = (pd: number) => {
        const m = undrivenAtomLaserMeanField({ ...c, pd });
        return leadingEigenvalue(m.rhs, [0, 0, 0, 0, szd, -1, 0, 0], [0, 1, 2, 3, 6, 7]);
      };
      const pc = criticalPoint((pd) => growth(pd).re, 0, 1);
      expectClose(pc, goodCavityCriticalDrivenFraction(c), { atol: 1e-8, rtol: 0 });
      const rates = c.kappa + c.gammaPlus;
      expect(Math.abs(growth(pc).im)).toBeLessThan(1e-6 * rates);
    }
  });

  it('detuning (7.18): at p_d = 1 the laser is pulled to ω = (ωc − ωs)Γ_d/(κ + Γ_d), Γ_d = γ+ + γ− + 2γz', () => {
    // from (7.3) with s+ ∝ e^{iωt}, α ∝ e^{−iωt}: iω = −Γ_d/2 + NΩ²s^z/(κ/2 − i(Δ − ω)), whose imaginary part gives ω
    for (const detuning of [0.3, -0.7]) {
      const c = { N: 100, pd: 1, Omega: 0.05, kappa: 2, gammaPlus: 0.1, gammaMinus: 0.01, gammaZ: 0.02, detuning, thetaDrivenInitial: Math.asin(0.2) };
      const m = undrivenAtomLaserMeanField(c);
      const sol = solve(m.rhs, m.initialState(), [0, 3000]);
      const gd = c.gammaPlus + c.gammaMinus + 2 * c.gammaZ;
      expect(Math.hypot(sol.y[1][0], sol.y[1][1])).toBeGreaterThan(0.1); // lasing
      expectClose(m.frequency(Float64Array.from(sol.y[1])), (detuning * gd) / (c.kappa + gd), { rtol: 1e-8 });
    }
  });

  it('lab frame (7.17): its mean field, written from H = (ωs/2)S^z + ωc a†a + Ω(a†S− + aS+), is (7.3) with (7.18) turned by e^{iωs t} (s+) and e^{−iωs t} (α); s^z and the frequency + ωs agree (1e-8)', () => {
    const [ws, delta] = [3, 0.5]; // ωs and ωc − ωs
    const c = { N: 100, pd: 0.8, Omega: 0.1, kappa: 10, gammaPlus: 0.2, gammaMinus: 0.01, gammaZ: 0.01, detuning: delta, undrivenPhaseInitial: 0.7, thetaDrivenInitial: 0.5, thetaUndrivenInitial: 0.3 };
    const mf = undrivenAtomLaserMeanField(c);
    const wc = ws + delta;
    const [gp, gm, gz, om, n, pd] = [c.gammaPlus, c.gammaMinus, c.gammaZ, c.Omega, c.N, c.pd];
    // Heisenberg equations of (7.17) in the mean field, complex arithmetic on [s+_d, s+_ud, α]:
    //   ṡ+_µ = iωs s+_µ − (γ+_µ + γ− + 2γz)s+_µ/2 − iΩα* s^z_µ   (i(ωs/2)[σz, σ+] = iωs σ+)
    //   ṡ^z_µ = −γ−(s^z_µ + 1) − γ+_µ(s^z_µ − 1) + 2iΩ(α* s−_µ − α s+_µ)
    //   α̇ = −iωc α − κα/2 − iNΩ(p_d s−_d + p_ud s−_ud)
    const lab = (out: Float64Array, y: Float64Array): void => {
      const a = [y[6], y[7]];
      const sz = [y[4], y[5]];
      for (const [k, g] of [[0, gp], [1, 0]]) {
        const [re, im] = [y[2 * k], y[2 * k + 1]];
        const d = (g + gm + 2 * gz) / 2;
        // iωs s − d s − iΩ ᾱ s^z, ᾱ = a_r − i a_i: −iΩᾱ s^z = (−Ω a_i − iΩ a_r) s^z
        out[2 * k] = -ws * im - d * re - om * a[1] * sz[k];
        out[2 * k + 1] = ws * re - d * im - om * a[0] * sz[k];
        // 2iΩ(ᾱ s̄ − α s) = 2iΩ(−2i Im(α s)) = 4Ω Im(α s)
        out[4 + k] = -gm * (sz[k] + 1) - g * (sz[k] - 1) + 4 * om * (a[0] * im + a[1] * re);
      }
      const [mr, mi] = [pd * y[0] + (1 - pd) * y[2], -(pd * y[1] + (1 - pd) * y[3])]; // s− = conj(s+)
      // −iωc α − κα/2 − iNΩ s−
      out[6] = wc * a[1] - (c.kappa / 2) * a[0] + n * om * mi;
      out[7] = -wc * a[0] - (c.kappa / 2) * a[1] - n * om * mr;
    };
    const times = [0, 5, 20, 60];
    const rot = solve(mf.rhs, mf.initialState(), times);
    const inLab = solve(lab, mf.initialState(), times);
    const turn = (re: number, im: number, phi: number): [number, number] => [re * Math.cos(phi) - im * Math.sin(phi), re * Math.sin(phi) + im * Math.cos(phi)];
    times.forEach((t, k) => {
      const [r, l] = [rot.y[k], inLab.y[k]];
      const expected = [...turn(r[0], r[1], ws * t), ...turn(r[2], r[3], ws * t), r[4], r[5], ...turn(r[6], r[7], -ws * t)];
      expectClose(Array.from(l), expected, { atol: 1e-8 });
      // the lab frequency d arg(s+)/dt of the lab equations is the rotating one + ωs
      const d = new Float64Array(8);
      lab(d, Float64Array.from(l));
      const sr = pd * l[0] + (1 - pd) * l[2];
      const si = pd * l[1] + (1 - pd) * l[3];
      const labFrequency = (sr * (pd * d[1] + (1 - pd) * d[3]) - si * (pd * d[0] + (1 - pd) * d[2])) / (sr * sr + si * si);
      expectClose(labFrequency, mf.frequency(Float64Array.from(r)) + ws, { atol: 1e-7 });
    });
    // not a trivial state: at t = 60 |α| ≈ 0.05 and |s+_d| ≈ 0.1 carry the phases checked to 1e-8
    expect(Math.hypot(rot.y[3][6], rot.y[3][7])).toBeGreaterThan(0.02);
    expect(Math.hypot(rot.y[3][0], rot.y[3][1])).toBeGreaterThan(0.02);
  });

  it('refuses bad parameters by name', () => {
    const ok = { N: 10, pd: 0.5, Omega: 1, kappa: 1, gammaPlus: 1 };
    expect(() => undrivenAtomLaserMeanField({ ...ok, kappa: 0 })).toThrow(/'kappa'.*> 0/);
    expect(() => undrivenAtomLaserMeanField({ ...ok, N: -5 })).toThrow(/'N'/);
    expect(() => undrivenAtomLaserMeanField({ ...ok, detuning: Infinity })).toThrow(/'detuning' must be a finite number/);
    expect(() => undrivenAtomLaserMeanField({ ...ok, thetaUndrivenInitial: 4 })).toThrow(/'thetaUndrivenInitial'/);
    expect(() => undrivenAtomLaserMeanField(ok).frequency(new Float64Array(6))).toThrow(/frequency: y must be a Float64Array of the model's 8 values, got length 6/);
    expect(() => undrivenAtomLaserMeanField({ ...ok, blochRadiusInitial: 1.1 })).toThrow(/'blochRadiusInitial'/);
  });
});
