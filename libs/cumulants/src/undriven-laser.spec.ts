import { describe, expect as vexpect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { compileCumulantRhs } from './compile-cumulant-rhs';
import { groupCumulantEquations, type GroupSystem } from './group-cumulant-equations';
import { operatorAlgebra } from './operator-algebra';

// The laser of thesis Eq. (7.1) with Nd driven and Nud undriven spins: H = Ω(a†S− + aS+),
// κD[a] + γ+ Σ_d D[σ+_d] + Σ_µ Σ_i (γ− D[σ−_µ,i] + (γz/2) D[σz_µ,i]). The engine's order-2,
// U(1)-filtered equations for groups of symbolic sizes Nd, Nud must be the eight equations of
// App. 7.A as printed (re-derived here from the printed text, Γ = γ− + 2γz), at random points.

function laser([nd, nud]: readonly number[]): GroupSystem {
  const sites = [
    { kind: 'boson' as const, name: 'a' },
    ...Array.from({ length: nd }, (_, i) => ({ kind: 'spin' as const, name: `d${i + 1}` })),
    ...Array.from({ length: nud }, (_, i) => ({ kind: 'spin' as const, name: `u${i + 1}` })),
  ];
  const alg = operatorAlgebra({ sites, parameters: ['Omega', 'kappa', 'gp', 'gm', 'gz', 'Nd', 'Nud'] });
  const d = Array.from({ length: nd }, (_, i) => 1 + i);
  const u = Array.from({ length: nud }, (_, i) => 1 + nd + i);
  const all = [...d, ...u];
  const sMinus = alg.sum(all.map((i) => alg.sigmaMinus(i)));
  const a = alg.destroy(0);
  const coupling = alg.create(0).times(sMinus);
  return {
    model: {
      hamiltonian: alg.parameter('Omega').times(coupling.plus(coupling.dagger())),
      dissipators: [
        { rate: 'kappa', jump: a },
        ...d.map((i) => ({ rate: 'gp', jump: alg.sigmaPlus(i) })),
        ...all.map((i) => ({ rate: 'gm', jump: alg.sigmaMinus(i) })),
        ...all.map((i) => ({ rate: alg.parameter('gz').times(0.5), jump: alg.sigmaZ(i) })),
      ],
    },
    moments: [alg.sigmaZ(1), alg.sigmaZ(1 + nd), alg.create(0).times(a)],
    groups: [d, u],
  };
}

type C = { re: number; im: number };
const cx = (re: number, im = 0): C => ({ re, im });
const add = (...z: C[]): C => z.reduce((s, w) => cx(s.re + w.re, s.im + w.im), cx(0));
const mul = (a: C, b: C): C => cx(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
const sc = (s: number, a: C): C => cx(s * a.re, s * a.im);
const conj = (a: C): C => cx(a.re, -a.im);
const I = cx(0, 1);

describe('groupCumulantEquations: the eight equations of App. 7.A from (7.1)', () => {
  const eqs = groupCumulantEquations(laser, { order: 2, u1: true, sizes: ['Nd', 'Nud'] });

  it('closes on the eight moments of App. 7.A', () => {
    vexpect(eqs.moments.map((m) => m.name).sort()).toEqual(
      ['a†a', 'aσ+_d1', 'aσ+_u1', 'σz_d1', 'σz_u1', 'σ+_d1σ−_d2', 'σ+_u1σ−_u2', 'σ+_d1σ−_u1'].sort(),
    );
  });

  it('right-hand sides equal the printed ones at random points (1e-12)', () => {
    const rhs = compileCumulantRhs(eqs);
    const rng = createRng(71);
    const r = () => rng.uniform() - 0.5;
    for (let trial = 0; trial < 6; trial++) {
      const [Nd, Nud] = [2 + Math.floor(1000 * rng.uniform()), 2 + Math.floor(1000 * rng.uniform())];
      const [Om, kappa, gp, gm, gz] = [rng.uniform(), 3 * rng.uniform(), rng.uniform(), rng.uniform(), rng.uniform()];
      const G = gm + 2 * gz;
      // the printed variables: s^z_d, s^z_ud, ⟨a†a⟩, x_µ = ⟨a†σ−_µ⟩, c_dd, c_uu (real), c_du = ⟨σ+_dσ−_ud⟩
      const szd = 2 * r();
      const szu = 2 * r();
      const n = 5 * rng.uniform();
      const xd = cx(r(), r());
      const xu = cx(r(), r());
      const cdd = r() / 4;
      const cuu = r() / 4;
      const cdu = cx(r() / 4, r() / 4);
      const d = {
        szd: -gm * (szd + 1) - gp * (szd - 1) - 4 * Om * xd.im,
        szu: -gm * (szu + 1) - 4 * Om * xu.im,
        n: -kappa * n + 2 * Om * (Nd * xd.im + Nud * xu.im),
        xd: add(sc(-(gp + G + kappa) / 2, xd), mul(sc(Om, I), add(cx((Nd - 1) * cdd), cx((1 + szd) / 2), sc(Nud, conj(cdu)), cx(n * szd)))),
        xu: add(sc(-(G + kappa) / 2, xu), mul(sc(Om, I), add(cx((Nud - 1) * cuu), cx((1 + szu) / 2), sc(Nd, cdu), cx(n * szu)))),
        cdd: -(gp + G) * cdd + 2 * Om * szd * xd.im,
        cuu: -G * cuu + 2 * Om * szu * xu.im,
        cdu: add(sc(-(gp / 2 + G), cdu), mul(sc(Om, I), add(sc(szu, conj(xd)), sc(-szd, xu)))),
      };
      // the engine's variables (one of each conjugate pair): ⟨aσ+_µ⟩ = conj x_µ
      const value: Record<string, C> = {
        σz_d1: cx(szd), σz_u1: cx(szu), 'a†a': cx(n), 'aσ+_d1': conj(xd), 'aσ+_u1': conj(xu),
        'σ+_d1σ−_d2': cx(cdd), 'σ+_u1σ−_u2': cx(cuu), 'σ+_d1σ−_u1': cdu,
      };
      const rate: Record<string, C> = {
        σz_d1: cx(d.szd), σz_u1: cx(d.szu), 'a†a': cx(d.n), 'aσ+_d1': conj(d.xd), 'aσ+_u1': conj(d.xu),
        'σ+_d1σ−_d2': cx(d.cdd), 'σ+_u1σ−_u2': cx(d.cuu), 'σ+_d1σ−_u1': d.cdu,
      };
      const y = new Float64Array(eqs.size);
      for (const m of eqs.moments) {
        y[m.offset] = value[m.name].re;
        if (!m.real) y[m.offset + 1] = value[m.name].im;
      }
      const out = new Float64Array(eqs.size);
      rhs(out, y, 0, Float64Array.of(Om, kappa, gp, gm, gz, Nd, Nud));
      const got: number[] = [];
      const want: number[] = [];
      for (const m of eqs.moments) {
        got.push(out[m.offset], m.real ? 0 : out[m.offset + 1]);
        want.push(rate[m.name].re, m.real ? 0 : rate[m.name].im);
      }
      // terms up to N·Ω ~ 10³ cancel: 1e-12 of that scale
      expectClose(got, want, { atol: 1e-12 * (Nd + Nud), rtol: 1e-12 });
    }
  });
});
