import { describe, expect as vexpect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { groupCorrelationEquations } from './group-correlation-equations';
import { groupCumulantEquations } from './group-cumulant-equations';
import { operatorAlgebra } from './operator-algebra';
import { regressionSpectrum } from './regression-spectrum';

// Thesis (7.14) as printed, with symbolic Nd, Nud: the laser (7.1) (H = Ω(a†S− + aS+), κD[a],
// γ+D[σ+_d], γ−D[σ−], (γz/2)D[σz]) in groups, c = (⟨a†(τ)a⟩, ⟨σ+_d(τ)a⟩, ⟨σ+_ud(τ)a⟩),
//   M = [[−κ/2, iNdΩ, iNudΩ], [−iΩs_z^d, −(Γ + γ+)/2, 0], [−iΩs_z^ud, 0, −Γ/2]], Γ = γ− + 2γz,
// and c(0) the class moments ⟨a†a⟩, ⟨σ+_d a⟩, ⟨σ+_ud a⟩ of y. At random moments, parameters and
// sizes up to 10⁵ (far outside the explicit sizes 7…9 the entries are extrapolated from).
// Tolerance 1e-12 of N·Ω.

function laser([nd, nud]: readonly number[]) {
  const sites = [
    { kind: 'boson' as const, name: 'a' },
    ...Array.from({ length: nd }, (_, i) => ({ kind: 'spin' as const, name: `d${i + 1}` })),
    ...Array.from({ length: nud }, (_, i) => ({ kind: 'spin' as const, name: `u${i + 1}` })),
  ];
  const alg = operatorAlgebra({ sites, parameters: ['Omega', 'kappa', 'gp', 'gm', 'gz', 'Nd', 'Nud'] });
  const d = Array.from({ length: nd }, (_, i) => 1 + i);
  const u = Array.from({ length: nud }, (_, i) => 1 + nd + i);
  const all = [...d, ...u];
  const coupling = alg.create(0).times(alg.sum(all.map((i) => alg.sigmaMinus(i))));
  return {
    alg,
    model: {
      hamiltonian: alg.parameter('Omega').times(coupling.plus(coupling.dagger())),
      dissipators: [
        { rate: 'kappa', jump: alg.destroy(0) },
        ...d.map((i) => ({ rate: 'gp', jump: alg.sigmaPlus(i) })),
        ...all.map((i) => ({ rate: 'gm', jump: alg.sigmaMinus(i) })),
        ...all.map((i) => ({ rate: alg.parameter('gz').times(0.5), jump: alg.sigmaZ(i) })),
      ],
    },
    moments: [alg.sigmaZ(1), alg.sigmaZ(1 + nd), alg.create(0).times(alg.destroy(0))],
    groups: [d, u],
  };
}

describe('groupCorrelationEquations: (7.14) with symbolic Nd, Nud', () => {
  const eqs = groupCumulantEquations(laser, { order: 2, u1: true, sizes: ['Nd', 'Nud'] });
  it('equals the printed M and c(0) at random points, Nd, Nud up to 10⁵', () => {
    const rng = createRng(17);
    const slot = (name: string) => eqs.moments.find((m) => m.name === name) as { offset: number; real: boolean };
    for (let trial = 0; trial < 3; trial++) {
      const Nd = Math.floor(2 + 1e5 * rng.uniform());
      const Nud = Math.floor(2 + 1e4 * rng.uniform());
      const [Om, ka, gp, gm, gz] = [0.01, 50, 1, 0.1, 0.05].map((s) => s * (0.5 + rng.uniform()));
      const y = Float64Array.from({ length: eqs.size }, () => rng.uniform() - 0.5);
      const p = [Om, ka, gp, gm, gz, Nd, Nud];
      const c = groupCorrelationEquations(laser, eqs, { a: (s) => s.alg.create(0), b: (s) => s.alg.destroy(0), sizes: ['Nd', 'Nud'], y, p });
      vexpect(c.names).toEqual(['a†', 'σ+_d1', 'σ+_u1']);
      const szd = y[slot('σz_d1').offset];
      const szu = y[slot('σz_u1').offset];
      const G = gm + 2 * gz;
      const want = Float64Array.of(
        -ka / 2, 0, 0, Nd * Om, 0, Nud * Om,
        0, -Om * szd, -(G + gp) / 2, 0, 0, 0,
        0, -Om * szu, 0, 0, -G / 2, 0,
      );
      expectClose(c.matrix.data, want, { atol: 1e-12 * (1 + Nd * Om) });
      const value = (name: string) => {
        const v = eqs.moments.find((m) => m.name === name);
        if (v === undefined) throw new Error(name);
        return [y[v.offset], v.real ? 0 : y[v.offset + 1]];
      };
      // ⟨σ+_d a⟩ is kept as its conjugate class ⟨a†σ−_d⟩ when that is the variable
      const cross = (s: string) => {
        const direct = eqs.moments.find((m) => m.name === `a σ+_${s}` || m.name === `aσ+_${s}`);
        if (direct !== undefined) return value(direct.name);
        const [re, im] = value(`a†σ−_${s}`);
        return [re, -im];
      };
      expectClose(c.initial, Float64Array.from([...value('a†a'), ...cross('d1'), ...cross('u1')]), { atol: 1e-13 });
    }
  });

  it('regressionSpectrum solves only what feeds c₀: N_ud = 0 with Γ = 0 (σ+_u does not decay) gives the 2 × 2 spectrum, also at ω = 0', () => {
    // M on (a†, σ+_d): [[−κ/2, iN_dΩ], [−iΩs_z^d, −γ+/2]]; S = 2Re[(iω − M)⁻¹c(0)]_0 by Cramer's rule.
    // Solving the whole 3 × 3 failed at ω = 0: row and column of σ+_u vanish there (LU singular).
    const [Om, ka, gp, Nd] = [0.02, 40, 1, 3000];
    const y = new Float64Array(eqs.size).fill(0.05);
    const slot = (name: string) => (eqs.moments.find((m) => m.name === name) as { offset: number }).offset;
    y[slot('σz_d1')] = 0.3;
    y[slot('σz_u1')] = -0.4;
    y[slot('a†a')] = 2;
    const c = groupCorrelationEquations(laser, eqs, { a: (s) => s.alg.create(0), b: (s) => s.alg.destroy(0), sizes: ['Nd', 'Nud'], y, p: [Om, ka, gp, 0, 0, Nd, 0] });
    vexpect(c.names).toEqual(['a†', 'σ+_d1', 'σ+_u1']);
    const omega = [0, 0.3, -0.2, 5];
    type Z = [number, number];
    const mul = (u: Z, v: Z): Z => [u[0] * v[0] - u[1] * v[1], u[0] * v[1] + u[1] * v[0]];
    const sub = (u: Z, v: Z): Z => [u[0] - v[0], u[1] - v[1]];
    const div = (u: Z, v: Z): Z => {
      const d = v[0] * v[0] + v[1] * v[1];
      return [(u[0] * v[0] + u[1] * v[1]) / d, (u[1] * v[0] - u[0] * v[1]) / d];
    };
    const c0: Z = [c.initial[0], c.initial[1]];
    const c1: Z = [c.initial[2], c.initial[3]];
    const want = omega.map((w) => {
      const [a00, a01, a10, a11]: Z[] = [[ka / 2, w], [0, -Nd * Om], [0, Om * 0.3], [gp / 2, w]];
      return 2 * div(sub(mul(a11, c0), mul(a01, c1)), sub(mul(a00, a11), mul(a01, a10)))[0];
    });
    expectClose(regressionSpectrum(c, omega), Float64Array.from(want), { rtol: 1e-12 });
    // a component that feeds c₀ and does not decay (N_ud = 5, s_z^ud = 0, Γ = 0) is named at ω = 0
    y[slot('σz_u1')] = 0;
    const feeding = groupCorrelationEquations(laser, eqs, { a: (s) => s.alg.create(0), b: (s) => s.alg.destroy(0), sizes: ['Nd', 'Nud'], y, p: [Om, ka, gp, 0, 0, Nd, 5] });
    vexpect(() => regressionSpectrum(feeding, [0])).toThrow(/regressionSpectrum: iω − M is singular at ω = 0 on the components that feed c₀ \(a†, σ\+_d1, σ\+_u1\)/);
  });

  it('builds the explicit models once per set of equations: later calls (other y, p) reuse them', () => {
    // the random-point check above runs its 2nd and 3rd trials on the reused models against (7.14)
    let builds = 0;
    const counted = (sizes: readonly number[]) => {
      builds++;
      return laser(sizes);
    };
    const own = groupCumulantEquations(laser, { order: 2, u1: true, sizes: ['Nd', 'Nud'] });
    const config = (nd: number) => ({ a: (s: ReturnType<typeof laser>) => s.alg.create(0), b: (s: ReturnType<typeof laser>) => s.alg.destroy(0), sizes: ['Nd', 'Nud'], y: new Float64Array(own.size).fill(0.1), p: [0.01, 50, 1, 0.1, 0.05, nd, 100] });
    const first = groupCorrelationEquations(counted, own, config(1000));
    vexpect(builds).toBe(4); // the base sizes, one step per group, the check sizes
    const second = groupCorrelationEquations(counted, own, config(2000));
    vexpect(builds).toBe(4);
    // iN_dΩ follows the new N_d
    expectClose([first.matrix.data[3], second.matrix.data[3]], [1000 * 0.01, 2000 * 0.01], { rtol: 1e-12 });
  });

  it('refuses bad sizes and y, naming them', () => {
    const base = { a: (s: ReturnType<typeof laser>) => s.alg.create(0), b: (s: ReturnType<typeof laser>) => s.alg.destroy(0) };
    const y = new Float64Array(eqs.size);
    vexpect(() => groupCorrelationEquations(laser, eqs, { ...base, sizes: ['Nd'], y, p: [1, 1, 1, 1, 1, 10, 10] })).toThrow(/config.sizes must name the 2 size parameter/);
    vexpect(() => groupCorrelationEquations(laser, eqs, { ...base, sizes: ['Nd', 'M'], y, p: [1, 1, 1, 1, 1, 10, 10] })).toThrow(/'M' must be a parameter/);
    vexpect(() => groupCorrelationEquations(laser, eqs, { ...base, sizes: ['Nd', 'Nud'], y: [1], p: [1, 1, 1, 1, 1, 10, 10] })).toThrow(/config.y must hold/);
  });
});

describe('groupCorrelationEquations with declared charges', () => {
  // two groups with a counter-rotating exchange g(S+_A S+_B + S−_A S−_B) and decay γ; conserved
  // Sz_A − Sz_B (B at charge −1). c = (⟨σ+_A(τ)σ−_A1⟩, ⟨σ−_B(τ)σ−_A1⟩): L†σ+_A1 = −(γ/2)σ+_A1 −
  // ig σz_A1 S−_B and L†σ−_B1 = −(γ/2)σ−_B1 + ig σz_B1 S+_A, so with (6.19)
  // M = [[−γ/2, −ig s_z^A N_B], [ig s_z^B N_A, −γ/2]], c(0)_0 = (1 + s_z^A)/2. Under the standard
  // charge σ−_B is not a partner of σ+_A and the term was refused.
  const build = ([na, nb]: readonly number[]) => {
    const alg = operatorAlgebra({
      sites: [...Array.from({ length: na }, (_, i) => ({ kind: 'spin' as const, name: `A${i + 1}` })), ...Array.from({ length: nb }, (_, i) => ({ kind: 'spin' as const, name: `B${i + 1}` }))],
      parameters: ['g', 'gamma', 'NA', 'NB'],
    });
    const A = Array.from({ length: na }, (_, i) => i);
    const B = Array.from({ length: nb }, (_, i) => na + i);
    const up = alg.sum(A.map((i) => alg.sigmaPlus(i))).times(alg.sum(B.map((i) => alg.sigmaPlus(i))));
    return {
      alg,
      model: { hamiltonian: alg.parameter('g').times(up.plus(up.dagger())), dissipators: [...A, ...B].map((i) => ({ rate: 'gamma', jump: alg.sigmaMinus(i) })) },
      moments: [alg.sigmaZ(0), alg.sigmaZ(na)],
      groups: [A, B],
    };
  };
  it('picks σ−_B as the partner of σ+_A and gives M of the closed form at N_A = 300, N_B = 70 (1e-12 of N·g)', () => {
    const eqs = groupCumulantEquations(build, { order: 2, u1: true, sizes: ['NA', 'NB'], charges: (s) => (s.startsWith('B') ? -1 : 1) });
    const y = new Float64Array(eqs.size);
    const [szA, szB] = [-0.35, 0.6];
    for (const m of eqs.moments) y[m.offset] = m.name === 'σz_A1' ? szA : m.name === 'σz_B1' ? szB : 0.05;
    const [g, gamma, NA, NB] = [0.7, 0.4, 300, 70];
    const c = groupCorrelationEquations(build, eqs, { a: (s) => s.alg.sigmaPlus(0), b: (s) => s.alg.sigmaMinus(0), sizes: ['NA', 'NB'], y, p: [g, gamma, NA, NB] });
    vexpect(c.names).toEqual(['σ+_A1', 'σ−_B1']);
    expectClose(Array.from(c.matrix.data), [-gamma / 2, 0, 0, -g * szA * NB, 0, g * szB * NA, -gamma / 2, 0], { atol: 1e-12 * NA * g });
    expectClose([c.initial[0], c.initial[1]], [(1 + szA) / 2, 0], { atol: 1e-12 });
  });
});
