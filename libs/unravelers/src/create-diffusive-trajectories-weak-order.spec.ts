import { channelValue } from '@qsync/frames';
import { compileLindbladRhs, mesolve } from '@qsync/integrators';
import { coherentKet, create, destroy, fockSpace, lindbladian, num, power, pureState, scaled } from '@qsync/operators';
import type { Lindbladian, Operator } from '@qsync/operators';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createDiffusiveTrajectories } from './create-diffusive-trajectories';
import type { SmeMethod } from './compile-diffusive-sme';

/**
 * The ensemble mean of a diffusive SME's trajectories (Euler–Maruyama or Milstein) is exactly the
 * explicit Euler solution of the master equation with the same step: every noise term of a step,
 * H[X]ρ dW and the Milstein terms ½(dW_k dW_l − δ_kl dt)·b_k'[b_l], has conditional mean 0 and
 * trace 0, so E[ρ_{k+1} | ρ_k] = ρ_k + Lρ_k dt. The only bias against the master equation is then
 * Euler's, ∝ dt (weak order 1): on the vdP oscillator of Fig. 4.2 from |α = 2⟩ (H = 4a†a,
 * κ1 = 4, κ2 = ½, κ = 1 watched by homodyne of x; cutoff 12 there), Im⟨a⟩ at t = 0.02 is off by
 * −0.13·dt, which the homodyne ensemble resolves (its spread in the unwatched quadrature is tiny at
 * early times: SE 2.4e-5 for 400 trajectories), so Fig. 4.2's 400-trajectory mean at its former
 * dt = 5e-4 sat ≈ 3 SE off there: the weak early-time bias, expected of these schemes (the figure
 * now steps at dt = 1e-4, ≤ 0.53 SE, and reports that bias beside its checks).
 */
const CUTOFF = 10;
const OUT = 0.02;
const SAMPLES = 3;
const N = 8000;

function vdp(omega: number): { l: Lindbladian; a: Operator } {
  const space = fockSpace(CUTOFF);
  const a = destroy(space);
  const l = lindbladian(scaled(num(space), omega), [
    { rate: 4, jump: create(space) },
    { rate: 0.5, jump: power(a, 2) },
    { rate: 1, jump: a },
  ]);
  return { l, a };
}

function initialState() {
  const ket = coherentKet(fockSpace(CUTOFF), { re: 2, im: 0 });
  let norm = 0;
  for (const v of ket.data) norm += v * v;
  const data = ket.data.map((v) => v / Math.sqrt(norm));
  return pureState({ dims: ket.dims, data });
}

/** ⟨a⟩ = Σ_n √n ρ_{n,n−1} of an interleaved n×n ρ. */
function meanA(rho: Float64Array): [number, number] {
  let re = 0;
  let im = 0;
  for (let k = 1; k < CUTOFF; k++) {
    re += Math.sqrt(k) * rho[2 * (k * CUTOFF + k - 1)];
    im += Math.sqrt(k) * rho[2 * (k * CUTOFF + k - 1) + 1];
  }
  return [re, im];
}

/** ⟨a⟩ at the output times of the explicit Euler solution ρ ← ρ + dt·Lρ (the matrix-free Lindblad RHS, not the SME's stencil). */
function eulerMaster(l: Lindbladian, dt: number): number[][] {
  const rhs = compileLindbladRhs(l);
  const rho = Float64Array.from(initialState().matrix.data);
  const drho = new Float64Array(rho.length);
  const every = Math.round(OUT / dt);
  const out = [meanA(rho)];
  for (let q = 1; q < SAMPLES; q++) {
    for (let k = 0; k < every; k++) {
      rhs.applyInto(drho, rho);
      for (let i = 0; i < rho.length; i++) rho[i] += dt * drho[i];
    }
    out.push(meanA(rho));
  }
  return out;
}

/** Mean and SE of ⟨a⟩ (re, im) over N homodyne trajectories at each output time. */
function ensemble(omega: number, dt: number, method: SmeMethod): { mean: number[][]; se: number[][] } {
  const { l, a } = vdp(omega);
  const every = Math.round(OUT / dt);
  const runs = createDiffusiveTrajectories(
    { hamiltonian: l.hamiltonian, dissipators: l.dissipators.filter((d) => d.jump !== a), monitored: [{ rate: 1, jump: a, unraveling: 'homodyne' }] },
    { rho0: initialState(), dt, tEnd: SAMPLES * every * dt, outputEvery: every, noiseSeed: 11, method, expect: { a } },
  );
  const cols = { I0: new Float64Array(SAMPLES), a: new Float64Array(2 * SAMPLES) };
  const s1 = new Float64Array(2 * SAMPLES);
  const s2 = new Float64Array(2 * SAMPLES);
  for (let k = 0; k < N; k++) {
    runs.runInto(k, cols);
    for (let q = 0; q < 2 * SAMPLES; q++) {
      s1[q] += cols.a[q];
      s2[q] += cols.a[q] ** 2;
    }
  }
  const mean: number[][] = [];
  const se: number[][] = [];
  for (let q = 0; q < SAMPLES; q++) {
    const m = [s1[2 * q] / N, s1[2 * q + 1] / N];
    mean.push(m);
    se.push([0, 1].map((c) => Math.sqrt(Math.max(0, s2[2 * q + c] / N - m[c] ** 2) / (N - 1))));
  }
  return { mean, se };
}

describe('createDiffusiveTrajectories: weak order of the ensemble mean', () => {
  const times = Array.from({ length: SAMPLES }, (_, q) => q * OUT);
  const master = (async () => {
    const { l, a } = vdp(4);
    const frames = await lastValueFrom(mesolve(l, initialState(), times, { expect: { a }, rtol: 1e-11, atol: 1e-13 }).pipe(toArray()));
    return frames.map((f) => channelValue(f, 'a', 'complex'));
  })();

  it.each(['euler-maruyama', 'milstein'] as const)('%s: the homodyne ensemble equals explicit Euler of the master equation at the same dt, and misses mesolve by a bias ∝ dt', async (method) => {
    const me = await master;
    const bias: number[] = [];
    for (const dt of [2e-3, 1e-3]) {
      const euler = eulerMaster(vdp(4).l, dt);
      const { mean, se } = ensemble(4, dt, method);
      for (let q = 1; q < SAMPLES; q++) {
        for (const c of [0, 1]) {
          // 8 comparisons per method: 4 SE is family-wise < 1e-3
          expect(Math.abs(mean[q][c] - euler[q][c]), `dt ${dt}, t ${times[q]}, ${c === 0 ? 'Re' : 'Im'}⟨a⟩ vs Euler`).toBeLessThan(4 * se[q][c]);
        }
      }
      // Im⟨a⟩ at t = 0.02 and 0.04 against mesolve (Euler's −0.20·dt and −0.44·dt at this cutoff: 39 and 19 SE at dt = 2e-3)
      bias.push(mean[1][1] - me[1].im + mean[2][1] - me[2].im);
    }
    // weak order 1: halving dt halves the bias (order ½ would give √2, order 2 four)
    expect(bias[0] / bias[1]).toBeGreaterThan(1.6);
    expect(bias[0] / bias[1]).toBeLessThan(2.5);
  });

  it('tells a wrong model from the step bias: trajectories rotating 0.2 % fast miss explicit Euler by many SE', () => {
    const dt = 2e-3;
    const euler = eulerMaster(vdp(4).l, dt);
    const { mean, se } = ensemble(4 * 1.002, dt, 'milstein');
    expect(Math.abs(mean[1][1] - euler[1][1]) / se[1][1]).toBeGreaterThan(10);
  });
});
