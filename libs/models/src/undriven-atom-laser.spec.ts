import { readFileSync } from 'node:fs';
import { describe, expect as vexpect, it } from 'vitest';
import { createRng, denseZeros, type DenseMatrix } from '@qsync/linalg';
import { applyLindbladianInto, collective, expect, times, type Operator } from '@qsync/operators';
import { steadyState } from '@qsync/integrators';
import { steadyStateSpectrum } from '@qsync/spectral';
import { spinEnsemble } from './spin-ensemble';
import { expectClose } from '@qsync/testing';
import { superradiantLaser } from './superradiant-laser';
import { undrivenAtomLaser } from './undriven-atom-laser';

function randomHermitian(n: number, seed: number): DenseMatrix {
  const rng = createRng(seed);
  const m = denseZeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const re = rng.uniform() - 0.5;
      const im = i === j ? 0 : rng.uniform() - 0.5;
      m.data[2 * (i * n + j)] = re;
      m.data[2 * (i * n + j) + 1] = im;
      m.data[2 * (j * n + i)] = re;
      m.data[2 * (j * n + i) + 1] = -im;
    }
  }
  return m;
}

describe('undrivenAtomLaser (7.1)', () => {
  it('with N_ud = 0 and γz = 0 it is the superradiant laser (4.59) of Ch. 4 (Lρ equal on a random ρ to 1e-14)', () => {
    const c = { N: 3, cutoff: 4, Omega: 0.7, kappa: 2.3, gammaPlus: 0.9, gammaMinus: 0.2 };
    const ch4 = superradiantLaser(c);
    const ch7 = undrivenAtomLaser({ Nd: 3, Nud: 0, cutoff: 4, Omega: 0.7, kappa: 2.3, gammaPlus: 0.9, gammaMinus: 0.2 });
    vexpect(ch7.lindbladian.dims).toEqual(ch4.lindbladian.dims);
    const rho = randomHermitian(32, 5);
    const a = applyLindbladianInto(denseZeros(32, 32), ch4.lindbladian, rho);
    const b = applyLindbladianInto(denseZeros(32, 32), ch7.lindbladian, rho);
    expectClose(b.data, a.data, { atol: 1e-14, rtol: 0 });
    // and V is half of Ch. 4's (7.4)
    expectClose(ch7.badCavityCoupling, ch4.badCavityCoupling / 2, { rtol: 1e-15 });
  });

  it('the undriven atoms get no drive: with γ− = γz = 0 an undriven atom alone stays put, a driven one is pumped at γ+', () => {
    const l = undrivenAtomLaser({ Nd: 1, Nud: 1, cutoff: 2, Omega: 0, kappa: 1, gammaPlus: 0.8 });
    // ρ = |0⟩⟨0| everywhere: d/dt⟨σz_d⟩ = 2γ+, d/dt⟨σz_ud⟩ = 0
    const rho = denseZeros(8, 8);
    rho.data[0] = 1;
    const out = applyLindbladianInto(denseZeros(8, 8), l.lindbladian, rho);
    const tr = (op: Operator) => expect(op, { dims: l.lindbladian.dims, matrix: out }).re;
    expectClose(tr(l.operators.driven[0].sigmaZ), 1.6, { rtol: 1e-14 });
    expectClose(tr(l.operators.undriven[0].sigmaZ), 0, { atol: 1e-15, rtol: 0 });
  });

  it('p_d = 1, γz = 0, bad cavity: the steady state approaches that of the spin ensemble (4.52) with Ch. 4\'s V = 4NΩ²/κ = 2V, as 1/x², x = κ/(√N Ω)', () => {
    const [N, V4, gp, gm] = [3, 2, 1, 0.1];
    const ens = spinEnsemble({ N, V: V4, gammaPlus: gp, gammaMinus: gm });
    const ref = steadyState(ens.lindbladian).rho;
    const want = [expect(ens.operators.sigmaZ, ref).re, expect(ens.operators.sigmaPlusSigmaMinus, ref).re];
    const errors = [10, 20, 40].map((x) => {
      // κ = x√N Ω and 4NΩ²/κ = V4: Ω = V4·x/(4√N), κ = x²V4/4
      const laser = undrivenAtomLaser({ Nd: N, Nud: 0, cutoff: 5, Omega: (V4 * x) / (4 * Math.sqrt(N)), kappa: (x * x * V4) / 4, gammaPlus: gp, gammaMinus: gm });
      expectClose(2 * laser.badCavityCoupling, V4, { rtol: 1e-14 });
      const rho = steadyState(laser.lindbladian).rho;
      const d = laser.operators.driven;
      const pairs: Operator[] = [];
      for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) if (i !== j) pairs.push(times(d[i].sigmaPlus, d[j].sigmaMinus));
      const got = [expect(laser.operators.sigmaZDriven as Operator, rho).re, expect(collective(pairs), rho).re / (N * (N - 1))];
      return Math.max(Math.abs(got[0] - want[0]), Math.abs(got[1] - want[1]));
    });
    for (let k = 1; k < errors.length; k++) {
      const slope = Math.log2(errors[k - 1] / errors[k]);
      vexpect(slope).toBeGreaterThan(1.8);
      vexpect(slope).toBeLessThan(2.2);
    }
    vexpect(errors[2]).toBeLessThan(1e-3);
  });

  it('steady state and emission spectrum equal QuTiP 4.7 (fixture qutip-undriven-laser.json: N_d = 3, N_ud = 1, cutoff 10; N_d = N_ud = 2 detuned)', () => {
    type Case = { params: Record<string, number>; expect: Record<string, [number, number]>; omega: number[]; spectrum: number[] };
    const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/qutip-undriven-laser.json', import.meta.url), 'utf8')) as { cases: Record<string, Case> };
    for (const c of Object.values(fixture.cases)) {
      const laser = undrivenAtomLaser(c.params as never);
      const rho = steadyState(laser.lindbladian).rho;
      const ops = laser.operators;
      const [d1, d2] = ops.driven;
      const [u1, u2] = ops.undriven;
      const mine: Record<string, Operator | undefined> = {
        n: ops.n,
        sigmaZDriven: ops.sigmaZDriven,
        sigmaZUndriven: ops.sigmaZUndriven,
        adagSigmaMinusD1: times(ops.adag, d1.sigmaMinus),
        sigmaPlusD1SigmaMinusD2: d2 === undefined ? undefined : times(d1.sigmaPlus, d2.sigmaMinus),
        sigmaPlusD1SigmaMinusU1: times(d1.sigmaPlus, u1.sigmaMinus),
        sigmaPlusU1SigmaMinusU2: u2 === undefined ? undefined : times(u1.sigmaPlus, u2.sigmaMinus),
      };
      for (const [name, [re, im]] of Object.entries(c.expect)) {
        const v = expect(mine[name] as Operator, rho);
        expectClose([v.re, v.im], [re, im], { atol: 1e-9, rtol: 0 });
      }
      const spec = steadyStateSpectrum(laser.lindbladian, c.omega, ops.adag, ops.a);
      expectClose(spec.density, c.spectrum, { rtol: 1e-7, atol: 1e-9 * Math.max(...c.spectrum) });
    }
  });

  it('refuses bad parameters by name', () => {
    const ok = { Nd: 2, Nud: 1, cutoff: 4, Omega: 0.5, kappa: 1, gammaPlus: 1 };
    vexpect(() => undrivenAtomLaser({ ...ok, Nd: 1.5 })).toThrow(/'Nd' must be an integer/);
    vexpect(() => undrivenAtomLaser({ ...ok, Nd: 0, Nud: 0 })).toThrow(/Nd \+ Nud must be ≥ 1/);
    vexpect(() => undrivenAtomLaser({ ...ok, cutoff: 1 })).toThrow(/'cutoff'/);
    vexpect(() => undrivenAtomLaser({ ...ok, gammaZ: -1 })).toThrow(/'gammaZ'/);
    vexpect(() => undrivenAtomLaser({ ...ok, kappa: 0 })).toThrow(/'kappa'/);
  });
});
