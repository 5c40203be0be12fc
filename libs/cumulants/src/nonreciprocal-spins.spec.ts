import { describe, expect as vexpect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { compileCumulantRhs } from './compile-cumulant-rhs';
import { groupCumulantEquations, type GroupSystem } from './group-cumulant-equations';
import { operatorAlgebra } from './operator-algebra';

// The nonreciprocally coupled spin species of thesis Eq. (6.1): H0 = δ(Sz_A − Sz_B)/4,
// H_inter = i(V−/2N)S+_A S−_B + H.c., L_inter = (V+/N)(D[S−_A, S−_B] + D[S−_B, S−_A]) (6.3),
// L_intra = (V/N)(D[S−_A] + D[S−_B]), L_drive = γ+ Σ_i (D[σ+_A,i] + D[σ+_B,i]). The engine's
// order-2, U(1)-filtered equations for two groups of N spins are compared with the printed
// second-order system of App. 6.D (V_AB = V+ + V−, V_BA = V+ − V−), re-derived here from the text.

function species([na, nb]: readonly number[]): GroupSystem {
  const sites = [
    ...Array.from({ length: na }, (_, i) => ({ kind: 'spin' as const, name: `A${i + 1}` })),
    ...Array.from({ length: nb }, (_, i) => ({ kind: 'spin' as const, name: `B${i + 1}` })),
  ];
  const alg = operatorAlgebra({ sites, parameters: ['delta', 'VmN', 'VpN', 'VN', 'gp', 'N'] });
  const A = Array.from({ length: na }, (_, i) => i);
  const B = Array.from({ length: nb }, (_, i) => na + i);
  const S = (idx: number[]) => alg.sum(idx.map((i) => alg.sigmaMinus(i)));
  const Z = (idx: number[]) => alg.sum(idx.map((i) => alg.sigmaZ(i)));
  const inter = S(A).dagger().times(S(B)).times({ re: 0, im: 0.5 }).times(alg.parameter('VmN'));
  const hamiltonian = alg.parameter('delta').times(Z(A).minus(Z(B))).times(0.25).plus(inter).plus(inter.dagger());
  return {
    model: {
      hamiltonian,
      dissipators: [
        { rate: 'VpN', jump: S(A), jump2: S(B) },
        { rate: 'VpN', jump: S(B), jump2: S(A) },
        { rate: 'VN', jump: S(A) },
        { rate: 'VN', jump: S(B) },
        ...[...A, ...B].map((i) => ({ rate: 'gp', jump: alg.sigmaPlus(i) })),
      ],
    },
    moments: [alg.sigmaZ(0), alg.sigmaZ(na)],
    groups: [A, B],
  };
}

describe('groupCumulantEquations: the second-order system of App. 6.D from (6.1)', () => {
  const eqs = groupCumulantEquations(species, { order: 2, u1: true, sizes: ['N', 'N'] });

  it('closes on the eight moments of App. 6.D', () => {
    vexpect(eqs.moments.map((m) => m.name).sort()).toEqual(
      ['σz_A1', 'σz_B1', 'σ+_A1σ−_A2', 'σ+_B1σ−_B2', 'σ+_A1σ−_B1', 'σz_A1σz_A2', 'σz_B1σz_B2', 'σz_A1σz_B1'].sort(),
    );
  });

  it('right-hand sides equal the printed ones at random points (1e-12 of N·V)', () => {
    const rhs = compileCumulantRhs(eqs);
    const rng = createRng(61);
    const r = () => rng.uniform() - 0.5;
    for (let trial = 0; trial < 6; trial++) {
      const N = 2 + Math.floor(500 * rng.uniform());
      const [delta, Vm, Vp, V, gp] = [r(), 2 * r(), 2 * r(), 2 * rng.uniform(), rng.uniform()];
      const VAB = Vp + Vm;
      const VBA = Vp - Vm;
      const [sa, sb, caa, cbb, zaa, zbb, zab] = [2 * r(), 2 * r(), r() / 4, r() / 4, 2 * r(), 2 * r(), 2 * r()];
      const cab = { re: r() / 4, im: r() / 4 };
      const f = (N - 1) / N;
      const want: Record<string, { re: number; im: number }> = {
        σz_A1: { re: (-V * (sa + 1)) / N + gp * (1 - sa) - 2 * V * f * caa - 2 * VBA * cab.re, im: 0 },
        σz_B1: { re: (-V * (sb + 1)) / N + gp * (1 - sb) - 2 * V * f * cbb - 2 * VAB * cab.re, im: 0 },
        'σ+_A1σ−_A2': { re: -(gp + V / N) * caa + (V / (2 * N)) * (zaa + sa) + (V * sa * (N - 2)) / N * caa + VBA * sa * cab.re, im: 0 },
        'σ+_B1σ−_B2': { re: -(gp + V / N) * cbb + (V / (2 * N)) * (zbb + sb) + (V * sb * (N - 2)) / N * cbb + VAB * sb * cab.re, im: 0 },
        // −(γ+ + V/N − iδ)c + V(N−1)/2N (s_A + s_B) c + V_AB(s_B + z_AB)/4N + V_BA(s_A + z_AB)/4N + (N−1)/2N (V_AB s_B c_AA + V_BA s_A c_BB)
        'σ+_A1σ−_B1': {
          re: -(gp + V / N) * cab.re - delta * cab.im + ((V * f) / 2) * (sa + sb) * cab.re + (VAB * (sb + zab)) / (4 * N) + (VBA * (sa + zab)) / (4 * N) + (f / 2) * (VAB * sb * caa + VBA * sa * cbb),
          im: -(gp + V / N) * cab.im + delta * cab.re + ((V * f) / 2) * (sa + sb) * cab.im,
        },
        'σz_A1σz_A2': { re: 2 * sa * (gp - V / N) - 2 * zaa * (gp + V / N) - 4 * VBA * sa * cab.re + (V * (4 * caa - 4 * (N - 2) * sa * caa)) / N, im: 0 },
        'σz_B1σz_B2': { re: 2 * sb * (gp - V / N) - 2 * zbb * (gp + V / N) - 4 * VAB * sb * cab.re + (V * (4 * cbb - 4 * (N - 2) * sb * cbb)) / N, im: 0 },
        'σz_A1σz_B1': {
          re: gp * (sa + sb - 2 * zab) + 2 * f * Vm * (sb - sa) * cab.re - 2 * f * Vp * (sa + sb) * cab.re - 2 * f * V * (sb * caa + sa * cbb) - (V * (sa + sb + 2 * zab)) / N + (4 * Vp * cab.re) / N,
          im: 0,
        },
      };
      const value: Record<string, { re: number; im: number }> = {
        σz_A1: { re: sa, im: 0 }, σz_B1: { re: sb, im: 0 }, 'σ+_A1σ−_A2': { re: caa, im: 0 }, 'σ+_B1σ−_B2': { re: cbb, im: 0 },
        'σ+_A1σ−_B1': cab, 'σz_A1σz_A2': { re: zaa, im: 0 }, 'σz_B1σz_B2': { re: zbb, im: 0 }, 'σz_A1σz_B1': { re: zab, im: 0 },
      };
      const y = new Float64Array(eqs.size);
      for (const m of eqs.moments) {
        y[m.offset] = value[m.name].re;
        if (!m.real) y[m.offset + 1] = value[m.name].im;
      }
      const out = new Float64Array(eqs.size);
      rhs(out, y, 0, Float64Array.of(delta, Vm / N, Vp / N, V / N, gp, N));
      const got: number[] = [];
      const ref: number[] = [];
      for (const m of eqs.moments) {
        got.push(out[m.offset], m.real ? 0 : out[m.offset + 1]);
        ref.push(want[m.name].re, m.real ? 0 : want[m.name].im);
      }
      expectClose(got, ref, { atol: 1e-12 * N, rtol: 1e-12 });
    }
  });
});
